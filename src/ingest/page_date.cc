#include "ingest/page_date.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "ingest/date_parser.h"

namespace dragoman::ingest {
namespace {

bool Contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

// A date no page means: empty fields filled with zeros (0001-01-01 is refused by the parser) or
// the Unix epoch.
bool IsPlaceholderDate(const std::string& iso) { return iso == "1970-01-01" || iso == "1900-01-01"; }

// "2019-11-19T02:10:00Z", "...+00:00": a timestamp in UTC, whose date may be the day after the
// one its readers saw.
bool IsUtcTimestamp(std::string_view raw) {
  if (raw.find('T') == std::string_view::npos && raw.find(':') == std::string_view::npos) return false;
  while (!raw.empty() && raw.back() == ' ') raw.remove_suffix(1);
  return (!raw.empty() && (raw.back() == 'Z' || raw.back() == 'z')) || raw.ends_with("+00:00") ||
         raw.ends_with("+0000") || raw.ends_with("GMT") || raw.ends_with("UTC");
}

// "2019-11-18T21:10:00-05:00": a timestamp in a local time zone, whose date is the one its
// readers saw.
bool IsLocalTimestamp(std::string_view raw) {
  if (raw.size() < 6 || raw.find(':') == std::string_view::npos || IsUtcTimestamp(raw)) return false;
  std::string_view tail = raw.substr(raw.size() - 6);
  return (tail[0] == '+' || tail[0] == '-') && tail[3] == ':';
}

// Days between two ISO dates when they are one day apart, else 0.
int DayStep(const std::string& from, const std::string& to) {
  auto days = [](const std::string& iso) {
    int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
    // Days since the civil epoch (Howard Hinnant's days_from_civil).
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe;
  };
  int step = days(to) - days(from);
  return step == 1 || step == -1 ? step : 0;
}

}  // namespace

std::optional<std::string> DateInUrl(std::string_view url) {
  size_t scheme = url.find("://");
  size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return std::nullopt;
  url = url.substr(path);
  url = url.substr(0, std::min(url.find('?'), url.find('#')));
  std::vector<std::string_view> numbers;  // runs of digits, each with the separator before it
  std::vector<char> before;
  for (size_t i = 0; i < url.size();) {
    if (!std::isdigit(static_cast<unsigned char>(url[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < url.size() && std::isdigit(static_cast<unsigned char>(url[j]))) ++j;
    numbers.push_back(url.substr(i, j - i));
    before.push_back(i > 0 ? url[i - 1] : '/');
    i = j;
  }
  auto valid = [](std::string_view y, std::string_view m, std::string_view d) -> std::optional<std::string> {
    std::string value = std::string(y) + "-" + (m.size() == 1 ? "0" : "") + std::string(m) + "-" +
                        (d.size() == 1 ? "0" : "") + std::string(d);
    if (y < "1990") return std::nullopt;
    return ParseNewsDate(value);
  };
  for (size_t i = 0; i < numbers.size(); ++i) {
    std::string_view n = numbers[i];
    if (n.size() == 8 && (before[i] == '/' || before[i] == '-' || before[i] == '_')) {
      if (auto d = valid(n.substr(0, 4), n.substr(4, 2), n.substr(6, 2))) return d;
    }
    if (n.size() == 4 && i + 2 < numbers.size() && numbers[i + 1].size() <= 2 && numbers[i + 2].size() <= 2 &&
        before[i + 1] == before[i + 2] && (before[i + 1] == '/' || before[i + 1] == '-')) {
      if (auto d = valid(n, numbers[i + 1], numbers[i + 2])) return d;
    }
  }
  return std::nullopt;
}

std::vector<DateCandidate> PageDateSources::Candidates(const std::unordered_map<std::string, std::string>& meta,
                                                       std::initializer_list<std::string_view> urls) const {
  std::vector<DateCandidate> out;
  auto add = [&](const std::string& raw, const char* source, bool whole_value) {
    if (raw.empty()) return;
    std::optional<std::string> iso = whole_value ? ParseNewsDate(raw) : FindNewsDate(raw);
    if (iso && !IsPlaceholderDate(*iso)) out.push_back({*iso, raw, source});
  };
  for (const std::string& d : json_ld) add(d, "json-ld", true);
  for (const std::string& d : broken_json_ld) add(d, "json-ld", true);
  for (const char* key : {"article:published_time", "og:article:published_time", "article:published",
                          "published_time", "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
                          "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "date", "sailthru.date",
                          "parsely-pub-date", "article.published", "og:published_time", "dc.date.created"}) {
    if (auto it = meta.find(key); it != meta.end()) add(it->second, "meta", true);
  }
  // Site-specific names ("sn-post-date", "article-publish-time"): a date word and a word of
  // publishing, never one of change.
  std::vector<const std::pair<const std::string, std::string>*> other_meta;
  for (const auto& kv : meta) {
    const std::string& k = kv.first;
    bool date_word = Contains(k, "date") || Contains(k, "time");
    bool published = Contains(k, "pub") || Contains(k, "post") || Contains(k, "creat") || Contains(k, "issue") ||
                     Contains(k, "release") || Contains(k, "original");
    bool changed = Contains(k, "modif") || Contains(k, "updat") || Contains(k, "expir") || Contains(k, "edit");
    if (date_word && published && !changed) other_meta.push_back(&kv);
  }
  std::sort(other_meta.begin(), other_meta.end(), [](auto* a, auto* b) { return a->first < b->first; });
  for (const auto* kv : other_meta) add(kv->second, "meta", true);
  for (const std::string& d : time) add(d, "time", true);
  for (const std::string& d : attribute) add(d, "attribute", true);
  for (const std::string& d : script) add(d, "script", true);
  for (const std::string& d : byline) add(d, "byline", false);
  for (std::string_view url : urls) {
    if (auto iso = DateInUrl(url)) out.push_back({*iso, std::string(url), "url"});
  }
  for (const std::string& d : text) add(d, "text", false);
  return out;
}

const DateCandidate* ChooseDate(const std::vector<DateCandidate>& candidates) {
  if (candidates.empty()) return nullptr;
  const DateCandidate& first = candidates.front();
  if (!IsUtcTimestamp(first.raw)) return &first;
  for (const DateCandidate& c : candidates) {
    bool local = IsLocalTimestamp(c.raw) || std::strcmp(c.source, "byline") == 0 ||
                 std::strcmp(c.source, "text") == 0 || std::strcmp(c.source, "url") == 0;
    if (local && DayStep(first.iso, c.iso) != 0) return &c;
  }
  return &first;
}

}  // namespace dragoman::ingest
