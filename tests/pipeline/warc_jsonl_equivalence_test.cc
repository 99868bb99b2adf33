// Issue 7, bar 2 and 3: 1,000 generated HTML news pages written as a CC-NEWS style WARC.gz code the
// same events as the same articles given as JSON Lines, on any number of threads; a WARC.gz cut in
// the middle of a record codes every complete record before the cut and gives one error record.
//
// The pages come in several site templates and carry boilerplate (navigation, share bars, related
// stories, comments, cookie banners) that itself holds codable sentences, so any boilerplate that
// leaks into the extracted text changes the events and fails the test.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "dragoman/pipeline.h"
#include "ingest/reader.h"
#include "pipeline/parallel_runner.h"
#include "../ingest/test_files.h"

namespace dragoman {
namespace {

struct GeneratedArticle {
  std::string id, date, url, title;
  std::vector<std::string> paragraphs;
  std::string html;
};

const char* const kCountries[] = {"China", "Kazakhstan", "Russia", "India", "France", "Germany", "Japan",
                                  "Brazil", "Egypt", "Kenya", "Mexico", "Canada", "Turkey", "Poland"};
const char* const kTopics[] = {"trade",  "energy", "transport", "security", "health",
                               "climate", "farming", "education", "tourism", "science"};

class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  std::string Pick(const char* const* list, size_t n) { return list[rng_() % n]; }
  std::string Country() { return Pick(kCountries, std::size(kCountries)); }
  std::string Topic() { return Pick(kTopics, std::size(kTopics)); }

  std::string EventSentence() {
    std::string a = Country(), b = Country();
    while (b == a) b = Country();
    switch (rng_() % 5) {
      case 0: return a + " is ready to work with " + b + " on " + Topic() + ".";
      case 1: return a + " supports " + b + " in its plans for " + Topic() + ".";
      case 2: return a + " congratulated " + b + " on the new " + Topic() + " agreement.";
      case 3: return a + " hopes to deepen " + Topic() + " cooperation with " + b + ".";
      default: return "Officials from " + a + " met with " + b + " on Tuesday to discuss " + Topic() + ".";
    }
  }
  std::string FillerSentence() {
    switch (rng_() % 4) {
      case 0: return "The talks lasted for " + std::to_string(2 + rng_() % 6) + " hours, officials said.";
      case 1: return "Analysts expect the " + Topic() + " sector to grow by " + std::to_string(1 + rng_() % 9) +
                     " percent next year.";
      case 2: return "No further details were given about the schedule of the meetings.";
      default: return "The statement was published on the ministry website on the same day.";
    }
  }
  std::string Paragraph() {
    std::string p;
    int n = 1 + static_cast<int>(rng_() % 3);
    for (int i = 0; i < n; ++i) {
      if (!p.empty()) p += ' ';
      p += rng_() % 2 ? EventSentence() : FillerSentence();
    }
    return p;
  }

  GeneratedArticle Article(int i) {
    GeneratedArticle a;
    char id[64];
    std::snprintf(id, sizeof id, "%08x-0000-4000-8000-%012d", static_cast<unsigned>(rng_()), i);
    a.id = id;
    int day = 1 + i % 28, month = 1 + (i / 28) % 12;
    char date[16];
    std::snprintf(date, sizeof date, "2023-%02d-%02d", month, day);
    a.date = date;
    a.url = "https://news" + std::to_string(i % 7) + ".example/world/story-" + std::to_string(i);
    a.title = Country() + " and " + Country() + " discuss " + Topic() + " ties";
    int n = 2 + static_cast<int>(rng_() % 5);
    // Distinct paragraphs: the extractor drops a block repeated verbatim (pull quotes, repeated
    // teasers), which real articles do not do with whole paragraphs.
    while (static_cast<int>(a.paragraphs.size()) < n) {
      std::string p = Paragraph();
      if (std::find(a.paragraphs.begin(), a.paragraphs.end(), p) == a.paragraphs.end()) a.paragraphs.push_back(p);
    }
    a.html = Html(a, i % 3);
    return a;
  }

 private:
  std::string Boilerplate(const char* where) {
    // Codable sentences in page furniture: they must never reach the article text.
    return std::string("<div class=\"") + where + "\"><p>Russia supports Ukraine in the " + Topic() +
           " talks, readers say in this " + where + " block.</p></div>";
  }

