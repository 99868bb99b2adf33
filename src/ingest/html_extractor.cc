#include "ingest/html_extractor.h"

#include <gumbo.h>
#include <iconv.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <unordered_map>
#include <optional>
#include <unordered_set>

#include "ingest/article_formats.h"
#include "ingest/date_parser.h"
#include "ingest/page_date.h"
#include "ingest/utf8.h"

namespace dragoman::ingest {
namespace {

using Json = nlohmann::json;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

// Appends text with runs of white space (ASCII and U+00A0) collapsed to one space.
class TextBuilder {
 public:
  void Append(std::string_view s, bool in_link) {
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        pending_space_ = true;
        continue;
      }
      if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        pending_space_ = true;
        ++i;
        continue;
      }
      // Soft hyphens (U+00AD) and zero-width spaces (U+200B, U+FEFF) are hints for line breaking
      // that pages scatter inside words ("nego&shy;tiations"); the word is the word without them.
      if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xAD) {
        ++i;
        continue;
      }
      if (i + 2 < s.size() && ((c == 0xE2 && s[i + 1] == '\x80' && s[i + 2] == '\x8B') ||
                               (c == 0xEF && s[i + 1] == '\xBB' && s[i + 2] == '\xBF'))) {
        i += 2;
        continue;
      }
      if (pending_space_ && !text_.empty()) {
        text_.push_back(' ');
        if (in_link) ++link_chars_;
      }
      pending_space_ = false;
      text_.push_back(static_cast<char>(c));
      if (in_link) ++link_chars_;
    }
  }
  void Space() { pending_space_ = true; }
  bool empty() const { return text_.empty(); }
  std::string Take() {
    std::string out = std::move(text_);
    text_.clear();
    pending_space_ = false;
    link_chars_ = 0;
    return out;
  }
  size_t link_chars() const { return link_chars_; }

 private:
  std::string text_;
  bool pending_space_ = false;
  size_t link_chars_ = 0;
};

std::string Collapse(std::string_view s);

void AppendCodePoint(uint32_t cp, std::string* out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Entities escaped twice by the page's software ("Iran&amp;#39;s", "&amp;quot;talks&amp;quot;",
// "&amp;lt;b&amp;gt;") reach the text as "&#39;", "&quot;" and "&lt;b&gt;" after the parser has
// decoded them once: decode them again, and drop the markup that "&lt;b&gt;" stood for.
std::string DecodeEntityRemnants(std::string text) {
  if (text.find('&') == std::string::npos) return text;
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp;", "&"}, {"quot;", "\""}, {"apos;", "'"}, {"lt;", "<"}, {"gt;", ">"}, {"nbsp;", " "},
      {"rsquo;", "\xE2\x80\x99"}, {"lsquo;", "\xE2\x80\x98"}, {"rdquo;", "\xE2\x80\x9D"},
      {"ldquo;", "\xE2\x80\x9C"}, {"mdash;", "\xE2\x80\x94"}, {"ndash;", "\xE2\x80\x93"}};
  std::string out;
  out.reserve(text.size());
  bool made_markup = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out.push_back(text[i]);
      continue;
    }
    std::string_view rest = std::string_view(text).substr(i + 1);
    bool done = false;
    if (!rest.empty() && rest[0] == '#') {
      size_t j = 1;
      bool hex = j < rest.size() && (rest[j] == 'x' || rest[j] == 'X');
      if (hex) ++j;
      uint32_t cp = 0;
      size_t digits = 0;
      for (; j < rest.size() && digits < 7; ++j, ++digits) {
        char c = rest[j];
        int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : hex && std::isxdigit(static_cast<unsigned char>(c)) ? std::tolower(c) - 'a' + 10
                                                                      : -1;
        if (v < 0) break;
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
      }
      if (digits > 0 && j < rest.size() && rest[j] == ';') {
        AppendCodePoint(cp, &out);
        i += j + 1;
        done = true;
      }
    } else {
      for (const auto& [name, value] : kNamed) {
        if (rest.substr(0, name.size()) == name) {
          out.append(value);
          made_markup = made_markup || name == "lt;";
          i += name.size();
          done = true;
          break;
        }
      }
    }
    if (!done) out.push_back('&');
  }
  if (!made_markup) return out;
  // "<b>", "</b>", "<a href=...>": a tag name right after '<' and a '>' close by.
  std::string clean;
  clean.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '<') {
      size_t j = i + 1 + (i + 1 < out.size() && out[i + 1] == '/');
      size_t close = out.find('>', j);
      if (j < out.size() && std::isalpha(static_cast<unsigned char>(out[j])) && close != std::string::npos &&
          close - i <= 200 && out.find('<', j) > close) {
        i = close;
        continue;
      }
    }
    clean.push_back(out[i]);
  }
  return Collapse(clean);
}

std::string Collapse(std::string_view s) {
  TextBuilder b;
  b.Append(s, false);
  return b.Take();
}

const char* Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool IsElement(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }

// All text below a node, collapsed (for <title>, <h1>, <time>).
std::string NodeText(const GumboNode* root) {
  TextBuilder b;
  std::vector<const GumboNode*> stack = {root};
  std::vector<const GumboNode*> order;
  // Depth-first, children in document order.
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      b.Append(n->v.text.text, false);
    } else if (IsElement(n)) {
      GumboTag t = n->v.element.tag;
      if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE) continue;
      if (t == GUMBO_TAG_BR) b.Space();
      const GumboVector& ch = n->v.element.children;
      for (unsigned i = ch.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(ch.data[i - 1]));
    }
  }
  return b.Take();
}

// ---------------------------------------------------------------------------------------------
// Boilerplate rules: what never holds article text.

bool IsDroppedTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_MENU: case GUMBO_TAG_LABEL: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_DL: case GUMBO_TAG_PRE:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_HR: case GUMBO_TAG_BODY: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CAPTION:
      return true;
    default:
      return false;
  }
}

bool IsHeadingTag(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 ||
         t == GUMBO_TAG_H6;
}

// Class and id values are read as words: split at every character that is not a letter or digit,
// and camelCase words also as their parts ("relatedPosts" -> related, posts). A rule matches a
// whole word or, for furniture words, a word that starts with it ("comments", "sharedaddy");
// never a substring inside a word ("theiaStickySidebar" holds no "sidebar" word).
struct NameWords {
  std::vector<std::string> words;  // lower case, in order

  explicit NameWords(std::string_view value) {
    std::string word, part;
    auto end_part = [&] {
      if (!part.empty() && part.size() != word.size()) words.push_back(part);
      part.clear();
    };
    auto end_word = [&] {
      end_part();
      if (!word.empty()) words.push_back(word);
      word.clear();
    };
    for (size_t i = 0; i < value.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(value[i]);
      if (!std::isalnum(c)) {
        end_word();
        continue;
      }
      // camelCase: an upper-case letter after a lower-case one opens a part.
      if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(value[i - 1]))) end_part();
      char l = static_cast<char>(std::tolower(c));
      word.push_back(l);
      part.push_back(l);
    }
    end_word();
  }

  bool Has(std::string_view w) const { return std::find(words.begin(), words.end(), w) != words.end(); }
  bool HasPrefix(std::string_view w) const {
    return std::any_of(words.begin(), words.end(), [&](const std::string& x) { return x.rfind(w, 0) == 0; });
  }
  // "most-read": the words in a row, or written as one ("mostread").
  bool HasPhrase(std::string_view a, std::string_view b) const {
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i] == a && i + 1 < words.size() && words[i + 1] == b) return true;
      if (words[i].size() == a.size() + b.size() && words[i].rfind(a, 0) == 0 &&
          std::string_view(words[i]).substr(a.size()) == b)
        return true;
    }
    return false;
  }
};

