// `dragoman eval`: scores the syntax model against a gold CoNLL-U file.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "syntax/conllu.h"
#include "syntax/evaluator.h"
#include "syntax/model.h"
#include "text/segmenter.h"

namespace dragoman::cli {
namespace {

std::string Percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", 100.0 * v);
  return buf;
}

int RunEval(int argc, char** argv) {
  CLI::App app("Score the tagger, lemmatizer and parser against a gold CoNLL-U file.", "eval");
  std::string gold_path, model_path, output_path;
  bool raw = false, json = false;
  app.add_option("--gold", gold_path, "gold treebank (CoNLL-U)")->check(RegularFile(kMaxTreebankBytes))->required();
  app.add_option("--model", model_path, "model file (default: the built-in model)")->check(RegularFile(kMaxModelBytes, "none"));
  std::string parser = "accurate";
  AddParserOption(app, &parser);
  app.add_flag("--raw", raw, "start from the raw text (# text lines) with our own splitter and tokenizer");
  app.add_flag("--json", json, "print one JSON object of percentages");
  app.add_option("--output", output_path, "also write the system's annotation as CoNLL-U (gold tokenization only)");
  int exit_code = kExitOk;
  if (!ParseArguments(app, argc, argv, &exit_code)) return exit_code;

  std::vector<syntax::ConlluSentence> gold;
  Status s = syntax::ReadConlluFile(gold_path, &gold);
  if (!s.ok()) {
    std::cerr << "dragoman eval: " << s.message() << "\n";
    return kExitFailure;
  }
  auto model = model_path.empty() ? syntax::Model::LoadDefault() : syntax::Model::Load(model_path);
  if (!model.ok()) {
    std::cerr << "dragoman eval: " << model.status().message() << "\n";
    return kExitFailure;
  }
  if (raw && !output_path.empty()) {
    std::cerr << "dragoman eval: --output needs gold tokenization (drop --raw, or use `dragoman parse`)\n";
    return kExitUsage;
  }
  std::vector<syntax::ConlluSentence> system;
  const auto parsing = parser == "fast" ? syntax::Model::Parsing::kFast : syntax::Model::Parsing::kAccurate;
  syntax::Scores scores = raw ? syntax::EvaluateRaw(**model, gold, [](Article& a) { text::Segment(a); }, parsing)
                              : syntax::EvaluateGold(**model, gold, output_path.empty() ? nullptr : &system, parsing);
  if (!output_path.empty()) {
    std::ofstream out(output_path);
    syntax::WriteConllu(system, out);
    if (!out.flush()) {
      std::cerr << "dragoman eval: cannot write " << output_path << "\n";
      return kExitFailure;
    }
  }
  std::vector<std::pair<std::string, double>> figures;
  if (raw) {
    figures.push_back({"tokens", scores.tokens.F1()});
    figures.push_back({"sentences", scores.sentences.F1()});
    figures.push_back({"words", scores.words.F1()});
  }
  figures.push_back({"upos", scores.upos.F1()});
  figures.push_back({"xpos", scores.xpos.F1()});
  figures.push_back({"lemma", scores.lemma.F1()});
  figures.push_back({"feats", scores.feats.F1()});
  figures.push_back({"uas", scores.uas.F1()});
  figures.push_back({"las", scores.las.F1()});
  if (json) {
    std::cout << "{";
    for (size_t i = 0; i < figures.size(); ++i) {
      std::cout << (i ? ", " : "") << "\"" << figures[i].first << "\": " << Percent(figures[i].second);
    }
    std::cout << "}\n";
  } else {
    std::cout << (raw ? "raw text, F1 after alignment" : "gold tokenization, accuracy") << " on " << gold_path
              << " (" << scores.words.gold << " words)\n";
    for (const auto& [name, value] : figures) {
      std::cout << "  " << name << std::string(10 - name.size(), ' ') << Percent(value) << "\n";
    }
  }
  return kExitOk;
}

}  // namespace

DRAGOMAN_COMMAND("eval", "score the syntax model against gold CoNLL-U", RunEval);

}  // namespace dragoman::cli
