#include "resources/resources.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dragoman::resources {
namespace {

TEST(Resources, EveryEmbeddedFileEqualsItsSourceFile) {
  ASSERT_FALSE(All().empty()) << "data/ should be embedded in the binary";
  for (const Resource& r : All()) {
    std::ifstream in(std::filesystem::path(DRAGOMAN_SOURCE_DIR) / std::string(r.name), std::ios::binary);
    ASSERT_TRUE(in) << r.name;
    std::stringstream ss;
    ss << in.rdbuf();
    EXPECT_EQ(ss.str(), r.bytes) << r.name;
  }
}

TEST(Resources, FindByNameAndPrefix) {
  const Resource& first = All().front();
  ASSERT_TRUE(Find(first.name).has_value());
  EXPECT_EQ(*Find(first.name), first.bytes);
  EXPECT_FALSE(Find("no/such/file.txt").has_value());
  EXPECT_FALSE(WithPrefix("data/").empty());
  EXPECT_TRUE(WithPrefix("zzz/").empty());
}

}  // namespace
}  // namespace dragoman::resources
