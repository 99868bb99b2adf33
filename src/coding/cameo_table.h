// CAMEO event-code facts: names, Goldstein scores, quad classes and the CAMEO -> PLOVER mapping,
// read from data/reference/cameo_codes.tsv (built by scripts/build_reference_tables.py from the
// tables in ../shared/reference) and embedded in the binary.
//
//   const CameoTable& table = CameoTable::Default();
//   Event e; e.code = "0311";
//   table.Complete(e, /*gdelt_quads=*/true);   // root "03", quad 1, Goldstein 5.2, PLOVER AGREE
//   const CameoCode* c = table.Find("190");      // name "Use conventional military force..."
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "dragoman/event.h"
#include "dragoman/status.h"

namespace dragoman::coding {

struct CameoCode {
  std::string code;            // "0311"
  std::string name;            // CAMEO manual name
  std::string root;            // "03"
  double goldstein = 0.0;
  bool has_goldstein = false;  // false for the seven codes GDELT gives no score
  int quad_class_gdelt = 0;    // GDELT's convention: 01-05 1, 06-09 2, 10-14 3, 15-20 4
  int quad_class_alt = 0;      // the other convention: 01-05 1, 06-08 2, 09-13 3, 14-20 4
  std::string plover_type;     // "" for 01x/02x (PLOVER drops them)
  std::string plover_mode;
  std::string plover_context;
};

// An immutable lookup table; thread-safe once built.
class CameoTable {
 public:
  // Parses the TSV text (header row first); origin names it in messages.
  static Result<CameoTable> Parse(std::string_view tsv, std::string_view origin);
  // The table embedded from data/reference/cameo_codes.tsv (an empty table if it is missing).
  static const CameoTable& Default();

  // The entry for code, or nullptr.
  const CameoCode* Find(std::string_view code) const;
  // The entry for code or, when the code is unknown (e.g. a dictionary's "0875"), its nearest
  // known ancestor by dropping trailing digits; nullptr when not even the root is known.
  const CameoCode* FindOrAncestor(std::string_view code) const;
  size_t size() const { return codes_.size(); }

  // Fills e.root, quad_class, goldstein/has_goldstein, plover_type and plover_mode from e.code.
  // gdelt_quads picks GDELT's quad classes (09 -> 2, 14 -> 3), else the 09 -> 3, 14 -> 4 scheme.
  // An unknown code keeps root = its first two characters and leaves the rest as it is.
  void Complete(Event& e, bool gdelt_quads = true) const;

 private:
  std::unordered_map<std::string, CameoCode> codes_;
};

}  // namespace dragoman::coding
