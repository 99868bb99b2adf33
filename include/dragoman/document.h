// The document model shared by every stage: an Article, its Sentences and their Tokens.
//
// Offsets are byte offsets into Article::text, the text exactly as it was read (for a plain-text
// file, the file itself), so a token, a sentence or an event can always be traced to the words.
// Normalized forms (ASCII quotes and dashes, repaired boundaries) live in Token::form; the
// original bytes are never rewritten.
//
//   Article a; a.id = "x"; a.text = "China is ready to work with Kazakhstan.";
//   pipeline.Process(a, &events);
//   for (const Sentence& s : a.sentences)
//     for (const Token& t : s.tokens) std::cout << t.form << " " << t.upos << "\n";
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dragoman {

// A half-open byte range [begin, end) in Article::text. Empty when begin == end.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return begin == end; }
  bool operator==(const Span&) const = default;
};

struct Token {
  std::string form;          // normalized surface form used for matching and parsing
  Span span;                 // where the token's bytes are in Article::text
  bool space_after = true;   // false when the next token follows with no space (CoNLL-U SpaceAfter=No)
  // Filled by the syntax stage; empty until then.
  std::string upos;          // universal POS tag
  std::string xpos;          // Penn Treebank tag
  std::string lemma;
  std::string feats;         // UD morphological features, "_" when none
  int head = -1;             // 1-based index of the head token in the sentence, 0 for the root, -1 unparsed
  std::string deprel;        // UD relation, e.g. "nsubj", "obl:tmod"
};

struct Sentence {
  Span span;                 // the sentence in Article::text
  std::vector<Token> tokens;
  bool is_title = false;     // the article's headline
};

// A wire dateline opening an article's body: "BAGHDAD, Iraq (Reuters) - ", "AP - ",
// "KABUL, Afghanistan Aug. 23, 2004 - ", "ISLAMABAD, Oct 23: ", "LONDON " (before "President").
// Filled by the text stage; its tokens are in no sentence, so that the place is never read as
// the subject of the first sentence. Empty (span.empty()) when the body opens with none.
struct Dateline {
  Span span;                  // the whole dateline with its separator, in Article::text
  Span place_span;            // the place as written, region included; empty for an agency alone
  std::string place;          // the place as written: "BAGHDAD, Iraq", "GAZA CITY, Gaza Strip"
  std::string place_display;  // the place for display, upper-case words title-cased: "Baghdad, Iraq"
  std::string city;           // the upper-case part for display: "Baghdad", "Gaza City"
  std::string region;         // the part after the comma, as written: "Iraq", "Mass."; may be empty
  std::string date;           // the date as written: "Aug. 23, 2004", "Oct 23"; may be empty
  std::string agency;         // the news agency as written: "Reuters", "AP", "dpa"; may be empty
  bool empty() const { return span.empty(); }
};

struct Article {
  std::string id;            // stable identifier: from the input record, else derived from its name
  std::string date;          // publication date, ISO "YYYY-MM-DD"; empty when unknown
  // Where a web page's date came from (ingest::HtmlPage::date_source), "crawl" for a WARC
  // record's fetch date, "default" for --date; empty for a record's own date field.
  std::string date_source;
  std::string source;        // publisher or feed name
  std::string url;
  std::string title;
  std::string author;        // the byline's names, where the record gives them ("Jane Doe, John Roe")
  std::string language;      // the language the record declares ("en", "de-DE"); empty when none
  std::string text;          // the full text analysed, title first; all spans point into it
  Span title_span;           // where the title is in text (empty when there is none)
  std::string origin;        // where the record came from: "file.txt", "feed.jsonl:12"
  std::vector<Sentence> sentences;
  Dateline dateline;         // the wire dateline opening the body, from the text stage; empty if none

  // The bytes of a span, as they were read.
  std::string_view Slice(Span s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
};

// An input record that could not become an Article, kept so that nothing is lost silently.
struct ErrorRecord {
  std::string origin;        // input name and record position, e.g. "feed.jsonl:12"
  std::string message;       // what was wrong
  bool skipped = false;      // left out on purpose (an article not in English), not an error
};

}  // namespace dragoman