// Furniture whatever it holds: words that start a class word ("comment" in "comments",
// "comment-list"), whole words, and two-word phrases. A paywall is not here: the text behind
// it is the article's.
constexpr std::string_view kFurniturePrefixes[] = {
    "comment", "disqus",  "share",    "sharing",   "social",  "related", "recommend", "newsletter",
    "subscribe", "signup", "cookie",  "consent",   "gdpr",    "promo",   "sponsor",   "advert",
    "outbrain", "taboola", "popup",   "modal",     "trending", "breadcrumb", "pagination", "toolbar",
    "login",   "ticker",  "teaser",   "recirc",    "jp-relatedposts", "yarpp"};
constexpr std::string_view kFurnitureWords[] = {"ad", "ads", "adslot", "bio", "sronly", "skiplink"};
constexpr std::pair<std::string_view, std::string_view> kFurniturePhrases[] = {
    {"most", "read"},   {"most", "popular"}, {"more", "stories"}, {"read", "more"},   {"read", "next"},
    {"author", "bio"},  {"author", "box"},   {"about", "author"}, {"skip", "link"},   {"visually", "hidden"},
    {"sr", "only"},     {"screen", "reader"}, {"sign", "up"},     {"also", "read"},   {"you", "may"},
    {"more", "from"},   {"further", "reading"}, {"next", "article"}, {"around", "web"}};
// Page layout: dropped unless the element holds the article (a layout wrapper named
// "penci_sidebar" or "header-style-2" around the whole story), or also names content.
constexpr std::string_view kLayoutWords[] = {"sidebar", "footer", "header",  "masthead", "navbar", "nav",
                                             "menu",    "banner", "widget",  "widgets",  "popular", "byline",
                                             "caption", "credit", "credits", "topics",   "keywords", "overlay",
                                             "meta",    "rail",   "aside",   "author",   "navigation", "print",
                                             "tags",    "tag",    "taglist"};
constexpr std::string_view kContentWords[] = {"article", "content", "story", "body", "main", "entry", "post", "text"};

// A share of the page's text that only the article container (or a wrapper around it) holds.
constexpr double kArticleTextShare = 0.4;

// Text per element, gathered once before the body is read: what a name rule may not drop.
struct PageStats {
  std::unordered_map<const GumboNode*, size_t> text;       // characters of text below the element
  std::unordered_map<const GumboNode*, size_t> link_text;  // of it, inside links
  size_t body_text = 0;                                    // characters of text outside links in <body>
  // The elements around the page's headline (its first <h1>) and its marked articleBody: no name
  // makes them furniture ("has-comments" on the main column).
  std::unordered_set<const GumboNode*> around_article;

  size_t Text(const GumboNode* n) const {
    auto it = text.find(n);
    return it == text.end() ? 0 : it->second;
  }
  size_t LinkText(const GumboNode* n) const {
    auto it = link_text.find(n);
    return it == link_text.end() ? 0 : it->second;
  }
  // Whether the element holds so much of the page's running text that it must hold the article.
  bool HoldsArticle(const GumboNode* n) const {
    size_t own = Text(n) - std::min(Text(n), LinkText(n));
    return body_text > 0 && static_cast<double>(own) >= kArticleTextShare * static_cast<double>(body_text);
  }
};

enum class NameVerdict { kNone, kFurniture, kLayout };

NameVerdict JudgeNames(const GumboNode* n) {
  const char* cls = Attr(n, "class");
  const char* id = Attr(n, "id");
  if (!cls && !id) return NameVerdict::kNone;
  // Taxonomy classes name the story's subject, not the element's role: WordPress puts
  // "category-comment" or "tag-social-media" on the post's own wrapper.
  std::string value;
  for (std::string_view rest = cls ? cls : ""; !rest.empty();) {
    size_t space = rest.find_first_of(" \t\n");
    std::string_view one = rest.substr(0, space);
    rest = space == std::string_view::npos ? "" : rest.substr(space + 1);
    bool taxonomy = false;
    for (std::string_view prefix : {"category-", "tag-", "format-"}) {
      taxonomy = taxonomy || one.rfind(prefix, 0) == 0;
    }
    if (!taxonomy) value.append(one).push_back(' ');
  }
  if (id) value += id;
  NameWords names(value);
  if (names.words.empty()) return NameVerdict::kNone;
  for (std::string_view p : kFurniturePrefixes) {
    // "commentary" is an opinion article, not reader comments.
    if (p == "comment") {
      for (const std::string& w : names.words) {
        if (w.rfind("comment", 0) == 0 && w.rfind("commentar", 0) != 0) return NameVerdict::kFurniture;
      }
      continue;
    }
    if (names.HasPrefix(p)) return NameVerdict::kFurniture;
  }
  for (std::string_view w : kFurnitureWords) {
    if (names.Has(w)) return NameVerdict::kFurniture;
  }
  // "hidden" alone hides; "hidden-xs" (Bootstrap) only hides on small screens.
  for (size_t i = 0; i < names.words.size(); ++i) {
    if (names.words[i] != "hidden" && names.words[i] != "hide") continue;
    bool screen_size = false;
    if (i + 1 < names.words.size()) {
      for (std::string_view size : {"xs", "sm", "md", "lg", "xl", "mobile", "desktop", "tablet", "phone", "print"}) {
        screen_size = screen_size || names.words[i + 1] == size;
      }
    }
    if (!screen_size) return NameVerdict::kFurniture;
  }
  for (const auto& [a, b] : kFurniturePhrases) {
    if (names.HasPhrase(a, b)) return NameVerdict::kFurniture;
  }
  bool layout = false;
  for (std::string_view w : kLayoutWords) layout = layout || names.Has(w);
  if (!layout) return NameVerdict::kNone;
  for (std::string_view w : kContentWords) {
    if (names.Has(w)) return NameVerdict::kNone;
  }
  return NameVerdict::kLayout;
}

bool IsHiddenOrRoleFurniture(const GumboNode* n) {
  if (Attr(n, "hidden")) return true;
  if (const char* v = Attr(n, "aria-hidden"); v && std::strcmp(v, "true") == 0) return true;
  if (const char* v = Attr(n, "style")) {
    std::string s = Lower(v);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (Contains(s, "display:none") || Contains(s, "visibility:hidden")) return true;
  }
  if (const char* v = Attr(n, "role")) {
    std::string r = Lower(v);
    for (std::string_view bad : {"navigation", "banner", "contentinfo", "complementary", "dialog", "alert", "menu",
                                 "menubar", "search", "alertdialog"}) {
      if (r == bad) return true;
    }
  }
  return false;
}

