// `dragoman validate`: codes PETRARCH's unit-test records and compares with their expected events.
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "cli/command.h"
#include "coding/event_coder.h"
#include "coding/petrarch_reader.h"
#include "coding/validation.h"
#include "syntax/model.h"
#include "text/segmenter.h"

namespace dragoman::cli {
namespace {

std::string KeysText(const std::vector<coding::EventKey>& keys) {
  if (keys.empty()) return "(none)";
  std::string out;
  for (const coding::EventKey& k : keys) {
    if (!out.empty()) out += "  ";
    out += k.source + " " + k.target + " " + k.code;
  }
  return out;
}

int RunValidate(int argc, char** argv) {
  CLI::App app("Code PETRARCH validation records and compare with their expected events.", "validate");
  std::string records_path, dict_dir, verbs, parse = "given", disputed_path, only;
  bool json = false, strict = false, quiet = false;
  app.add_option("records", records_path, "PETRARCH unit-test records (.xml with UD parses)")
      ->required()
      ->check(RegularFile(kMaxTreebankBytes));
  app.add_option("--dict", dict_dir, "folder with the dictionary files the records' <Environment> names")->required();
  app.add_option("--verbs", verbs, "verb dictionary file in --dict to use instead of the <Environment> one");
  app.add_option("--parse", parse, "given: the records' own parses; ours: dragoman's parser")
      ->check(CLI::IsMember({"given", "ours"}))
      ->capture_default_str();
  app.add_option("--disputed", disputed_path,
                 "TSV of record ids whose expected events we judge wrong (id, reason); marked in the output");
  app.add_option("--id", only, "validate only the record with this id (prints its parse)");
  app.add_flag("--json", json, "print only {\"passed\": N, \"total\": M, ...}");
  app.add_flag("--strict", strict, "a bad dictionary line is an error");
  app.add_flag("-q,--quiet", quiet, "no dictionary warnings");
  int exit_code = kExitOk;
  if (!ParseArguments(app, argc, argv, &exit_code)) return exit_code;

  Result<coding::ValidationSet> set = coding::ReadValidationRecords(records_path);
  if (!set.ok()) {
    std::cerr << "dragoman validate: " << set.status().message() << "\n";
    return kExitFailure;
  }
  coding::PetrarchFiles files;
  files.dir = dict_dir;
  files.verbs = verbs.empty() ? set->verb_file : verbs;
  if (!set->actor_file.empty()) files.actors = {set->actor_file};
  if (!set->agent_file.empty()) files.agents = {set->agent_file};
  files.discards = set->discard_file;
  std::vector<std::string> warnings;
  Result<coding::Lexicon> dicts = coding::LoadPetrarchFiles(files, strict, &warnings);
  if (!dicts.ok()) {
    std::cerr << "dragoman validate: " << dicts.status().message() << "\n";
    return kExitFailure;
  }
  if (!quiet && !json)
    for (const std::string& w : warnings) std::cerr << "warning: " << w << "\n";
  std::unique_ptr<coding::EventCoder> coder = coding::MakeEventCoder(dicts.take());

  std::shared_ptr<const syntax::Model> model;
  if (parse == "ours") {
    Result<std::shared_ptr<const syntax::Model>> m = syntax::Model::LoadDefault();
    if (!m.ok()) {
      std::cerr << "dragoman validate: --parse ours: " << m.status().message() << "\n";
      return kExitFailure;
    }
    model = *m;
  }

  std::map<std::string, std::string> disputed;
  if (!disputed_path.empty()) {
    std::ifstream in(disputed_path);
    if (!in) {
      std::cerr << "dragoman validate: cannot read " << disputed_path << "\n";
      return kExitFailure;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.find('\t');
      if (tab == std::string::npos) continue;
      disputed[line.substr(0, tab)] = line.substr(tab + 1);
    }
  }
  int passed = 0, total = 0, failed_disputed = 0;
  size_t expected_events = 0, correct_events = 0, produced_events = 0;
  for (const coding::ValidationRecord& r : set->records) {
    if (!only.empty() && r.id != only) continue;
    ++total;
    Article article = coding::RecordArticle(r);
    if (model) {
      article.sentences.clear();
      text::Segment(article);
      for (Sentence& s : article.sentences) model->Annotate(s);
      if (article.sentences.empty()) article.sentences.push_back(r.parse);
    }
    if (!only.empty()) {
      for (const Sentence& s : article.sentences)
        for (size_t i = 0; i < s.tokens.size(); ++i) {
          const Token& t = s.tokens[i];
          std::cout << (i + 1) << "\t" << t.form << "\t" << t.lemma << "\t" << t.upos << "\t" << t.head << "\t"
                    << t.deprel << "\n";
        }
    }
    coding::EventCoderOptions options;
    options.require_dyad = r.require_dyad;
    options.new_actor_length = r.new_actor_length;
    std::vector<Event> events;
    for (int i = 0; i < static_cast<int>(article.sentences.size()); ++i)
      coder->CodeSentence(article, i, r.date, options, &events);
    std::vector<coding::EventKey> produced = coding::EventKeys(events);
    std::vector<coding::EventKey> expected = r.expected;
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    expected_events += expected.size();
    produced_events += produced.size();
    for (const coding::EventKey& k : expected)
      if (std::binary_search(produced.begin(), produced.end(), k)) ++correct_events;
    bool ok = coding::SameEvents(expected, produced);
    if (ok) {
      ++passed;
      continue;
    }
    auto dispute = disputed.find(r.id);
    if (dispute != disputed.end()) ++failed_disputed;
    if (json) continue;
    std::cout << "FAIL " << r.id << " (" << records_path << ":" << r.line << ", " << r.date << ")\n"
              << "  text:     " << r.text << "\n"
              << "  expected: " << KeysText(expected) << (r.expected_error.empty() ? "" : "  [error " + r.expected_error + "]")
              << "\n  produced: " << KeysText(produced) << "\n";
    if (dispute != disputed.end()) std::cout << "  disputed: " << dispute->second << "\n";
    for (const Event& e : events)
      std::cout << "    " << e.source << " " << (e.target.empty() ? "---" : e.target) << " " << e.code << "  <- "
                << e.rule << "  \"" << article.Slice(e.verb_span) << "\"\n";
  }
  if (json) {
    std::cout << "{\"passed\": " << passed << ", \"total\": " << total << ", \"events_expected\": " << expected_events
              << ", \"events_correct\": " << correct_events << ", \"events_produced\": " << produced_events
              << ", \"failed_disputed\": " << failed_disputed << "}\n";
  } else {
    std::cout << "records passed: " << passed << " of " << total << " ("
              << (total ? 100.0 * passed / total : 0.0) << "%)\n"
              << "expected events found: " << correct_events << " of " << expected_events << "; events produced: "
              << produced_events << "\n";
    if (!disputed.empty())
      std::cout << "failed records whose expected events are disputed: " << failed_disputed << "\n";
  }
  return kExitOk;
}

}  // namespace

DRAGOMAN_COMMAND("validate", "code PETRARCH validation records and compare with the expected events", RunValidate);

}  // namespace dragoman::cli
