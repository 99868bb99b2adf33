// `dragoman train`: trains the tagger, lemmatizer and parser on a CoNLL-U treebank.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "syntax/syntax_model.h"

namespace dragoman::cli {
namespace {

int RunTrain(int argc, char** argv) {
  CLI::App app("Train the syntax model (tagger, lemmatizer, parser) on a CoNLL-U treebank.", "train");
  syntax::TrainOptions options;
  std::string out;
  app.add_option("--train", options.train_path, "training treebank (CoNLL-U)")->required();
  app.add_option("--dev", options.dev_path, "development treebank (CoNLL-U), scored during training");
  app.add_option("--out", out, "model file to write, e.g. models/en_ewt.bin")->required();
  app.add_option("--seed", options.seed, "random seed; the same seed gives the same model")->capture_default_str();
  app.add_option("--tagger-epochs", options.tagger_epochs, "passes over the data for the tagger")->capture_default_str();
  app.add_option("--parser-epochs", options.parser_epochs, "passes over the data for the parser")->capture_default_str();
  app.add_option("--tagger-min-updates", options.tagger_min_updates, "drop tagger features updated fewer times")
      ->capture_default_str();
  app.add_option("--parser-min-updates", options.parser_min_updates, "drop parser features updated fewer times")
      ->capture_default_str();
  app.add_option("--parser-features", options.parser_feature_set, "parser feature set (1, 2 or 3)")->capture_default_str();
  app.add_flag("--guided,!--no-guide", options.guided,
               "stack the parser on a guide parser reading the other way (default; --no-guide: one parser)");
  app.add_flag("--guide-right-to-left,!--guide-left-to-right", options.guide_right_to_left,
               "the guide reads right to left or (default) left to right, the parser the other way");
  app.add_option("--guide-epochs", options.guide_epochs, "passes over the data for the guide parser")->capture_default_str();
  app.add_option("--guide-folds", options.guide_folds, "folds for the guide's parses of the training sentences")
      ->capture_default_str();
  // The committed model's tagger reads WordNet's word classes (Debian package wordnet-base).
  options.wordnet_dir = "/usr/share/wordnet";
  bool no_wordnet = false;
  app.add_option("--wordnet", options.wordnet_dir, "WordNet dictionary folder: word classes for the tagger")
      ->capture_default_str();
  app.add_flag("--no-wordnet", no_wordnet, "train the tagger without WordNet's word classes");
  app.add_option("--folds", options.folds, "jackknife folds for the parser's training tags")->capture_default_str();
  app.add_option("--threads", options.threads, "threads (at most 2) for the jackknife taggers")->capture_default_str();
  int exit_code = kExitOk;
  if (!ParseArguments(app, argc, argv, &exit_code)) return exit_code;
  if (options.tagger_epochs < 1 || options.parser_epochs < 1 || options.guide_epochs < 1 || options.folds < 1 ||
      options.guide_folds < 1 || options.tagger_min_updates < 1 || options.parser_min_updates < 1 ||
      options.parser_feature_set < 1 || options.parser_feature_set > 3) {
    std::cerr << "dragoman train: epochs, folds and min-updates must be at least 1; parser features 1 to 3\n";
    return kExitUsage;
  }
  if (no_wordnet) options.wordnet_dir.clear();
  if (!options.wordnet_dir.empty() && !std::filesystem::exists(options.wordnet_dir + "/index.noun")) {
    std::cerr << "dragoman train: no WordNet dictionary in " << options.wordnet_dir
              << " (install the Debian package wordnet-base, give its folder with --wordnet, or train with --no-wordnet)\n";
    return kExitUsage;
  }
  options.description = "command: dragoman train --train " + options.train_path +
                        (options.dev_path.empty() ? "" : " --dev " + options.dev_path) + " --out " + out +
                        " --seed " + std::to_string(options.seed) + " --tagger-epochs " +
                        std::to_string(options.tagger_epochs) + " --parser-epochs " + std::to_string(options.parser_epochs) +
                        " --folds " + std::to_string(options.folds) + " --tagger-min-updates " +
                        std::to_string(options.tagger_min_updates) + " --parser-min-updates " +
                        std::to_string(options.parser_min_updates) + " --parser-features " +
                        std::to_string(options.parser_feature_set) +
                        (options.guided ? " --guided --guide-epochs " + std::to_string(options.guide_epochs) +
                                              " --guide-folds " + std::to_string(options.guide_folds) +
                                              (options.guide_right_to_left ? " --guide-right-to-left" : "")
                                        : " --no-guide") +
                        (options.wordnet_dir.empty() ? "" : " --wordnet " + options.wordnet_dir);
  auto start = std::chrono::steady_clock::now();
  options.log = [](const std::string& m) { std::cerr << m << "\n"; };
  auto model = syntax::TrainModel(options);
  if (!model.ok()) {
    std::cerr << "dragoman train: " << model.status().message() << "\n";
    return kExitFailure;
  }
  Status s = (*model)->Save(out);
  if (!s.ok()) {
    std::cerr << "dragoman train: " << s.message() << "\n";
    return kExitFailure;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "wrote " << out << " in " << secs << " s\n";
  return kExitOk;
}

}  // namespace

DRAGOMAN_COMMAND("train", "train the tagger, lemmatizer and parser on a CoNLL-U treebank", RunTrain);

}  // namespace dragoman::cli
