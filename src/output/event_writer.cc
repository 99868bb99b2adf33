#include "output/event_writer.h"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace dragoman::output {

std::string EventToJson(const Article& article, const Event& e) {
  return RowToJson(RowFromEvent(article, e)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string EscapeControlBytes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      // A terminal would act on these (escape sequences, carriage returns): show them instead.
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", u);
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string ErrorToText(const ErrorRecord& error) {
  return EscapeControlBytes((error.skipped ? "" : "error: ") + error.origin + ": " + error.message);
}

std::string ErrorToJson(const ErrorRecord& error) {
  nlohmann::json j = {{"error", error.message}, {"origin", error.origin}};
  if (error.skipped) j["skipped"] = true;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace dragoman::output
