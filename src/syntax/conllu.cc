#include "syntax/conllu.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace dragoman::syntax {
namespace {

bool ParseInt(std::string_view s, int* value) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return ec == std::errc() && p == s.data() + s.size() && *value >= 0;
}

std::string Quote(const std::string& line) {
  std::string q = line.size() > 120 ? line.substr(0, 120) + "..." : line;
  for (char& c : q) {
    if (c == '\t') c = ' ';
  }
  return "\"" + q + "\"";
}

Status LineError(const std::string& name, size_t line_no, const std::string& what, const std::string& line) {
  return InvalidInput(name + ":" + std::to_string(line_no) + ": " + what + ": " + Quote(line));
}

}  // namespace

bool ConlluRow::SpaceAfter() const {
  const std::string& m = cols[9];
  size_t pos = 0;
  while (pos <= m.size()) {
    size_t bar = m.find('|', pos);
    if (bar == std::string::npos) bar = m.size();
    if (m.compare(pos, bar - pos, "SpaceAfter=No") == 0) return false;
    pos = bar + 1;
  }
  return true;
}

std::vector<const ConlluRow*> ConlluSentence::Words() const {
  std::vector<const ConlluRow*> words;
  words.reserve(rows.size());
  for (const ConlluRow& r : rows) {
    if (r.kind == ConlluRow::kWord) words.push_back(&r);
  }
  return words;
}

std::string ConlluSentence::Comment(const std::string& key, bool* found) const {
  for (const std::string& c : comments) {
    // "# key = value" or "# key value"; EWT uses the first form.
    size_t p = 1;
    while (p < c.size() && c[p] == ' ') ++p;
    if (c.compare(p, key.size(), key) != 0) continue;
    size_t q = p + key.size();
    while (q < c.size() && c[q] == ' ') ++q;
    if (q == c.size()) {
      if (found) *found = true;
      return "";
    }
    if (c[q] != '=') continue;
    ++q;
    if (q < c.size() && c[q] == ' ') ++q;
    if (found) *found = true;
    return c.substr(q);
  }
  if (found) *found = false;
  return "";
}

Status ReadConllu(std::istream& in, const std::string& name, std::vector<ConlluSentence>* out) {
  std::string line;
  size_t line_no = 0;
  ConlluSentence current;
  bool open = false;
  int expected_id = 1;
  auto finish = [&]() -> Status {
    if (!open) return Status::Ok();
    bool any_word = false;
    int n = 0;
    for (const ConlluRow& r : current.rows) {
      if (r.kind == ConlluRow::kWord) {
        any_word = true;
        ++n;
      }
    }
    if (!any_word) return InvalidInput(name + ":" + std::to_string(line_no) + ": sentence has no words");
    for (const ConlluRow& r : current.rows) {
      if (r.kind == ConlluRow::kWord && r.head > n) {
        return InvalidInput(name + ":" + std::to_string(line_no) + ": word " + r.cols[0] + " has head " +
                            r.cols[6] + " beyond the sentence's " + std::to_string(n) + " words");
      }
    }
    out->push_back(std::move(current));
    current = ConlluSentence();
    open = false;
    expected_id = 1;
    return Status::Ok();
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      Status s = finish();
      if (!s.ok()) return s;
      continue;
    }
    open = true;
    if (line[0] == '#') {
      current.comments.push_back(line);
      continue;
    }
    ConlluRow row;
    size_t col = 0, pos = 0;
    while (true) {
      size_t tab = line.find('\t', pos);
      if (col >= 10) {
        col = 11;
        break;
      }
      row.cols[col++] = line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos);
      if (tab == std::string::npos) break;
      pos = tab + 1;
    }
    if (col != 10) {
      return LineError(name, line_no,
                       "line has " + (col > 10 ? std::string("more than 10") : std::to_string(col)) +
                           " columns, expected 10",
                       line);
    }
    const std::string& id = row.cols[0];
    size_t dash = id.find('-'), dot = id.find('.');
    if (dash != std::string::npos) {
      row.kind = ConlluRow::kMultiword;
      if (!ParseInt(std::string_view(id).substr(0, dash), &row.first) ||
          !ParseInt(std::string_view(id).substr(dash + 1), &row.last) || row.first > row.last ||
          row.first != expected_id) {
        return LineError(name, line_no, "bad multiword token range \"" + id + "\"", line);
      }
    } else if (dot != std::string::npos) {
      row.kind = ConlluRow::kEmpty;
      int a = 0, b = 0;
      if (!ParseInt(std::string_view(id).substr(0, dot), &a) || !ParseInt(std::string_view(id).substr(dot + 1), &b)) {
        return LineError(name, line_no, "bad empty node id \"" + id + "\"", line);
      }
      row.first = row.last = a;
    } else {
      row.kind = ConlluRow::kWord;
      if (!ParseInt(id, &row.first) || row.first != expected_id) {
        return LineError(name, line_no, "bad word id \"" + id + "\", expected " + std::to_string(expected_id), line);
      }
      row.last = row.first;
      ++expected_id;
      if (row.cols[1].empty()) return LineError(name, line_no, "empty FORM", line);
      if (row.cols[6] != "_") {
        if (!ParseInt(row.cols[6], &row.head)) {
          return LineError(name, line_no, "bad HEAD \"" + row.cols[6] + "\"", line);
        }
        if (row.head == row.first) return LineError(name, line_no, "word is its own head", line);
      }
    }
    current.rows.push_back(std::move(row));
  }
  if (in.bad()) return IoError(name + ": read error");
  return finish();
}

