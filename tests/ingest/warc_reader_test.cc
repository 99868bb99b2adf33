#include "ingest/warc_reader.h"

#include <gtest/gtest.h>

#include "test_files.h"

namespace dragoman::ingest {
namespace {

using testing::GzipMember;
using testing::ReadAll;
using testing::ScratchDir;
using testing::WarcHtmlResponse;
using testing::WarcRecord;

std::string Page(int i, bool with_date = true) {
  std::string date = with_date ? "<meta property=\"article:published_time\" content=\"2022-05-" +
                                     std::string(i < 10 ? "0" : "") + std::to_string(i) + "T10:00:00Z\">"
                               : "";
  return "<html><head><title>Story number " + std::to_string(i) + " from the newsroom</title>" + date +
         "</head><body><article><h1>Story " + std::to_string(i) + "</h1><p>Paragraph one of story " +
         std::to_string(i) + " says China is ready to work with Kazakhstan.</p><p>Paragraph two of story " +
         std::to_string(i) + " closes the article with a quote.</p></article></body></html>";
}

std::vector<std::string> SampleRecords() {
  return {
      WarcRecord("warcinfo", "", "2022-05-20T00:00:00Z", "info", "application/warc-fields", "software: test\r\n"),
      WarcRecord("request", "https://news.example/1", "2022-05-20T00:00:01Z", "req1",
                 "application/http; msgtype=request", "GET /1 HTTP/1.1\r\nHost: news.example\r\n\r\n"),
      WarcHtmlResponse("https://news.example/1", "2022-05-20T00:00:01Z", "id-1", Page(1)),
      WarcRecord("metadata", "https://news.example/1", "2022-05-20T00:00:01Z", "meta1", "application/warc-fields",
                 "fetchTimeMs: 12\r\n"),
      WarcHtmlResponse("https://news.example/missing", "2022-05-20T00:00:02Z", "id-404", "<p>gone</p>", 404),
      WarcHtmlResponse("https://news.example/logo.jpg", "2022-05-20T00:00:03Z", "id-jpg", "\xFF\xD8\xFF", 200,
                       "image/jpeg"),
      WarcHtmlResponse("https://news.example/2", "2022-05-21T07:00:00Z", "id-2", Page(2, false)),
  };
}

void CheckSampleRecords(const std::vector<Record>& records, const std::string& path) {
  ASSERT_EQ(records.size(), 4u);
  ASSERT_TRUE(records[0].article) << records[0].error->message;
  const Article& a = *records[0].article;
  EXPECT_EQ(a.id, "id-1");
  EXPECT_EQ(a.url, "https://news.example/1");
  EXPECT_EQ(a.date, "2022-05-01");  // the page's own date
  EXPECT_EQ(a.origin, path + "#3 https://news.example/1");
  EXPECT_NE(a.text.find("Paragraph one of story 1 says China"), std::string::npos);
  ASSERT_TRUE(records[1].error);
  EXPECT_EQ(records[1].error->origin, path + "#5 https://news.example/missing");
  EXPECT_NE(records[1].error->message.find("HTTP status 404"), std::string::npos);
  EXPECT_TRUE(records[1].error->skipped);  // not a page: skipped, not an error
  ASSERT_TRUE(records[2].error);
  EXPECT_NE(records[2].error->message.find("not an HTML page"), std::string::npos);
  EXPECT_TRUE(records[2].error->skipped);
  ASSERT_TRUE(records[3].article);
  EXPECT_EQ(records[3].article->date, "2022-05-21");  // WARC-Date as the fallback
}

TEST(WarcReader, PlainWarc) {
  ScratchDir dir;
  std::string all;
  for (const std::string& r : SampleRecords()) all += r;
  std::string path = dir.Write("crawl.warc", all);
  CheckSampleRecords(ReadAll({path}), path);
}

TEST(WarcReader, GzipMemberPerRecordAsCcNewsShipsIt) {
  ScratchDir dir;
  std::string all;
  for (const std::string& r : SampleRecords()) all += GzipMember(r);
  std::string path = dir.Write("CC-NEWS-test.warc.gz", all);
  CheckSampleRecords(ReadAll({path}), path);
}

TEST(WarcReader, GzipMembersCutAnywhereInRecords) {
  // One stream cut into members at odd places: inside headers, inside payloads, at CRLFs.
  ScratchDir dir;
  std::string all;
  for (const std::string& r : SampleRecords()) all += r;
  std::string gz;
  size_t pos = 0, step = 1;
  while (pos < all.size()) {
    size_t n = std::min(all.size() - pos, step);
    gz += GzipMember(all.substr(pos, n));
    pos += n;
    step = step * 3 + 1;
  }
  std::string path = dir.Write("cut.warc.gz", gz);
  CheckSampleRecords(ReadAll({path}), path);
}

TEST(WarcReader, TruncatedGzipGivesCompleteRecordsThenOneError) {
  ScratchDir dir;
  std::vector<std::string> members;
  for (int i = 1; i <= 5; ++i) {
    members.push_back(GzipMember(WarcHtmlResponse("https://n.example/" + std::to_string(i), "2022-05-20T00:00:00Z",
                                                  "id-" + std::to_string(i), Page(i))));
  }
  std::string data;
  for (int i = 0; i < 3; ++i) data += members[i];
  data += members[3].substr(0, members[3].size() / 2);  // cut in the middle of record 4
  std::string path = dir.Write("cut.warc.gz", data);
  auto records = ReadAll({path});
  ASSERT_EQ(records.size(), 4u);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(records[i].article) << records[i].error->message;
    EXPECT_EQ(records[i].article->id, "id-" + std::to_string(i + 1));
  }
  ASSERT_TRUE(records[3].error);
  EXPECT_EQ(records[3].error->origin.rfind(path + "#4", 0), 0u) << records[3].error->origin;
  EXPECT_NE(records[3].error->message.find("truncated"), std::string::npos) << records[3].error->message;
}

TEST(WarcReader, TruncatedPlainWarcInsideAPayload) {
  ScratchDir dir;
  std::string one = WarcHtmlResponse("https://n.example/1", "2022-05-20T00:00:00Z", "a", Page(1));
  std::string two = WarcHtmlResponse("https://n.example/2", "2022-05-20T00:00:00Z", "b", Page(2));
  std::string path = dir.Write("cut.warc", one + two.substr(0, two.size() - 100));
  auto records = ReadAll({path});
  ASSERT_EQ(records.size(), 2u);
  EXPECT_TRUE(records[0].article);
  ASSERT_TRUE(records[1].error);
  EXPECT_NE(records[1].error->message.find("truncated record: Content-Length"), std::string::npos)
      << records[1].error->message;
}

TEST(WarcReader, DamagedHeaderIsOneErrorThenReadingResumes) {
  ScratchDir dir;
  std::string one = WarcHtmlResponse("https://n.example/1", "2022-05-20T00:00:00Z", "a", Page(1));
  std::string two = WarcHtmlResponse("https://n.example/2", "2022-05-20T00:00:00Z", "b", Page(2));
  std::string path = dir.Write("damaged.warc", one + "garbage line\r\nmore garbage\r\n" + two);
  auto records = ReadAll({path});
  ASSERT_EQ(records.size(), 3u);
  EXPECT_TRUE(records[0].article);
  ASSERT_TRUE(records[1].error);
  EXPECT_NE(records[1].error->message.find("expected a WARC/1.x version line"), std::string::npos);
  ASSERT_TRUE(records[2].article);
  EXPECT_EQ(records[2].article->id, "b");
}

TEST(WarcReader, ChunkedAndGzipEncodedResponses) {
  std::string html = Page(7);
  std::string gz = GzipMember(html);
  std::string chunked;
  for (size_t pos = 0; pos < gz.size(); pos += 100) {
    std::string part = gz.substr(pos, 100);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", part.size());
    chunked += std::string(size) + "\r\n" + part + "\r\n";
  }
  chunked += "0\r\n\r\n";
  std::string message = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                        "Content-Encoding: gzip\r\n\r\n" + chunked;
  HttpResponse response;
  std::string error;
  ASSERT_TRUE(ParseHttpResponse(message, 1 << 20, &response, &error)) << error;
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, html);

