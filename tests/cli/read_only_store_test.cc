// A store this user may not write: `query` and `serve` read it (read-only media, a folder or file
// without write permission), and `ingest` stops at once with one clear error instead of failing
// article by article.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "run_program.h"

namespace dragoman::testing {
namespace {

namespace fs = std::filesystem;

const char kArticle[] = "Talks\n\n2023-06-01\n\nChina criticized India over the border clashes.\n";

// Permissions do not bind root: as root, the program runs as nobody instead (setpriv).
std::string AsUnprivileged() { return ::geteuid() == 0 ? "setpriv --reuid=nobody --regid=nogroup --clear-groups" : ""; }

// A folder holding a store of one article, written and closed (no -wal or -shm file left).
class ReadOnlyStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    article_ = dir_.Write("a.txt", kArticle);
    db_ = dir_.Path("store/events.db");
    fs::create_directories(dir_.Path("store"));
    ProgramRun run = RunDragoman("ingest -q " + article_ + " --db " + db_);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    ASSERT_FALSE(fs::exists(db_ + "-wal"));
    ::chmod(dir_.Path("").c_str(), 0755);  // nobody may enter the scratch folder
  }
  void TearDown() override {
    ::chmod(dir_.Path("store").c_str(), 0755);
    ::chmod(db_.c_str(), 0644);
  }

  TempDir dir_{"read_only_store_"};
  std::string article_, db_;
};

TEST_F(ReadOnlyStoreTest, QueryAndServeReadAStoreInAFolderTheyMayNotWrite) {
  ASSERT_EQ(::chmod(dir_.Path("store").c_str(), 0555), 0);
  ProgramRun query = RunDragomanWrapped(AsUnprivileged(), "query events --db " + db_);
  EXPECT_EQ(query.exit_code, 0) << query.err;
  EXPECT_NE(query.out.find("CHN"), std::string::npos) << query.out << query.err;
  // serve: running after 2 s (stopped by timeout, status 124), not refused at start.
  ProgramRun serve = RunDragomanWrapped("timeout 2 " + AsUnprivileged(), "serve --port 0 --db " + db_);
  EXPECT_EQ(serve.exit_code, 124) << serve.err;
  EXPECT_NE(serve.err.find("on http://"), std::string::npos) << serve.err;
  EXPECT_FALSE(fs::exists(db_ + "-shm"));
}

TEST_F(ReadOnlyStoreTest, QueryReadsAStoreOnReadOnlyMedia) {
  // A read-only bind mount in a private mount namespace: needs root (or CAP_SYS_ADMIN).
  if (std::system("unshare -m true 2>/dev/null") != 0) GTEST_SKIP() << "no mount namespaces here (unshare -m)";
  const std::string store = dir_.Path("store");
  ProgramRun query = RunDragomanWrapped(
      "unshare -m sh -c 'mount --bind -o ro " + store + " " + store + " && exec \"$0\" \"$@\"'",
      "query events --db " + db_);
  EXPECT_EQ(query.exit_code, 0) << query.err;
  EXPECT_NE(query.out.find("CHN"), std::string::npos) << query.out << query.err;
}

TEST_F(ReadOnlyStoreTest, IngestIntoAReadOnlyFileStopsAtOnceWithOneError) {
  ASSERT_EQ(::chmod(db_.c_str(), 0444), 0);
  ASSERT_EQ(::chmod(dir_.Path("store").c_str(), 0777), 0);
  std::string more;
  for (int i = 1; i <= 3; ++i) {
    more += " " + dir_.Write("b" + std::to_string(i) + ".txt", "Talks " + std::to_string(i) +
                                                                  "\n\n2023-06-02\n\nRussia accused Ukraine "
                                                                  "of shelling on day " +
                                                                  std::to_string(i) + ".\n");
  }
  ProgramRun run = RunDragomanWrapped(AsUnprivileged(), "ingest -j 1 --db " + db_ + more);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find("cannot write to the store: the file is read-only"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("article \""), std::string::npos) << "one error per article:\n" << run.err;
  size_t lines = 0;
  for (char c : run.err) lines += c == '\n';
  EXPECT_EQ(lines, 1u) << run.err;
}

}  // namespace
}  // namespace dragoman::testing
