#include "ingest/reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/article_formats.h"
#include "ingest/byte_stream.h"
#include "test_files.h"

namespace dragoman::ingest {
namespace {

using testing::ReadAll;
using testing::ScratchDir;

const char kArticle[] =
    "Xi meets Tokayev in Beijing\n"
    "\n"
    "By Jane Doe | 20 May 2022\n"
    "\n"
    "Chinese President Xi Jinping met with Kazakh President Tokayev on Sunday.China is ready to work with "
    "Kazakhstan.\n";

TEST(TextFormat, TitleDateAndVerbatimText) {
  ScratchDir dir;
  std::string path = dir.Write("001_xi.txt", kArticle);
  auto records = ReadAll({path});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].article) << records[0].error->message;
  const Article& a = *records[0].article;
  EXPECT_EQ(a.title, "Xi meets Tokayev in Beijing");
  EXPECT_EQ(a.Slice(a.title_span), "Xi meets Tokayev in Beijing");
  EXPECT_EQ(a.date, "2022-05-20");
  EXPECT_EQ(a.id, "001_xi");
  EXPECT_EQ(a.origin, path);
  EXPECT_EQ(a.text, kArticle);
}

TEST(TextFormat, DateLineForms) {
  ReadOptions options;
  for (const auto& [line, want] : std::vector<std::pair<std::string, std::string>>{
           {"2022-05-20 0 By", "2022-05-20"},
           {"May 20, 2022", "2022-05-20"},
           {"Friday, May 20, 2022", "2022-05-20"},
           {"20.05.2022", "2022-05-20"},
           {"2022/05/20", "2022-05-20"},
           {"By Jane Doe | 20 May 2022", "2022-05-20"}}) {
    Record r = ParseTextArticle("Title here\n" + line + "\nBody text that is the article.\n", "x.txt", "x", options);
    ASSERT_TRUE(r.article) << line << ": " << r.error->message;
    EXPECT_EQ(r.article->date, want) << line;
  }
}

TEST(TextFormat, CrlfAndByteOrderMarkStayOutOfTheTitle) {
  std::string text = "\xEF\xBB\xBFHeadline\r\nMay 20, 2022\r\nBody.\r\n";
  Record r = ParseTextArticle(text, "x.txt", "x", {});
  ASSERT_TRUE(r.article);
  EXPECT_EQ(r.article->title, "Headline");
  EXPECT_EQ(r.article->Slice(r.article->title_span), "Headline");
  EXPECT_EQ(r.article->text, text);
}

TEST(TextFormat, NoDateUsesTheDefaultElseIsAnError) {
  std::string text = "Headline\nBody without any date at all.\n";
  Record r = ParseTextArticle(text, "x.txt", "x", {});
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->message.find("no date"), std::string::npos);
  EXPECT_NE(r.error->message.find("--date"), std::string::npos);
  EXPECT_EQ(r.error->origin, "x.txt");
  ReadOptions options;
  options.default_date = "2021-01-02";
  r = ParseTextArticle(text, "x.txt", "x", options);
  ASSERT_TRUE(r.article);
  EXPECT_EQ(r.article->date, "2021-01-02");
}

TEST(TextFormat, DatesInTheBodyAreNotTheArticleDate) {
  std::string body(300, 'x');
  std::string text = "Headline\n" + body + " on 3 March 2020 the talks began.\n";
  Record r = ParseTextArticle(text, "x.txt", "x", {});
  EXPECT_TRUE(r.error);
}

TEST(TextFormat, SampleArticle) {
  std::string path = std::string(DRAGOMAN_SHARED_DIR) + "/samples/000_9dc233296e0b742c.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "../shared/samples is absent: " << path;
  auto records = ReadAll({path});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].article) << records[0].error->message;
  const Article& a = *records[0].article;
  EXPECT_EQ(a.date, "2022-05-20");
  EXPECT_EQ(a.title, "Tokayev: I look forward to President Xi Jinping\xE2\x80\x99s visit to Kazakhstan as soon as possible");
  EXPECT_EQ(a.id, "000_9dc233296e0b742c");
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(a.text, ss.str());
}