Status ReadConlluFile(const std::string& path, std::vector<ConlluSentence>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot open for reading");
  return ReadConllu(in, path, out);
}

void WriteConllu(const std::vector<ConlluSentence>& sentences, std::ostream& out) {
  std::string buf;
  for (const ConlluSentence& s : sentences) {
    buf.clear();
    for (const std::string& c : s.comments) {
      buf += c;
      buf += '\n';
    }
    for (const ConlluRow& r : s.rows) {
      for (size_t i = 0; i < 10; ++i) {
        if (i) buf += '\t';
        buf += r.cols[i].empty() ? std::string("_") : r.cols[i];
      }
      buf += '\n';
    }
    buf += '\n';
    out << buf;
  }
}

Sentence ToSentence(const ConlluSentence& conllu, bool annotations) {
  Sentence s;
  for (const ConlluRow* r : conllu.Words()) {
    Token t;
    t.form = r->form();
    t.space_after = r->SpaceAfter();
    if (annotations) {
      t.lemma = r->lemma();
      t.upos = r->upos();
      t.xpos = r->xpos();
      t.feats = r->feats();
      t.head = r->head;
      t.deprel = r->deprel();
    }
    s.tokens.push_back(std::move(t));
  }
  // Multiword tokens carry SpaceAfter on the surface token line.
  for (const ConlluRow& r : conllu.rows) {
    if (r.kind == ConlluRow::kMultiword && r.last <= static_cast<int>(s.tokens.size())) {
      s.tokens[r.last - 1].space_after = r.SpaceAfter();
      for (int i = r.first; i < r.last; ++i) s.tokens[i - 1].space_after = false;
    }
  }
  return s;
}

bool IsContractionClitic(std::string_view form) {
  std::string f;
  for (char c : form) f += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  // Curly apostrophe (U+2019) written as ASCII for the comparison.
  size_t p = f.find("\xE2\x80\x99");
  if (p != std::string::npos) f.replace(p, 3, "'");
  static const char* const kClitics[] = {"'s", "n't", "'m", "'ll", "'ve", "'re", "'d", "nt", "na", "ta"};
  for (const char* c : kClitics) {
    if (f == c) return true;
  }
  return false;
}

ConlluSentence FromSentence(const Sentence& sentence, const std::string& sent_id, const std::string& text) {
  ConlluSentence out;
  if (!sent_id.empty()) out.comments.push_back("# sent_id = " + sent_id);
  if (!text.empty()) {
    std::string t = text;
    for (char& c : t) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    out.comments.push_back("# text = " + t);
  }
  const std::vector<Token>& tokens = sentence.tokens;
  auto field = [](const std::string& s) { return s.empty() ? std::string("_") : s; };
  size_t i = 0;
  while (i < tokens.size()) {
    // Group word + clitic(s) written together into one surface token.
    size_t j = i;
    while (j + 1 < tokens.size() && !tokens[j].space_after && IsContractionClitic(tokens[j + 1].form)) ++j;
    if (j > i) {
      ConlluRow mw;
      mw.kind = ConlluRow::kMultiword;
      mw.first = static_cast<int>(i + 1);
      mw.last = static_cast<int>(j + 1);
      std::string surface;
      for (size_t k = i; k <= j; ++k) surface += tokens[k].form;
      mw.cols = {std::to_string(i + 1) + "-" + std::to_string(j + 1), surface, "_", "_", "_", "_", "_", "_", "_",
                 tokens[j].space_after ? "_" : "SpaceAfter=No"};
      out.rows.push_back(std::move(mw));
    }
    for (size_t k = i; k <= j; ++k) {
      const Token& t = tokens[k];
      ConlluRow r;
      r.first = r.last = static_cast<int>(k + 1);
      r.head = t.head;
      std::string misc = (!t.space_after && j == i) ? "SpaceAfter=No" : "_";
      r.cols = {std::to_string(k + 1), field(t.form), field(t.lemma), field(t.upos), field(t.xpos), field(t.feats),
                t.head >= 0 ? std::to_string(t.head) : "_", field(t.deprel),
                t.head >= 0 && !t.deprel.empty() ? std::to_string(t.head) + ":" + t.deprel : "_", misc};
      out.rows.push_back(std::move(r));
    }
    i = j + 1;
  }
  return out;
}

}  // namespace dragoman::syntax
