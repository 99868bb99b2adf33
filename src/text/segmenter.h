// Text repair, sentence splitting and tokenization: raw article text in, Sentences of Tokens out.
//
// Repairs what scraped news carries (glued boundaries like "reported.Xi", curly quotes, odd
// spaces, boilerplate lines) without touching the original bytes: every token keeps its byte span
// in Article::text and carries its normalized form. Token boundaries follow UD English-EWT.
//
//   Article a; a.text = "CCTV reported.Xi said ...";
//   text::Segment(a);   // a.sentences now holds two sentences
//   for (const Token& t : a.sentences[1].tokens) std::cout << t.form << " " << a.Slice(t.span) << "\n";
//
// Runs in time linear in the text (no regular expressions); the word lists and rules come from
// data/text/ (abbreviations.txt, boilerplate.txt, ...), embedded in the program.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dragoman/document.h"

namespace dragoman::text {

class Boilerplate;  // text/boilerplate.h

struct SegmentOptions {
  bool drop_boilerplate = true;  // skip lines matching the boilerplate rules (follow us, subscribe, ...)
  // Rules to drop by; null means the built-in data/text/boilerplate.txt. Not owned.
  const Boilerplate* boilerplate = nullptr;
  // Skip a short line holding only a date, time or byline ("2022-05-20 0 By", "By John Smith").
  bool drop_datelines = true;
  // Take a wire dateline ("BAGHDAD, Iraq (Reuters) - ", "AP - ") off the start of the body into
  // Article::dateline, so that its words are in no sentence (see text/dateline.h).
  bool find_wire_datelines = true;
  // A line break ends a sentence (news puts paragraphs and titles on lines of their own). Off for
  // text wrapped at a fixed width, where only a blank line does.
  bool line_breaks_end_sentences = true;
  // A sentence this long is cut, so that later stages see bounded input. 0: no limit.
  size_t max_sentence_tokens = 250;
};

// Fills article.sentences and article.dateline from article.text. The title (article.title_span,
// when not empty) becomes sentence 0 with is_title set; a wire dateline at the start of the body
// is in no sentence. Thread-safe.
void Segment(Article& article, const SegmentOptions& options = {});

// The normalized forms of the tokens of text, tokenized exactly as Segment tokenizes (no sentence
// splitting, nothing dropped). For dictionary phrases that must match Segment's tokens:
// "Kassym-Jomart Tokayev’s" -> {"Kassym", "-", "Jomart", "Tokayev", "'s"}. Thread-safe.
std::vector<std::string> TokenForms(std::string_view text);

}  // namespace dragoman::text
