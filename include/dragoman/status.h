// Status and Result<T>: how every library function reports failure.
//
// The library never exits or aborts on user input. A failing call returns a Status whose message
// names what was wrong and where ("model.bin: checksum mismatch ..."); only src/cli turns it into
// an exit code.
//
//   Result<Model> model = LoadModel(path);
//   if (!model.ok()) { std::cerr << model.status().message() << "\n"; return 1; }
//   Use(*model);
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace dragoman {

enum class StatusCode { kOk = 0, kInvalidInput, kNotFound, kIoError, kCorrupt, kUnsupported, kInternal };

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidInput(std::string m) { return Status(StatusCode::kInvalidInput, std::move(m)); }
inline Status NotFound(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }
inline Status IoError(std::string m) { return Status(StatusCode::kIoError, std::move(m)); }
inline Status Corrupt(std::string m) { return Status(StatusCode::kCorrupt, std::move(m)); }
inline Status Unsupported(std::string m) { return Status(StatusCode::kUnsupported, std::move(m)); }

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T&& take() { return std::move(*value_); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace dragoman