  std::string Html(const GeneratedArticle& a, int style) {
    std::string months[] = {"January", "February", "March",     "April",   "May",      "June",
                            "July",    "August",   "September", "October", "November", "December"};
    int year = std::stoi(a.date.substr(0, 4)), month = std::stoi(a.date.substr(5, 2)), day = std::stoi(a.date.substr(8, 2));
    std::string h = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">";
    h += "<title>" + a.title + " | News Site</title>";
    std::string body_paragraphs;
    if (style == 0) {
      // WordPress-like: <article>, meta published_time, share bar and comments around the text.
      h += "<meta property=\"article:published_time\" content=\"" + a.date + "T08:15:00+00:00\">";
      h += "</head><body><div class=\"cookie-banner\"><p>We use cookies. China supports Japan in nothing here, "
           "this is a cookie notice for visitors.</p></div>";
      h += "<nav class=\"menu\"><a href=\"/\">Home</a><a href=\"/world\">World news from Egypt and Kenya</a></nav>";
      h += "<main><article><header><h1>" + a.title + "</h1></header><div class=\"entry-content\">";
      for (const std::string& p : a.paragraphs) h += "<p>" + p + "</p>";
      h += Boilerplate("share-buttons") + "</div></article>" + Boilerplate("comments") + "</main>";
      h += "<footer><p>Copyright News Site. France is ready to work with Germany on this footer.</p></footer>";
    } else if (style == 1) {
      // Paragraphs as text in divs separated by <br><br>, date in <time datetime>.
      h += "</head><body><table><tr><td class=\"sidebar\"><a href=\"/a\">Poland is ready to work with Turkey "
           "on a linked headline</a></td><td><div id=\"story\"><time datetime=\"" + a.date + "\">" +
           months[month - 1] + " " + std::to_string(day) + ", " + std::to_string(year) + "</time><div class=\"txt\">";
      for (size_t k = 0; k < a.paragraphs.size(); ++k) {
        if (k > 0) h += "<br><br>\n";
        h += a.paragraphs[k];
      }
      h += "</div></div>" + Boilerplate("related-stories") + "</td></tr></table>";
    } else {
      // JSON-LD NewsArticle with a dd Month yyyy date, body in itemprop=articleBody.
      h += "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
           "\"headline\":\"" + a.title + "\",\"datePublished\":\"" + std::to_string(day) + " " + months[month - 1] +
           " " + std::to_string(year) + "\",\"author\":{\"@type\":\"Person\",\"name\":\"Staff\"}}</script>";
      h += "</head><body><div class=\"page\"><div itemprop=\"articleBody\">";
      for (const std::string& p : a.paragraphs) h += "<div class=\"para\"><p>" + p + "</p></div>";
      h += Boilerplate("newsletter-signup") + "</div><aside><p>Brazil congratulated Mexico on this aside text "
           "that is not news.</p></aside></div>";
    }
    h += "</body></html>";
    return h;
  }

  std::mt19937 rng_;
};

std::string WarcRecord(const std::string& type, const std::string& uri, const std::string& id,
                       const std::string& content_type, const std::string& block) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  // The crawl date differs from the publication date: the page's own date must win.
  r += "WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\n";
  r += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block +
       "\r\n\r\n";
  return r;
}

class Scratch {
 public:
  Scratch() {
    static std::atomic<int> n{0};
    dir_ = std::filesystem::temp_directory_path() / ("dragoman_warc_eq_" + std::to_string(::getpid()) + "_" +
                                                     std::to_string(n++));
    std::filesystem::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string Write(const std::string& name, const std::string& data) {
    std::string p = (dir_ / name).string();
    std::ofstream(p, std::ios::binary) << data;
    return p;
  }

 private:
  std::filesystem::path dir_;
};

// Every event of a run as one comparable line, in output order; error records as "ERROR origin".
std::vector<std::string> Code(const Pipeline& pipeline, const std::string& path, int threads,
                              std::vector<std::string>* errors, uint64_t* articles, bool defer_html = true) {
  ingest::ReadOptions read_options;
  read_options.defer_html = defer_html;  // pages extracted by the workers (or, false, by the reader)
  auto reader = ingest::OpenInputs({path}, read_options);
  RunOptions options;
  options.threads = threads;
  options.quiet = true;
  std::vector<std::string> lines;
  RunSummary s = RunPipeline(*reader, pipeline, options, [&](RunItem& item) {
    if (item.record.error) {
      errors->push_back(item.record.error->origin + ": " + item.record.error->message);
      return true;
    }
    for (const Event& e : item.events) {
      lines.push_back(e.article_id + " " + e.date + " " + std::to_string(e.sentence_index) + " " + e.source + " " +
                      e.code + " " + e.target + " " + std::to_string(e.source_span.begin) + "-" +
                      std::to_string(e.source_span.end) + " " + std::to_string(e.verb_span.begin) + " " +
                      std::to_string(e.target_span.begin) + " " + e.rule);
    }
    return true;
  });
  *articles = s.coded;
  return lines;
}

class WarcJsonlEquivalence : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Generator gen(20240101);
    for (int i = 0; i < 1000; ++i) articles_->push_back(gen.Article(i));
    auto pipeline = Pipeline::Create(PipelineOptions{});
    ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
    pipeline_ = pipeline.take().release();
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
    articles_->clear();
  }

  // The WARC.gz as CC-NEWS ships it: one gzip member per record, request and metadata records too.
  static std::vector<std::string> WarcMembers() {
    std::vector<std::string> members;
    members.push_back(ingest::testing::GzipMember(WarcRecord("warcinfo", "", "00000000-0000-4000-8000-000000000000",
                                            "application/warc-fields", "software: dragoman test generator\r\n")));
    for (const GeneratedArticle& a : *articles_) {
      members.push_back(ingest::testing::GzipMember(WarcRecord("request", a.url, a.id + "-req", "application/http; msgtype=request",
                                              "GET / HTTP/1.1\r\nHost: news.example\r\n\r\n")));
      std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: " +
                         std::to_string(a.html.size()) + "\r\n\r\n" + a.html;
      members.push_back(ingest::testing::GzipMember(WarcRecord("response", a.url, a.id, "application/http; msgtype=response", http)));
    }
    return members;
  }

  static std::string JsonLines(size_t count) {
    std::string out;
    for (size_t i = 0; i < count; ++i) {
      const GeneratedArticle& a = (*articles_)[i];
      std::string text;
      for (const std::string& p : a.paragraphs) text += (text.empty() ? "" : "\n\n") + p;
      nlohmann::json j = {{"id", a.id}, {"date", a.date}, {"url", a.url}, {"title", a.title}, {"text", text}};
      out += j.dump() + "\n";
    }
    return out;
  }

  static inline std::vector<GeneratedArticle>* articles_ = new std::vector<GeneratedArticle>();
  static inline Pipeline* pipeline_ = nullptr;
};

