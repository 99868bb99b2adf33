#include "pipeline/parallel_runner.h"

#include "ingest/html_extractor.h"
#include "ingest/site_boilerplate.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace dragoman {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// "1234567" -> "1,234,567"
std::string Grouped(uint64_t v) {
  std::string digits = std::to_string(v);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Duration(double s) {
  long t = static_cast<long>(s + 0.5);
  char buf[32];
  if (t >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
  }
  return buf;
}

// The progress line, redrawn at most four times a second.
class ProgressLine {
 public:
  explicit ProgressLine(const RunOptions& o)
      : out_(o.progress_stream),
        enabled_(!o.quiet && o.progress_stream &&
                 (o.force_progress || ::isatty(::fileno(o.progress_stream)) == 1)),
        start_(Clock::now()) {}

  void Update(const RunSummary& s, const ingest::ReadProgress& p, bool force = false) {
    if (!enabled_) return;
    Clock::time_point now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double elapsed = Seconds(start_, now);
    std::string line = Grouped(s.coded) + " articles, " + Grouped(s.sentences) + " sentences, " +
                       Grouped(s.events) + " events, " + Grouped(s.rejected) + " rejected";
    if (elapsed > 0) line += ", " + Grouped(static_cast<uint64_t>(s.sentences / elapsed)) + " sentences/s";
    if (p.bytes_total > 0 && p.bytes_done > 0) {
      double fraction = std::min(1.0, static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total));
      char pct[16];
      std::snprintf(pct, sizeof pct, "%.0f%%", fraction * 100);
      line += std::string(", ") + pct;
      if (fraction > 0.001 && fraction < 1) line += ", ETA " + Duration(elapsed * (1 - fraction) / fraction);
    }
    std::fprintf(out_, "\r\033[K%s", line.c_str());
    std::fflush(out_);
    printed_ = true;
  }

  void Clear() {
    if (enabled_ && printed_) {
      std::fputs("\r\033[K", out_);
      std::fflush(out_);
    }
  }

 private:
  std::FILE* out_;
  bool enabled_;
  bool printed_ = false;
  Clock::time_point start_;
  Clock::time_point last_{};
};

void ProcessItem(const ProcessFunction& process, RunItem* item, StageTimes* times) {
  if (item->record.pending) {
    try {
      ingest::ResolvePending(&item->record);  // HTML extraction, here in the worker
    } catch (const std::exception& e) {
      std::string origin = item->record.pending ? item->record.pending->origin : "page";
      item->record = ingest::Record{};
      item->record.error = ErrorRecord{origin, std::string("internal error while extracting the page: ") + e.what()};
    }
  }
  if (!item->record.article) return;
  try {
    process(*item->record.article, &item->events, times);
  } catch (const std::exception& e) {
    // Library code should not throw; if something does (out of memory), the record is not lost.
    std::string origin = item->record.article->origin;
    item->record.article.reset();
    item->events.clear();
    item->record.error = ErrorRecord{origin, std::string("internal error while coding: ") + e.what()};
  }
}

void Count(const RunItem& item, RunSummary* s) {
  ++s->read;
  if (item.record.article) {
    ++s->coded;
    s->sentences += item.record.article->sentences.size();
    s->events += item.events.size();
    if (!item.events.empty()) ++s->with_events;
    if (item.record.article->date_source == "crawl") ++s->crawl_dated;
  } else if (item.record.error && item.record.error->skipped) {
    ++s->skipped;
  } else {
    ++s->rejected;
  }
}

// Hands results to the sink in input order, each after the site-boilerplate window, with the
// events that lie in its site's furniture paragraphs dropped; counts what it delivers.
class Delivery {
 public:
  Delivery(const RunOptions& options, const RunSink& sink, RunSummary* summary)
      : window_(options.site_boilerplate_window), sink_(sink), summary_(summary) {}

  // Takes the next result; false when the sink asked to stop.
  bool Push(RunItem item) {
    if (window_ == 0) return Deliver(item);
    if (item.record.article) seen_.Add(*item.record.article);
    held_.push_back(std::move(item));
    // Only a page of a site waits for later pages; the rest (plain text, error records) goes on
    // as soon as everything before it has.
    while (!held_.empty() && (held_.size() > window_ || !HasSite(held_.front()))) {
      RunItem front = std::move(held_.front());
      held_.pop_front();
      if (!Deliver(front)) return false;
    }
    return true;
  }

