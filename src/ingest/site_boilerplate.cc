#include "ingest/site_boilerplate.h"

#include <algorithm>
#include <cctype>
#include <functional>

namespace dragoman::ingest {

std::string SiteBoilerplate::SiteOf(const Article& article) {
  std::string_view url = article.url;
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    std::string_view host = url.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#"));
    host = host.substr(0, host.find(':'));
    if (host.rfind("www.", 0) == 0) host.remove_prefix(4);
    if (!host.empty()) {
      std::string out(host);
      for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return out;
    }
  }
  return article.source;
}

std::vector<Span> SiteBoilerplate::Paragraphs(const Article& article) {
  std::vector<Span> out;
  const std::string& text = article.text;
  size_t pos = article.title_span.empty() ? 0 : article.title_span.end;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == '\n') ++pos;
    if (pos >= text.size()) break;
    size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    out.push_back({pos, end});
    pos = end;
  }
  return out;
}

std::vector<uint64_t> SiteBoilerplate::Keys(const Article& article, const std::string& site,
                                            std::vector<Span>* spans) const {
  std::vector<uint64_t> keys;
  std::vector<Span> kept;
  std::string key;
  for (Span s : Paragraphs(article)) {
    if (s.end - s.begin < options_.min_chars) continue;
    key.assign(site);
    key.push_back('\n');
    key.append(article.Slice(s));
    keys.push_back(std::hash<std::string>()(key));
    kept.push_back(s);
  }
  if (spans) *spans = std::move(kept);
  return keys;
}

void SiteBoilerplate::Add(const Article& article) {
  std::string site = SiteOf(article);
  if (site.empty()) return;
  if (!texts_seen_.insert(std::hash<std::string>()(site + '\n' + article.text)).second) return;
  std::vector<uint64_t> keys = Keys(article, site, nullptr);
  bool lead_known = !keys.empty() && pages_.count(keys.front()) > 0;
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  size_t known = 0;
  for (uint64_t k : keys) known += pages_.count(k);
  // Another version of a story seen before (its title again, or its lead and most of its
  // paragraphs): the paragraphs the versions share are the story's own. Pages that share only
  // teasers differ in their leads.
  bool same_title = !article.title.empty() && !titles_.insert(std::hash<std::string>()(site + '\n' + article.title)).second;
  if (same_title || (lead_known && known * 2 > keys.size())) return;
  if (pages_.size() + keys.size() > options_.max_paragraphs) {
    for (auto it = pages_.begin(); it != pages_.end();) it = it->second <= 1 ? pages_.erase(it) : std::next(it);
  }
  for (uint64_t k : keys) ++pages_[k];
}

std::vector<Span> SiteBoilerplate::Furniture(const Article& article) const {
  std::string site = SiteOf(article);
  if (site.empty()) return {};
  std::vector<Span> spans, out;
  std::vector<uint64_t> keys = Keys(article, site, &spans);
  for (size_t i = 0; i < keys.size(); ++i) {
    auto it = pages_.find(keys[i]);
    if (it != pages_.end() && it->second >= options_.min_pages) out.push_back(spans[i]);
  }
  return out;
}

}  // namespace dragoman::ingest