bool IsArticleBodyProp(const GumboNode* n) {
  const char* v = Attr(n, "itemprop");
  return v && NameWords(v).Has("articlebody");
}

// A list of teasers: three or more sibling elements of one tag and class, most of them led by a
// link (a linked heading, or link text that is much of the item), each with little text of its
// own. Related stories, "more from" rails and tickers look so, whatever they are named.
bool IsTeaserList(const GumboNode* n, const PageStats& stats) {
  const GumboVector& ch = n->v.element.children;
  if (ch.length < 3) return false;
  std::unordered_map<std::string, int> signature_count;
  int items = 0, teasers = 0;
  size_t own_text = 0;
  std::string best_signature;
  int best = 0;
  for (unsigned i = 0; i < ch.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(ch.data[i]);
    if (!IsElement(c)) continue;
    GumboTag t = c->v.element.tag;
    if (t != GUMBO_TAG_DIV && t != GUMBO_TAG_LI && t != GUMBO_TAG_ARTICLE && t != GUMBO_TAG_SECTION &&
        t != GUMBO_TAG_FIGURE)
      continue;
    const char* cls = Attr(c, "class");
    std::string sig = std::to_string(static_cast<int>(t)) + ":" + (cls ? cls : "");
    int k = ++signature_count[sig];
    if (k > best) {
      best = k;
      best_signature = sig;
    }
  }
  if (best < 3) return false;
  for (unsigned i = 0; i < ch.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(ch.data[i]);
    if (!IsElement(c)) continue;
    const char* cls = Attr(c, "class");
    if (std::to_string(static_cast<int>(c->v.element.tag)) + ":" + (cls ? cls : "") != best_signature) continue;
    if (stats.HoldsArticle(c)) return false;  // a column of a layout grid that holds the story
    ++items;
    size_t text = stats.Text(c), links = stats.LinkText(c);
    own_text += text - std::min(text, links);
    if (text > 0 && links * 10 >= text * 3) ++teasers;
  }
  return teasers * 3 >= items * 2 && own_text < 300 * static_cast<size_t>(items);
}

// Whether an element and all below it are page furniture. stats == nullptr: tag rules only.
bool IsBoilerplateElement(const GumboNode* n, const PageStats* stats) {
  GumboTag t = n->v.element.tag;
  if (IsDroppedTag(t)) return true;
  if (!stats) return false;
  if (IsHiddenOrRoleFurniture(n)) return true;
  // The page's main containers are never dropped by their names.
  if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML) return false;
  if (stats->around_article.count(n)) return false;
  if (t == GUMBO_TAG_MAIN || t == GUMBO_TAG_ARTICLE) return IsTeaserList(n, *stats);
  if (IsArticleBodyProp(n)) return false;
  switch (JudgeNames(n)) {
    case NameVerdict::kFurniture:
      return true;
    case NameVerdict::kLayout:
      if (!stats->HoldsArticle(n)) return true;
      break;
    case NameVerdict::kNone:
      break;
  }
  return IsTeaserList(n, *stats);
}

// Counts the text below every element of the body (post-order, without recursion).
PageStats GatherStats(const GumboNode* body) {
  PageStats stats;
  struct Frame {
    const GumboNode* node;
    unsigned next;
    size_t text, link_text;
  };
  std::vector<Frame> stack = {{body, 0, 0, 0}};
  int link_depth = 0;
  bool seen_h1 = false;
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector& ch = f.node->v.element.children;
    if (f.next >= ch.length) {
      Frame done = f;
      stack.pop_back();
      if (done.node->v.element.tag == GUMBO_TAG_A) --link_depth;
      if (done.text > 0) {
        stats.text[done.node] = done.text;
        if (done.link_text > 0) stats.link_text[done.node] = done.link_text;
      }
      if (!stack.empty()) {
        stack.back().text += done.text;
        stack.back().link_text += done.link_text;
      }
      continue;
    }
    const GumboNode* c = static_cast<const GumboNode*>(ch.data[f.next++]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
      size_t n = std::strlen(c->v.text.text);
      f.text += n;
      if (link_depth > 0) f.link_text += n;
      continue;
    }
    if (!IsElement(c) || IsDroppedTag(c->v.element.tag)) continue;
    if (c->v.element.tag == GUMBO_TAG_A) ++link_depth;
    if ((c->v.element.tag == GUMBO_TAG_H1 && !seen_h1) || IsArticleBodyProp(c)) {
      seen_h1 = seen_h1 || c->v.element.tag == GUMBO_TAG_H1;
      for (const GumboNode* up = c; up && up != body; up = up->parent) stats.around_article.insert(up);
    }
    stack.push_back({c, 0, 0, 0});
  }
  stats.body_text = stats.Text(body) - std::min(stats.Text(body), stats.LinkText(body));
  return stats;
}

// Short blocks that are page furniture wherever they stand.
bool IsBoilerplateText(std::string_view text) {
  if (text.size() > 300) return false;
  std::string l = Lower(text);
  // Pleas, policies and bios run longer than a line but say so in words no news paragraph uses.
  constexpr std::string_view kLongPhrases[] = {
      "sign up for our", "subscribe to our", "our newsletter", "delivered to your inbox", "comments are moderated",
      "our comment policy", "our community guidelines", "all rights reserved", "this article was originally published",
      "is a staff writer", "is a reporter for", "is a correspondent for", "is a freelance journalist",
      "support our journalism", "support independent journalism"};
  for (std::string_view p : kLongPhrases) {
    if (Contains(l, p)) return true;
  }
  if (text.size() > 120) return false;
  constexpr std::string_view kPhrases[] = {
      "advertisement", "read more", "sign up", "subscribe", "all rights reserved", "copyright", "follow us",
      "click here", "share this", "share on", "related:", "see also", "cookies", "newsletter",
      "download the app", "log in", "image source", "photo:", "getty images", "reuters/", "more stories",
      "more from", "also read", "you may also like", "recommended for you", "comment policy",
      "comments are moderated", "leave a comment", "join the conversation", "sponsored content"};
  for (std::string_view p : kPhrases) {
    if (Contains(l, p)) return true;
  }
  if (l.rfind("by ", 0) == 0 && text.size() < 80) return true;  // a byline
  return false;
}

bool EndsSentence(std::string_view s) {
  while (!s.empty() && (s.back() == ' ')) s.remove_suffix(1);
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ':' || c == ')') return true;
  // Closing curly quotes (U+201D, U+2019) end sentences too.
  return s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" || s.substr(s.size() - 3) == "\xE2\x80\x99");
}

// ---------------------------------------------------------------------------------------------
// Metadata.

bool IsArticleType(const Json& type) {
  auto one = [](const Json& t) {
    if (!t.is_string()) return false;
    std::string s = t.get<std::string>();
    return s == "NewsArticle" || s == "Article" || s == "ReportageNewsArticle" || s == "AnalysisNewsArticle" ||
           s == "OpinionNewsArticle" || s == "BackgroundNewsArticle" || s == "BlogPosting" ||
           s == "LiveBlogPosting" || s == "Report" || s == "ScholarlyArticle" || s == "TechArticle";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
  return one(type);
}

// The first article object in a JSON-LD value (top level, arrays, @graph, mainEntity).
const Json* FindArticleObject(const Json& j, int depth = 0) {
  if (depth > 6) return nullptr;
  if (j.is_array()) {
    for (const Json& e : j) {
      if (const Json* r = FindArticleObject(e, depth + 1)) return r;
    }
    return nullptr;
  }
  if (!j.is_object()) return nullptr;
  if (auto t = j.find("@type"); t != j.end() && IsArticleType(*t)) return &j;
  for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage"}) {
    if (auto it = j.find(key); it != j.end()) {
      if (const Json* r = FindArticleObject(*it, depth + 1)) return r;
    }
  }
  return nullptr;
}

