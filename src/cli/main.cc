// dragoman: reads news and codes it into political events. One dispatcher; each subcommand
// lives in its own file and registers itself (see command.h).
#include <algorithm>
#include <cstring>
#include <iostream>
#include <string_view>
#include <vector>

#include "cli/command.h"

namespace dragoman::cli {

std::vector<Command>& Commands() {
  static std::vector<Command> commands;
  return commands;
}

bool ParseArguments(CLI::App& app, int argc, char** argv, int* exit_code) {
  try {
    app.parse(argc, argv);
    return true;
  } catch (const CLI::CallForHelp& e) {
    std::cout << app.help();
    *exit_code = kExitOk;
  } catch (const CLI::ParseError& e) {
    std::cerr << "dragoman " << app.get_name() << ": " << e.what() << "\n\n" << app.help();
    *exit_code = kExitUsage;
  }
  return false;
}

static void PrintUsage(std::ostream& out) {
  std::vector<Command> commands = Commands();
  std::sort(commands.begin(), commands.end(),
            [](const Command& a, const Command& b) { return std::strcmp(a.name, b.name) < 0; });
  out << "dragoman: reads news and codes it into CAMEO/PLOVER political events\n\n"
      << "usage: dragoman COMMAND [OPTIONS] [ARGS]\n\ncommands:\n";
  for (const Command& c : commands) out << "  " << c.name << std::string(12 - std::min<size_t>(11, std::strlen(c.name)), ' ') << c.summary << "\n";
  out << "\n`dragoman COMMAND --help` describes a command.\n";
}

// The edit distance between two short words (insertions, deletions, substitutions, and swaps of
// two neighbouring letters), for "did you mean".
static size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

// The command a mistyped name was most likely meant to be ("cod" -> "code"), or "" when none is
// close: within two edits, or the start of exactly one command.
std::string ClosestCommand(std::string_view typed) {
  if (typed.size() > 40) return "";
  std::string best;
  size_t best_distance = 3;
  for (const Command& c : Commands()) {
    size_t d = EditDistance(typed, c.name);
    if (d < best_distance) {
      best_distance = d;
      best = c.name;
    }
  }
  return best;
}

}  // namespace dragoman::cli

int main(int argc, char** argv) {
  using namespace dragoman::cli;
  if (argc < 2) {
    PrintUsage(std::cerr);
    return kExitUsage;
  }
  std::string name = argv[1];
  if (name == "help" || name == "--help" || name == "-h") {
    if (argc > 2) {
      for (const Command& c : Commands()) {
        if (argv[2] == std::string(c.name)) {
          char help[] = "--help";
          char* args[] = {argv[2], help};
          return c.run(2, args);
        }
      }
    }
    PrintUsage(std::cout);
    return kExitOk;
  }
  if (name == "version" || name == "--version") {
    std::cout << "dragoman " << DRAGOMAN_VERSION << "\n";
    return kExitOk;
  }
  for (const Command& c : Commands()) {
    if (name == c.name) return c.run(argc - 1, argv + 1);
  }
  std::cerr << "dragoman: unknown command \"" << name.substr(0, 40) << "\"";
  if (std::string guess = ClosestCommand(name); !guess.empty()) std::cerr << "; did you mean \"" << guess << "\"?";
  std::cerr << "\n\n";
  PrintUsage(std::cerr);
  return kExitUsage;
}
