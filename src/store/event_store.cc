#include "store/event_store.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "store/query.h"

namespace dragoman::store {
namespace {

// FNV-1a, 64 bits: stable across platforms and builds, which std::hash is not.
class Fnv64 {
 public:
  void Add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      hash_ ^= c;
      hash_ *= 0x100000001b3ULL;
    }
  }
  // Length first, so ("ab","c") and ("a","bc") differ.
  void AddField(std::string_view bytes) {
    Add(std::to_string(bytes.size()));
    Add(":");
    Add(bytes);
  }
  uint64_t value() const { return hash_; }

 private:
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

Span Clamp(Span span, size_t size) {
  span.begin = std::min(span.begin, size);
  span.end = std::min(std::max(span.end, span.begin), size);
  return span;
}

}  // namespace

std::string ContentHash(const Article& article) {
  Fnv64 hash;
  for (std::string_view field :
       {std::string_view(article.id), std::string_view(article.date), std::string_view(article.source),
        std::string_view(article.url), std::string_view(article.title), std::string_view(article.text)})
    hash.AddField(field);
  hash.AddField(std::to_string(article.title_span.begin) + "-" + std::to_string(article.title_span.end));
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(hash.value()));
  return hex;
}

Result<std::unique_ptr<EventStore>> EventStore::Open(const std::string& path, const OpenOptions& options) {
  DbOptions db_options;
  db_options.read_only = options.read_only;
  db_options.create = options.create;
  Result<std::unique_ptr<Db>> db = Db::Open(path, db_options);
  if (!db.ok()) return db.status();
  std::unique_ptr<EventStore> store(new EventStore(db.take()));
  Db& d = store->db();
  const std::string& name = d.path();

  Result<int64_t> app_id = d.ApplicationId();
  if (!app_id.ok()) return app_id.status();
  if (*app_id != 0 && *app_id != kApplicationId) {
    char hex[24];
    std::snprintf(hex, sizeof(hex), "0x%08llx", static_cast<unsigned long long>(*app_id));
    return Corrupt(name + ": not a dragoman store (application_id " + hex + ")");
  }
  Result<int64_t> version = d.SchemaVersion();
  if (!version.ok()) return version.status();
  if (*version > kSchemaVersion) {
    return Unsupported(name + ": store schema version " + std::to_string(*version) +
                       ", this build reads up to " + std::to_string(kSchemaVersion));
  }
  if (*version == 0) {
    Result<bool> tables = d.HasTables();
    if (!tables.ok()) return tables.status();
    if (*tables) return Corrupt(name + ": not a dragoman store (it has tables but no schema version)");
  }

  if (options.read_only) {
    if (*version < kSchemaVersion) {
      return Unsupported(name + ": store schema version " + std::to_string(*version) +
                         " is older than this build's " + std::to_string(kSchemaVersion) +
                         "; `dragoman ingest --db " + name + "` (with no inputs) upgrades it");
    }
  } else {
    if (Status s = Migrate(d, options.migrate_to); !s.ok()) return s;
  }
  Result<int64_t> final_version = d.SchemaVersion();
  if (!final_version.ok()) return final_version.status();
  store->schema_version_ = static_cast<int>(*final_version);
  return store;
}

Status EventStore::Begin() {
  if (in_transaction_) return Status::Ok();
  // The writer lock is taken now, so a second writer waits here rather than failing later.
  if (Status s = db_->BeginWrite(); !s.ok()) return s;
  in_transaction_ = true;
  return Status::Ok();
}

Status EventStore::Commit() {
  if (!in_transaction_) return Status::Ok();
  in_transaction_ = false;
  Status s = db_->Commit();
  if (!s.ok()) db_->Rollback();
  return s;
}

Status EventStore::PutArticle(const Article& article, const std::vector<Event>& events,
                              std::string_view coder) {
  bool own_transaction = !in_transaction_;
  if (own_transaction) {
    if (Status s = Begin(); !s.ok()) return s;
  }
  // A savepoint makes the article all-or-nothing inside a larger transaction.
  if (Status s = db_->Exec("SAVEPOINT article"); !s.ok()) return s;
  Status s = PutArticleRows(article, events, coder);
  if (s.ok()) {
    s = db_->Exec("RELEASE SAVEPOINT article");
  } else {
    db_->Exec("ROLLBACK TO SAVEPOINT article");
    db_->Exec("RELEASE SAVEPOINT article");
    s = Status(s.code(), "article \"" + article.id + "\": " + s.message());
  }
  if (own_transaction) {
    if (s.ok()) return Commit();
    in_transaction_ = false;
    db_->Rollback();
  }
  return s;
}

