#include "ingest/date_parser.h"

#include <gtest/gtest.h>

namespace dragoman::ingest {
namespace {

TEST(ParseNewsDate, IsoForms) {
  EXPECT_EQ(ParseNewsDate("2022-05-20"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("2022-05-20T08:30:00Z"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("2022-05-20T23:59:00+08:00"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("2022/05/20"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("2022.5.20"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("20220520"), "2022-05-20");
}

TEST(ParseNewsDate, NewsForms) {
  EXPECT_EQ(ParseNewsDate("May 20, 2022"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("May 20 2022"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("Friday, May 20, 2022"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("20 May 2022"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("20th of May, 2022"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("May 20th, 2022"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("Sept. 3, 2021"), "2021-09-03");
  EXPECT_EQ(ParseNewsDate("3 SEPTEMBER 2021"), "2021-09-03");
  EXPECT_EQ(ParseNewsDate("20-May-2022"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("Fri, 20 May 2022 08:30:00 GMT"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("20.05.2022"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("20-05-2022"), "2022-05-20");
}

TEST(ParseNewsDate, SlashDatesPreferMonthFirstWhenAmbiguous) {
  EXPECT_EQ(ParseNewsDate("05/20/2022"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("20/05/2022"), "2022-05-20");
  EXPECT_EQ(ParseNewsDate("03/04/2022"), "2022-03-04");
}

TEST(ParseNewsDate, RejectsImpossibleAndMissingDates) {
  EXPECT_EQ(ParseNewsDate(""), std::nullopt);
  EXPECT_EQ(ParseNewsDate("yesterday"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2022-02-30"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2022-13-01"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("May 2022"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("1850-01-01"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("12345678"), std::nullopt);
  EXPECT_EQ(ParseNewsDate("2024-02-29"), "2024-02-29");
  EXPECT_EQ(ParseNewsDate("2023-02-29"), std::nullopt);
}

TEST(FindNewsDate, FindsTheDateInBylines) {
  EXPECT_EQ(FindNewsDate("2022-05-20 0 By"), "2022-05-20");
  EXPECT_EQ(FindNewsDate("By Jane Doe | 20 May 2022"), "2022-05-20");
  EXPECT_EQ(FindNewsDate("Published: Friday, May 20, 2022 at 10:14 am"), "2022-05-20");
  EXPECT_EQ(FindNewsDate("Updated 20.05.2022 14:00"), "2022-05-20");
  EXPECT_EQ(FindNewsDate("By Jane Doe, staff writer"), std::nullopt);
  EXPECT_EQ(FindNewsDate("Posted 3 hours ago"), std::nullopt);
}

}  // namespace
}  // namespace dragoman::ingest
