#include "load/store_loader.h"

#include <chrono>
#include <unordered_set>

namespace dragoman {
namespace {

// The articles already stored by this coder, as hashes of (id, content hash): a snapshot taken
// before the run, so worker threads can skip coding them without touching the store. The store
// itself (checked again in input order) has the final say.
Result<std::unordered_set<uint64_t>> StoredSnapshot(store::EventStore& db, const std::string& coder,
                                                    const std::vector<std::string>& inputs) {
  std::unordered_set<uint64_t> keys;
  auto add = [&](const std::string& id, const std::string& hash) {
    keys.insert(std::hash<std::string>()(id + '\0' + hash));
  };
  if (inputs.empty()) {
    if (Status s = db.ForEachStoredArticle(coder, add); !s.ok()) return s;
  }
  for (const std::string& input : inputs) {
    if (Status s = db.ForEachStoredArticle(coder, add, input); !s.ok()) return s;
  }
  return keys;
}

}  // namespace

LoadSummary LoadIntoStore(ingest::RecordReader& reader, const Pipeline& pipeline, store::EventStore& db,
                          const LoadOptions& options) {
  LoadSummary out;
  const bool force = options.force;
  const std::string& coder = options.coder;
  auto stopped = [&] { return options.stop && options.stop->load(); };
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  Clock::time_point last_commit = start;
  size_t in_batch = 0;
  Status& status = out.status;

  std::unordered_set<uint64_t> snapshot;
  if (!force) {
    Result<std::unordered_set<uint64_t>> keys = StoredSnapshot(db, coder, options.snapshot_inputs);
    if (!keys.ok()) {
      status = keys.status();
      return out;
    }
    snapshot = keys.take();
  }
  auto key_of = [](const Article& a, const std::string& hash) {
    return std::hash<std::string>()(a.id + '\0' + hash);
  };

  auto begin = [&] {
    if (!db.in_transaction()) {
      if (Status s = db.Begin(); !s.ok() && status.ok()) status = s;
    }
  };
  auto commit_if_due = [&](bool force_commit) {
    if (!db.in_transaction()) return;
    Clock::time_point now = Clock::now();
    // A batch ends after `batch` articles or two seconds, so a slow run still commits often.
    if (force_commit || in_batch >= options.batch || now - last_commit > std::chrono::seconds(2)) {
      if (Status s = db.Commit(); !s.ok() && status.ok()) status = s;
      in_batch = 0;
      last_commit = now;
    }
  };

  RunOptions run_options;
  run_options.threads = options.threads;
  run_options.quiet = options.quiet;
  // The store's write lock is held only while articles are written: whenever the next article is
  // still being coded, the open transaction is committed, so another writer can write meanwhile.
  run_options.on_idle = [&] { commit_if_due(true); };
  // Workers skip articles the snapshot says are stored unchanged; the sink below decides.
  ProcessFunction process = [&](Article& article, std::vector<Event>* events, StageTimes* times) {
    if (!force && snapshot.count(key_of(article, store::ContentHash(article)))) return;
    pipeline.Process(article, events, times);
  };
  RunSummary summary = RunParallel(reader, process, run_options, [&](RunItem& item) {
    if (item.record.error) {
      if (options.on_error) options.on_error(*item.record.error);
      begin();
      if (Status s = db.PutError(*item.record.error); !s.ok() && status.ok()) status = s;
      commit_if_due(false);
      return status.ok() && !stopped();
    }
    Article& article = *item.record.article;
    std::string hash = store::ContentHash(article);
    bool coded = force || !snapshot.count(key_of(article, hash));
    if (!force) {
      // The store as it is now, in input order: an earlier record of this run may have replaced
      // this id since the snapshot.
      Result<bool> same = db.StoredArticleMatches(article.id, hash, coder);
      if (!same.ok()) {
        status = same.status();
        return false;
      }
      if (*same) {
        ++out.unchanged;
        return !stopped();
      }
    }
    if (!coded) {
      commit_if_due(true);  // no write lock while coding
      pipeline.Process(article, &item.events);
    }
    begin();
    if (Status s = db.PutArticle(article, item.events, coder); !s.ok()) {
      ++out.failed;
      if (options.on_failure) options.on_failure(s.message());
    } else {
      ++out.stored;
      ++in_batch;
      out.events += item.events.size();
    }
    commit_if_due(false);
    return status.ok() && !stopped();
  });
  commit_if_due(true);
  out.read = summary.read;
  out.rejected = summary.rejected;
  out.skipped = summary.skipped;  // records that are not articles, and articles not in English
  out.interrupted = stopped();
  out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return out;
}

}  // namespace dragoman
