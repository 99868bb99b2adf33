// Runs the built dragoman program in a test and captures what it printed.
#pragma once

#include <sys/wait.h>

#include <unistd.h>

#include <array>
#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace dragoman::testing {

struct ProgramRun {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs `WRAPPER dragoman ARGS` through the shell (both shell syntax; WRAPPER may be empty, or a
// command that runs another, such as `timeout 3`), stdin from /dev/null unless ARGS redirects it.
inline ProgramRun RunDragomanWrapped(const std::string& wrapper, const std::string& args) {
  static int counter = 0;
  std::string err_path = std::string(DRAGOMAN_BINARY_DIR) + "/test_stderr_" + std::to_string(::getpid()) + "_" +
                         std::to_string(counter++) + ".txt";
  std::string command = wrapper + (wrapper.empty() ? "" : " ") + DRAGOMAN_EXE + " " + args + " 2>" + err_path;
  ProgramRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) run.out.append(buf.data(), n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path);
  std::stringstream ss;
  ss << err.rdbuf();
  run.err = ss.str();
  std::remove(err_path.c_str());
  return run;
}

// Runs `dragoman ARGS` through the shell (ARGS is shell syntax), stdin from /dev/null unless ARGS redirects it.
inline ProgramRun RunDragoman(const std::string& args) { return RunDragomanWrapped("", args); }

// The JSON object on each non-empty line of a program's output.
inline std::vector<nlohmann::json> ParseJsonLines(const std::string& out) {
  std::vector<nlohmann::json> rows;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
  }
  return rows;
}

// A scratch folder under the build folder, removed with the object.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "cli_test_")
      : path_(std::filesystem::path(DRAGOMAN_BINARY_DIR) / (prefix + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }
  std::string Write(const std::string& name, const std::string& content) {
    std::ofstream(path_ / name, std::ios::binary) << content;
    return (path_ / name).string();
  }

 private:
  std::filesystem::path path_;
};

inline std::string SharedSample() { return std::string(DRAGOMAN_SHARED_DIR) + "/samples/000_9dc233296e0b742c.txt"; }

}  // namespace dragoman::testing
