// Broken and hostile input: corrupt gzip members, routine non-article WARC records, ARC files,
// UTF-16 pages, endless and over-limit input. Each case reads every record it can and accounts
// for the rest with one error (or skipped) record.
#include <gtest/gtest.h>

#include "ingest/byte_stream.h"
#include "ingest/html_extractor.h"
#include "test_files.h"

namespace dragoman::ingest {
namespace {

using testing::GzipMember;
using testing::ReadAll;
using testing::ScratchDir;
using testing::WarcHtmlResponse;
using testing::WarcRecord;

std::string Page(int i) {
  return "<html><head><title>Talks " + std::to_string(i) +
         "</title></head><body><article><p>China is ready to work with Kazakhstan on trade, the minister said on "
         "Friday in Astana.</p></article></body></html>";
}

// A .warc.gz of n records, one gzip member each, like CC-NEWS.
std::vector<std::string> WarcMembers(int n) {
  std::vector<std::string> members;
  for (int i = 0; i < n; ++i) {
    members.push_back(GzipMember(WarcHtmlResponse("https://example.org/" + std::to_string(i),
                                                  "2022-05-20T10:00:00Z", "id-" + std::to_string(i), Page(i))));
  }
  return members;
}

TEST(HostileInput, CorruptGzipMemberCostsOnlyItsRecord) {
  std::vector<std::string> members = WarcMembers(181);
  std::string file;
  for (size_t i = 0; i < members.size(); ++i) {
    std::string m = members[i];
    if (i == 60) {
      for (size_t k = 0; k < 16; ++k) m[m.size() / 2 + k] = static_cast<char>(0xA5 ^ k);  // 16 bad bytes
    }
    file += m;
  }
  ScratchDir dir;
  std::vector<Record> records = ReadAll({dir.Write("crawl.warc.gz", file)});
  size_t articles = 0, errors = 0;
  std::string error;
  for (const Record& r : records) {
    if (r.article) ++articles;
    if (r.error) {
      ++errors;
      error = r.error->origin + ": " + r.error->message;
    }
  }
  EXPECT_EQ(articles, 180u);
  EXPECT_EQ(errors, 1u) << error;
  EXPECT_NE(error.find("corrupt gzip data in member 61"), std::string::npos) << error;
  EXPECT_NE(error.find("resumed at the next gzip member"), std::string::npos) << error;
}

TEST(HostileInput, GarbageBetweenGzipMembersIsOneError) {
  std::vector<std::string> members = WarcMembers(5);
  std::string file = members[0] + members[1] + std::string(300, 'x') + members[2] + members[3] + members[4];
  ScratchDir dir;
  std::vector<Record> records = ReadAll({dir.Write("crawl.warc.gz", file)});
  size_t articles = 0, errors = 0;
  for (const Record& r : records) {
    articles += r.article.has_value();
    errors += r.error.has_value();
  }
  EXPECT_EQ(articles, 5u);
  EXPECT_EQ(errors, 1u);
}

TEST(HostileInput, CorruptGzipMemberInJsonLinesCostsOnlyItsLines) {
  std::string file;
  for (int i = 0; i < 10; ++i) {
    std::string line = R"({"id":"a)" + std::to_string(i) +
                       R"(","date":"2022-05-20","title":"Talks","text":"China is ready to work with Kazakhstan."})" "\n";
    std::string m = GzipMember(line);
    if (i == 4) m[m.size() / 2] ^= 0x55, m[m.size() / 2 + 1] ^= 0x55;
    file += m;
  }
  ScratchDir dir;
  std::vector<Record> records = ReadAll({dir.Write("feed.jsonl.gz", file)});
  size_t articles = 0, errors = 0;
  for (const Record& r : records) {
    articles += r.article.has_value();
    errors += r.error.has_value();
  }
  EXPECT_EQ(articles, 9u);
  // A member this small is decoded whole before its checksum shows the damage: its line may also
  // give a JSON error of its own.
  EXPECT_GE(errors, 1u);
  EXPECT_LE(errors, 2u);
}

