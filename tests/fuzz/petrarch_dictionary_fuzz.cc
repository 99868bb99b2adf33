// PETRARCH2's dictionary formats: verbs, actors, agents, discards, issues.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coding/petrarch_reader.h"
#include "coding/verb_dictionary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dragoman::coding;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> warnings;
  ReadPetrarchVerbs(text, "CAMEO.2.0.txt", false, &warnings);
  ActorDictionary actors;
  ReadPetrarchActors(text, "actors.txt", false, &warnings, &actors);
  std::vector<bool> agent_prefix;
  ReadPetrarchAgents(text, "agents.txt", false, &warnings, &actors, &agent_prefix);
  DiscardList discards;
  ReadPetrarchDiscards(text, "discards.txt", false, &warnings, &discards);
  std::vector<IssueEntry> issues;
  ReadPetrarchIssues(text, "issues.txt", false, &warnings, &issues);
  return 0;
}