Status EventStore::PutArticleRows(const Article& article, const std::vector<Event>& events,
                                  std::string_view coder) {
  Db& d = *db_;
  const std::string now = Dialect(d).NowUtc();
  const size_t size = article.text.size();
  // Events this article mentioned before: their counts change when its mentions go.
  std::set<int64_t> touched;
  {
    Result<Stmt> q = d.Cached("SELECT DISTINCT event_id FROM mentions WHERE article_id = ?1");
    if (!q.ok()) return q.status();
    q->Bind(1, article.id);
    while (true) {
      Result<bool> row = q->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      touched.insert(q->Int(0));
    }
    q->Reset();
  }
  for (const char* sql :
       {"DELETE FROM mentions WHERE article_id = ?1", "DELETE FROM sentences WHERE article_id = ?1"}) {
    Result<Stmt> del = d.Cached(sql);
    if (!del.ok()) return del.status();
    if (Status s = del->Bind(1, article.id).Run(); !s.ok()) return s;
  }

  {
    Span title = Clamp(article.title_span, size);
    Result<Stmt> put = d.Cached(
        std::string("INSERT INTO articles(id, date, source, url, title, text, origin, title_begin, "
                    "title_end, content_hash, "
                    "coder, tone, ingested_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ") +
        now +
        ") "
        "ON CONFLICT(id) DO UPDATE SET date = excluded.date, source = excluded.source, url = excluded.url, "
        "title = excluded.title, text = excluded.text, origin = excluded.origin, title_begin = "
        "excluded.title_begin, "
        "title_end = excluded.title_end, content_hash = excluded.content_hash, coder = excluded.coder, "
        "tone = excluded.tone, ingested_at = excluded.ingested_at");
    if (!put.ok()) return put.status();
    // Every event of an article carries the article's tone; an article without events has none stored.
    std::optional<double> tone;
    if (!events.empty() && events[0].has_tone) tone = events[0].tone;
    put->Bind(12, tone);
    put->Bind(1, article.id).Bind(2, article.date).Bind(3, article.source).Bind(4, article.url);
    put->Bind(5, article.title).Bind(6, article.text).Bind(7, article.origin);
    put->Bind(8, title.begin).Bind(9, title.end).Bind(10, ContentHash(article)).Bind(11, coder);
    if (Status s = put->Run(); !s.ok()) return s;
  }

  {
    Result<Stmt> put =
        d.Cached("INSERT INTO sentences(article_id, idx, \"begin\", \"end\", is_title) VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!put.ok()) return put.status();
    for (size_t i = 0; i < article.sentences.size(); ++i) {
      Span span = Clamp(article.sentences[i].span, size);
      put->Bind(1, article.id).Bind(2, i).Bind(3, span.begin).Bind(4, span.end);
      put->Bind(5, article.sentences[i].is_title ? 1 : 0);
      if (Status s = put->Run(); !s.ok()) return s;
    }
  }

  {
    Result<Stmt> find =
        d.Cached("SELECT id FROM events WHERE date = ?1 AND source = ?2 AND target = ?3 AND code = ?4");
    if (!find.ok()) return find.status();
    Result<Stmt> add = d.Cached(
        "INSERT INTO events(date, source, target, code, root, quad_class, goldstein, plover_type, "
        "plover_mode) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id");
    if (!add.ok()) return add.status();
    Result<Stmt> mention = d.Cached(
        "INSERT INTO mentions(event_id, article_id, sentence_index, source_begin, source_end, verb_begin, "
        "verb_end, "
        "target_begin, target_end, rule, geo_type, geo_name, geo_country, geo_adm1, geo_lat, geo_lon, "
        "geo_feature_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
    if (!mention.ok()) return mention.status();
    for (const Event& e : events) {
      const std::string& date = e.date.empty() ? article.date : e.date;
      std::string root = !e.root.empty() ? e.root : e.code.substr(0, 2);
      find->Bind(1, date).Bind(2, e.source).Bind(3, e.target).Bind(4, e.code);
      Result<bool> found = find->Step();
      if (!found.ok()) return found.status();
      int64_t event_id = *found ? find->Int(0) : 0;
      find->Reset();
      if (!*found) {
        add->Bind(1, date).Bind(2, e.source).Bind(3, e.target).Bind(4, e.code).Bind(5, root);
        add->Bind(6, e.quad_class)
            .Bind(7, e.has_goldstein ? std::optional<double>(e.goldstein) : std::nullopt);
        add->Bind(8, e.plover_type).Bind(9, e.plover_mode);
        Result<bool> added = add->Step();
        if (!added.ok()) return added.status();
        event_id = *added ? add->Int(0) : 0;
        add->Reset();
        if (!*added) return Status(StatusCode::kInternal, "inserting an event returned no id");
      }
      touched.insert(event_id);
      Span src = Clamp(e.source_span, size), verb = Clamp(e.verb_span, size),
           tgt = Clamp(e.target_span, size);
      mention->Bind(1, event_id).Bind(2, article.id).Bind(3, e.sentence_index);
      mention->Bind(4, src.begin).Bind(5, src.end).Bind(6, verb.begin).Bind(7, verb.end);
      mention->Bind(8, tgt.begin).Bind(9, tgt.end).Bind(10, e.rule);
      const Location& g = e.location;
      std::optional<double> lat, lon;
      if (!g.empty()) {
        lat = g.lat;
        lon = g.lon;
      }
      mention->Bind(11, g.type).Bind(12, g.full_name).Bind(13, g.country_code).Bind(14, g.adm1_code);
      mention->Bind(15, lat).Bind(16, lon).Bind(17, g.feature_id);
      if (Status s = mention->Run(); !s.ok()) return s;
    }
  }

  // Recount every event whose mentions changed; drop those no mention supports any more.
  {
    Result<Stmt> recount = d.Cached(
        "UPDATE events SET (num_mentions, num_articles, num_sources) = (SELECT COUNT(*), COUNT(DISTINCT "
        "m.article_id), "
        "COUNT(DISTINCT a.source) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = "
        "?1) "
        "WHERE id = ?1");
    if (!recount.ok()) return recount.status();
    Result<Stmt> drop = d.Cached("DELETE FROM events WHERE id = ?1 AND num_mentions = 0");
    if (!drop.ok()) return drop.status();
    for (int64_t id : touched) {
      if (Status s = recount->Bind(1, id).Run(); !s.ok()) return s;
      if (Status s = drop->Bind(1, id).Run(); !s.ok()) return s;
    }
  }

  if (!article.origin.empty()) {
    Result<Stmt> clear = d.Cached("DELETE FROM errors WHERE origin = ?1");
    if (!clear.ok()) return clear.status();
    if (Status s = clear->Bind(1, article.origin).Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

Status EventStore::PutError(const ErrorRecord& error) {
  Result<Stmt> put =
      db_->Cached(std::string("INSERT INTO errors(origin, message, ingested_at) VALUES(?1, ?2, ") + Dialect(*db_).NowUtc() +
                  ") ON CONFLICT(origin) DO UPDATE SET message = excluded.message, "
                  "ingested_at = excluded.ingested_at");
  if (!put.ok()) return put.status();
  return put->Bind(1, error.origin).Bind(2, error.message).Run();
}

Result<bool> EventStore::StoredArticleMatches(std::string_view id, std::string_view content_hash,
                                              std::string_view coder) {
  Result<Stmt> q = db_->Cached("SELECT content_hash = ?2 AND coder = ?3 FROM articles WHERE id = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, id).Bind(2, content_hash).Bind(3, coder);
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  return *row && q->Int(0) != 0;
}

Status EventStore::ForEachStoredArticle(
    std::string_view coder, const std::function<void(const std::string& id, const std::string& hash)>& sink,
    std::string_view origin_prefix) {
  Result<Stmt> q = db_->Prepare(origin_prefix.empty()
                                    ? "SELECT id, content_hash FROM articles WHERE coder = ?1"
                                    : "SELECT id, content_hash FROM articles WHERE origin >= ?2 AND origin < ?3 "
                                      "AND coder = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, coder);
  // Origins go on from the input's name with "#" or ":" and the record, all below \x7f.
  if (!origin_prefix.empty()) q->Bind(2, origin_prefix).Bind(3, std::string(origin_prefix) + "\x7f");
  while (true) {
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    sink(q->Text(0), q->Text(1));
  }
}

Result<StoreStats> EventStore::Stats() {
  StoreStats stats;
  stats.schema_version = schema_version_;
  struct Count {
    const char* sql;
    int64_t* out;
  };
  for (Count c : {Count{"SELECT COUNT(*) FROM articles", &stats.articles},
                  Count{"SELECT COUNT(*) FROM sentences", &stats.sentences},
                  Count{"SELECT COUNT(*) FROM events", &stats.events},
                  Count{"SELECT COUNT(*) FROM mentions", &stats.mentions},
                  Count{"SELECT COUNT(*) FROM errors", &stats.errors}}) {
    Result<int64_t> n = QueryInt(*db_, c.sql);
    if (!n.ok()) return n.status();
    *c.out = *n;
  }
  if (Status s = ReadEventDateRange(*db_, &stats.first_date, &stats.last_date); !s.ok()) return s;
  return stats;
}

}  // namespace dragoman::store