TEST(JsonLines, ArticlesWithTitleFirst) {
  ScratchDir dir;
  std::string path = dir.Write(
      "feed.jsonl",
      R"({"id":"a1","date":"2022-05-20","source":"SRO","url":"http://x/1","title":"Xi meets Tokayev","text":"China is ready to work with Kazakhstan."})"
      "\n\n"
      R"({"id":7,"date":"May 21, 2022","title":"","text":"Kazakhstan hopes to deepen cooperation with China."})"
      "\n"
      R"({"date":"2022-05-22","title":"Same","text":"Same\n\nThe scraper put the title first."})"
      "\n");
  auto records = ReadAll({path});
  ASSERT_EQ(records.size(), 3u);
  for (const Record& r : records) ASSERT_TRUE(r.article) << r.error->origin << ": " << r.error->message;
  const Article& a = *records[0].article;
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.source, "SRO");
  EXPECT_EQ(a.url, "http://x/1");
  EXPECT_EQ(a.text, "Xi meets Tokayev\n\nChina is ready to work with Kazakhstan.");
  EXPECT_EQ(a.Slice(a.title_span), "Xi meets Tokayev");
  EXPECT_EQ(a.origin, path + "#1");
  const Article& b = *records[1].article;
  EXPECT_EQ(b.id, "7");
  EXPECT_EQ(b.date, "2022-05-21");
  EXPECT_TRUE(b.title_span.empty());
  EXPECT_EQ(b.origin, path + "#3");  // the blank line counts as a line
  const Article& c = *records[2].article;
  EXPECT_EQ(c.text, "Same\n\nThe scraper put the title first.");
  EXPECT_EQ(c.Slice(c.title_span), "Same");
  EXPECT_EQ(c.id, "feed:4");
}

TEST(JsonLines, BadLinesBecomeErrorRecordsAndReadingGoesOn) {
  ScratchDir dir;
  std::string path = dir.Write("bad.jsonl",
                               R"({"id":"ok1","date":"2022-05-20","text":"First."})"
                               "\n"
                               R"({"id":"broken","date":)"
                               "\n"
                               R"({"id":"notext","date":"2022-05-20","title":"T"})"
                               "\n"
                               R"({"id":"baddate","date":"someday","text":"Body."})"
                               "\n"
                               R"({"id":"nodate","text":"Body."})"
                               "\n"
                               "[1,2,3]\n"
                               R"({"id":"num","date":"2022-05-20","text":42})"
                               "\n"
                               "{\"id\":\"latin\",\"date\":\"2022-05-20\",\"text\":\"caf\xE9\"}\n"
                               R"({"id":"ok2","date":"2022-05-20","text":"Last."})"
                               "\n");
  auto records = ReadAll({path});
  ASSERT_EQ(records.size(), 9u);
  EXPECT_TRUE(records[0].article);
  auto error_at = [&](size_t i, const std::string& origin, const std::string& needle) {
    ASSERT_TRUE(records[i].error) << i;
    EXPECT_EQ(records[i].error->origin, origin);
    EXPECT_NE(records[i].error->message.find(needle), std::string::npos) << records[i].error->message;
  };
  error_at(1, path + "#2", "malformed JSON");
  error_at(2, path + "#3", "missing \"text\"");
  error_at(3, path + "#4", "unparseable date \"someday\"");
  error_at(4, path + "#5", "no date");
  error_at(5, path + "#6", "expected a JSON object, got array");
  error_at(6, path + "#7", "\"text\" is number");
  error_at(7, path + "#8", "invalid UTF-8: byte 0xE9");
  EXPECT_TRUE(records[8].article);
  EXPECT_EQ(records[8].article->id, "ok2");
}

TEST(JsonLines, RepairOptionReplacesInvalidUtf8) {
  ReadOptions options;
  options.repair_utf8 = true;
  Record r = ParseJsonLine("{\"date\":\"2022-05-20\",\"text\":\"caf\xE9 ok\"}", "f:1", "f", 1, options);
  ASSERT_TRUE(r.article) << r.error->message;
  EXPECT_EQ(r.article->text, "caf\xEF\xBF\xBD ok");
}