std::string JsonString(const Json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  if (it->is_string()) return Collapse(it->get<std::string>());
  if (it->is_array() && !it->empty() && it->front().is_string()) return Collapse(it->front().get<std::string>());
  return "";
}

std::string JsonNames(const Json& v) {
  if (v.is_string()) return Collapse(v.get<std::string>());
  if (v.is_object()) return JsonString(v, "name");
  if (v.is_array()) {
    std::string out;
    for (const Json& e : v) {
      std::string n = JsonNames(e);
      if (n.empty()) continue;
      if (!out.empty()) out += ", ";
      out += n;
    }
    return out;
  }
  return "";
}

struct Metadata {
  std::unordered_map<std::string, std::string> meta;  // lower-cased name/property/itemprop -> content
  std::string title_tag, h1, canonical, lang, rel_author;
  std::string ld_headline, ld_author, ld_publisher, ld_body;
  bool have_ld = false;
  PageDateSources dates;                  // dates as the page wrote them, by kind of source
  std::string byline;                     // the text of the first element named "byline" or "author"
  size_t lines_after_h1 = 0;              // how many of those have been looked at

  std::string Meta(std::initializer_list<const char*> keys) const {
    for (const char* k : keys) {
      auto it = meta.find(k);
      if (it != meta.end() && !it->second.empty()) return it->second;
    }
    return "";
  }
};

// The string values of the given JSON keys wherever they stand in text, read without a JSON
// parser: "datePublished": "2019-11-18T10:00:00Z" (a backslash-escaped "\/" is read as "/").
void ScanJsonDates(std::string_view text, std::initializer_list<std::string_view> keys, std::vector<std::string>* out) {
  for (std::string_view key : keys) {
    for (size_t at = text.find(key); at != std::string_view::npos && out->size() < 16; at = text.find(key, at + 1)) {
      size_t i = at + key.size();
      if (i < text.size() && text[i] == '\\') ++i;  // the key's closing \" in an escaped JSON string
      if (i < text.size() && text[i] == '"') ++i;
      while (i < text.size() && (text[i] == ' ' || text[i] == ':' || text[i] == '\t' || text[i] == '\n')) ++i;
      if (i < text.size() && text[i] == '\\') ++i;
      if (i >= text.size() || text[i] != '"') continue;
      size_t end = text.find('"', i + 1);
      if (end == std::string_view::npos || end - i > 64) continue;
      std::string value(text.substr(i + 1, end - i - 1));
      value.erase(std::remove(value.begin(), value.end(), '\\'), value.end());
      out->push_back(std::move(value));
    }
  }
}

// Every "datePublished": "value" in JSON-LD that is not valid JSON (a stray comma, an unescaped
// quote elsewhere in the block): the date is still plain to read.
void ScanBrokenJsonLd(std::string_view text, Metadata* md) {
  ScanJsonDates(text, {"\"datePublished", "\"dateCreated", "\"uploadDate"}, &md->dates.broken_json_ld);
}

// datePublished (else dateCreated, uploadDate) of every object in a JSON-LD value: WebPage,
// ClaimReview, VideoObject and the rest, in @graph and arrays too.
void CollectJsonLdDates(const Json& j, std::vector<std::string>* out, int depth = 0) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const Json& e : j) CollectJsonLdDates(e, out, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  for (const char* key : {"datePublished", "dateCreated", "uploadDate"}) {
    std::string d = JsonString(j, key);
    if (!d.empty()) {
      out->push_back(d);
      break;
    }
  }
  for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage", "itemReviewed", "subjectOf"}) {
    if (auto it = j.find(key); it != j.end()) CollectJsonLdDates(*it, out, depth + 1);
  }
}

void ReadJsonLd(std::string_view text, Metadata* md) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded()) {
    // Raw line breaks inside strings are common and invalid JSON; try once more without them.
    std::string fixed(text);
    for (char& c : fixed) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    j = Json::parse(fixed, nullptr, false);
    if (j.is_discarded()) {
      ScanBrokenJsonLd(text, md);
      return;
    }
  }
  const Json* a = FindArticleObject(j);
  if (a && !md->have_ld) {
    md->have_ld = true;
    md->ld_headline = JsonString(*a, "headline");
    if (md->ld_headline.empty()) md->ld_headline = JsonString(*a, "name");
    std::string date = JsonString(*a, "datePublished");
    if (date.empty()) date = JsonString(*a, "dateCreated");
    // The article's own date goes before the dates of any other object.
    if (!date.empty()) md->dates.json_ld.insert(md->dates.json_ld.begin(), date);
    if (auto it = a->find("author"); it != a->end()) md->ld_author = JsonNames(*it);
    if (auto it = a->find("publisher"); it != a->end()) md->ld_publisher = JsonNames(*it);
    if (auto it = a->find("articleBody"); it != a->end() && it->is_string()) md->ld_body = it->get<std::string>();
  }
  CollectJsonLdDates(j, &md->dates.json_ld);
}

// Attributes that hold an element's publication date ("data-pubdate", "data-published").
constexpr const char* kDateAttributes[] = {"data-pubdate",   "data-published", "data-publish-date",
                                           "data-published-date", "data-date-published", "data-post-date",
                                           "data-article-date", "data-date",  "data-datetime"};

// An element whose class or id names a date or byline ("post-date", "entry-meta", "byline").
bool NamedLikeDate(const GumboNode* n) {
  const char* cls = Attr(n, "class");
  const char* id = Attr(n, "id");
  if (!cls && !id) return false;
  std::string value = cls ? cls : "";
  value += ' ';
  if (id) value += id;
  NameWords names(value);
  for (std::string_view w : {"date", "dateline", "byline", "posted", "published", "pubdate", "timestamp",
                             "time", "meta", "postmeta", "entrymeta", "publish", "datetime", "updated"}) {
    if (names.Has(w)) return true;
  }
  return false;
}

bool NamedLikeByline(const GumboNode* n) {
  const char* cls = Attr(n, "class");
  const char* id = Attr(n, "id");
  if (!cls && !id) return false;
  std::string value = cls ? cls : "";
  value += ' ';
  if (id) value += id;
  NameWords names(value);
  return names.Has("byline") || names.Has("author") || names.Has("authors");
}

// "By Jane Doe and John Roe, Nov. 18, 2019 | Reuters" -> "Jane Doe and John Roe": the names after
// "By", up to the date or a separator; "" when the line does not open with "By".
std::string NamesInByline(std::string_view line) {
  if (line.size() < 4 || Lower(line.substr(0, 3)) != "by ") return "";
  line.remove_prefix(3);
  size_t end = line.find_first_of(",|\n\t0123456789");
  for (std::string_view sep : {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " \xC2\xB7 ", " \xE2\x80\xA2 "}) {
    end = std::min(end, line.find(sep));
  }
  std::string names(line.substr(0, std::min(end, line.size())));
  while (!names.empty() && names.back() == ' ') names.pop_back();
  return names.size() <= 80 ? names : "";
}

