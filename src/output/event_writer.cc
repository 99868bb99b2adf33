#include "output/event_writer.h"

#include <nlohmann/json.hpp>

namespace dragoman::output {

std::string EventToJson(const Article& article, const Event& e) {
  return RowToJson(RowFromEvent(article, e)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ErrorToText(const ErrorRecord& error) {
  return (error.skipped ? "" : "error: ") + error.origin + ": " + error.message;
}

std::string ErrorToJson(const ErrorRecord& error) {
  nlohmann::json j = {{"error", error.message}, {"origin", error.origin}};
  if (error.skipped) j["skipped"] = true;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace dragoman::output
