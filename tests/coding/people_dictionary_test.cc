// The people dictionary: office tags in the format, their checks, coverage of every UN member
// state on a date, and leaders coded by the article date through the default coder.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "coder_test_helpers.h"

#include "actor_test_tokens.h"
#include "coding/dictionary_check.h"
#include "coding/our_dictionary_loader.h"

namespace dragoman::coding {
namespace {

constexpr int kToday = 20261129;  // the date the shipped people file is written for

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

bool HasOffice(const DatedCode& c, const std::string& office) {
  return std::find(c.offices.begin(), c.offices.end(), office) != c.offices.end();
}

const ActorEntry* FindActor(const ActorDictionary& dict, const std::string& id) {
  for (const ActorEntry& e : dict.actors())
    if (e.id == id) return &e;
  return nullptr;
}

// A small countries file so that hand-made people files check against known codes.
DictFile Countries() {
  return {"countries.txt",
          "dragoman-dict 1 countries\n"
          "KAZ | Kazakhstan | Kazakh |\n"
          "USA | United States | American |\n"
          "BIH | Bosnia and Herzegovina | Bosnian |\n"};
}

CheckOptions NoIso() {
  CheckOptions o;
  o.iso_codes_json = "";
  return o;
}

bool HasIssue(const CheckReport& r, CheckIssue::Severity severity, const std::string& text) {
  return std::any_of(r.issues.begin(), r.issues.end(), [&](const CheckIssue& i) {
    return i.severity == severity && i.message.find(text) != std::string::npos;
  });
}

std::string Issues(const CheckReport& r) {
  std::string s;
  for (const CheckIssue& i : r.issues)
    s += (i.severity == CheckIssue::Severity::kError ? "error: " : "warning: ") + i.origin + ": " + i.message + "\n";
  return s;
}

// ---- Coverage of the shipped files ----

TEST(PeopleDictionaryTest, ListsTheUnMemberStates) {
  std::vector<std::string> members = UnMembers(EmbeddedDictFiles());
  EXPECT_EQ(members.size(), 193u);
  for (const char* code : {"KAZ", "CHN", "USA", "ROU", "TLS", "MNE", "SSD", "TUV"})
    EXPECT_NE(std::find(members.begin(), members.end(), code), members.end()) << code;
  for (const char* code : {"TWN", "PSE", "VAT", "XKX"})
    EXPECT_EQ(std::find(members.begin(), members.end(), code), members.end()) << code << " is not a member";
}

TEST(PeopleDictionaryTest, EveryUnMemberHasAHeadOfStateAndOfGovernmentToday) {
  std::vector<DictFile> files = EmbeddedDictFiles();
  ASSERT_EQ(UnMembers(files).size(), 193u);
  std::vector<std::string> missing = MissingOffices(files, kToday);
  EXPECT_TRUE(missing.empty()) << missing.size() << " missing on 2026-11-29: " << Join(missing);
}

TEST(PeopleDictionaryTest, CoverageIsDatedNotTimeless) {
  // Far in the past most of today's leaders were not in office, and the check must say so.
  std::vector<std::string> missing = MissingOffices(EmbeddedDictFiles(), 18500101);
  EXPECT_GT(missing.size(), 300u);
}

TEST(PeopleDictionaryTest, ShippedDictionariesCheckWithoutErrorsOrOfficeConflicts) {
  CheckOptions options;
  options.office_date = kToday;
  CheckReport r = CheckDictionaries(EmbeddedDictFiles(), options);
  EXPECT_EQ(r.errors(), 0u) << Issues(r);
  EXPECT_FALSE(HasIssue(r, CheckIssue::Severity::kWarning, "overlapping head-of")) << Issues(r);
  EXPECT_FALSE(HasIssue(r, CheckIssue::Severity::kWarning, "has no head-of")) << Issues(r);
}

// ---- Loader ----

TEST(PeopleDictionaryTest, LoaderReadsOfficeTagsOfTheShippedFile) {
  std::vector<std::string> problems;
  LoadOptions options;
  options.strict = true;
  Result<OurDictionaries> d = LoadOurDictionaries(options, &problems);
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d->un_members.size(), 193u);