void CollectMetadata(const GumboNode* root, Metadata* md) {
  std::vector<const GumboNode*> stack = {root};
  std::vector<std::string> time_published, time_datetime, time_text;
  bool after_h1 = false;
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!n) {
      after_h1 = true;
      continue;
    }
    if (n->type == GUMBO_NODE_TEXT && after_h1 && md->lines_after_h1 < 24) {
      // The first short lines after the headline: where a page shows "Nov. 18, 2019".
      ++md->lines_after_h1;
      std::string_view text = n->v.text.text;
      if (text.size() < 100) md->dates.text.push_back(Collapse(text));
      continue;
    }
    if (!IsElement(n)) continue;
    GumboTag t = n->v.element.tag;
    for (const char* attr : kDateAttributes) {
      if (const char* v = Attr(n, attr)) md->dates.attribute.emplace_back(v);
    }
    switch (t) {
      case GUMBO_TAG_HTML:
        if (const char* v = Attr(n, "lang")) md->lang = v;
        break;
      case GUMBO_TAG_TITLE:
        if (md->title_tag.empty()) md->title_tag = NodeText(n);
        break;
      case GUMBO_TAG_H1:
        if (md->h1.empty()) {
          md->h1 = NodeText(n);
          stack.push_back(nullptr);  // popped after the headline's own words: date lines follow
        }
        break;
      case GUMBO_TAG_META: {
        const char* content = Attr(n, "content");
        if (!content) break;
        for (const char* key_attr : {"property", "name", "itemprop", "http-equiv"}) {
          if (const char* k = Attr(n, key_attr)) md->meta.emplace(Lower(k), Collapse(content));
        }
        break;
      }
      case GUMBO_TAG_LINK: {
        const char* rel = Attr(n, "rel");
        const char* href = Attr(n, "href");
        if (rel && href && Lower(rel) == "canonical" && md->canonical.empty()) md->canonical = href;
        break;
      }
      case GUMBO_TAG_A: {
        const char* rel = Attr(n, "rel");
        if (rel && Lower(rel) == "author" && md->rel_author.empty()) md->rel_author = NodeText(n);
        break;
      }
      case GUMBO_TAG_TIME: {
        const char* dt = Attr(n, "datetime");
        const char* ip = Attr(n, "itemprop");
        const char* cls = Attr(n, "class");
        bool published = Attr(n, "pubdate") || (ip && Lower(ip) == "datepublished") ||
                         (cls && (Contains(Lower(cls), "publish") || Contains(Lower(cls), "posted")));
        if (dt) (published ? time_published : time_datetime).emplace_back(dt);
        time_text.push_back(NodeText(n));  // <time>Nov. 18, 2019</time>
        break;
      }
      case GUMBO_TAG_SCRIPT: {
        const char* type = Attr(n, "type");
        if (type && Lower(type) == "application/ld+json" && n->v.element.children.length > 0) {
          const GumboNode* c = static_cast<const GumboNode*>(n->v.element.children.data[0]);
          if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) ReadJsonLd(c->v.text.text, md);
        }
        continue;  // script text is never content
      }
      case GUMBO_TAG_STYLE:
        continue;
      default:
        break;
    }
    if (t != GUMBO_TAG_META && t != GUMBO_TAG_TIME) {
      if (const char* ip = Attr(n, "itemprop"); ip && Lower(ip) == "datepublished") {
        const char* content = Attr(n, "content");
        md->dates.attribute.push_back(content ? std::string(content) : NodeText(n));
      }
      if (md->byline.empty() && NamedLikeByline(n)) {
        std::string text = NodeText(n);
        if (!text.empty() && text.size() < 200) md->byline = std::move(text);
      }
      if (NamedLikeDate(n) && md->dates.byline.size() < 8) {
        // <abbr class="published" title="2019-11-18T10:00:00">: the value is in the title.
        if (const char* title = Attr(n, "title")) md->dates.byline.emplace_back(title);
        std::string text = NodeText(n);
        if (!text.empty() && text.size() < 200) md->dates.byline.push_back(std::move(text));
      }
    }
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = ch.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(ch.data[i - 1]));
  }
  for (auto* list : {&time_published, &time_datetime, &time_text}) {
    md->dates.time.insert(md->dates.time.end(), list->begin(), list->end());
  }
}

// "Headline | Site" -> "Headline" when the tail is the site name or short.
std::string StripSiteSuffix(std::string title, std::string_view site) {
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "}) {
    size_t at = title.rfind(sep);
    if (at == std::string::npos || at == 0) continue;
    std::string_view tail = std::string_view(title).substr(at + sep.size());
    bool is_site = !site.empty() && Lower(tail) == Lower(site);
    size_t words = static_cast<size_t>(std::count(tail.begin(), tail.end(), ' ')) + 1;
    if (is_site || (tail.size() <= 30 && words <= 4 && at >= 20)) {
      title.resize(at);
      return title;
    }
  }
  return title;
}

// ---------------------------------------------------------------------------------------------
// Body.

struct Block {
  enum Kind { kText, kHeading, kTableRow, kListItem };
  std::string text;
  size_t link_chars = 0;
  const GumboNode* container = nullptr;  // the innermost block element holding the text
  Kind kind = kText;
};

Block::Kind KindOf(GumboTag t) {
  if (IsHeadingTag(t)) return Block::kHeading;
  if (t == GUMBO_TAG_TR) return Block::kTableRow;
  if (t == GUMBO_TAG_LI || t == GUMBO_TAG_DD || t == GUMBO_TAG_DT) return Block::kListItem;
  return Block::kText;
}

// Cuts the body into text blocks, skipping boilerplate elements (by tag alone when stats is null,
// else by names and structure too). A table row is one block, its cells separated by spaces.
std::vector<Block> CollectBlocks(const GumboNode* body, const PageStats* stats) {
  std::vector<Block> blocks;
  TextBuilder cur;
  std::vector<const GumboNode*> containers;
  int link_depth = 0;
  auto flush = [&]() {
    if (cur.empty()) return;
    Block b;
    b.link_chars = cur.link_chars();
    b.text = DecodeEntityRemnants(cur.Take());
    b.container = containers.empty() ? body : containers.back();
    b.kind = KindOf(b.container->v.element.tag);
    blocks.push_back(std::move(b));
  };
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack = {{body, 0}};
  containers.push_back(body);
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector& ch = f.node->v.element.children;
    if (f.next >= ch.length) {
      GumboTag t = f.node->v.element.tag;
      if (IsBlockTag(t)) {
        flush();
        containers.pop_back();
      }
      if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) cur.Space();
      if (t == GUMBO_TAG_A) --link_depth;
      stack.pop_back();
      continue;
    }
    const GumboNode* c = static_cast<const GumboNode*>(ch.data[f.next++]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
      cur.Append(c->v.text.text, link_depth > 0);
      continue;
    }
    if (c->type == GUMBO_NODE_WHITESPACE) {
      cur.Space();
      continue;
    }
    if (!IsElement(c)) continue;
    GumboTag t = c->v.element.tag;
    if (IsBoilerplateElement(c, stats)) continue;
    if (t == GUMBO_TAG_BR) {
      flush();
      continue;
    }
    if (t == GUMBO_TAG_IMG) continue;
    if (IsBlockTag(t)) {
      flush();
      containers.push_back(c);
    }
    if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) cur.Space();
    if (t == GUMBO_TAG_A) ++link_depth;
    stack.push_back({c, 0});
  }
  flush();
  return blocks;
}

