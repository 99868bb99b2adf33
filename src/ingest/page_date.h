// The date cascade of a web page: every place a page shows its publication date, tried most
// trusted first, with the source that gave it recorded (HtmlPage::date_source).
//
//   PageDateSources sources;                 // filled while the page is read (html_extractor.cc)
//   sources.json_ld.push_back("2019-11-19T02:10:00Z");
//   std::vector<DateCandidate> all = sources.Candidates(meta_tags, {"https://x.com/2019/11/18/a"});
//   if (const DateCandidate* d = ChooseDate(all)) Use(d->iso, d->source);
//
// Placeholder dates (0001-01-01, the Unix epoch) are passed over for the next source. A timestamp
// in UTC yields to a date its readers saw one day off (a timestamp with its own offset, the byline,
// the URL): 02:10 UTC on the 19th is the evening of the 18th in New York.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dragoman::ingest {

struct DateCandidate {
  std::string iso;     // YYYY-MM-DD
  std::string raw;     // the value as the page wrote it
  const char* source;  // "json-ld", "meta", "time", "attribute", "script", "byline", "url", "text"
};

// The dates a page shows, as written, one list per kind of source, each in page order.
struct PageDateSources {
  std::vector<std::string> json_ld;         // datePublished of the article object, then of any object
  std::vector<std::string> broken_json_ld;  // "datePublished": "..." in JSON-LD that does not parse
  std::vector<std::string> time;            // <time>: published ones first, then datetime, then text
  std::vector<std::string> attribute;       // data-pubdate and kin; itemprop=datePublished on elements
  std::vector<std::string> script;          // "datePublished", "publishedAt" in a page's other scripts
  std::vector<std::string> byline;          // text (or title) of short elements named like a date or byline
  std::vector<std::string> text;            // short text lines right after the headline

  // Every date found, most trusted source first: JSON-LD, meta tags (the usual names, then
  // site-specific ones such as "sn-post-date"), <time>, attributes, script data, the byline, the
  // URLs, the text under the headline. meta: lower-cased name/property -> content.
  std::vector<DateCandidate> Candidates(const std::unordered_map<std::string, std::string>& meta,
                                        std::initializer_list<std::string_view> urls) const;
};

// The first candidate, unless it is a UTC timestamp and a local one is one day off; nullptr when
// there is none.
const DateCandidate* ChooseDate(const std::vector<DateCandidate>& candidates);

// The date in a URL's path: /2019/11/18/, /2019-11-18-title, /20191118/; nothing for /2019/11/.
std::optional<std::string> DateInUrl(std::string_view url);

}  // namespace dragoman::ingest