  const ActorEntry* tokayev = FindActor(d->actors, "Kassym-Jomart Tokayev");
  ASSERT_NE(tokayev, nullptr);
  bool president = false;
  for (const DatedCode& c : tokayev->codes)
    if (c.code == "KAZGOV" && c.range.begin == 20190320 && HasOffice(c, kHeadOfState)) president = true;
  EXPECT_TRUE(president);
  EXPECT_EQ(tokayev->CodeAt(20220520), "KAZGOV");  // the sample article's date

  const ActorEntry* trump = FindActor(d->actors, "Donald Trump");
  ASSERT_NE(trump, nullptr);
  const DatedCode* second_term = nullptr;
  for (const DatedCode& c : trump->codes)
    if (c.range.begin == 20250120) second_term = &c;
  ASSERT_NE(second_term, nullptr);
  EXPECT_TRUE(HasOffice(*second_term, kHeadOfState));
  EXPECT_TRUE(HasOffice(*second_term, kHeadOfGovernment));
  EXPECT_EQ(trump->CodeAt(20230101), "USA");
}

TEST(PeopleDictionaryTest, ParsesOfficesAfterTheRangeOrAnUndatedCode) {
  std::vector<ActorEntry> actors;
  std::vector<AgentEntry> agents;
  std::vector<std::string> problems;
  Status s = ParseActorFile("people.txt",
                            "dragoman-dict 1 people\n"
                            "Jane Roe = USA, USAGOV 2025-01-20.. head-of-state head-of-government\n"
                            "John Doe = KAZGOV head-of-government\n",
                            true, &actors, &agents, &problems);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(actors.size(), 2u);
  ASSERT_EQ(actors[0].codes.size(), 2u);
  EXPECT_TRUE(actors[0].codes[0].offices.empty());
  EXPECT_EQ(actors[0].codes[1].range.begin, 20250120);
  EXPECT_EQ(actors[0].codes[1].offices, (std::vector<std::string>{kHeadOfState, kHeadOfGovernment}));
  EXPECT_TRUE(HoldsOffice(actors[0].codes[1], kHeadOfState));
  EXPECT_TRUE(actors[1].codes[0].range.open());
  EXPECT_TRUE(HoldsOffice(actors[1].codes[0], kHeadOfGovernment));
  EXPECT_FALSE(HoldsOffice(actors[1].codes[0], kHeadOfState));
}

TEST(PeopleDictionaryTest, JointHeadsAndGovernorsGeneralStandForTheHeadOfState) {
  DatedCode joint{"BIHGOV", {}, {kJointHeadOfState}};
  DatedCode governor{"CANGOV", {}, {kGovernorGeneral}};
  EXPECT_TRUE(HoldsOffice(joint, kHeadOfState));
  EXPECT_TRUE(HoldsOffice(governor, kHeadOfState));
  EXPECT_FALSE(HoldsOffice(governor, kHeadOfGovernment));
}

TEST(PeopleDictionaryTest, LoaderReportsBadOfficeTagsWithFileAndLine) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"Jane Roe = KAZ, KAZGOV 2019-03-20.. head-of-stat", "unknown office \"head-of-stat\""},
      {"Jane Roe = KAZ, KAZGOV head-of-state 2019-03-20..", "one date range, before its offices"},
      {"Jane Roe = KAZ, KAZGOV 2019-03-20.. head-of-state head-of-state", "given twice"},
      {"Jane Roe = KAZ, KAZGOV 2019 head-of-state", "bad date range \"2019\""},
  };
  for (const auto& [line, message] : bad) {
    std::vector<ActorEntry> actors;
    std::vector<AgentEntry> agents;
    std::vector<std::string> problems;
    Status s = ParseActorFile("people.txt", "dragoman-dict 1 people\n# comment\n" + line + "\n", false, &actors,
                              &agents, &problems);
    EXPECT_TRUE(s.ok());
    EXPECT_TRUE(actors.empty()) << line;
    ASSERT_EQ(problems.size(), 1u) << line;
    EXPECT_NE(problems[0].find("people.txt:3:"), std::string::npos) << problems[0];
    EXPECT_NE(problems[0].find(message), std::string::npos) << problems[0];
    Status strict = ParseActorFile("people.txt", "dragoman-dict 1 people\n" + line + "\n", true, &actors, &agents,
                                   &problems);
    EXPECT_FALSE(strict.ok()) << line;
  }
  // Offices belong to people, not to countries, organizations or agents.
  std::vector<ActorEntry> actors;
  std::vector<AgentEntry> agents;
  std::vector<std::string> problems;
  ParseActorFile("groups.txt", "dragoman-dict 1 groups\nAkorda = KAZGOV head-of-state\n", false, &actors, &agents,
                 &problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("only in people files"), std::string::npos) << problems[0];
}

