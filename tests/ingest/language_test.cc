// Which articles dragoman takes for English: declared languages (unless the text plainly disagrees),
// other scripts, other languages' function words; and name-heavy or short English is never turned away.
#include "ingest/language.h"

#include <gtest/gtest.h>

#include "ingest/reader.h"

namespace dragoman::ingest {
namespace {

constexpr char kEnglish[] =
    "Chinese President Xi Jinping held talks with Kazakh President Kassym-Jomart Tokayev in Beijing on Thursday. "
    "The two leaders agreed to deepen cooperation in trade, energy and security, and said they would work "
    "together to keep the region stable. Tokayev thanked China for its support.";
constexpr char kSpanish[] =
    "El presidente de China, Xi Jinping, se reunió el jueves en Pekín con el presidente de Kazajistán. Los dos "
    "líderes acordaron profundizar la cooperación en comercio, energía y seguridad, y dijeron que trabajarán "
    "juntos para mantener la estabilidad de la región. Tokayev agradeció a China por su apoyo.";
constexpr char kGerman[] =
    "Der chinesische Präsident Xi Jinping hat am Donnerstag in Peking den Präsidenten von Kasachstan getroffen. "
    "Die beiden Politiker wollen die Zusammenarbeit in Handel, Energie und Sicherheit vertiefen und sich für die "
    "Stabilität der Region einsetzen. Tokajew dankte China für die Unterstützung, die nicht selbstverständlich sei.";
constexpr char kRussian[] =
    "Председатель КНР Си Цзиньпин провел переговоры с президентом Казахстана Касым-Жомартом Токаевым в Пекине. "
    "Стороны договорились углублять сотрудничество в торговле, энергетике и сфере безопасности.";

TEST(Language, EnglishNewsIsEnglish) { EXPECT_FALSE(NonEnglishReason("", kEnglish).has_value()); }

TEST(Language, OtherLatinScriptLanguagesAreNot) {
  std::optional<std::string> es = NonEnglishReason("", kSpanish);
  ASSERT_TRUE(es.has_value());
  EXPECT_NE(es->find("not English"), std::string::npos) << *es;
  EXPECT_TRUE(NonEnglishReason("", kGerman).has_value());
}

TEST(Language, OtherScriptsAreNot) { EXPECT_TRUE(NonEnglishReason("", kRussian).has_value()); }

// A declared language stands unless the text plainly says otherwise: English articles on a site
// that declares lang="de" on every page are English; Spanish text declared English is Spanish.
TEST(Language, PlainTextOverridesTheDeclaredLanguage) {
  EXPECT_FALSE(NonEnglishReason("EN_gb", kEnglish).has_value());
  EXPECT_FALSE(NonEnglishReason("de-DE", kEnglish).has_value());
  EXPECT_FALSE(NonEnglishReason("de", kEnglish).has_value());
  std::optional<std::string> es = NonEnglishReason("en-US", kSpanish);
  ASSERT_TRUE(es.has_value());
  EXPECT_NE(es->find("not English"), std::string::npos) << *es;
  // Too little text to tell: the declaration decides.
  std::optional<std::string> de = NonEnglishReason("de-DE", "Merkel meets Putin in Berlin.");
  ASSERT_TRUE(de.has_value());
  EXPECT_NE(de->find("\"de-DE\""), std::string::npos) << *de;
  EXPECT_TRUE(NonEnglishReason("de", kGerman).has_value());
}

// Telegraphic or name-heavy English and short texts are given the benefit of the doubt.
TEST(Language, NameHeavyAndShortEnglishIsKept) {
  std::string telegraphic;
  for (int i = 0; i < 10; ++i) telegraphic += "China met with Russia on trade. Kazakhstan criticized Japan on security. ";
  EXPECT_FALSE(NonEnglishReason("", telegraphic).has_value());
  EXPECT_FALSE(NonEnglishReason("", "Xi meets Tokayev in Beijing").has_value());
  EXPECT_FALSE(NonEnglishReason("", "Der Spiegel: Merkel trifft Putin").has_value());
}

// Through the reader: a JSON Lines feed mixing languages gives skipped records for the foreign
// articles (declared or not), articles for the English one; --any-language reads all three.
TEST(Language, ReaderSkipsForeignArticlesUnlessAskedNotTo) {
  std::string path = std::string(DRAGOMAN_BINARY_DIR) + "/language_test_feed.jsonl";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fprintf(f, "{\"id\":\"en\",\"date\":\"2022-05-20\",\"text\":\"%s\"}\n", kEnglish);
    std::fprintf(f, "{\"id\":\"es\",\"date\":\"2022-05-20\",\"text\":\"%s\"}\n", kSpanish);
    std::fprintf(f, "{\"id\":\"fr\",\"date\":\"2022-05-20\",\"language\":\"fr\",\"text\":\"Short.\"}\n");
    std::fclose(f);
  }
  for (bool english_only : {true, false}) {
    ReadOptions options;
    options.english_only = english_only;
    std::unique_ptr<RecordReader> reader = OpenInputs({path}, options);
    Record r;
    int articles = 0, skipped = 0;
    while (reader->Next(&r)) {
      if (r.article) ++articles;
      if (r.error) {
        EXPECT_TRUE(r.error->skipped) << r.error->message;
        EXPECT_NE(r.error->origin.find("language_test_feed.jsonl#"), std::string::npos) << r.error->origin;
        ++skipped;
      }
    }
    EXPECT_EQ(articles, english_only ? 1 : 3);
    EXPECT_EQ(skipped, english_only ? 2 : 0);
  }
  std::remove(path.c_str());
}

}  // namespace
}  // namespace dragoman::ingest
