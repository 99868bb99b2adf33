#include "coding/cameo_table.h"

#include <gtest/gtest.h>

namespace dragoman::coding {
namespace {

TEST(CameoTableTest, EmbeddedTableHasAllCodes) {
  const CameoTable& t = CameoTable::Default();
  EXPECT_EQ(t.size(), 318u);
  const CameoCode* c = t.Find("0311");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->root, "03");
  EXPECT_EQ(c->plover_type, "AGREE");
}

TEST(CameoTableTest, CompleteFillsQuadGoldsteinPlover) {
  const CameoTable& t = CameoTable::Default();
  Event e;
  e.code = "190";
  t.Complete(e);
  EXPECT_EQ(e.root, "19");
  EXPECT_EQ(e.quad_class, 4);
  EXPECT_TRUE(e.has_goldstein);
  EXPECT_DOUBLE_EQ(e.goldstein, -10.0);
  EXPECT_EQ(e.plover_type, "ASSAULT");

  Event consult;
  consult.code = "042";
  t.Complete(consult);
  EXPECT_EQ(consult.plover_type, "CONSULT");
  EXPECT_EQ(consult.plover_mode, "visit");
}

TEST(CameoTableTest, TwoQuadClassSchemes) {
  const CameoTable& t = CameoTable::Default();
  Event investigate, protest;
  investigate.code = "090";
  protest.code = "141";
  t.Complete(investigate, /*gdelt_quads=*/true);
  t.Complete(protest, true);
  EXPECT_EQ(investigate.quad_class, 2);
  EXPECT_EQ(protest.quad_class, 3);
  t.Complete(investigate, /*gdelt_quads=*/false);
  t.Complete(protest, false);
  EXPECT_EQ(investigate.quad_class, 3);
  EXPECT_EQ(protest.quad_class, 4);
}

TEST(CameoTableTest, CodeWithoutGoldstein) {
  Event e;
  e.code = "1213";
  CameoTable::Default().Complete(e);
  EXPECT_FALSE(e.has_goldstein);
  EXPECT_EQ(e.quad_class, 3);
}

TEST(CameoTableTest, UnknownCodeFallsBackToAncestor) {
  Event e;
  e.code = "0875";  // not a CAMEO code; its parent 087 is
  CameoTable::Default().Complete(e);
  EXPECT_EQ(e.root, "08");
  EXPECT_EQ(e.quad_class, 2);
  EXPECT_EQ(e.plover_type, "RETREAT");
  Event junk;
  junk.code = "99";
  CameoTable::Default().Complete(junk);
  EXPECT_EQ(junk.root, "99");
  EXPECT_EQ(junk.quad_class, 0);
}

TEST(CameoTableTest, ParseRejectsBadRows) {
  std::string header = "code\tname\troot\tgoldstein\tquad_class_gdelt\tquad_class_alt\tplover_type\tplover_mode\tplover_context\n";
  EXPECT_TRUE(CameoTable::Parse(header + "010\tx\t01\t0.0\t1\t1\t\t\t\n", "t.tsv").ok());
  Result<CameoTable> bad = CameoTable::Parse(header + "010\tx\t01\tabc\t1\t1\t\t\t\n", "t.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("t.tsv:2"), std::string::npos);
  EXPECT_FALSE(CameoTable::Parse(header + "010\tx\t01\n", "t.tsv").ok());
}

}  // namespace
}  // namespace dragoman::coding
