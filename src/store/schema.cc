// The store's schema as a list of migrations; migration N takes a store from version N-1 to N.
// Never edit a released migration: add the next one and bump kSchemaVersion.
#include <string>

#include "store/event_store.h"

namespace dragoman::store {
namespace {

// Version 1: the core tables.
constexpr const char* kMigration1 = R"sql(
CREATE TABLE articles(
  id           TEXT PRIMARY KEY,
  date         TEXT NOT NULL DEFAULT '',    -- ISO YYYY-MM-DD, '' when unknown
  source       TEXT NOT NULL DEFAULT '',    -- publisher or feed
  url          TEXT NOT NULL DEFAULT '',
  title        TEXT NOT NULL DEFAULT '',
  text         TEXT NOT NULL DEFAULT '',    -- every span is a byte range into this
  origin       TEXT NOT NULL DEFAULT '',    -- input file and record position
  title_begin  INTEGER NOT NULL DEFAULT 0,
  title_end    INTEGER NOT NULL DEFAULT 0,
  content_hash TEXT NOT NULL DEFAULT '',    -- ContentHash() of the input fields
  coder        TEXT NOT NULL DEFAULT '',    -- fingerprint of the pipeline that coded it
  ingested_at  TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sentences(
  article_id TEXT NOT NULL,
  idx        INTEGER NOT NULL,              -- index into the article's sentences
  begin      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  is_title   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(article_id, idx)
) WITHOUT ROWID;
-- One row per (date, source, target, code), as GDELT's events table; the counts are kept equal
-- to what the mentions say on every write.
CREATE TABLE events(
  id           INTEGER PRIMARY KEY,
  date         TEXT NOT NULL,
  source       TEXT NOT NULL,
  target       TEXT NOT NULL,               -- '' for an event with no target
  code         TEXT NOT NULL,
  root         TEXT NOT NULL,
  quad_class   INTEGER NOT NULL,
  goldstein    REAL,                        -- NULL where the code has no Goldstein score
  plover_type  TEXT NOT NULL DEFAULT '',
  plover_mode  TEXT NOT NULL DEFAULT '',
  num_mentions INTEGER NOT NULL DEFAULT 0,
  num_articles INTEGER NOT NULL DEFAULT 0,
  num_sources  INTEGER NOT NULL DEFAULT 0,
  UNIQUE(date, source, target, code)
);
-- One row per coded sentence: the provenance of an event.
CREATE TABLE mentions(
  id             INTEGER PRIMARY KEY,
  event_id       INTEGER NOT NULL,
  article_id     TEXT NOT NULL,
  sentence_index INTEGER NOT NULL,
  source_begin   INTEGER NOT NULL, source_end INTEGER NOT NULL,
  verb_begin     INTEGER NOT NULL, verb_end   INTEGER NOT NULL,
  target_begin   INTEGER NOT NULL, target_end INTEGER NOT NULL,
  rule           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mentions_by_article ON mentions(article_id);
CREATE INDEX mentions_by_event ON mentions(event_id);
)sql";

// Version 2: error records, and indexes for the analyst queries (by actor, by date).
constexpr const char* kMigration2 = R"sql(
CREATE TABLE errors(
  origin      TEXT PRIMARY KEY,             -- input name and record position
  message     TEXT NOT NULL,
  ingested_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_by_source ON events(source, date);
CREATE INDEX events_by_target ON events(target, date);
CREATE INDEX events_by_date ON events(date);
CREATE INDEX articles_by_origin ON articles(origin);
)sql";

// Version 3: where each mention's event happened (GDELT's geography fields) and each article's
// tone, for the GDELT and PLOVER exports and the dashboard's map.
constexpr const char* kMigration3 = R"sql(
ALTER TABLE articles ADD COLUMN tone REAL;  -- GDELT tone: % positive minus % negative words; NULL if unscored
ALTER TABLE mentions ADD COLUMN geo_type INTEGER NOT NULL DEFAULT 0;  -- 0 none, 1 country, 4 city
ALTER TABLE mentions ADD COLUMN geo_name TEXT NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN geo_country TEXT NOT NULL DEFAULT '';  -- ISO 3166-1 alpha-2
ALTER TABLE mentions ADD COLUMN geo_adm1 TEXT NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN geo_lat REAL;
ALTER TABLE mentions ADD COLUMN geo_lon REAL;
ALTER TABLE mentions ADD COLUMN geo_feature_id TEXT NOT NULL DEFAULT '';
)sql";

constexpr const char* kMigrations[] = {kMigration1, kMigration2, kMigration3};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSchemaVersion,
              "one migration per schema version");

}  // namespace

Status Migrate(Db& db, int target) {
  if (target < 0 || target > kSchemaVersion) {
    return InvalidInput(db.path() + ": cannot migrate to schema version " + std::to_string(target) +
                        ", this build knows 1.." + std::to_string(kSchemaVersion));
  }
  while (true) {
    // The write lock is taken before reading the version, so two processes opening
    // a new store at once do not both run the same migration.
    if (Status s = db.BeginWrite(); !s.ok()) return s;
    Result<int64_t> version = db.SchemaVersion();
    if (!version.ok()) {
      db.Exec("ROLLBACK");
      return version.status();
    }
    if (*version >= target) return db.Exec("COMMIT");
    int next = static_cast<int>(*version) + 1;
    Status s = db.Exec(db.SchemaSql(kMigrations[next - 1]));
    if (s.ok()) s = db.SetSchemaVersion(next, kApplicationId);
    if (s.ok()) s = db.Exec("COMMIT");
    if (!s.ok()) {
      db.Exec("ROLLBACK");
      return Status(s.code(), "migrating to schema version " + std::to_string(next) + ": " + s.message());
    }
  }
}

}  // namespace dragoman::store