TEST(PeopleDictionaryTest, ReadsAndRejectsMemberLines) {
  std::vector<std::string> codes, problems;
  Status s = LoadMemberFile("un_members.txt",
                            "dragoman-dict 1 members\nKAZ  # Kazakhstan\nKazakhstan\nUS\n\nUSA # United States\n",
                            false, &codes, &problems);
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(codes, (std::vector<std::string>{"KAZ", "USA"}));
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("un_members.txt:3:"), std::string::npos) << problems[0];
  EXPECT_NE(problems[1].find("un_members.txt:4:"), std::string::npos) << problems[1];
}

// ---- dict check ----

TEST(PeopleDictionaryTest, CheckFlagsABadOfficeTag) {
  DictFile people{"people.txt",
                  "dragoman-dict 1 people\n"
                  "Good Person = KAZ, KAZGOV 2019-03-20.. head-of-state\n"
                  "Bad Person = KAZ, KAZGOV 2019-03-20.. president-for-life\n"};
  CheckReport r = CheckDictionaries({Countries(), people}, NoIso());
  EXPECT_EQ(r.errors(), 1u) << Issues(r);
  EXPECT_TRUE(HasIssue(r, CheckIssue::Severity::kError, "people.txt:3: unknown office \"president-for-life\""))
      << Issues(r);
}

TEST(PeopleDictionaryTest, CheckFlagsAnOfficeWithoutACountry) {
  DictFile people{"people.txt", "dragoman-dict 1 people\nSecretary General = IGOUNO 2017-01-01.. head-of-state\n"};
  CheckReport r = CheckDictionaries({Countries(), people}, NoIso());
  EXPECT_TRUE(HasIssue(r, CheckIssue::Severity::kError, "an office needs a country code")) << Issues(r);
}

TEST(PeopleDictionaryTest, CheckWarnsAboutTwoHoldersOfOneOffice) {
  DictFile people{"people.txt",
                  "dragoman-dict 1 people\n"
                  "First Leader = KAZ, KAZGOV 2010-01-01..2019-03-20 head-of-state\n"
                  "Second Leader = KAZ, KAZGOV 2019-03-20.. head-of-state\n"   // handover day: fine
                  "Rival Leader = KAZ, KAZGOV 2022-01-01..2022-12-31 head-of-state\n"
                  "Co Member One = BIH, BIHGOV 2022-11-16.. joint-head-of-state\n"
                  "Co Member Two = BIH, BIHGOV 2022-11-16.. joint-head-of-state\n"
                  "Premier = KAZ, KAZGOV 2022-01-01.. head-of-government\n"};
  CheckReport r = CheckDictionaries({Countries(), people}, NoIso());
  EXPECT_EQ(r.errors(), 0u) << Issues(r);
  size_t overlaps = std::count_if(r.issues.begin(), r.issues.end(), [](const CheckIssue& i) {
    return i.message.find("overlapping head-of-state of KAZ") != std::string::npos;
  });
  EXPECT_EQ(overlaps, 1u) << Issues(r);
  EXPECT_TRUE(HasIssue(r, CheckIssue::Severity::kWarning, "\"Rival Leader\"")) << Issues(r);
  EXPECT_FALSE(HasIssue(r, CheckIssue::Severity::kWarning, "BIH")) << Issues(r);
}

TEST(PeopleDictionaryTest, CheckWarnsAboutMembersWithoutLeadersOnTheDate) {
  DictFile members{"un_members.txt", "dragoman-dict 1 members\nKAZ\nUSA\nXYZ\n"};
  DictFile people{"people.txt",
                  "dragoman-dict 1 people\n"
                  "Kaz President = KAZ, KAZGOV 2019-03-20.. head-of-state\n"
                  "Kaz Premier = KAZ, KAZGOV 2024-02-06.. head-of-government\n"
                  "Us President = USA, USAGOV 2017-01-20..2021-01-20 head-of-state head-of-government\n"};
  CheckOptions options = NoIso();
  options.office_date = kToday;
  CheckReport r = CheckDictionaries({Countries(), people, members}, options);
  EXPECT_TRUE(HasIssue(r, CheckIssue::Severity::kError, "UN member XYZ is not a country code")) << Issues(r);
  EXPECT_TRUE(HasIssue(r, CheckIssue::Severity::kWarning, "UN member USA has no head-of-state on 2026-11-29"))
      << Issues(r);
  EXPECT_TRUE(HasIssue(r, CheckIssue::Severity::kWarning, "UN member USA has no head-of-government")) << Issues(r);
  EXPECT_FALSE(HasIssue(r, CheckIssue::Severity::kWarning, "UN member KAZ")) << Issues(r);
  std::vector<std::string> missing = MissingOffices({Countries(), people, members}, 20180101);
  EXPECT_NE(std::find(missing.begin(), missing.end(), "KAZ head-of-state"), missing.end()) << Join(missing);
  EXPECT_EQ(std::find(missing.begin(), missing.end(), "USA head-of-state"), missing.end()) << Join(missing);
}