  // Delivers everything still held; false when the sink asked to stop.
  bool Finish() {
    while (!held_.empty()) {
      RunItem front = std::move(held_.front());
      held_.pop_front();
      if (!Deliver(front)) return false;
    }
    return true;
  }

 private:
  static bool HasSite(const RunItem& item) {
    return item.record.article && !ingest::SiteBoilerplate::SiteOf(*item.record.article).empty();
  }

  bool Deliver(RunItem& item) {
    if (item.record.article && window_ > 0) DropFurnitureEvents(*item.record.article, &item.events);
    Count(item, summary_);
    return sink_(item);
  }

  void DropFurnitureEvents(const Article& article, std::vector<Event>* events) const {
    if (events->empty()) return;
    std::vector<Span> furniture = seen_.Furniture(article);
    if (furniture.empty()) return;
    auto in_furniture = [&](const Event& e) {
      if (e.sentence_index < 0 || static_cast<size_t>(e.sentence_index) >= article.sentences.size()) return false;
      Span s = article.sentences[static_cast<size_t>(e.sentence_index)].span;
      return std::any_of(furniture.begin(), furniture.end(),
                         [&](Span f) { return s.begin >= f.begin && s.end <= f.end; });
    };
    events->erase(std::remove_if(events->begin(), events->end(), in_furniture), events->end());
  }

  size_t window_;
  const RunSink& sink_;
  RunSummary* summary_;
  ingest::SiteBoilerplate seen_;
  std::deque<RunItem> held_;
};

bool SafeNext(ingest::RecordReader& reader, ingest::Record* record) {
  try {
    return reader.Next(record);
  } catch (const std::exception& e) {
    *record = ingest::Record{};
    record->error = ErrorRecord{"input", std::string("internal error while reading: ") + e.what()};
    return true;
  }
}

RunSummary RunSequential(ingest::RecordReader& reader, const ProcessFunction& process, const RunOptions& options,
                         const RunSink& sink) {
  RunSummary summary;
  summary.threads = 1;
  ProgressLine progress(options);
  Clock::time_point start = Clock::now();
  uint64_t index = 0;
  Delivery delivery(options, sink, &summary);
  for (;;) {
    RunItem item;
    if (!SafeNext(reader, &item.record)) {
      if (!delivery.Finish()) summary.stopped = true;
      break;
    }
    item.index = index++;
    ProcessItem(process, &item, &summary.times);
    if (!delivery.Push(std::move(item))) {
      summary.stopped = true;
      break;
    }
    progress.Update(summary, reader.Progress());
  }
  progress.Clear();
  summary.seconds = Seconds(start, Clock::now());
  return summary;
}

}  // namespace

std::string RunSummary::ToString() const {
  char rate[64] = "";
  if (seconds > 0) std::snprintf(rate, sizeof rate, " (%.0f sentences/s)", sentences / seconds);
  char time[32];
  std::snprintf(time, sizeof time, "%.2f s", seconds);
  return "read " + std::to_string(read) + " records: " + std::to_string(coded) + " coded (" +
         std::to_string(with_events) + " with events), " + std::to_string(rejected) + " rejected, " +
         std::to_string(skipped) + " skipped; " +
         std::to_string(sentences) + " sentences, " + std::to_string(events) + " events in " + time + rate +
         (crawl_dated > 0 ? "; " + std::to_string(crawl_dated) + " dated only by their crawl" : std::string()) +
         (stopped ? "; stopped early" : "");
}

RunSummary RunPipeline(ingest::RecordReader& reader, const Pipeline& pipeline, const RunOptions& options,
                       const RunSink& sink) {
  return RunParallel(
      reader,
      [&pipeline](Article& article, std::vector<Event>* events, StageTimes* times) {
        pipeline.Process(article, events, times);
      },
      options, sink);
}