TEST(JsonLines, FiftyMegabyteLineIsAnErrorAndTheNextLineIsRead) {
  ScratchDir dir;
  std::string big = R"({"id":"big","date":"2022-05-20","text":")" + std::string(50u << 20, 'a') + "\"}\n";
  std::string path = dir.Write("big.jsonl", big + R"({"id":"after","date":"2022-05-20","text":"Still read."})" "\n");
  std::string().swap(big);
  auto records = ReadAll({path});
  ASSERT_EQ(records.size(), 2u);
  ASSERT_TRUE(records[0].error);
  EXPECT_EQ(records[0].error->origin, path + "#1");
  EXPECT_NE(records[0].error->message.find("over the record limit"), std::string::npos);
  ASSERT_TRUE(records[1].article);
  EXPECT_EQ(records[1].article->id, "after");
}

TEST(BadInput, EachGivesAnErrorNamingTheInput) {
  ScratchDir dir;
  std::string empty = dir.Write("empty.txt", "");
  std::string blank = dir.Write("blank.txt", "  \n\n ");
  std::string binary = dir.Write("garbage.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12) + std::string(500, '\x01'));
  std::string noisy = dir.Write("noisy.txt", std::string(200, '\x03') + "some text");
  std::string latin1 = dir.Write("latin1.txt", "Caf\xE9 talks\nMay 20, 2022\nThe caf\xE9 was closed.\n");
  std::string huge = dir.Write("huge.txt", "Title\n" + std::string(20u << 20, 'x') + "\n");
  std::string missing = dir.path() + "/does_not_exist.txt";
  auto records = ReadAll({empty, blank, binary, noisy, latin1, huge, missing});
  ASSERT_EQ(records.size(), 7u);
  std::vector<std::pair<std::string, std::string>> want = {
      {empty, "empty file"},       {blank, "empty file"},          {binary, "binary data"},
      {noisy, "binary data"},      {latin1, "invalid UTF-8: byte 0xE9 at offset 3 (line 1)"},
      {huge, "over the record limit"}, {missing, "no such file"}};
  for (size_t i = 0; i < want.size(); ++i) {
    ASSERT_TRUE(records[i].error) << want[i].first;
    EXPECT_EQ(records[i].error->origin, want[i].first);
    EXPECT_NE(records[i].error->message.find(want[i].second), std::string::npos) << records[i].error->message;
  }
}

TEST(Inputs, FoldersAreReadRecursivelyInSortedOrderAndGlobsExpand) {
  ScratchDir dir;
  dir.Write("news/b/2.txt", "Two\n2022-05-02\nBody.\n");
  dir.Write("news/a.txt", "One\n2022-05-01\nBody.\n");
  dir.Write("news/c.jsonl", R"({"id":"three","date":"2022-05-03","text":"Body."})" "\n");
  dir.Write("news/.hidden.txt", "Hidden\n2022-05-04\nBody.\n");
  dir.Write("news/logo.png", "\x89PNG\r\n");
  auto records = ReadAll({dir.path() + "/news"});
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].article->id, "a");
  EXPECT_EQ(records[1].article->id, "2");
  EXPECT_EQ(records[2].article->id, "three");

  records = ReadAll({dir.path() + "/news/*.txt", dir.path() + "/nothing/*.txt"});
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].article->id, "a");
  ASSERT_TRUE(records[1].error);
  EXPECT_NE(records[1].error->message.find("no file matches"), std::string::npos);
}

TEST(Inputs, FormatComesFromContentNotExtension) {
  ScratchDir dir;
  std::string jsonl_as_txt = dir.Write("feed.txt", R"({"id":"j","date":"2022-05-20","text":"Body."})" "\n");
  std::string text_as_jsonl = dir.Write("article.jsonl", "Headline\n2022-05-20\nBody.\n");
  auto records = ReadAll({jsonl_as_txt, text_as_jsonl});
  ASSERT_EQ(records.size(), 2u);
  ASSERT_TRUE(records[0].article);
  EXPECT_EQ(records[0].article->id, "j");
  ASSERT_TRUE(records[1].article);
  EXPECT_EQ(records[1].article->title, "Headline");

  ReadOptions forced;
  forced.format = "text";
  forced.default_date = "2022-05-20";
  records = ReadAll({jsonl_as_txt}, forced);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].article);  // the JSON line is now the title of a text article
  EXPECT_EQ(records[0].article->id, "feed");
}

