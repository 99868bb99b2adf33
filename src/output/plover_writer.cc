// PLOVER/POLECAT-shaped JSON Lines: one object per event with PLOVER's event type, mode and
// context (from the CAMEO->PLOVER mapping in ../shared/reference, built into our CAMEO table), the
// actor and recipient with country and sector, the date, the location and the source sentence.
// Events whose CAMEO code has no PLOVER type (01x and 02x statements and appeals) are written with
// an empty event_type, so the counts stay those of the other formats.
#include <nlohmann/json.hpp>

#include "coding/cameo_table.h"
#include "output/formats.h"

namespace dragoman::output {
namespace {

// POLECAT's sectors for CAMEO's actor type codes.
std::string Sector(const std::string& type) {
  static const std::pair<const char*, const char*> kSectors[] = {
      {"GOV", "Government"}, {"MIL", "Military"},     {"COP", "Police"},        {"JUD", "Judiciary"},
      {"LEG", "Legislature"}, {"OPP", "Opposition"},  {"PTY", "Party"},         {"REB", "Rebels"},
      {"INS", "Insurgents"},  {"SPY", "Intelligence"}, {"BUS", "Business"},      {"MED", "Media"},
      {"EDU", "Education"},   {"HLH", "Health"},       {"CVL", "Civilian"},      {"REF", "Refugees"},
      {"LAB", "Labor"},       {"AGR", "Agriculture"},  {"ENV", "Environment"},   {"CRM", "Criminal"},
      {"REL", "Religious"},   {"IGO", "IGO"},          {"NGO", "NGO"},           {"MNC", "Business"},
      {"ELI", "Elite"},       {"HRI", "Human Rights"}, {"UAF", "Armed Group"},   {"SEP", "Separatists"}};
  for (const auto& [code, name] : kSectors)
    if (type == code) return name;
  return type;
}

nlohmann::json Actor(const std::string& code, const std::string& name) {
  if (code.empty()) return nullptr;
  ActorParts p = SplitActorCode(code);
  nlohmann::json sectors = nlohmann::json::array();
  for (const std::string& t : p.types)
    if (!t.empty()) sectors.push_back(Sector(t));
  return {{"code", code}, {"name", name}, {"country", p.country}, {"sector", sectors}};
}

class PloverWriter : public RowWriter {
 public:
  explicit PloverWriter(std::ostream& out) : out_(out) {}
  void Write(const EventRow& r) override {
    const coding::CameoCode* cameo = coding::CameoTable::Default().Find(r.code);
    nlohmann::json context = nlohmann::json::array();
    if (cameo && !cameo->plover_context.empty()) context.push_back(cameo->plover_context);
    const Location& g = r.location;
    nlohmann::json location = nullptr;
    if (!g.empty()) {
      location = {{"name", g.full_name}, {"country", g.country_code}, {"admin1", g.adm1_code},
                  {"lat", g.lat},        {"lon", g.lon},              {"geonames_id", g.type == Location::kCity ? g.feature_id : ""},
                  {"precision", g.type == Location::kCity ? "city" : "country"}};
    }
    nlohmann::json j = {{"event_id", r.event_id ? nlohmann::json(r.event_id) : nlohmann::json(nullptr)},
                        {"event_date", r.date},
                        {"event_type", r.plover_type},
                        {"event_mode", r.plover_mode},
                        {"event_context", context},
                        {"actor", Actor(r.source, r.source_name)},
                        {"recipient", Actor(r.target, r.target_name)},
                        {"location", location},
                        {"cameo_code", r.code},
                        {"num_mentions", r.num_mentions},
                        {"tone", r.tone ? nlohmann::json(*r.tone) : nlohmann::json(nullptr)},
                        {"story_id", r.article_id},
                        {"publication", r.publisher},
                        {"url", r.url},
                        {"event_text", r.sentence_text}};
    out_ << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  void Finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<RowWriter> NewPloverWriter(std::ostream& out) { return std::make_unique<PloverWriter>(out); }

}  // namespace dragoman::output