// ---- The same leaders coded differently before and after taking office ----

using testing::CodeText;
using testing::Dump;
using testing::Has;

struct DatedCase {
  std::string text;
  std::string before_date, before_source;
  std::string after_date, after_source;
  std::string root, target_before, target_after;
};

TEST(PeopleDictionaryTest, LeadersAreCodedByTheirOfficeOnTheArticleDate) {
  const std::vector<DatedCase> cases = {
      // Opposition leader, then prime minister (2024-07-05).
      {"Keir Starmer met with Emmanuel Macron in Paris on Tuesday.", "2022-03-01", "GBROPP", "2025-03-01", "GBRGOV",
       "04", "FRAGOV", "FRAGOV"},
      // Opposition leader, then president (2025-06-04).
      {"Lee Jae-myung met with Fumio Kishida in Seoul.", "2023-06-01", "KOROPP", "2025-07-01", "KORGOV", "04",
       "JPNGOV", "JPNELI"},
      // Opposition leader, then chancellor (2025-05-06).
      {"Friedrich Merz met with Volodymyr Zelensky in Kyiv.", "2023-09-01", "DEUOPP", "2025-05-10", "DEUGOV", "04",
       "UKRGOV", "UKRGOV"},
      // Lawmaker, then president (2023-12-10).
      {"Javier Milei met with Luiz Inacio Lula da Silva on Monday.", "2022-06-01", "ARGLEG", "2024-06-01", "ARGGOV",
       "04", "BRAELI", "BRAGOV"},
      // Prime minister, then opposition after losing the April 2026 election.
      {"Viktor Orban met with Robert Fico in Bratislava.", "2025-06-01", "HUNGOV", "2026-07-01", "HUNOPP", "04",
       "SVKGOV", "SVKGOV"},
      // Opposition leader, then prime minister (2026-05-09).
      {"Peter Magyar met with Donald Tusk in Warsaw.", "2025-06-01", "HUNOPP", "2026-06-01", "HUNGOV", "04",
       "POLGOV", "POLGOV"},
  };
  for (const DatedCase& c : cases) {
    std::vector<Event> before = CodeText(c.text, c.before_date);
    std::vector<Event> after = CodeText(c.text, c.after_date);
    EXPECT_TRUE(Has(before, c.before_source, c.root, c.target_before)) << c.text << " @" << c.before_date << "\n"
                                                                       << Dump(before);
    EXPECT_TRUE(Has(after, c.after_source, c.root, c.target_after)) << c.text << " @" << c.after_date << "\n"
                                                                    << Dump(after);
    EXPECT_FALSE(Has(before, c.after_source, c.root, c.target_before)) << c.text << " @" << c.before_date;
  }
}

TEST(PeopleDictionaryTest, AFormerLeaderIsCodedAsGovernmentOnlyInOffice) {
  // Boris Johnson was prime minister 2019-07-24..2022-09-06; afterwards he is one of Britain's elite
  // (former-office: ELI in coding_rules.txt).
  const std::string text = "Boris Johnson met with Volodymyr Zelensky in Kyiv.";
  std::vector<Event> in_office = CodeText(text, "2022-04-09");
  std::vector<Event> after = CodeText(text, "2023-01-22");
  EXPECT_TRUE(Has(in_office, "GBRGOV", "04", "UKRGOV")) << Dump(in_office);
  EXPECT_TRUE(Has(after, "GBRELI", "04", "UKRGOV")) << Dump(after);
  EXPECT_FALSE(Has(after, "GBRGOV", "04", "UKRGOV")) << Dump(after);
}

}  // namespace
}  // namespace dragoman::coding