// A block that counts as running text when the article container is looked for.
bool GoodBlock(const Block& b) {
  return b.text.size() >= 25 && b.link_chars * 3 < b.text.size() && b.kind != Block::kHeading;
}

// The element that holds the article: the schema.org articleBody that holds text, else the one
// found by walking down from <body> while one child holds most of the running text.
const GumboNode* FindArticleRoot(const std::vector<Block>& blocks, const GumboNode* body) {
  // Good text per element: each good block counts for its container and every ancestor.
  std::unordered_map<const GumboNode*, size_t> good;
  std::unordered_set<const GumboNode*> holds_text;  // elements with good text directly inside
  size_t total = 0;
  for (const Block& b : blocks) {
    if (!GoodBlock(b)) continue;
    total += b.text.size();
    holds_text.insert(b.container);
    for (const GumboNode* n = b.container; n; n = n->parent) {
      good[n] += b.text.size();
      if (n == body) break;
    }
  }
  if (total == 0) return nullptr;
  // The page says where its article is: believe it, even when teasers elsewhere hold more text.
  const GumboNode* article_body = nullptr;
  for (const auto& [node, n] : good) {
    if (IsArticleBodyProp(node) && (!article_body || n > good[article_body])) article_body = node;
  }
  if (article_body) return article_body;
  // Else the <article> that holds the most running text, when that is a good part of the page's
  // (teaser cards are <article>s too, each with little text).
  const GumboNode* article = nullptr;
  for (const auto& [node, n] : good) {
    if (node->v.element.tag == GUMBO_TAG_ARTICLE && (!article || n > good[article])) article = node;
  }
  if (article && good[article] * 10 >= total * 4) return article;
  // Walk down from <body> while one child holds most of the text. An element that holds text
  // itself is where paragraphs live: stop above it, so its sibling paragraphs are not lost.
  const GumboNode* root = body;
  for (;;) {
    const GumboNode* best = nullptr;
    size_t best_n = 0;
    const GumboVector& ch = root->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i) {
      const GumboNode* c = static_cast<const GumboNode*>(ch.data[i]);
      auto it = good.find(c);
      if (it != good.end() && it->second > best_n) {
        best = c;
        best_n = it->second;
      }
    }
    if (!best || best_n * 10 < total * 7) break;
    GumboTag bt = best->v.element.tag;
    if (bt == GUMBO_TAG_P || bt == GUMBO_TAG_LI || bt == GUMBO_TAG_BLOCKQUOTE || bt == GUMBO_TAG_PRE) break;
    if (holds_text.count(best)) break;
    root = best;
  }
  return root;
}

// The paragraphs of the main text among the blocks. Inside the article container short text
// stays when its form says it is content: a heading followed by text, a table row, a list item.
std::vector<std::string> SelectParagraphs(const std::vector<Block>& blocks, const GumboNode* body,
                                          const std::string& title) {
  const GumboNode* root = FindArticleRoot(blocks, body);
  if (!root) return {};
  auto inside = [&](const GumboNode* n) {
    for (; n; n = n->parent) {
      if (n == root) return true;
    }
    return false;
  };
  std::vector<std::string> paragraphs;
  std::string pending_heading;  // kept once text follows it
  std::string title_lower = Lower(title);
  for (const Block& b : blocks) {
    if (!inside(b.container)) continue;
    if (b.link_chars * 2 > b.text.size()) continue;
    if (IsBoilerplateText(b.text)) continue;
    if (Lower(b.text) == title_lower) continue;
    if (b.kind == Block::kHeading) {
      // The page's headline is the title, whatever the metadata spelled; subheadings are text.
      if (b.container->v.element.tag != GUMBO_TAG_H1) pending_heading = b.text;
      continue;
    }
    bool short_form = b.kind == Block::kTableRow || b.kind == Block::kListItem;
    if (b.text.size() < 25 && !EndsSentence(b.text) && !short_form) continue;
    if (b.text.size() < 60 && FindNewsDate(b.text) && !EndsSentence(b.text) && b.kind != Block::kTableRow) {
      continue;  // a dateline or byline date
    }
    if (!pending_heading.empty()) paragraphs.push_back(std::move(pending_heading));
    pending_heading.clear();
    // The same block twice in a row is a page's mobile and desktop copies; further apart, a refrain.
    if (!paragraphs.empty() && paragraphs.back() == b.text) continue;
    paragraphs.push_back(b.text);
  }
  return paragraphs;
}

const GumboNode* FindBody(const GumboNode* root) {
  if (!IsElement(root)) return nullptr;
  const GumboVector& ch = root->v.element.children;
  for (unsigned i = 0; i < ch.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(ch.data[i]);
    if (IsElement(c) && c->v.element.tag == GUMBO_TAG_BODY) return c;
  }
  return nullptr;
}

// The charset a page declares in its first bytes: <meta charset=x> or http-equiv content-type.
std::string SniffMetaCharset(std::string_view html) {
  std::string head = Lower(html.substr(0, 4096));
  size_t at = head.find("charset=");
  if (at == std::string::npos) return "";
  at += 8;
  while (at < head.size() && (head[at] == '"' || head[at] == '\'' || head[at] == ' ')) ++at;
  size_t end = at;
  while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
                               head[end] == '_' || head[end] == ':' || head[end] == '.'))
    ++end;
  return head.substr(at, end - at);
}

std::string Iconv(std::string_view in, const std::string& charset, std::string* error) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    *error = "unsupported charset \"" + charset + "\"";
    return "";
  }
  std::string out;
  out.resize(in.size() * 2 + 16);
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  while (src_left > 0) {
    size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    if (r != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      size_t used = out.size() - dst_left;
      out.resize(out.size() * 2);
      dst = out.data() + used;
      dst_left = out.size() - used;
    } else {
      // A byte the charset does not define: U+FFFD, then go on after it.
      if (dst_left < 3) {
        size_t used = out.size() - dst_left;
        out.resize(out.size() * 2);
        dst = out.data() + used;
        dst_left = out.size() - used;
      }
      std::memcpy(dst, "\xEF\xBF\xBD", 3);
      dst += 3;
      dst_left -= 3;
      ++src;
      --src_left;
    }
  }
  out.resize(out.size() - dst_left);
  iconv_close(cd);
  return out;
}

bool IsVoidOrSelfClosingTag(std::string_view name) {
  static constexpr std::string_view kTags[] = {"area", "base", "br",  "col",    "embed", "hr",    "img",
                                               "input", "link", "meta", "param", "source", "track", "wbr",
                                               "p",    "li",   "dt",  "dd",     "option", "td",   "th",
                                               "tr",   "!doctype"};
  for (std::string_view t : kTags) {
    if (name == t) return true;
  }
  return false;
}

