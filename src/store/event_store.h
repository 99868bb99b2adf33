// The event store: one SQLite file or one PostgreSQL database holding articles, their sentences, coded events and the
// mentions behind each event, plus the input records that could not be read.
//
// Events are aggregated as GDELT does: one row per (date, source, target, event code), carrying
// how many mentions (sentences), articles and news sources report it; each mention keeps its
// provenance (article, sentence, the source/verb/target spans and the dictionary rule).
//
//   auto store = store::EventStore::Open("events.db", {});   // or "postgresql://host/events"
//   if (!store.ok()) { std::cerr << store.status().message() << "\n"; return 1; }
//   (*store)->Begin();
//   (*store)->PutArticle(article, events, coder_fingerprint);   // replaces an article with that id
//   (*store)->Commit();
//
// Durability: an SQLite file is in WAL mode; every article is written with all its rows inside one
// transaction (several articles may share one), so a process killed at any moment leaves each
// article either complete or absent. Re-putting an article replaces it and adds no duplicates.
//
// One EventStore per thread; several processes may read while one writes. Writers from several
// processes (or, with PostgreSQL, several machines) take turns transaction by transaction: each
// write transaction holds the store's writer lock (see Db::BeginWrite).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/document.h"
#include "dragoman/event.h"
#include "dragoman/status.h"
#include "store/db.h"

namespace dragoman::store {

// The schema version this build writes and reads; older stores are migrated on open.
// Versions:
//   1  articles, sentences, events (aggregated), mentions
//   2  error records (one per input origin) and the indexes the queries use
//   3  article tone; each mention's location (GDELT's geography fields)
inline constexpr int kSchemaVersion = 3;

// The owner mark of a dragoman store ("DRAG"; SQLite's PRAGMA application_id), so another
// program's database is refused.
inline constexpr int kApplicationId = 0x44524147;

struct OpenOptions {
  bool read_only = false;           // refuse every write; the file must exist and be up to date
  bool create = true;               // (read_only = false) create the file when it does not exist
  int migrate_to = kSchemaVersion;  // for tests of the migrations: stop at this version
};

// The content hash of an article's input fields (id, date, source, url, title, text, title span),
// as 16 hex digits. Equal hashes mean re-coding would see the same article.
std::string ContentHash(const Article& article);

// The storage counts of a store, as `dragoman query stats` prints them.
struct StoreStats {
  int64_t articles = 0, sentences = 0, events = 0, mentions = 0, errors = 0;
  std::string first_date, last_date;  // over events; empty when there are none
  int schema_version = 0;
};

class EventStore {
 public:
  // path: an SQLite file or a postgresql:// URL.
  static Result<std::unique_ptr<EventStore>> Open(const std::string& path, const OpenOptions& options);

  // Groups the following writes into one transaction (one fsync, far faster than one per article).
  Status Begin();
  Status Commit();
  bool in_transaction() const { return in_transaction_; }

  // Stores the article (with its sentences) and its events, replacing whatever was stored under
  // the same article id. coder identifies the pipeline that produced the events (see
  // StoredArticleMatches). Spans outside the text are clamped. Outside Begin/Commit the article is
  // committed on its own. On failure nothing of this article is written.
  Status PutArticle(const Article& article, const std::vector<Event>& events, std::string_view coder = "");

  // Records an input that could not become an article; a later error or article with the same
  // origin replaces it.
  Status PutError(const ErrorRecord& error);

  // True when an article with this id is stored with this content hash and coder.
  Result<bool> StoredArticleMatches(std::string_view id, std::string_view content_hash,
                                    std::string_view coder);

  Result<StoreStats> Stats();

  // The (id, content hash) of every article stored by this coder, for a run to skip the articles
  // it would code the same way (see `dragoman ingest`); with origin_prefix, only those read from
  // that input (their origin starts with it: "crawl.warc.gz#12 ..."), found through the origin index.
  Status ForEachStoredArticle(std::string_view coder,
                              const std::function<void(const std::string& id, const std::string& hash)>& sink,
                              std::string_view origin_prefix = "");

  int schema_version() const { return schema_version_; }
  Db& db() { return *db_; }

 private:
  explicit EventStore(std::unique_ptr<Db> db) : db_(std::move(db)) {}
  Status PutArticleRows(const Article& article, const std::vector<Event>& events, std::string_view coder);

  std::unique_ptr<Db> db_;
  int schema_version_ = 0;
  bool in_transaction_ = false;
};

// Brings db to schema version target (<= kSchemaVersion), one migration per transaction, each
// setting the schema version with its tables so a crash never leaves a half-migrated store.
Status Migrate(Db& db, int target);

}  // namespace dragoman::store
