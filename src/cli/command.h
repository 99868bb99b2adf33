// Subcommands of the dragoman program. Each src/cli/<name>_command.cc registers itself with
// DRAGOMAN_COMMAND, so main.cc dispatches without knowing the list.
//
//   static int RunCode(int argc, char** argv) { ... }
//   DRAGOMAN_COMMAND("code", "code articles into events", RunCode);
#pragma once

#include <CLI/CLI.hpp>

#include <sys/stat.h>

#include <chrono>
#include <cstdint>
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

// A check for date options: a real calendar date written YYYY-MM-DD ("2022-05-20"; not
// "yesterday", "20-05-2022" or "2022-02-30").
inline CLI::Validator CalendarDate() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        auto digits = [&](size_t from, size_t n) {
          for (size_t i = from; i < from + n; ++i)
            if (value[i] < '0' || value[i] > '9') return false;
          return true;
        };
        if (value.size() != 10 || value[4] != '-' || value[7] != '-' || !digits(0, 4) || !digits(5, 2) ||
            !digits(8, 2)) {
          return "\"" + value + "\" is not a date written YYYY-MM-DD (for example 2022-05-20)";
        }
        std::chrono::year_month_day day{std::chrono::year(std::stoi(value.substr(0, 4))),
                                        std::chrono::month(static_cast<unsigned>(std::stoi(value.substr(5, 2)))),
                                        std::chrono::day(static_cast<unsigned>(std::stoi(value.substr(8, 2))))};
        if (!day.ok()) return "\"" + value + "\" is not a day of the calendar";
        return "";
      },
      "YYYY-MM-DD", "CalendarDate");
}

// A check for options naming an input file read whole (a model, a treebank, XML records): it must
// be a regular file (not a folder, /dev/zero or a pipe, which would be read without end) of at
// most max_bytes. keyword, when given, is a word accepted instead of a file ("none").
inline CLI::Validator RegularFile(uint64_t max_bytes, std::string keyword = "") {
  return CLI::Validator(
      [max_bytes, keyword](std::string& path) -> std::string {
        if (!keyword.empty() && path == keyword) return "";
        struct stat st;
        if (::stat(path.c_str(), &st) != 0) return path + ": no such file";
        if (S_ISDIR(st.st_mode)) return path + ": is a folder, not a file";
        if (!S_ISREG(st.st_mode)) return path + ": not a regular file (a device or a pipe cannot be read whole)";
        if (static_cast<uint64_t>(st.st_size) > max_bytes) {
          return path + ": " + std::to_string(st.st_size) + " bytes, over the limit of " + std::to_string(max_bytes);
        }
        return "";
      },
      "FILE", "RegularFile");
}
inline constexpr uint64_t kMaxModelBytes = 1ull << 30;     // our model is 37 MB
inline constexpr uint64_t kMaxTreebankBytes = 1ull << 30;  // UD English-EWT's training set is 13 MB

// The largest row count or offset a query takes (SQLite's integers are signed 64-bit: a larger
// one would wrap to a negative number).
inline constexpr size_t kMaxRowCount = static_cast<size_t>(INT64_MAX);

// The most worker threads -j accepts: more than any machine's cores, few enough to start.
inline constexpr int kMaxJobs = 256;

}  // namespace dragoman::cli