RunSummary RunParallel(ingest::RecordReader& reader, const ProcessFunction& process, const RunOptions& options,
                       const RunSink& sink) {
  int threads = options.threads;
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (threads == 1) return RunSequential(reader, process, options, sink);
  const size_t max_in_flight = options.max_in_flight > 0 ? options.max_in_flight
                                                         : std::max<size_t>(16, 4 * static_cast<size_t>(threads));

  std::mutex mu;
  std::condition_variable work_cv, done_cv, space_cv;
  std::deque<RunItem> work;                     // read, waiting for a worker
  std::unordered_map<uint64_t, RunItem> done;   // processed, waiting for their turn
  uint64_t read_count = 0, in_flight = 0;
  bool reading_done = false, stop = false;
  // Wake-ups are only sent to a thread that waits for them: the consumer waits for one index, the
  // reader waits for room (and is woken when half the room is free, so it reads in batches).
  uint64_t consumer_waits_for = UINT64_MAX;
  bool reader_waits = false;
  int idle_workers = 0;
  ingest::ReadProgress read_progress;           // guarded by mu

  RunSummary summary;
  summary.threads = threads;
  ProgressLine progress(options);
  Clock::time_point start = Clock::now();

  std::thread reader_thread([&] {
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mu);
        if (!stop && in_flight >= max_in_flight) {
          reader_waits = true;
          space_cv.wait(lock, [&] { return stop || in_flight <= max_in_flight / 2; });
          reader_waits = false;
        }
        if (stop) break;
      }
      RunItem item;
      bool got = SafeNext(reader, &item.record);
      ingest::ReadProgress p = reader.Progress();
      std::lock_guard<std::mutex> lock(mu);
      read_progress = p;
      if (!got || stop) break;
      item.index = read_count++;
      ++in_flight;
      if (item.record.article || item.record.pending) {
        work.push_back(std::move(item));
        if (idle_workers > 0) work_cv.notify_one();
      } else {
        bool wanted = item.index == consumer_waits_for;
        done.emplace(item.index, std::move(item));
        if (wanted) done_cv.notify_one();
      }
    }
    std::lock_guard<std::mutex> lock(mu);
    reading_done = true;
    work_cv.notify_all();
    done_cv.notify_all();
  });

  std::vector<StageTimes> worker_times(static_cast<size_t>(threads));
  std::vector<std::thread> workers;
  for (int w = 0; w < threads; ++w) {
    workers.emplace_back([&, w] {
      for (;;) {
        RunItem item;
        {
          std::unique_lock<std::mutex> lock(mu);
          ++idle_workers;
          work_cv.wait(lock, [&] { return stop || reading_done || !work.empty(); });
          --idle_workers;
          if (stop || work.empty()) {
            if (stop || reading_done) break;
            continue;
          }
          item = std::move(work.front());
          work.pop_front();
        }
        ProcessItem(process, &item, &worker_times[static_cast<size_t>(w)]);
        std::lock_guard<std::mutex> lock(mu);
        bool wanted = item.index == consumer_waits_for;
        done.emplace(item.index, std::move(item));
        if (wanted) done_cv.notify_one();
      }
    });
  }

  uint64_t next = 0;
  std::exception_ptr sink_error;
  Delivery delivery(options, sink, &summary);
  for (;;) {
    RunItem item;
    ingest::ReadProgress p;
    bool finished = false;
    {
      std::unique_lock<std::mutex> lock(mu);
      bool told_idle = false;
      for (;;) {
        auto it = done.find(next);
        if (it != done.end()) {
          item = std::move(it->second);
          done.erase(it);
          --in_flight;
          if (reader_waits && in_flight <= max_in_flight / 2) space_cv.notify_one();
          break;
        }
        if (reading_done && next == read_count) {
          finished = true;
          break;
        }
        if (options.on_idle && !told_idle) {
          // The next result is not ready: the sink's owner may release what it holds meanwhile.
          told_idle = true;
          lock.unlock();
          options.on_idle();
          lock.lock();
          continue;
        }
        consumer_waits_for = next;
        std::cv_status st = done_cv.wait_for(lock, std::chrono::milliseconds(250));
        consumer_waits_for = UINT64_MAX;
        if (st == std::cv_status::timeout) progress.Update(summary, read_progress);
      }
      p = read_progress;
    }
    ++next;
    bool go_on = false;
    try {
      go_on = finished ? delivery.Finish() : delivery.Push(std::move(item));
    } catch (...) {
      // Stop and join the threads before the exception leaves (a joinable thread would terminate).
      sink_error = std::current_exception();
    }
    if (finished && go_on) break;
    if (!go_on) {
      summary.stopped = true;
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
      work_cv.notify_all();
      space_cv.notify_all();
      break;
    }
    progress.Update(summary, p);
  }
  reader_thread.join();
  for (std::thread& t : workers) t.join();
  for (const StageTimes& t : worker_times) {
    summary.times.segment_s += t.segment_s;
    summary.times.annotate_s += t.annotate_s;
    summary.times.code_s += t.code_s;
    summary.times.tag_s += t.tag_s;
    summary.times.parse_s += t.parse_s;
  }
  progress.Clear();
  if (sink_error) std::rethrow_exception(sink_error);
  summary.seconds = Seconds(start, Clock::now());
  return summary;
}

}  // namespace dragoman
