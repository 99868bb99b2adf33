// dragoman: reads news and codes it into political events. One dispatcher; each subcommand
// lives in its own file and registers itself (see command.h).
#include <algorithm>
#include <cstring>
#include <iostream>

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
  std::cerr << "dragoman: unknown command \"" << name << "\"\n\n";
  PrintUsage(std::cerr);
  return kExitUsage;
}
