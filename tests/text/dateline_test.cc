// Wire datelines at the start of a body: taken out of the first sentence into Article::dateline,
// with place, region, date and agency; bodies that merely open with an acronym keep their words.
#include "text/dateline.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/segmenter.h"

namespace dragoman::text {
namespace {

// An article as ingest builds it from JSON Lines: title, blank line, body.
Article Segmented(const std::string& body, const std::string& title = "Headline here") {
  Article a;
  a.title = title;
  a.text = title + "\n\n" + body;
  a.title_span = {0, title.size()};
  Segment(a);
  return a;
}

// The forms of the first body sentence (sentence 1, after the title).
std::vector<std::string> FirstBodyForms(const Article& a) {
  std::vector<std::string> out;
  if (a.sentences.size() < 2) return out;
  for (const Token& t : a.sentences[1].tokens) out.push_back(t.form);
  return out;
}

using V = std::vector<std::string>;

struct Expected {
  std::string body;           // the article body
  std::string dateline;       // the dateline's bytes, separator included
  std::string place;          // as written
  std::string place_display;
  std::string city;
  std::string region;
  std::string date;
  std::string agency;
  std::string first_word;     // the first token of the first body sentence
};

void ExpectDateline(const Expected& e) {
  SCOPED_TRACE(e.body);
  Article a = Segmented(e.body);
  const Dateline& d = a.dateline;
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(a.Slice(d.span), e.dateline);
  EXPECT_EQ(d.place, e.place);
  EXPECT_EQ(a.Slice(d.place_span), e.place);
  EXPECT_EQ(d.place_display, e.place_display);
  EXPECT_EQ(d.city, e.city);
  EXPECT_EQ(d.region, e.region);
  EXPECT_EQ(d.date, e.date);
  EXPECT_EQ(d.agency, e.agency);
  // The first body sentence starts after the dateline, at its first word, and holds no token of it.
  ASSERT_GE(a.sentences.size(), 2u);
  const Sentence& first = a.sentences[1];
  ASSERT_FALSE(first.tokens.empty());
  EXPECT_EQ(first.tokens[0].form, e.first_word);
  size_t body = a.text.find(e.body);
  EXPECT_EQ(first.span.begin, body + e.body.find(e.first_word, e.dateline.size() - 1));
  EXPECT_EQ(first.tokens[0].span.begin, first.span.begin);
  for (const Sentence& s : a.sentences) {
    for (const Token& t : s.tokens) {
      EXPECT_TRUE(t.span.end <= d.span.begin || t.span.begin >= d.span.end) << t.form;
    }
  }
}

TEST(DatelineTest, PlaceAndRegion) {
  ExpectDateline({"BAGHDAD, Iraq - Followers of radical Shiite cleric Muqtada al-Sadr said Saturday.",
                  "BAGHDAD, Iraq -", "BAGHDAD, Iraq", "Baghdad, Iraq", "Baghdad", "Iraq", "", "", "Followers"});
  ExpectDateline({"FOXBORO, Mass. - Peyton Manning reached the mark.", "FOXBORO, Mass. -", "FOXBORO, Mass.",
                  "Foxboro, Mass.", "Foxboro", "Mass.", "", "", "Peyton"});
}

TEST(DatelineTest, PlaceAndAgency) {
  ExpectDateline({"TEHRAN (Reuters) - A senior Iranian military official said Sunday.", "TEHRAN (Reuters) -",
                  "TEHRAN", "Tehran", "Tehran", "", "", "Reuters", "A"});
  ExpectDateline({"WASHINGTON (Reuters) - The president spoke.", "WASHINGTON (Reuters) -", "WASHINGTON",
                  "Washington", "Washington", "", "", "Reuters", "The"});
  ExpectDateline({"LONDON (CP) - Britain said Friday it would act.", "LONDON (CP) -", "LONDON", "London",
                  "London", "", "", "CP", "Britain"});
  // An em dash, and a region before the agency.
  ExpectDateline({"HANOI, Vietnam (AP) \xE2\x80\x94 Officials met on Monday.", "HANOI, Vietnam (AP) \xE2\x80\x94",
                  "HANOI, Vietnam", "Hanoi, Vietnam", "Hanoi", "Vietnam", "", "AP", "Officials"});
  ExpectDateline({"DUBAI/PARIS (Reuters) - The French government held talks.", "DUBAI/PARIS (Reuters) -",
                  "DUBAI/PARIS", "Dubai/Paris", "Dubai/Paris", "", "", "Reuters", "The"});
}

TEST(DatelineTest, PlaceWithAnApostrophe) {
  ExpectDateline({"N\xE2\x80\x99" "DJAMENA/MAIDUGURI (Reuters) - Chadian troops drove militants out of the town.",
                  "N\xE2\x80\x99" "DJAMENA/MAIDUGURI (Reuters) -", "N\xE2\x80\x99" "DJAMENA/MAIDUGURI",
                  "N'Djamena/Maiduguri", "N'Djamena/Maiduguri", "", "", "Reuters", "Chadian"});
  ExpectDateline({"N'DJAMENA, Chad (AFP) - Rebels attacked the capital.", "N'DJAMENA, Chad (AFP) -", "N'DJAMENA, Chad",
                  "N'Djamena, Chad", "N'Djamena", "Chad", "", "AFP", "Rebels"});
}

TEST(DatelineTest, HyphenatedRegion) {
  ExpectDateline({"BELGRADE, Serbia-Montenegro (Reuters) - Serbia handed over a general.",
                  "BELGRADE, Serbia-Montenegro (Reuters) -", "BELGRADE, Serbia-Montenegro", "Belgrade, Serbia-Montenegro",
                  "Belgrade", "Serbia-Montenegro", "", "Reuters", "Serbia"});
}

TEST(DatelineTest, DoubleHyphenAndColon) {
  ExpectDateline({"JERUSALEM -- A Hamas official was killed Sunday.", "JERUSALEM --", "JERUSALEM", "Jerusalem",
                  "Jerusalem", "", "", "", "A"});
  ExpectDateline({"SEOUL: South Korean authorities stopped a shipment.", "SEOUL:", "SEOUL", "Seoul", "Seoul", "",
                  "", "", "South"});
  ExpectDateline({"THE HAGUE: President Musharraf spoke Monday.", "THE HAGUE:", "THE HAGUE", "The Hague",
                  "The Hague", "", "", "", "President"});
}

TEST(DatelineTest, Dates) {
  ExpectDateline({"KABUL, Afghanistan Aug. 23, 2004 - A defense lawyer for one of three Americans spoke.",
                  "KABUL, Afghanistan Aug. 23, 2004 -", "KABUL, Afghanistan", "Kabul, Afghanistan", "Kabul",
                  "Afghanistan", "Aug. 23, 2004", "", "A"});
  ExpectDateline({"ABUJA, Aug 25, 2004 (dpa) -- Rebel groups agreed Wednesday to talks.",
                  "ABUJA, Aug 25, 2004 (dpa) --", "ABUJA", "Abuja", "Abuja", "", "Aug 25, 2004", "dpa", "Rebel"});
  ExpectDateline({"ISLAMABAD, Oct 23: Prime Minister Shaukat Aziz briefed the commission.", "ISLAMABAD, Oct 23:",
                  "ISLAMABAD", "Islamabad", "Islamabad", "", "Oct 23", "", "Prime"});
  ExpectDateline({"JERUSALEM, Oct 28 (AFP) - Israel will not bar Arafat.", "JERUSALEM, Oct 28 (AFP) -",
                  "JERUSALEM", "Jerusalem", "Jerusalem", "", "Oct 28", "AFP", "Israel"});
  ExpectDateline({"GAZA CITY, Gaza Strip Sept. 7, 2004 - Israeli helicopters attacked.",
                  "GAZA CITY, Gaza Strip Sept. 7, 2004 -", "GAZA CITY, Gaza Strip", "Gaza City, Gaza Strip",
                  "Gaza City", "Gaza Strip", "Sept. 7, 2004", "", "Israeli"});
  ExpectDateline({"KANDAHAR, Afghanistan, Dec 14 -- Afghan forces captured a commander.",
                  "KANDAHAR, Afghanistan, Dec 14 --", "KANDAHAR, Afghanistan", "Kandahar, Afghanistan", "Kandahar",
                  "Afghanistan", "Dec 14", "", "Afghan"});
}

TEST(DatelineTest, ListedPlaceWithoutSeparator) {
  ExpectDateline({"LONDON President Vladimir Putin of Russia has ruled out a pullout.", "LONDON", "LONDON",
                  "London", "London", "", "", "", "President"});
}

TEST(DatelineTest, AgencyAlone) {
  ExpectDateline({"AP - Candidates who spent more than a million lost.", "AP -", "", "", "", "", "", "AP",
                  "Candidates"});
  ExpectDateline({"Reuters - Pakistan test-fired a missile on Saturday.", "Reuters -", "", "", "", "", "",
                  "Reuters", "Pakistan"});
  ExpectDateline({"AFP - Southeast Asian foreign ministers met.", "AFP -", "", "", "", "", "", "AFP",
                  "Southeast"});
  Article a = Segmented("AP - Candidates lost.");
  EXPECT_TRUE(a.dateline.place_span.empty());
}

TEST(DatelineTest, MarkupBeforeTheDateline) {
  // AG News keeps escaped paragraph tags before some datelines; they vanish, the dateline is found.
  Article a = Segmented("&lt;p&gt;&lt;/p&gt;&lt;p&gt; CARACAS, Venezuela (Reuters) - Voters lined up.");
  EXPECT_EQ(a.dateline.place, "CARACAS, Venezuela");
  EXPECT_EQ(a.dateline.agency, "Reuters");
  EXPECT_EQ(FirstBodyForms(a), (V{"Voters", "lined", "up", "."}));
}

TEST(DatelineTest, BodyWithoutTitle) {
  Article a;
  a.text = "NAJAF, Iraq - Explosions rattled the city.";
  Segment(a);
  EXPECT_EQ(a.dateline.place_display, "Najaf, Iraq");
  ASSERT_EQ(a.sentences.size(), 1u);
  EXPECT_EQ(a.Slice(a.sentences[0].span), "Explosions rattled the city.");
}

TEST(DatelineTest, OnlyAtTheStartOfTheBody) {
  // In the title, or in a later sentence or line, it is left alone.
  Article a = Segmented("Officials met.\nBAGHDAD, Iraq - Followers said.", "TEHRAN (Reuters) - Title");
  EXPECT_TRUE(a.dateline.empty());
  ASSERT_EQ(a.sentences.size(), 3u);
  EXPECT_EQ(a.sentences[0].tokens[0].form, "TEHRAN");
  EXPECT_EQ(a.sentences[2].tokens[0].form, "BAGHDAD");
  // A byline line before it is dropped, and the dateline on the next line is still found.
  Article b = Segmented("By John Smith\nBAGHDAD, Iraq - Followers said.");
  EXPECT_EQ(b.dateline.place, "BAGHDAD, Iraq");
  EXPECT_EQ(FirstBodyForms(b), (V{"Followers", "said", "."}));
}

TEST(DatelineTest, OnALineOfItsOwnAndInWrappedText) {
  Article a = Segmented("WASHINGTON (Reuters) -\nThe president spoke.");
  EXPECT_EQ(a.Slice(a.dateline.span), "WASHINGTON (Reuters) -");
  EXPECT_EQ(FirstBodyForms(a), (V{"The", "president", "spoke", "."}));
  // Paragraphs as units (text wrapped at a fixed width): the same dateline, the same first word.
  Article b;
  b.text = "BAGHDAD, Iraq - Followers of the cleric\nsaid Saturday.";
  SegmentOptions wrapped;
  wrapped.line_breaks_end_sentences = false;
  Segment(b, wrapped);
  EXPECT_EQ(b.dateline.place, "BAGHDAD, Iraq");
  ASSERT_EQ(b.sentences.size(), 1u);
  EXPECT_EQ(b.Slice(b.sentences[0].span), "Followers of the cleric\nsaid Saturday.");
}

TEST(DatelineTest, OptionTurnsItOff) {
  Article a;
  a.text = "BAGHDAD, Iraq - Followers said.";
  SegmentOptions options;
  options.find_wire_datelines = false;
  Segment(a, options);
  EXPECT_TRUE(a.dateline.empty());
  ASSERT_EQ(a.sentences.size(), 1u);
  EXPECT_EQ(a.sentences[0].tokens[0].form, "BAGHDAD");
}

TEST(DatelineTest, SegmentClearsAnOldDateline) {
  Article a = Segmented("AP - Candidates lost.");
  ASSERT_FALSE(a.dateline.empty());
  a.text = "Headline here\n\nCandidates lost.";
  Segment(a);
  EXPECT_TRUE(a.dateline.empty());
}

// Bodies that open with upper-case words but carry no dateline keep every word.
TEST(DatelineTest, NotDatelines) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"NATO said on Monday it would send troops.", "NATO"},
      {"US troops killed 50 militants.", "US"},
      {"UN officials have been denied permission.", "UN"},
      {"BBC boss Mark Thompson says the corporation must change.", "BBC"},
      {"NATO Secretary General Jaap de Hoop Scheffer arrived.", "NATO"},   // not a listed place
      {"DAVE Norman, the Sydney police constable, flew in.", "DAVE"},     // a name, no separator
      {"KEY talks between the government and rebels resumed.", "KEY"},
      {"U.N. Secretary General Kofi Annan will speak.", "U.N."},
      {"SEC. RUMSFELD: As you know, we are going.", "SEC"},
      {"ANALYSIS - The war is not over.", "ANALYSIS"},                     // a label, not a place
      {"BAGHDAD, Iraq's government said on Tuesday.", "BAGHDAD"},           // a possessive, no separator
      {"MANILA, Philippines At least three people died.", "MANILA"},       // no separator after a region
      {"UN-backed forces entered the town.", "UN"},                        // a hyphen inside a word
      {"AP reported that talks failed.", "AP"},                            // an agency, no separator
      {"Reuters-style reports - none.", "Reuters"},
      {"LONDON is calm today.", "LONDON"},                                  // a lower-case word follows
  };
  for (const auto& [body, first] : cases) {
    SCOPED_TRACE(body);
    Article a = Segmented(body);
    EXPECT_TRUE(a.dateline.empty()) << a.Slice(a.dateline.span);
    ASSERT_GE(a.sentences.size(), 2u);
    EXPECT_EQ(a.sentences[1].tokens[0].form, first);
    EXPECT_EQ(a.sentences[1].span.begin, a.text.find(body));
  }
}

