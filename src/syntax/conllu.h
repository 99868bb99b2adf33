// CoNLL-U reading and writing (https://universaldependencies.org/format.html).
//
// A ConlluSentence keeps every line as read (comments, multiword token lines "3-4", empty nodes
// "5.1") so that reading then writing gives the file back; Words() lists the syntactic words only.
//
//   std::vector<syntax::ConlluSentence> sentences;
//   Status s = syntax::ReadConlluFile("en_ewt-ud-dev.conllu", &sentences);
//   if (!s.ok()) std::cerr << s.message();   // "en_ewt-ud-dev.conllu:12: line has 9 columns ..."
//   syntax::WriteConllu(sentences, std::cout);
#pragma once

#include <array>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "dragoman/document.h"
#include "dragoman/status.h"

namespace dragoman::syntax {

// The ten columns of one CoNLL-U line.
struct ConlluRow {
  enum Kind { kWord, kMultiword, kEmpty };
  Kind kind = kWord;
  std::array<std::string, 10> cols;  // ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC
  int first = 0, last = 0;           // kWord: first == last == ID; kMultiword: the range
  int head = -1;                     // kWord: parsed HEAD (-1 when "_")

  const std::string& form() const { return cols[1]; }
  const std::string& lemma() const { return cols[2]; }
  const std::string& upos() const { return cols[3]; }
  const std::string& xpos() const { return cols[4]; }
  const std::string& feats() const { return cols[5]; }
  const std::string& deprel() const { return cols[7]; }
  const std::string& misc() const { return cols[9]; }
  bool SpaceAfter() const;  // false when MISC holds SpaceAfter=No
};

struct ConlluSentence {
  std::vector<std::string> comments;  // full comment lines, "# text = ..."
  std::vector<ConlluRow> rows;        // every non-comment line in file order

  std::vector<const ConlluRow*> Words() const;  // kWord rows only, in order
  // The value of a "# key = value" comment, or "" (found=false) when absent.
  std::string Comment(const std::string& key, bool* found = nullptr) const;
};

// Reads CoNLL-U; errors name "name:line" and quote the line.
Status ReadConllu(std::istream& in, const std::string& name, std::vector<ConlluSentence>* out);
Status ReadConlluFile(const std::string& path, std::vector<ConlluSentence>* out);

// Writes sentences exactly as held (comments, rows, a blank line after each).
void WriteConllu(const std::vector<ConlluSentence>& sentences, std::ostream& out);

// A Sentence holding the words of a CoNLL-U sentence (forms only when annotations=false, else with
// gold upos, xpos, lemma, feats, head, deprel). Spans are left empty.
Sentence ToSentence(const ConlluSentence& conllu, bool annotations);

// A CoNLL-U sentence for an annotated Sentence; words written without a space after them that
// form an English contraction ("Google" + "'s", "do" + "n't") are grouped under a multiword
// token line as UD English-EWT does. text, when not empty, becomes the "# text" comment.
ConlluSentence FromSentence(const Sentence& sentence, const std::string& sent_id, const std::string& text);

// True when a word with no space before it is a clitic that EWT keeps in a multiword token.
bool IsContractionClitic(std::string_view form);

}  // namespace dragoman::syntax