// Whether html[at..] opens the tag `name` ("<script", "<STYLE"), followed by '>', '/' or space.
bool OpensTag(std::string_view html, size_t at, std::string_view name) {
  if (at + 1 + name.size() >= html.size() || html[at] != '<') return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(html[at + 1 + i])) != name[i]) return false;
  }
  char next = html[at + 1 + name.size()];
  return next == '>' || next == '/' || std::isspace(static_cast<unsigned char>(next));
}

// The page with the bodies of its scripts (all but JSON-LD) and style sheets left out: they hold
// no article text, and on news pages they are often half the bytes, which the HTML parser would
// read character by character. Comments are passed over whole, so a "<script" inside one opens
// nothing. A script that never closes is kept as it is, for the parser to judge.
std::string WithoutScriptBodies(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t copied = 0, i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    std::string_view name = OpensTag(html, i, "script") ? "script" : OpensTag(html, i, "style") ? "style" : "";
    if (name.empty()) {
      ++i;
      continue;
    }
    size_t open_end = html.find('>', i);
    if (open_end == std::string_view::npos) break;
    std::string open_tag = Lower(html.substr(i, open_end - i));
    size_t close = open_end;
    for (;;) {
      close = html.find("</", close);
      if (close == std::string_view::npos || Lower(html.substr(close + 2, name.size())) == name) break;
      close += 2;
    }
    if (close == std::string_view::npos) break;
    if (name == "script" && Contains(open_tag, "ld+json")) {
      i = close;
      continue;
    }
    out.append(html.substr(copied, open_end + 1 - copied));
    copied = close;
    i = close;
  }
  out.append(html.substr(copied));
  return out;
}

}  // namespace

namespace {

// Elements the HTML parsing algorithm calls "special": an end tag of an ordinary element is
// ignored when one of these is open above it.
bool IsSpecialElement(std::string_view name) {
  static const std::unordered_set<std::string_view> kSpecial = {
      "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body",
      "br", "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt",
      "embed", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
      "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li",
      "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object",
      "ol", "p", "param", "plaintext", "pre", "script", "section", "select", "source", "style", "summary",
      "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul",
      "wbr", "xmp"};
  return kSpecial.count(name) > 0;
}

// Elements that bound "has an element in scope": an end tag of a special element is ignored when
// one of these is open above it.
bool IsScopeBoundary(std::string_view name) {
  static const std::unordered_set<std::string_view> kBoundary = {"applet", "caption", "html",   "table",
                                                                 "td",     "th",      "marquee", "object",
                                                                 "template", "button"};
  return kBoundary.count(name) > 0;
}

// The stack of open elements the parser would build, kept in amortized constant time per tag:
// each element's name, and for each name and for the special and scope-bounding elements the
// positions where they are open.
class OpenElements {
 public:
  size_t depth() const { return names_.size(); }

  void Push(const std::string& name) {
    size_t at = names_.size();
    names_.push_back(name);
    positions_[name].push_back(at);
    if (IsSpecialElement(name)) special_.push_back(at);
    if (IsScopeBoundary(name)) boundary_.push_back(at);
  }

  // An end tag: pops to the element it closes, or does nothing when the parser would ignore it.
  void Close(const std::string& name) {
    auto it = positions_.find(name);
    if (it == positions_.end() || it->second.empty()) return;
    size_t at = it->second.back();
    const std::vector<size_t>& blockers = IsSpecialElement(name) ? boundary_ : special_;
    if (!blockers.empty() && blockers.back() > at) return;
    while (names_.size() > at) Pop();
  }

  bool IsOpen(const std::string& name) const {
    auto it = positions_.find(name);
    return it != positions_.end() && !it->second.empty();
  }

 private:
  void Pop() {
    size_t at = names_.size() - 1;
    positions_[names_.back()].pop_back();
    if (!special_.empty() && special_.back() == at) special_.pop_back();
    if (!boundary_.empty() && boundary_.back() == at) boundary_.pop_back();
    names_.pop_back();
  }

  std::vector<std::string> names_;
  std::unordered_map<std::string, std::vector<size_t>> positions_;
  std::vector<size_t> special_, boundary_;
};

}  // namespace

size_t EstimateNestingDepth(std::string_view html, size_t stop_above) {
  OpenElements open;
  size_t max_depth = 0;
  size_t i = 0;
  std::string name;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    if (html.substr(i, 3) == "!--") {
      size_t end = html.find("-->", i + 3);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    name.clear();
    while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '!' || html[i] == '-')) {
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[i]))));
      ++i;
    }
    // Void elements, and those closed by their next sibling (<p>, <li>, <td> ...), add no depth.
    if (name.empty() || IsVoidOrSelfClosingTag(name)) continue;
    if (closing) {
      open.Close(name);
      continue;
    }
    if (name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp") {
      // Raw text: no tags inside.
      size_t end = html.find("</", i);
      while (end != std::string_view::npos && Lower(html.substr(end + 2, name.size())) != name) {
        end = html.find("</", end + 2);
      }
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    // "<x/>" closes itself only inside SVG and MathML; the HTML parser ignores the slash.
    size_t gt = html.find('>', i);
    bool foreign = open.IsOpen("svg") || open.IsOpen("math") || name == "svg" || name == "math";
    if (foreign && gt != std::string_view::npos && gt > 0 && html[gt - 1] == '/') continue;
    open.Push(name);
    max_depth = std::max(max_depth, open.depth());
    if (max_depth > stop_above) break;
  }
  return max_depth;
}

