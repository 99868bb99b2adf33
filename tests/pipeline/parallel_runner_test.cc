#include "pipeline/parallel_runner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

namespace dragoman {
namespace {

// Serves n generated records; every 7th is an error record. Counts how many were handed out.
class FakeReader : public ingest::RecordReader {
 public:
  explicit FakeReader(uint64_t n) : n_(n) {}
  bool Next(ingest::Record* record) override {
    if (i_ >= n_) return false;
    *record = ingest::Record{};
    std::string id = std::to_string(i_);
    if (i_ % 7 == 3) {
      record->error = ErrorRecord{"fake:" + id, "bad record " + id};
    } else {
      Article a;
      a.id = id;
      a.text = "Sentence of article " + id + ".";
      record->article = std::move(a);
    }
    ++i_;
    handed_out.fetch_add(1);
    return true;
  }
  ingest::ReadProgress Progress() const override { return {i_, n_}; }
  std::atomic<uint64_t> handed_out{0};

 private:
  uint64_t n_;
  uint64_t i_ = 0;
};

// Takes a varying time per article so that workers finish out of order; one event per article
// naming it, and one sentence.
void SlowProcess(Article& a, std::vector<Event>* events, StageTimes* times) {
  uint64_t id = std::stoull(a.id);
  std::this_thread::sleep_for(std::chrono::microseconds((id * 7919) % 13 * 50));
  Sentence s;
  s.span = Span{0, a.text.size()};
  a.sentences.push_back(s);
  Event e;
  e.article_id = a.id;
  e.code = "040";
  events->push_back(e);
  times->code_s += 0.001;
}

struct Delivered {
  std::vector<uint64_t> index;
  std::vector<std::string> what;  // article id + its event's article id, or "error:<origin>"
};

RunSummary RunFake(uint64_t n, int threads, Delivered* out, size_t max_in_flight = 0) {
  FakeReader reader(n);
  RunOptions options;
  options.threads = threads;
  options.quiet = true;
  options.max_in_flight = max_in_flight;
  return RunParallel(reader, SlowProcess, options, [&](RunItem& item) {
    out->index.push_back(item.index);
    if (item.record.article) {
      out->what.push_back(item.record.article->id + "/" + (item.events.empty() ? "" : item.events[0].article_id));
    } else {
      out->what.push_back("error:" + item.record.error->origin);
    }
    return true;
  });
}

TEST(ParallelRunner, DeliversInInputOrderWithAnyThreadCount) {
  Delivered one;
  RunSummary s1 = RunFake(300, 1, &one);
  ASSERT_EQ(one.index.size(), 300u);
  for (uint64_t i = 0; i < 300; ++i) {
    EXPECT_EQ(one.index[i], i);
    std::string id = std::to_string(i);
    EXPECT_EQ(one.what[i], i % 7 == 3 ? "error:fake:" + id : id + "/" + id);
  }
  for (int threads : {2, 4, 8}) {
    Delivered many;
    RunSummary s = RunFake(300, threads, &many);
    EXPECT_EQ(many.index, one.index) << threads << " threads";
    EXPECT_EQ(many.what, one.what) << threads << " threads";
    EXPECT_EQ(s.read, s1.read);
    EXPECT_EQ(s.threads, threads);
  }
  EXPECT_EQ(s1.read, 300u);
  EXPECT_EQ(s1.rejected, 43u);  // i % 7 == 3 for i < 300
  EXPECT_EQ(s1.coded, 257u);
  EXPECT_EQ(s1.with_events, 257u);
  EXPECT_EQ(s1.sentences, 257u);
  EXPECT_EQ(s1.events, 257u);
  EXPECT_NEAR(s1.times.code_s, 0.257, 1e-9);
}

TEST(ParallelRunner, MemoryIsBoundedByRecordsInFlight) {
  FakeReader reader(5000);
  RunOptions options;
  options.threads = 4;
  options.quiet = true;
  options.max_in_flight = 16;
  uint64_t delivered = 0, worst = 0;
  RunParallel(reader, SlowProcess, options, [&](RunItem& item) {
    ++delivered;
    worst = std::max(worst, reader.handed_out.load() - delivered);
    return true;
  });
  EXPECT_EQ(delivered, 5000u);
  // The reader may hold one record beyond the limit while it waits to hand it in; results wait
  // for the site-boilerplate window after that.
  EXPECT_LE(worst, 17u + options.site_boilerplate_window);
}

TEST(ParallelRunner, SinkCanStopTheRun) {
  FakeReader reader(100000);
  RunOptions options;
  options.threads = 4;
  options.quiet = true;
  uint64_t delivered = 0;
  RunSummary s = RunParallel(reader, SlowProcess, options, [&](RunItem& item) {
    ++delivered;
    return item.index < 9;
  });
  EXPECT_TRUE(s.stopped);
  EXPECT_EQ(delivered, 10u);
  EXPECT_LT(reader.handed_out.load(), 1000u);
}

TEST(ParallelRunner, AThrowingStageBecomesAnErrorRecord) {
  FakeReader reader(20);
  RunOptions options;
  options.threads = 3;
  options.quiet = true;
  std::vector<std::string> errors;
  RunSummary s = RunParallel(
      reader,
      [](Article& a, std::vector<Event>*, StageTimes*) {
        if (a.id == "5") throw std::runtime_error("boom");
      },
      options, [&](RunItem& item) {
        if (item.record.error) errors.push_back(item.record.error->message);
        return true;
      });
  EXPECT_EQ(s.read, 20u);
  ASSERT_EQ(errors.size(), 4u);  // 3, 10, 17 from the reader, 5 from the stage
  EXPECT_EQ(errors[1], "internal error while coding: boom");
}

TEST(ParallelRunner, ProgressLineAndSummary) {
  FakeReader reader(50);
  RunOptions options;
  options.threads = 2;
  options.force_progress = true;
  char* buf = nullptr;
  size_t size = 0;
  FILE* mem = open_memstream(&buf, &size);
  options.progress_stream = mem;
  RunSummary s = RunParallel(
      reader,
      [](Article& a, std::vector<Event>* e, StageTimes* t) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        SlowProcess(a, e, t);
      },
      options, [](RunItem&) { return true; });
  std::fclose(mem);
  std::string text(buf, size);
  std::free(buf);
  EXPECT_NE(text.find(" articles, "), std::string::npos) << text;
  EXPECT_NE(text.find("ETA"), std::string::npos) << text;
  std::string line = s.ToString();
  EXPECT_EQ(line.rfind("read 50 records: 43 coded (43 with events), 7 rejected, 0 skipped; 43 sentences, 43 events in ", 0), 0u)
      << line;
}

}  // namespace
}  // namespace dragoman