TEST(DatelineTest, FindDatelineOnARange) {
  std::string text = "xx TEHRAN (IRNA) -- Defense Minister Ali Shamkhani spoke.";
  std::optional<Dateline> d = FindDateline(text, 3, text.size());
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->span.begin, 3u);
  EXPECT_EQ(d->span.end, text.find("--") + 2);
  EXPECT_EQ(d->agency, "IRNA");
  EXPECT_FALSE(FindDateline(text, 0, text.size()).has_value());  // "xx" is not upper-case
  EXPECT_FALSE(FindDateline(text, 5, 3).has_value());            // an empty range
}

TEST(DatelineTest, TitleCase) {
  EXPECT_EQ(TitleCase("BAGHDAD"), "Baghdad");
  EXPECT_EQ(TitleCase("GAZA CITY"), "Gaza City");
  EXPECT_EQ(TitleCase("WINSTON-SALEM"), "Winston-Salem");
  EXPECT_EQ(TitleCase("S\xC3\x83O PAULO"), "S\xC3\xA3o Paulo");  // SÃO -> São
}

TEST(DatelineTest, WordListsParseAndReportErrors) {
  Result<DatelineWords> words = DatelineWords::Parse("# agencies\nAP\nCanadian Press\n",
                                                     "month Aug\nplace NEW  YORK\nlabel UPDATE\n", "test");
  ASSERT_TRUE(words.ok()) << words.status().message();
  EXPECT_TRUE(words->IsAgency("Canadian Press"));
  EXPECT_EQ(words->AgencyAt({"Canadian", "Press", "-"}), 2u);
  EXPECT_EQ(words->AgencyAt({"Canadian", "Club"}), 0u);
  EXPECT_TRUE(words->IsMonth("AUG."));
  EXPECT_FALSE(words->IsMonth("August"));
  EXPECT_TRUE(words->IsStandalonePlace("NEW YORK"));
  EXPECT_TRUE(words->IsLabel("UPDATE"));
  Result<DatelineWords> bad = DatelineWords::Parse("", "month Aug\ncity PARIS\n", "words.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("words.txt: dateline words line 2"), std::string::npos);
  // The built-in lists load.
  EXPECT_TRUE(DatelineWords::Default().IsAgency("Reuters"));
  EXPECT_TRUE(DatelineWords::Default().IsMonth("Sept."));
  EXPECT_TRUE(DatelineWords::Default().IsStandalonePlace("LONDON"));
}

}  // namespace
}  // namespace dragoman::text