TEST(Inputs, GzipJsonLinesAreInflated) {
  ScratchDir dir;
  std::string lines;
  for (int i = 0; i < 100; ++i) {
    lines += R"({"id":")" + std::to_string(i) + R"(","date":"2022-05-20","text":"Article )" + std::to_string(i) + ".\"}\n";
  }
  // Two gzip members, split in the middle of a line.
  std::string path = dir.Write("feed.jsonl.gz", testing::GzipMember(lines.substr(0, 1001)) +
                                                    testing::GzipMember(lines.substr(1001)));
  auto records = ReadAll({path});
  ASSERT_EQ(records.size(), 100u);
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(records[i].article) << records[i].error->message;
    EXPECT_EQ(records[i].article->id, std::to_string(i));
  }
}

TEST(Inputs, StandardInputIsDetectedAsTextOrJsonLines) {
  ScratchDir dir;
  auto read_stdin = [&](const std::string& content) {
    std::string path = dir.Write("stdin.data", content);
    int saved = ::dup(0);
    int fd = ::open(path.c_str(), O_RDONLY);
    ::dup2(fd, 0);
    ::close(fd);
    auto records = ReadAll({"-"});
    ::dup2(saved, 0);
    ::close(saved);
    return records;
  };
  auto text = read_stdin("Headline\nMay 20, 2022\nBody.\n");
  ASSERT_EQ(text.size(), 1u);
  ASSERT_TRUE(text[0].article);
  EXPECT_EQ(text[0].article->id, "stdin");
  EXPECT_EQ(text[0].article->origin, "stdin");
  EXPECT_EQ(text[0].article->date, "2022-05-20");
  auto jsonl = read_stdin(R"({"id":"s1","date":"2022-05-20","text":"A."})" "\n" R"({"id":"s2","date":"2022-05-20","text":"B."})" "\n");
  ASSERT_EQ(jsonl.size(), 2u);
  EXPECT_EQ(jsonl[1].article->id, "s2");
  EXPECT_EQ(jsonl[1].article->origin, "stdin#2");
}

// Every reader names a record's place the same way, NAME#N with N counted from 1: the second
// record of a JSON Lines file, of a pretty-printed one (read as a JSON document), of a JSON array
// and of a WARC file is "#2" alike.
TEST(Inputs, RecordLocationsHaveOneForm) {
  ScratchDir dir;
  const std::string good = R"({"id":"r1","date":"2022-05-20","text":"China criticized India."})";
  const std::string bad = R"({"id":"r2","date":"2022-05-20"})";  // no text: an error record
  std::string http = "HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\n\r\n";
  std::string redirect = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://n.example/a\r\n"
                         "WARC-Date: 2022-05-20T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
                         "Content-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
  const std::vector<std::pair<std::string, std::string>> files = {
      {"lines.jsonl", good + "\n" + bad + "\n"},
      {"pretty.jsonl", "{\"id\": \"r1\",\n \"date\": \"2022-05-20\", \"text\": \"China criticized India.\"}\n" + bad + "\n"},
      {"array.json", "[" + good + ",\n" + bad + "]"},
      {"crawl.warc", redirect + redirect},
  };
  for (const auto& [name, content] : files) {
    std::string path = dir.Write(name, content);
    std::vector<Record> records = ReadAll({path});
    ASSERT_EQ(records.size(), 2u) << name;
    ASSERT_TRUE(records[1].error) << name;
    // A WARC record's location goes on with its URI ("crawl.warc#2 https://..."), after a space.
    const std::string& origin = records[1].error->origin;
    EXPECT_EQ(origin.substr(0, origin.find(' ')), path + "#2") << name << ": " << records[1].error->message;
  }
  EXPECT_EQ(RecordLocation("feed.jsonl", 4), "feed.jsonl#4");
}

TEST(Inputs, ProgressCountsBytes) {
  ScratchDir dir;
  std::string a = dir.Write("a.txt", kArticle);
  std::string b = dir.Write("b.txt", kArticle);
  auto reader = OpenInputs({a, b}, {});
  EXPECT_EQ(reader->Progress().bytes_total, 2 * (sizeof kArticle - 1));
  Record r;
  while (reader->Next(&r)) {
  }
  EXPECT_EQ(reader->Progress().bytes_done, 2 * (sizeof kArticle - 1));
}