TEST(HostileInput, NonArticleWarcRecordsAreSkippedWithAReason) {
  std::string http_image = "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: 4\r\n\r\n\xFF\xD8\xFF\xE0";
  std::string http_json = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"a\":1}";
  std::string http_redirect = "HTTP/1.1 302 Found\r\nLocation: https://example.org/b\r\nContent-Length: 0\r\n\r\n";
  std::string warc =
      WarcRecord("warcinfo", "", "2022-05-20T10:00:00Z", "w", "application/warc-fields", "software: wget\r\n") +
      WarcRecord("request", "https://example.org/a", "2022-05-20T10:00:00Z", "q", "application/http; msgtype=request",
                 "GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n") +
      WarcRecord("response", "https://example.org/i.jpg", "2022-05-20T10:00:00Z", "i",
                 "application/http; msgtype=response", http_image) +
      WarcRecord("response", "https://example.org/api", "2022-05-20T10:00:00Z", "j",
                 "application/http; msgtype=response", http_json) +
      WarcRecord("response", "https://example.org/old", "2022-05-20T10:00:00Z", "r",
                 "application/http; msgtype=response", http_redirect) +
      WarcRecord("metadata", "https://example.org/a", "2022-05-20T10:00:00Z", "m", "application/warc-fields",
                 "outlink: x\r\n") +
      WarcRecord("resource", "file://wget.log", "2022-05-20T10:00:00Z", "l", "text/plain", "wget log\n") +
      WarcHtmlResponse("<https://example.org/article>", "2022-05-20T10:00:00Z", "p", Page(1));
  ScratchDir dir;
  std::vector<Record> records = ReadAll({dir.Write("crawl.warc", warc)});
  // warcinfo, request and metadata records are passed over; the others are skipped, saying why.
  ASSERT_EQ(records.size(), 5u);
  for (size_t i = 0; i + 1 < records.size(); ++i) {
    ASSERT_TRUE(records[i].error) << i;
    EXPECT_TRUE(records[i].error->skipped) << records[i].error->message;
    EXPECT_EQ(records[i].error->message.rfind("skipped: ", 0), 0u) << records[i].error->message;
  }
  EXPECT_NE(records[0].error->message.find("image/jpeg"), std::string::npos);
  EXPECT_NE(records[1].error->message.find("application/json"), std::string::npos);
  EXPECT_NE(records[2].error->message.find("302 (a redirect)"), std::string::npos);
  EXPECT_NE(records[3].error->message.find("text/plain"), std::string::npos);
  ASSERT_TRUE(records[4].article);
  EXPECT_EQ(records[4].article->url, "https://example.org/article");  // angle brackets gone
}

// A WARC-Type the standard does not define (as in validator torture tests) is named as written;
// a record without one says so. Both are skipped, and the page after them is still read.
TEST(HostileInput, UnknownWarcTypesAreNamedAsWritten) {
  ScratchDir dir;
  std::string typeless = "WARC/1.0\r\nWARC-Date: 2022-05-20T00:00:00Z\r\nContent-Length: 0\r\n\r\n\r\n\r\n";
  std::string path = dir.Write(
      "odd.warc", WarcRecord("CAPITALIZED", "", "2022-05-20T00:00:00Z", "odd-1", "", "") + typeless +
                      WarcRecord("revisit", "https://n.example/r", "2022-05-20T00:00:00Z", "odd-2", "", "") +
                      WarcHtmlResponse("https://n.example/a", "2022-05-20T00:00:00Z", "odd-3",
                                       "<html><head><title>Talks</title></head><body><article><p>China is ready "
                                       "to work with Kazakhstan on trade.</p></article></body></html>"));
  std::vector<Record> records = ReadAll({path});
  ASSERT_EQ(records.size(), 4u);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(records[i].error) << i;
    EXPECT_TRUE(records[i].error->skipped) << records[i].error->message;
  }
  EXPECT_NE(records[0].error->message.find("unknown WARC-Type \"CAPITALIZED\""), std::string::npos)
      << records[0].error->message;
  EXPECT_NE(records[1].error->message.find("without a WARC-Type"), std::string::npos) << records[1].error->message;
  EXPECT_NE(records[2].error->message.find("a revisit record"), std::string::npos) << records[2].error->message;
  EXPECT_TRUE(records[3].article);
}