TEST_F(WarcJsonlEquivalence, ThousandPagesCodeTheSameEventsAsJsonLines) {
  Scratch scratch;
  std::string warc;
  for (const std::string& m : WarcMembers()) warc += m;
  std::string warc_path = scratch.Write("CC-NEWS-generated.warc.gz", warc);
  std::string jsonl_path = scratch.Write("generated.jsonl", JsonLines(articles_->size()));

  std::vector<std::string> warc_errors, jsonl_errors;
  uint64_t warc_articles = 0, jsonl_articles = 0;
  std::vector<std::string> from_jsonl = Code(*pipeline_, jsonl_path, 1, &jsonl_errors, &jsonl_articles);
  std::vector<std::string> from_warc = Code(*pipeline_, warc_path, 4, &warc_errors, &warc_articles);
  EXPECT_TRUE(jsonl_errors.empty()) << jsonl_errors[0];
  EXPECT_TRUE(warc_errors.empty()) << warc_errors[0];
  EXPECT_EQ(jsonl_articles, 1000u);
  EXPECT_EQ(warc_articles, 1000u);
  // The generated sentences are codable: an empty comparison would prove nothing.
  EXPECT_GT(from_jsonl.size(), 1000u);
  ASSERT_EQ(from_warc.size(), from_jsonl.size());
  for (size_t i = 0; i < from_jsonl.size(); ++i) ASSERT_EQ(from_warc[i], from_jsonl[i]) << "event " << i;
  // No event may come from the boilerplate sentences (Ukraine, and pairs only furniture mentions).
  for (const std::string& line : from_warc) EXPECT_EQ(line.find(" UKR "), std::string::npos) << line;

  // The same output, in the same order, on one thread, and with pages extracted while reading.
  std::vector<std::string> errors;
  uint64_t n = 0;
  EXPECT_EQ(Code(*pipeline_, warc_path, 1, &errors, &n), from_warc);
  EXPECT_EQ(Code(*pipeline_, warc_path, 3, &errors, &n, false), from_warc);
  EXPECT_TRUE(errors.empty());
}

TEST_F(WarcJsonlEquivalence, TruncatedWarcCodesEveryCompleteRecordAndGivesOneError) {
  Scratch scratch;
  std::vector<std::string> members = WarcMembers();
  // Members: [0] warcinfo, then request/response pairs; cut inside the response of article 500.
  size_t cut_member = 1 + 2 * 500 + 1;
  std::string warc;
  for (size_t i = 0; i < cut_member; ++i) warc += members[i];
  warc += members[cut_member].substr(0, members[cut_member].size() / 2);
  std::string warc_path = scratch.Write("cut.warc.gz", warc);
  std::string jsonl_path = scratch.Write("first500.jsonl", JsonLines(500));

  std::vector<std::string> warc_errors, jsonl_errors;
  uint64_t warc_articles = 0, jsonl_articles = 0;
  std::vector<std::string> from_warc = Code(*pipeline_, warc_path, 3, &warc_errors, &warc_articles);
  std::vector<std::string> from_jsonl = Code(*pipeline_, jsonl_path, 1, &jsonl_errors, &jsonl_articles);
  EXPECT_EQ(warc_articles, 500u);
  ASSERT_EQ(warc_errors.size(), 1u);
  EXPECT_NE(warc_errors[0].find("truncated"), std::string::npos) << warc_errors[0];
  EXPECT_NE(warc_errors[0].find((*articles_)[500].url), std::string::npos) << warc_errors[0];
  EXPECT_EQ(from_warc, from_jsonl);
}

}  // namespace
}  // namespace dragoman