namespace dragoman {
namespace {

TEST(ParallelRunner, AnExceptionFromTheSinkIsRethrownAfterTheThreadsStop) {
  FakeReader reader(1000);
  RunOptions options;
  options.threads = 3;
  options.quiet = true;
  EXPECT_THROW(RunParallel(reader, SlowProcess, options,
                           [](RunItem& item) -> bool {
                             if (item.index == 5) throw std::runtime_error("disk full");
                             return true;
                           }),
               std::runtime_error);
}

// Pages of one site that all carry the same teaser paragraph: events coded in it are dropped on
// every page, with any thread count; the pages' own events and other sites' pages are untouched.
class SitePagesReader : public ingest::RecordReader {
 public:
  bool Next(ingest::Record* record) override {
    if (i_ >= 60) return false;
    *record = ingest::Record{};
    Article a;
    a.id = std::to_string(i_);
    bool same_site = i_ % 3 != 2;  // two of three pages are on one site
    a.url = same_site ? "https://www.example.com/story/" + a.id : "https://other" + a.id + ".org/x";
    a.title = "Title " + a.id;
    a.text = a.title + "\n\nOwn paragraph of story number " + a.id + " with its own news.\n\n" +
             "Read also: the minister visits the capital of the neighbouring country.";
    a.title_span = Span{0, a.title.size()};
    record->article = std::move(a);
    ++i_;
    return true;
  }