TEST(HostileInput, ArcFilesAreRefusedClearly) {
  std::string arc =
      "filedesc://IA-001102.arc 0 19960923142103 text/plain 76\n1 0 Alexa Internet\nURL IP-address Archive-date "
      "Content-type Archive-length\n\nhttp://www.dryswamp.edu:80/index.html 127.10.100.2 19961104142103 text/html "
      "202\nHTTP/1.0 200 Document follows\n\n<html>hello</html>\n";
  ScratchDir dir;
  ReadOptions options;
  options.default_date = "2022-05-20";
  for (const std::string& name : {"old.arc", "old.arc.gz"}) {
    std::string bytes = name.ends_with(".gz") ? GzipMember(arc) : arc;
    std::vector<Record> records = ReadAll({dir.Write(name, bytes)}, options);
    ASSERT_EQ(records.size(), 1u) << name;
    ASSERT_TRUE(records[0].error) << name;
    EXPECT_NE(records[0].error->message.find("ARC file"), std::string::npos) << records[0].error->message;
  }
}

std::string ToUtf16Le(const std::string& ascii, bool bom) {
  std::string out = bom ? "\xFF\xFE" : "";
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

TEST(HostileInput, Utf16PagesAreRead) {
  ScratchDir dir;
  std::string with_bom = dir.Write("bom.html", ToUtf16Le(Page(1), true));
  std::string without = dir.Write("nobom.html", ToUtf16Le(Page(2), false));
  ReadOptions options;
  options.default_date = "2022-05-20";
  std::vector<Record> records = ReadAll({with_bom, without}, options);
  ASSERT_EQ(records.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    ASSERT_TRUE(records[i].article) << (records[i].error ? records[i].error->message : "");
    EXPECT_NE(records[i].article->text.find("China is ready to work with Kazakhstan"), std::string::npos);
  }
  // In a WARC record too.
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-16\r\n\r\n" + ToUtf16Le(Page(3), true);
  std::string warc = WarcRecord("response", "https://example.org/u", "2022-05-20T10:00:00Z", "u",
                                "application/http; msgtype=response", http);
  records = ReadAll({dir.Write("u.warc", warc)}, options);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].article) << (records[0].error ? records[0].error->message : "");
}

// An endless source of one byte: reading must stop at the record limit, not at the end.
class EndlessSource : public ByteSource {
 public:
  explicit EndlessSource(char c) : c_(c) {}
  long Read(char* buf, size_t n) override {
    std::memset(buf, c_, n);
    read_ += n;
    return static_cast<long>(n);
  }
  size_t read_ = 0;

 private:
  char c_;
};

TEST(HostileInput, OverLimitInputIsRefusedWithoutReadingItAll) {
  auto source = std::make_unique<EndlessSource>('a');
  EndlessSource* raw = source.get();
  auto stream = ByteStream::FromSource(std::move(source));
  std::string out;
  EXPECT_FALSE(stream->ReadAll(1 << 20, &out));
  EXPECT_TRUE(out.empty());
  EXPECT_LT(raw->read_, 2u << 20);
}

TEST(HostileInput, DevZeroIsRefusedAtOnce) {
  ReadOptions options;
  options.default_date = "2022-05-20";
  std::vector<Record> records = ReadAll({"/dev/zero"}, options);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].error);
  EXPECT_NE(records[0].error->message.find("binary data"), std::string::npos) << records[0].error->message;
}

}  // namespace
}  // namespace dragoman::ingest