TEST(ByteStream, TruncatedGzipEndsWithAnError) {
  std::string data(100000, 'z');
  for (size_t i = 0; i < data.size(); i += 7) data[i] = static_cast<char>('a' + i % 26);
  std::string gz = testing::GzipMember(data);
  auto stream = ByteStream::FromString(gz.substr(0, gz.size() / 2));
  std::string out;
  stream->ReadAll(1 << 20, &out);
  EXPECT_GT(out.size(), 0u);
  EXPECT_LT(out.size(), data.size());
  EXPECT_EQ(data.compare(0, out.size(), out), 0);
  EXPECT_NE(stream->error().find("truncated gzip"), std::string::npos) << stream->error();
}

TEST(ByteStream, ManyMembersReadAsOneStream) {
  std::string expect, gz;
  for (int i = 0; i < 50; ++i) {
    std::string part = "member " + std::to_string(i) + "\n";
    expect += part;
    gz += testing::GzipMember(part);
  }
  auto stream = ByteStream::FromString(gz);
  std::string out;
  ASSERT_TRUE(stream->ReadAll(1 << 20, &out));
  EXPECT_EQ(out, expect);
  EXPECT_TRUE(stream->error().empty()) << stream->error();
}

}  // namespace
}  // namespace dragoman::ingest

namespace dragoman::ingest {
namespace {

TEST(JsonDocument, ArraysAndPrettyPrintedObjectsAreRead) {
  testing::ScratchDir dir;
  std::string array = dir.Write("export.json",
                                R"([{"id":"x1","date":"2022-05-20","text":"One."},)" "\n"
                                R"( {"id":"x2","date":"2022-05-21","text":"Two."}, {"date":"2022-05-22"}])");
  std::string pretty = dir.Write("pretty.json",
                                 "{\n  \"id\": \"p1\",\n  \"date\": \"2022-05-20\",\n  \"text\": \"Pretty.\"\n}\n"
                                 "{\n  \"id\": \"p2\",\n  \"date\": \"2022-05-20\",\n  \"text\": \"Second.\"\n}\n");
  std::string broken = dir.Write("broken.json", "[{\"id\":\"b1\",\"date\":\"2022-05-20\",\"text\":\"Ok.\"},\n{\"id\":");
  auto records = testing::ReadAll({array, pretty, broken});
  ASSERT_EQ(records.size(), 6u);
  EXPECT_EQ(records[0].article->id, "x1");
  EXPECT_EQ(records[0].article->origin, array + "#1");
  EXPECT_EQ(records[1].article->id, "x2");
  ASSERT_TRUE(records[2].error);
  EXPECT_EQ(records[2].error->origin, array + "#3");
  EXPECT_NE(records[2].error->message.find("missing \"text\""), std::string::npos);
  EXPECT_EQ(records[3].article->id, "p1");
  EXPECT_EQ(records[4].article->id, "p2");
  // A syntax error: the file is one error, not one per line.
  ASSERT_TRUE(records[5].error);
  EXPECT_EQ(records[5].error->origin, broken + "#1");
  EXPECT_NE(records[5].error->message.find("malformed JSON"), std::string::npos);
}

}  // namespace
}  // namespace dragoman::ingest

namespace dragoman::ingest {
namespace {

TEST(DetectFormat, FromTheFirstBytes) {
  EXPECT_EQ(DetectFormat("WARC/1.0\r\n"), "warc");
  EXPECT_EQ(DetectFormat("  {\"id\":1}"), "jsonl");
  EXPECT_EQ(DetectFormat("[ {\"id\":1}]"), "jsonl");
  EXPECT_EQ(DetectFormat("[Updated] Talks resume in Astana\n"), "text");
  EXPECT_EQ(DetectFormat("\n<!DOCTYPE html><html>"), "html");
  EXPECT_EQ(DetectFormat("Headline\nBody"), "text");
  EXPECT_TRUE(LooksLikeJsonDocument("[{\"a\":1}]"));
  EXPECT_TRUE(LooksLikeJsonDocument("{\n \"a\": 1\n}\n"));
  EXPECT_FALSE(LooksLikeJsonDocument("{\"a\": 1}\n{\"a\": 2}\n"));
}

}  // namespace
}  // namespace dragoman::ingest