 private:
  uint64_t i_ = 0;
};

// One sentence and one event per paragraph.
void EventPerParagraph(Article& a, std::vector<Event>* events, StageTimes*) {
  size_t pos = a.title_span.end;
  while ((pos = a.text.find_first_not_of('\n', pos)) != std::string::npos) {
    size_t end = std::min(a.text.find("\n\n", pos), a.text.size());
    Sentence s;
    s.span = Span{pos, end};
    a.sentences.push_back(s);
    Event e;
    e.article_id = a.id;
    e.sentence_index = static_cast<int>(a.sentences.size() - 1);
    events->push_back(e);
    pos = end;
  }
}

TEST(ParallelRunner, EventsInASitesRepeatedParagraphsAreDropped) {
  std::vector<std::string> first;
  for (int threads : {1, 3}) {
    SitePagesReader reader;
    RunOptions options;
    options.threads = threads;
    options.quiet = true;
    std::vector<std::string> got;
    RunSummary s = RunParallel(reader, EventPerParagraph, options, [&](RunItem& item) {
      const Article& a = *item.record.article;
      for (const Event& e : item.events) got.push_back(a.id + ":" + std::to_string(e.sentence_index));
      return true;
    });
    EXPECT_EQ(s.read, 60u);
    // Same-site pages keep their own paragraph's event only; the other sites' pages keep both.
    size_t expected = 0;
    for (int i = 0; i < 60; ++i) expected += i % 3 != 2 ? 1 : 2;
    EXPECT_EQ(got.size(), expected) << threads << " threads";
    EXPECT_EQ(s.events, expected);
    for (int i = 0; i < 60; i += 3) {
      EXPECT_NE(std::find(got.begin(), got.end(), std::to_string(i) + ":0"), got.end()) << i;
      EXPECT_EQ(std::find(got.begin(), got.end(), std::to_string(i) + ":1"), got.end()) << i;
    }
    if (threads == 1) first = got;
    EXPECT_EQ(got, first) << threads << " threads";
  }
  // The summary says how many pages had only their crawl's date.
  {
    SitePagesReader dated_reader;
    RunOptions options;
    options.threads = 1;
    options.quiet = true;
    RunSummary s = RunParallel(
        dated_reader,
        [](Article& a, std::vector<Event>* events, StageTimes* times) {
          if (std::stoi(a.id) % 4 == 0) a.date_source = "crawl";
          EventPerParagraph(a, events, times);
        },
        options, [](RunItem&) { return true; });
    EXPECT_EQ(s.crawl_dated, 15u);
    EXPECT_NE(s.ToString().find("; 15 dated only by their crawl"), std::string::npos) << s.ToString();
  }
  // Without the window every event is delivered.
  SitePagesReader reader;
  RunOptions options;
  options.threads = 1;
  options.quiet = true;
  options.site_boilerplate_window = 0;
  RunSummary s = RunParallel(reader, EventPerParagraph, options, [](RunItem&) { return true; });
  EXPECT_EQ(s.events, 120u);
}

}  // namespace
}  // namespace dragoman

namespace dragoman {
namespace {

// While the next article is still being coded, the sink's owner is told (ingest commits then, so
// that its write lock is not held while an article codes).
TEST(ParallelRunner, SaysWhenTheNextResultIsNotReady) {
  FakeReader reader(3);
  RunOptions options;
  options.threads = 2;
  options.quiet = true;
  options.site_boilerplate_window = 0;
  std::vector<std::string> log;
  options.on_idle = [&] { log.push_back("idle"); };
  auto slow_second = [](Article& a, std::vector<Event>* events, StageTimes*) {
    if (a.id == "1") std::this_thread::sleep_for(std::chrono::milliseconds(300));
  };
  RunParallel(reader, slow_second, options, [&](RunItem& item) {
    log.push_back("item " + std::to_string(item.index));
    return true;
  });
  // Between the first result and the slow second one, the runner said it was waiting.
  auto first = std::find(log.begin(), log.end(), "item 0");
  auto second = std::find(log.begin(), log.end(), "item 1");
  ASSERT_NE(first, log.end());
  ASSERT_NE(second, log.end());
  EXPECT_NE(std::find(first, second, "idle"), second);
}

}  // namespace
}  // namespace dragoman
