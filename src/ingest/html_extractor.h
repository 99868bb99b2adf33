// Main-text extraction from a news page: title, date, author and body paragraphs, without the
// navigation, share bars, related links, cookie banners, comments, scripts and styles around them.
//
// Built on libgumbo (an HTML5-conformant parser), so broken markup parses as browsers parse it.
// Metadata comes from JSON-LD (NewsArticle and kin: headline, datePublished, author), meta tags
// (og:title, author) and the page; the date from a cascade of sources (HtmlPage::date_source).
// The body is the schema.org articleBody when the page marks one, else the page region that holds
// most of the paragraph text that is not link text, read as blocks (<p>, text directly in <div>s,
// <br><br>-separated lines, table rows, list items), with furniture dropped: by tag, ARIA role,
// class/id words (whole words: "theiaStickySidebar" is no sidebar, and a layout word never drops
// the element that holds the article), and structure (lists of linked teasers). Soft hyphens and
// zero-width spaces leave the words; entities the page escaped twice ("&amp;#39;") are decoded.
//
//   HtmlPage page = ingest::ExtractHtml(html);
//   std::cout << page.title << " (" << page.date << ")\n";
//   for (const std::string& p : page.paragraphs) std::cout << p << "\n\n";
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/reader.h"

namespace dragoman::ingest {

struct HtmlPage {
  std::string title;
  std::string date;          // ISO YYYY-MM-DD publication date; "" when the page gives none
  std::string raw_date;      // the date value as the page wrote it
  // Where the date was found, the first of: "json-ld" (datePublished of any object), "meta"
  // (article:published_time and kin, site-specific names), "time" (<time datetime> or its
  // text), "attribute" (data-pubdate and kin, itemprop=datePublished), "script" (a
  // "datePublished" or "publishedAt" key in a page's script data), "byline" (an element
  // named like a date or byline), "url" (/2019/11/18/), "text" (a short line below the headline).
  std::string date_source;
  std::string author;        // "Jane Doe" or "Jane Doe, John Roe"
  std::string site_name;     // og:site_name or the JSON-LD publisher
  std::string url;           // canonical link or og:url
  std::string lang;          // <html lang>
  std::vector<std::string> paragraphs;  // body text blocks, white space collapsed, in page order
};

// Extracts the article from an HTML page. charset is the HTTP header's ("" = unknown: the page's
// <meta charset> is used, else UTF-8); the page is converted to UTF-8 and ill-formed bytes repaired.
// page_url (a WARC record's target URI) is one more place to find the date in.
HtmlPage ExtractHtml(std::string_view html, std::string_view charset = "", std::string_view page_url = "");

// A page as a Record: Article::text is the title, a blank line, then the paragraphs separated by
// blank lines; title_span covers the title. The date is the page's, else fallback_date (a WARC
// record's date), else options.default_date; a page with no body text or no date is an error.
Record HtmlToRecord(std::string_view html, std::string_view charset, const std::string& origin, const std::string& id,
                    const std::string& url, const std::string& fallback_date, const ReadOptions& options);

// HTML parsing time grows with the square of element nesting (the parser checks its stack of open
// elements at each tag), so pages nested deeper than this are refused; real pages stay under ~100.
inline constexpr size_t kMaxHtmlNesting = 3000;
// How deep the page's elements nest in the tree the HTML parser builds, from one linear scan of
// its tags that follows the parser's rules for end tags (an end tag of an element that is not
// open, or that a block element stands above, is ignored, as the parser ignores it). Void and
// auto-closing tags such as <br> and <p> do not count. The scan stops once the depth passes
// stop_above.
size_t EstimateNestingDepth(std::string_view html, size_t stop_above = SIZE_MAX);

// An HTML page waiting for extraction (ReadOptions::defer_html): what HtmlToRecord needs.
struct PendingPage {
  std::string html, charset, origin, id, url, fallback_date;
  ReadOptions options;
};

// HtmlToRecord now, or a Record holding a PendingPage when options.defer_html is set.
Record HtmlRecordOrPending(std::string html, std::string_view charset, const std::string& origin, const std::string& id,
                           const std::string& url, const std::string& fallback_date, const ReadOptions& options);

// The page as UTF-8: declared (or <meta>-declared) charset converted, ill-formed bytes replaced.
// Sets *error for a charset this system cannot convert.
std::string HtmlToUtf8(std::string_view html, std::string_view charset, std::string* error);
// "UTF-16LE" or "UTF-16BE" when the bytes are UTF-16 (a byte-order mark, or ASCII characters with
// a NUL in every other byte), else null; and such bytes as UTF-8 (the mark dropped).
const char* DetectUtf16(std::string_view bytes);
std::string Utf16ToUtf8(std::string_view bytes, const char* encoding);

}  // namespace dragoman::ingest