  ScratchDir dir;
  std::string path = dir.Write("enc.warc", WarcRecord("response", "https://n.example/7", "2022-05-20T00:00:00Z", "c",
                                                      "application/http; msgtype=response", message));
  auto records = ReadAll({path});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].article) << records[0].error->message;
  EXPECT_NE(records[0].article->text.find("Paragraph two of story 7"), std::string::npos);
}

}  // namespace
}  // namespace dragoman::ingest

namespace dragoman::ingest {
namespace {

TEST(WarcReader, CutInsideAHeaderGivesOneError) {
  ScratchDir dir;
  std::string one = GzipMember(WarcHtmlResponse("https://n.example/1", "2022-05-20T00:00:00Z", "a", Page(1)));
  std::string two_plain = WarcHtmlResponse("https://n.example/2", "2022-05-20T00:00:00Z", "b", Page(2));
  for (size_t cut : {size_t{3}, size_t{20}, two_plain.find("Content-Length") + 5, two_plain.find("\r\n\r\n") + 2}) {
    // Plain and gzip, cut at the same place inside the header of record 2.
    for (bool gz : {false, true}) {
      std::string data;
      if (gz) {
        // The member of record 2 cut short, near the same place: the gzip stream error path.
        std::string member = GzipMember(two_plain);
        data = one + member.substr(0, member.size() * cut / two_plain.size());
      } else {
        data = WarcHtmlResponse("https://n.example/1", "2022-05-20T00:00:00Z", "a", Page(1)) + two_plain.substr(0, cut);
      }
      std::string path = dir.Write("cut.warc", data);
      auto records = ReadAll({path});
      ASSERT_GE(records.size(), 1u);
      ASSERT_TRUE(records[0].article) << cut << " " << gz;
      size_t errors = 0;
      for (size_t i = 1; i < records.size(); ++i) errors += records[i].error ? 1 : 0;
      EXPECT_EQ(records.size(), 2u) << "cut " << cut << (gz ? " gzip" : " plain");
      EXPECT_EQ(errors, 1u) << "cut " << cut << (gz ? " gzip" : " plain");
    }
  }
}

}  // namespace
}  // namespace dragoman::ingest
