#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "mini_wordnet.h"
#include "syntax/conllu.h"
#include "syntax/lemmatizer.h"
#include "syntax/model_io.h"
#include "syntax/syntax_model.h"

namespace dragoman::syntax {
namespace {

const std::string kTiny = std::string(DRAGOMAN_SOURCE_DIR) + "/tests/data/syntax/tiny.conllu";

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("dragoman_syntax_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A small model trained on the tiny treebank (guided, the default), shared by the tests below.
const SyntaxModel& TinyModel() {
  static std::shared_ptr<SyntaxModel> model = [] {
    TrainOptions o;
    o.train_path = kTiny;
    o.dev_path = kTiny;
    o.tagger_epochs = 3;
    o.parser_epochs = 3;
    o.folds = 2;
    auto m = TrainModel(o);
    EXPECT_TRUE(m.ok()) << m.status().message();
    return *m;
  }();
  return *model;
}

std::string Annotations(const Model& model, const std::string& path) {
  std::vector<ConlluSentence> sentences;
  EXPECT_TRUE(ReadConlluFile(path, &sentences).ok());
  std::ostringstream out;
  for (const ConlluSentence& c : sentences) {
    Sentence s = ToSentence(c, false);
    model.Annotate(s);
    for (const Token& t : s.tokens) {
      out << t.form << " " << t.upos << " " << t.xpos << " " << t.lemma << " " << t.feats << " " << t.head << " "
          << t.deprel << "\n";
    }
  }
  return out.str();
}

TEST(SyntaxModel, TrainingIsDeterministic) {
  TrainOptions o;
  o.train_path = kTiny;
  o.tagger_epochs = 2;
  o.parser_epochs = 2;
  o.folds = 2;
  o.seed = 7;
  auto a = TrainModel(o);
  auto b = TrainModel(o);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a)->Serialize(), (*b)->Serialize());
}

TEST(SyntaxModel, SaveLoadRoundTrip) {
  const SyntaxModel& model = TinyModel();
  std::string path = TempPath("roundtrip.bin");
  ASSERT_TRUE(model.Save(path).ok());
  auto loaded = Model::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(Annotations(**loaded, kTiny), Annotations(model, kTiny));
  // The training sentences come back well annotated: a model that learned nothing would not.
  std::string text = Annotations(**loaded, kTiny);
  EXPECT_NE(text.find("met VERB VBD meet"), std::string::npos) << text;
  auto again = SyntaxModel::FromBytes(model.Serialize(), "again");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->Serialize(), model.Serialize());
  std::remove(path.c_str());
}

Status LoadBytes(const std::string& bytes, const std::string& name) {
  std::string path = TempPath(name);
  WriteFile(path, bytes);
  auto m = Model::Load(path);
  std::remove(path.c_str());
  return m.ok() ? Status::Ok() : m.status();
}

void ExpectError(const std::string& bytes, const std::string& name, const std::string& want) {
  Status s = LoadBytes(bytes, name);
  ASSERT_FALSE(s.ok()) << name;
  EXPECT_NE(s.message().find(name), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(want), std::string::npos) << s.message();
}

TEST(SyntaxModel, CorruptFilesFailWithReasons) {
  const std::string good = TinyModel().Serialize();
  ExpectError(good.substr(0, good.size() - 100), "truncated.bin", "truncated or padded");
  ExpectError(good.substr(0, 12), "short.bin", "truncated header");
  ExpectError(good + "xx", "padded.bin", "truncated or padded");
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x20;
  ExpectError(flipped, "flipped.bin", "checksum mismatch");
  std::string magic = good;
  magic[0] = 'X';
  ExpectError(magic, "magic.bin", "bad magic");
  std::string version = good;
  version[8] = 9;
  ExpectError(version, "version.bin", "model format 9, this build reads up to 1");
  std::string component = good;
  component[12] = static_cast<char>(kComponentTagger);
  ExpectError(component, "component.bin", "not a syntax model bundle");
  ExpectError("", "empty.bin", "bad magic");
  Status missing = Model::Load(TempPath("does-not-exist.bin")).status();
  EXPECT_NE(missing.message().find("cannot open"), std::string::npos);
}

TEST(SyntaxModel, BadSectionsFailWithReasons) {
  {
    ModelWriter w;
    w.Section("META").String("only metadata");
    ExpectError(w.Finish(kComponentBundle), "nosections.bin", "section TAGR: missing");
  }
  {
    ModelWriter w;
    w.Section("META").String("m");
    w.Section("TAGR").U32(2).String("NOUN").String("NN").String("VERB").String("VB").U32(2).U64(1ull << 40);
    ExpectError(w.Finish(kComponentBundle), "bigcount.bin", "does not fit in the section");
  }
  {
    ModelWriter w;
    w.Section("META").U32(1000);  // a string longer than the section
    ExpectError(w.Finish(kComponentBundle), "meta.bin", "section META: section ends early");
  }
}

