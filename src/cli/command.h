// Subcommands of the dragoman program. Each src/cli/<name>_command.cc registers itself with
// DRAGOMAN_COMMAND, so main.cc dispatches without knowing the list.
//
//   static int RunCode(int argc, char** argv) { ... }
//   DRAGOMAN_COMMAND("code", "code articles into events", RunCode);
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace dragoman::cli {

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// A subcommand: argv[0] is the subcommand's name.
struct Command {
  const char* name;
  const char* summary;
  int (*run)(int argc, char** argv);
};

std::vector<Command>& Commands();

struct CommandRegistrar {
  explicit CommandRegistrar(Command command) { Commands().push_back(command); }
};

#define DRAGOMAN_COMMAND(name, summary, fn) \
  static ::dragoman::cli::CommandRegistrar dragoman_command_registrar_##fn({name, summary, fn})

// Parses argv with app. On --help prints usage and sets *exit_code to 0; on a bad option prints
// the problem and the usage and sets *exit_code to 2. Returns true when the command should run.
bool ParseArguments(CLI::App& app, int argc, char** argv, int* exit_code);

// --parser fast|accurate: the syntax model's first parser alone, or both of its parsers. *value
// holds the command's default and receives the choice.
inline void AddParserOption(CLI::App& app, std::string* value) {
  app.add_option("--parser", *value, "fast: the model's first parser alone; accurate: add its guided second parser")
      ->check(CLI::IsMember({"fast", "accurate"}))
      ->capture_default_str();
}

}  // namespace dragoman::cli