const char* DetectUtf16(std::string_view bytes) {
  if (bytes.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (bytes.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  // No byte-order mark: ASCII markup in UTF-16 has a NUL in every other byte.
  size_t pairs = std::min<size_t>(bytes.size() / 2, 256);
  if (pairs < 2) return nullptr;
  size_t nul_even = 0, nul_odd = 0;
  for (size_t i = 0; i < pairs; ++i) {
    nul_even += bytes[2 * i] == '\0';
    nul_odd += bytes[2 * i + 1] == '\0';
  }
  if (nul_odd * 10 >= pairs * 6 && nul_even == 0) return "UTF-16LE";
  if (nul_even * 10 >= pairs * 6 && nul_odd == 0) return "UTF-16BE";
  return nullptr;
}

std::string Utf16ToUtf8(std::string_view bytes, const char* encoding) {
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") bytes.remove_prefix(2);
  std::string error;
  std::string out = Iconv(bytes, encoding, &error);
  return RepairUtf8(out);
}

std::string HtmlToUtf8(std::string_view html, std::string_view charset, std::string* error) {
  std::string cs = Lower(charset);
  if (cs.empty()) cs = SniffMetaCharset(html);
  bool valid = FindInvalidUtf8(html) == std::string_view::npos;
  if (cs.empty() || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" || cs == "ascii") {
    // Undeclared pages that are not UTF-8 are nearly always Windows-1252.
    if (valid) return std::string(html);
    return cs.empty() ? Windows1252ToUtf8(html) : RepairUtf8(html);
  }
  if (cs == "windows-1252" || cs == "iso-8859-1" || cs == "latin1" || cs == "latin-1" || cs == "cp1252" ||
      cs == "iso8859-1") {
    // Pages labelled Latin-1 but written in UTF-8 are common: believe the bytes when they are UTF-8.
    if (valid) return std::string(html);
    return Windows1252ToUtf8(html);
  }
  std::string out = Iconv(html, cs, error);
  if (!error->empty()) return "";
  return RepairUtf8(out);
}

HtmlPage ExtractHtml(std::string_view raw_html, std::string_view charset, std::string_view page_url) {
  if (const char* utf16 = DetectUtf16(raw_html)) return ExtractHtml(Utf16ToUtf8(raw_html, utf16), "utf-8", page_url);
  HtmlPage page;
  if (EstimateNestingDepth(raw_html, kMaxHtmlNesting) > kMaxHtmlNesting) return page;
  std::string error;
  std::string html = HtmlToUtf8(raw_html, charset, &error);
  if (!error.empty()) html = RepairUtf8(raw_html);
  Metadata md;
  // Pages drawn by script carry their date in the script's data ("datePublished", "publishedAt").
  ScanJsonDates(html, {"\"datePublished", "\"publishedAt", "\"published_at", "\"publishDate", "\"pubDate",
                       "\"firstPublishDate", "\"date_published"},
                &md.dates.script);
  html = WithoutScriptBodies(html);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  if (!out) return page;

  CollectMetadata(out->root, &md);
  page.lang = md.lang;
  page.site_name = md.Meta({"og:site_name", "application-name"});
  if (page.site_name.empty()) page.site_name = md.ld_publisher;
  page.url = !md.canonical.empty() ? md.canonical : md.Meta({"og:url", "twitter:url"});

  page.title = md.ld_headline;
  if (page.title.empty()) page.title = StripSiteSuffix(md.Meta({"og:title", "twitter:title"}), page.site_name);
  if (page.title.empty()) page.title = md.h1;
  if (page.title.empty()) page.title = StripSiteSuffix(md.title_tag, page.site_name);
  page.title = DecodeEntityRemnants(std::move(page.title));

  std::vector<DateCandidate> dates = md.dates.Candidates(md.meta, {page.url, page_url});
  if (const DateCandidate* d = ChooseDate(dates)) {
    page.date = d->iso;
    page.raw_date = d->raw;
    page.date_source = d->source;
  }

  page.author = md.ld_author;
  if (page.author.empty()) page.author = md.Meta({"author", "article:author", "parsely-author", "byl", "dc.creator"});
  if (page.author.rfind("http", 0) == 0) page.author.clear();  // article:author is often a profile URL
  if (page.author.empty()) page.author = md.rel_author;
  if (page.author.empty()) page.author = NamesInByline(md.byline);
  if (page.author.size() > 3 && Lower(page.author.substr(0, 3)) == "by ") page.author = page.author.substr(3);

  if (const GumboNode* body = FindBody(out->root)) {
    PageStats stats = GatherStats(body);
    page.paragraphs = SelectParagraphs(CollectBlocks(body, &stats), body, page.title);
    // A page whose every text block sits in an element named like furniture: read it again with
    // only the tag rules, rather than lose the article.
    if (page.paragraphs.empty()) page.paragraphs = SelectParagraphs(CollectBlocks(body, nullptr), body, page.title);
  }
  if (page.paragraphs.empty() && !md.ld_body.empty()) {
    // Some pages render the text by script and ship it only as JSON-LD articleBody.
    size_t pos = 0;
    while (pos < md.ld_body.size()) {
      size_t nl = md.ld_body.find('\n', pos);
      if (nl == std::string::npos) nl = md.ld_body.size();
      std::string p = Collapse(std::string_view(md.ld_body).substr(pos, nl - pos));
      if (!p.empty()) page.paragraphs.push_back(p);
      pos = nl + 1;
    }
  }
  gumbo_destroy_output(&options, out);
  return page;
}

Record HtmlToRecord(std::string_view html, std::string_view charset, const std::string& origin, const std::string& id,
                    const std::string& url, const std::string& fallback_date, const ReadOptions& options) {
  if (const char* utf16 = DetectUtf16(html)) {
    return HtmlToRecord(Utf16ToUtf8(html, utf16), "utf-8", origin, id, url, fallback_date, options);
  }
  std::string error;
  HtmlToUtf8(html.substr(0, 0), charset, &error);  // checks only that the charset is known
  if (!error.empty()) return ErrorRecordOf(origin, error);
  if (EstimateNestingDepth(html, kMaxHtmlNesting) > kMaxHtmlNesting) {
    return ErrorRecordOf(origin, "page nests elements more than " + std::to_string(kMaxHtmlNesting) +
                                     " deep; not read");
  }
  HtmlPage page = ExtractHtml(html, charset, url);
  if (page.paragraphs.empty()) {
    return ErrorRecordOf(origin, "no article text found in the page" +
                                     (page.title.empty() ? std::string() : " \"" + page.title.substr(0, 80) + "\""));
  }
  Article a;
  a.id = id;
  a.origin = origin;
  a.url = !url.empty() ? url : page.url;
  a.source = page.site_name;
  a.title = page.title;
  a.author = page.author;
  a.language = page.lang;
  a.date = page.date;
  a.date_source = page.date_source;
  if (a.date.empty() && !fallback_date.empty()) {
    // The crawl's date (a WARC record's): when the page was fetched, not when it was written.
    if (auto iso = ParseNewsDate(fallback_date)) {
      a.date = *iso;
      a.date_source = "crawl";
    }
  }
  if (a.date.empty()) {
    a.date = ResolveDate("", false, options, &error);
    if (a.date.empty()) return ErrorRecordOf(origin, error);
    a.date_source = "default";
  }
  size_t size = a.title.size() + 2;
  for (const std::string& p : page.paragraphs) size += p.size() + 2;
  a.text.reserve(size);
  if (!a.title.empty()) {
    a.text = a.title;
    a.title_span = Span{0, a.title.size()};
  }
  for (const std::string& p : page.paragraphs) {
    if (!a.text.empty()) a.text += "\n\n";
    a.text += p;
  }
  return ArticleRecordOf(std::move(a), page.lang, options);
}

Record HtmlRecordOrPending(std::string html, std::string_view charset, const std::string& origin, const std::string& id,
                           const std::string& url, const std::string& fallback_date, const ReadOptions& options) {
  if (!options.defer_html) return HtmlToRecord(html, charset, origin, id, url, fallback_date, options);
  auto page = std::make_shared<PendingPage>();
  page->html = std::move(html);
  page->charset = std::string(charset);
  page->origin = origin;
  page->id = id;
  page->url = url;
  page->fallback_date = fallback_date;
  page->options = options;
  Record r;
  r.pending = std::move(page);
  return r;
}

void ResolvePending(Record* record) {
  if (!record->pending) return;
  std::shared_ptr<PendingPage> page = std::move(record->pending);
  *record = HtmlToRecord(page->html, page->charset, page->origin, page->id, page->url, page->fallback_date,
                         page->options);
}

}  // namespace dragoman::ingest