// Share of words whose head the parser gets right on sentences it was trained on: a parser that
// mixed up positions while reading backwards would score far lower.
double TrainingUas(const Parser& parser, const std::vector<ParseSentence>& sentences) {
  size_t right = 0, total = 0;
  for (const ParseSentence& p : sentences) {
    std::vector<int> heads, labels;
    parser.Parse(p.forms, p.tags, &heads, &labels);
    EXPECT_EQ(heads.size(), p.forms.size());
    for (size_t i = 0; i < heads.size(); ++i) {
      EXPECT_GE(heads[i], 0);
      EXPECT_LE(heads[i], static_cast<int>(heads.size()));
      EXPECT_NE(heads[i], static_cast<int>(i + 1)) << "a word is its own head";
      right += heads[i] == p.heads[i];
      ++total;
    }
  }
  return total ? static_cast<double>(right) / total : 0.0;
}

TEST(Parser, LearnsTheTreesReadingEitherWayWithTheRootFirstOrLast) {
  std::vector<ConlluSentence> conllu;
  ASSERT_TRUE(ReadConlluFile(kTiny, &conllu).ok());
  std::vector<std::string> labels;
  std::vector<ParseSentence> sentences;
  for (const ConlluSentence& c : conllu) {
    ParseSentence p;
    for (const ConlluRow* r : c.Words()) {
      p.forms.push_back(r->form());
      p.tags.push_back(r->upos() == "VERB" ? 1 : r->upos() == "NOUN" || r->upos() == "PROPN" ? 2 : 0);
      p.heads.push_back(r->head);
      auto it = std::find(labels.begin(), labels.end(), r->deprel());
      p.labels.push_back(static_cast<int>(it - labels.begin()));
      if (it == labels.end()) labels.push_back(r->deprel());
    }
    sentences.push_back(std::move(p));
  }
  for (bool right_to_left : {false, true}) {
    for (bool root_last : {false, true}) {
      ParserOptions o;
      o.epochs = 10;
      o.right_to_left = right_to_left;
      o.root_last = root_last;
      Parser parser = Parser::Train(labels, 3, sentences, {}, o);
      EXPECT_GE(TrainingUas(parser, sentences), 0.9) << "right to left " << right_to_left << ", root last " << root_last;
      // Exactly one word hangs from the root in every sentence.
      for (const ParseSentence& p : sentences) {
        std::vector<int> heads, labels_out;
        parser.Parse(p.forms, p.tags, &heads, &labels_out);
        EXPECT_EQ(std::count(heads.begin(), heads.end(), 0), 1);
      }
    }
  }
}

TEST(SyntaxModel, GuidedModelRoundTripsWithItsGuide) {
  const SyntaxModel& model = TinyModel();
  EXPECT_TRUE(model.parser().guided());
  auto again = SyntaxModel::FromBytes(model.Serialize(), "guided");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(Annotations(**again, kTiny), Annotations(model, kTiny));
  EXPECT_NE(Annotations(**again, kTiny).find("met VERB VBD meet"), std::string::npos);

  // The same file without the guide's section is refused, naming the problem.
  ModelFile file;
  const std::string bytes = model.Serialize();
  ASSERT_TRUE(ParseModelFile(bytes, "guided", &file).ok());
  ASSERT_TRUE(file.Has("GUID"));
  ModelWriter w;
  for (const char* tag : {"META", "TAGR", "LEMM", "PARS", "TEST"}) w.Section(tag).Bytes(file.sections.at(tag));
  ExpectError(w.Finish(kComponentBundle), "noguide.bin", "is guided but the file has no guide parser");

  // A model trained without a guide has one parser, and both settings run it.
  TrainOptions o;
  o.train_path = kTiny;
  o.tagger_epochs = 2;
  o.parser_epochs = 2;
  o.folds = 2;
  o.guided = false;
  auto single = TrainModel(o);
  ASSERT_TRUE(single.ok());
  EXPECT_FALSE((*single)->has_guide());
  ASSERT_TRUE(ParseModelFile((*single)->Serialize(), "single", &file).ok());
  EXPECT_FALSE(file.Has("GUID"));
  std::vector<ConlluSentence> sentences;
  ASSERT_TRUE(ReadConlluFile(kTiny, &sentences).ok());
  for (const ConlluSentence& c : sentences) {
    Sentence accurate = ToSentence(c, false), fast = accurate;
    (*single)->Annotate(accurate);
    (*single)->Annotate(fast, Model::Parsing::kFast);
    for (size_t i = 0; i < accurate.tokens.size(); ++i) EXPECT_EQ(accurate.tokens[i].head, fast.tokens[i].head);
  }
}

