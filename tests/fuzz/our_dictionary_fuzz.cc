// dragoman's own dictionary formats (data/dict/README.md): entries or messages naming the line.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coding/our_dictionary_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dragoman::coding;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> problems;
  std::vector<ActorEntry> actors;
  std::vector<AgentEntry> agents;
  ParseActorFile("people.txt", text, false, &actors, &agents, &problems);
  ParseActorFile("agents.txt", text, false, &actors, &agents, &problems);
  std::vector<VerbEntry> verbs;
  LoadVerbFile("verbs.txt", text, false, &verbs, &problems);
  std::vector<std::string> codes;
  LoadMemberFile("members.txt", text, false, &codes, &problems);
  DictFileKind("x.txt", text);
  return 0;
}
