#include "coding/cameo_table.h"

#include <charconv>
#include <cstdlib>
#include <vector>

#include "resources/resources.h"

namespace dragoman::coding {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool ParseInt(std::string_view s, int* v) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

Result<CameoTable> CameoTable::Parse(std::string_view tsv, std::string_view origin) {
  CameoTable table;
  const std::vector<std::string> expected = {"code", "name", "root", "goldstein",
                                             "quad_class_gdelt", "quad_class_alt",
                                             "plover_type", "plover_mode", "plover_context"};
  size_t pos = 0;
  int line_no = 0;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    std::string_view line = tsv.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? tsv.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    std::vector<std::string_view> f = SplitTabs(line);
    auto where = [&] { return std::string(origin) + ":" + std::to_string(line_no) + ": "; };
    if (line_no == 1) {
      if (f.size() != expected.size() || f[0] != "code")
        return InvalidInput(where() + "header is \"" + std::string(line) + "\", expected " +
                            std::to_string(expected.size()) + " columns starting with \"code\"");
      continue;
    }
    if (f.size() != expected.size())
      return InvalidInput(where() + "line has " + std::to_string(f.size()) + " columns, expected " +
                          std::to_string(expected.size()) + ": \"" + std::string(line) + "\"");
    CameoCode c;
    c.code = std::string(f[0]);
    c.name = std::string(f[1]);
    c.root = std::string(f[2]);
    if (!f[3].empty()) {
      char* end = nullptr;
      std::string g(f[3]);
      c.goldstein = std::strtod(g.c_str(), &end);
      if (end == g.c_str() || *end != '\0')
        return InvalidInput(where() + "bad Goldstein score \"" + g + "\"");
      c.has_goldstein = true;
    }
    if (!ParseInt(f[4], &c.quad_class_gdelt) || !ParseInt(f[5], &c.quad_class_alt))
      return InvalidInput(where() + "bad quad class in \"" + std::string(line) + "\"");
    c.plover_type = std::string(f[6]);
    c.plover_mode = std::string(f[7]);
    c.plover_context = std::string(f[8]);
    std::string key = c.code;
    table.codes_[key] = std::move(c);
  }
  return table;
}

const CameoTable& CameoTable::Default() {
  static const CameoTable* table = [] {
    auto bytes = resources::Find("data/reference/cameo_codes.tsv");
    if (!bytes) return new CameoTable();
    Result<CameoTable> t = Parse(*bytes, "data/reference/cameo_codes.tsv");
    return t.ok() ? new CameoTable(t.take()) : new CameoTable();
  }();
  return *table;
}

const CameoCode* CameoTable::Find(std::string_view code) const {
  auto it = codes_.find(std::string(code));
  return it == codes_.end() ? nullptr : &it->second;
}

const CameoCode* CameoTable::FindOrAncestor(std::string_view code) const {
  while (code.size() >= 2) {
    if (const CameoCode* c = Find(code)) return c;
    code.remove_suffix(1);
  }
  return nullptr;
}

void CameoTable::Complete(Event& e, bool gdelt_quads) const {
  if (e.code.size() >= 2) e.root = e.code.substr(0, 2);
  const CameoCode* c = FindOrAncestor(e.code);
  if (c == nullptr) return;
  e.root = c->root;
  e.quad_class = gdelt_quads ? c->quad_class_gdelt : c->quad_class_alt;
  e.goldstein = c->goldstein;
  e.has_goldstein = c->has_goldstein;
  e.plover_type = c->plover_type;
  e.plover_mode = c->plover_mode;
  if (e.plover_type.empty() && c->code.size() > 2 && c->root != "01" && c->root != "02") {
    // A code without its own row takes its root's PLOVER type (the manual's Note 2).
    if (const CameoCode* r = Find(c->root)) e.plover_type = r->plover_type;
  }
}

}  // namespace dragoman::coding