TEST(SyntaxModel, TaggerKeepsWordNetClassesThroughSaveAndLoad) {
  MiniWordNet wordnet;
  TrainOptions o;
  o.train_path = kTiny;
  o.tagger_epochs = 2;
  o.parser_epochs = 2;
  o.folds = 2;
  o.wordnet_dir = wordnet.dir();
  auto with = TrainModel(o);
  ASSERT_TRUE(with.ok()) << with.status().message();
  EXPECT_EQ((*with)->tagger().open_classes().Classes("countries"), OpenClassLexicon::kNoun << 4);
  auto again = SyntaxModel::FromBytes((*with)->Serialize(), "wordnet.bin");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ((*again)->Serialize(), (*with)->Serialize());
  EXPECT_EQ((*again)->tagger().open_classes().Classes("met"), OpenClassLexicon::kVerb << 4);
  EXPECT_EQ(Annotations(**again, kTiny), Annotations(**with, kTiny));
  // Trained without WordNet, the tagger has no lexicon.
  EXPECT_TRUE(TinyModel().tagger().open_classes().empty());
  // A folder that lacks one of WordNet's files fails training, naming the file.
  wordnet.Remove("index.adj");
  auto bad = TrainModel(o);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("index.adj"), std::string::npos) << bad.status().message();
}

TEST(Lemmatizer, SuffixRulesForUnseenWords) {
  const int kVbd = 0, kNns = 1;
  std::vector<LemmaExample> ex = {
      {"created", kVbd, "create", "_"}, {"rated", kVbd, "rate", "_"},     {"walked", kVbd, "walk", "_"},
      {"talked", kVbd, "talk", "_"}, {"played", kVbd, "play", "_"},    {"met", kVbd, "meet", "_"},       {"parties", kNns, "party", "_"},
      {"cities", kNns, "city", "_"},    {"dogs", kNns, "dog", "Number=Plur"}, {"Cats", kNns, "cat", "Number=Plur"}};
  Lemmatizer l = Lemmatizer::Train(ex, 2);
  EXPECT_EQ(l.Lemma("congratulated", kVbd), "congratulate");
  EXPECT_EQ(l.Lemma("met", kVbd), "meet");
  EXPECT_EQ(l.Lemma("Met", kVbd), "meet");
  EXPECT_EQ(l.Lemma("countries", kNns), "country");
  EXPECT_EQ(l.Lemma("kicked", kVbd), "kick");
  EXPECT_EQ(l.Feats("horses", kNns), "Number=Plur");
  // And it survives serialization.
  ByteWriter w;
  l.Write(w);
  Lemmatizer back;
  ByteReader r(w.data(), "lemm");
  ASSERT_TRUE(back.Read(r).ok());
  EXPECT_EQ(back.Lemma("countries", kNns), "country");
}

}  // namespace
}  // namespace dragoman::syntax

namespace dragoman::syntax {
namespace {

TEST(ModelIo, Crc32cKnownValue) {
  // The standard check value of CRC-32C.
  EXPECT_EQ(Crc32c("123456789"), 0xE3069283u);
  EXPECT_EQ(Crc32c(""), 0u);
  std::string long_text(1000, 'a');
  uint32_t a = Crc32c(long_text);
  long_text[500] = 'b';
  EXPECT_NE(Crc32c(long_text), a);
}

}  // namespace
}  // namespace dragoman::syntax

namespace dragoman::syntax {
namespace {

// Corruptions that keep a valid checksum reach the section readers: they must fail cleanly or
// load, never crash or hang.
TEST(SyntaxModel, FuzzedPayloadsNeverCrash) {
  TrainOptions o;
  o.train_path = std::string(DRAGOMAN_SOURCE_DIR) + "/tests/data/syntax/tiny.conllu";
  o.tagger_epochs = 1;
  o.parser_epochs = 1;
  o.folds = 1;
  auto model = TrainModel(o);
  ASSERT_TRUE(model.ok());
  const std::string good = (*model)->Serialize();
  uint64_t state = 12345;
  auto next = [&state]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  int failures = 0;
  for (int round = 0; round < 300; ++round) {
    std::string bytes = good;
    int flips = 1 + static_cast<int>(next() % 4);
    for (int f = 0; f < flips; ++f) {
      size_t at = kHeaderSize + next() % (bytes.size() - kHeaderSize);
      bytes[at] = static_cast<char>(next() & 0xff);
    }
    uint32_t crc = Crc32c(std::string_view(bytes).substr(kHeaderSize));
    for (int i = 0; i < 4; ++i) bytes[24 + i] = static_cast<char>((crc >> (8 * i)) & 0xff);
    auto m = SyntaxModel::FromBytes(bytes, "fuzz.bin");
    if (!m.ok()) {
      ++failures;
      EXPECT_EQ(m.status().message().rfind("fuzz.bin", 0), 0u) << m.status().message();
    }
  }
  EXPECT_GT(failures, 0);
}

}  // namespace
}  // namespace dragoman::syntax
