// Cross-article boilerplate: a paragraph that one site prints on many of its pages (a teaser of
// another story, a newsletter plea, a comment policy, an author's bio) is furniture, not news,
// however well the page hid it from the extractor. Coded, a teaser gives the same event on every
// page that carries it.
//
//   SiteBoilerplate seen;
//   for (const Article& a : pages_in_input_order) seen.Add(a);
//   for (Span s : seen.Furniture(page)) DropEventsIn(s);
//
// A page's site is the host of its URL, else its source. Paragraphs are the blocks of the body
// between blank lines (as web pages are read: html_extractor.h); one counts once per page, a page
// read twice counts once, and another version of a story (the same title, or the same lead and
// mostly the same paragraphs) adds nothing: paragraphs two versions share are news, not furniture.
// Not thread-safe: feed it in input order from one thread, so that the result never depends on
// the number of threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dragoman/document.h"

namespace dragoman::ingest {

class SiteBoilerplate {
 public:
  struct Options {
    size_t min_pages = 2;             // a paragraph on this many unrelated pages of a site is furniture
    size_t min_chars = 30;            // shorter paragraphs ("Fans sang.") are left alone
    size_t max_paragraphs = 1u << 21; // memory bound: beyond it, paragraphs seen once are forgotten
  };
  SiteBoilerplate() : SiteBoilerplate(Options{}) {}
  explicit SiteBoilerplate(Options options) : options_(options) {}

  // Counts the paragraphs of one page. Articles without a site (plain text files) are ignored.
  void Add(const Article& article);
  // The article's paragraphs that are furniture by the pages added so far.
  std::vector<Span> Furniture(const Article& article) const;

  // "https://www.example.com/a/b" -> "example.com"; else the article's source; "" when neither.
  static std::string SiteOf(const Article& article);
  // The body's paragraphs: spans between blank lines after the title.
  static std::vector<Span> Paragraphs(const Article& article);

 private:
  std::vector<uint64_t> Keys(const Article& article, const std::string& site, std::vector<Span>* spans) const;

  Options options_;
  std::unordered_map<uint64_t, uint32_t> pages_;  // site+paragraph -> pages it is on
  std::unordered_set<uint64_t> texts_seen_;       // pages already counted, by text
  std::unordered_set<uint64_t> titles_;           // site+title of the pages counted
};

}  // namespace dragoman::ingest
