#include "ingest/html_extractor.h"

#include <gumbo.h>
#include <iconv.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "ingest/article_formats.h"
#include "ingest/date_parser.h"
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
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR:
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

// Words in class/id values that mark page furniture. Strong ones drop the element even when the
// name also says "article" or "content" ("article-share", "story-comments").
constexpr std::string_view kStrongNegative[] = {
    "comment",  "share",   "sharing", "social",     "related", "recommend", "newsletter", "subscribe",
    "signup",   "sign-up", "cookie",  "consent",    "gdpr",    "promo",     "sponsor",    "advert",
    "outbrain", "taboola", "popup",   "modal",      "paywall", "disqus",    "most-read",  "mostread",
    "trending", "more-stories", "read-more", "readmore", "author-bio", "skip-link", "visually-hidden",
    "sr-only",  "screen-reader", "breadcrumb", "pagination", "toolbar", "login"};
// Weak ones drop it unless a content word is there too ("content has-sidebar" stays).
constexpr std::string_view kWeakNegative[] = {"sidebar", "footer", "header", "masthead", "navbar", "menu",
                                              "banner",  "widget", "popular", "byline", "caption", "credit",
                                              "topics",  "keywords", "teaser", "overlay"};
constexpr std::string_view kNegativeTokens[] = {"ad",   "ads",  "nav",  "tags", "tag", "hidden",
                                                "hide", "print", "meta", "rail", "aside"};
constexpr std::string_view kPositive[] = {"article", "content", "story", "body", "main", "entry", "post", "text"};

bool HasToken(std::string_view value, std::string_view token) {
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && !std::isalnum(static_cast<unsigned char>(value[i]))) ++i;
    size_t j = i;
    while (j < value.size() && std::isalnum(static_cast<unsigned char>(value[j]))) ++j;
    if (j > i && value.substr(i, j - i) == token) return true;
    i = j;
  }
  return false;
}

bool IsBoilerplateElement(const GumboNode* n) {
  GumboTag t = n->v.element.tag;
  if (IsDroppedTag(t)) return true;
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
  // The page's main containers are never dropped by their names.
  if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_ARTICLE) return false;
  if (const char* v = Attr(n, "itemprop"); v && Lower(v) == "articlebody") return false;
  std::string names;
  if (const char* v = Attr(n, "class")) names += v;
  names += ' ';
  if (const char* v = Attr(n, "id")) names += v;
  if (names.size() <= 1) return false;
  names = Lower(names);
  // "commentary" is an opinion article, not reader comments.
  for (size_t at; (at = names.find("commentary")) != std::string::npos;) names.replace(at, 10, "opinion");
  for (std::string_view w : kStrongNegative) {
    if (Contains(names, w)) return true;
  }
  bool negative = false;
  for (std::string_view w : kWeakNegative) negative = negative || Contains(names, w);
  for (std::string_view w : kNegativeTokens) negative = negative || HasToken(names, w);
  if (!negative) return false;
  for (std::string_view w : kPositive) {
    if (Contains(names, w)) return false;
  }
  return true;
}

// Short blocks that are page furniture wherever they stand.
bool IsBoilerplateText(std::string_view text) {
  if (text.size() > 120) return false;
  std::string l = Lower(text);
  constexpr std::string_view kPhrases[] = {
      "advertisement", "read more", "sign up", "subscribe", "all rights reserved", "copyright", "follow us",
      "click here", "share this", "share on", "related:", "see also", "cookies", "newsletter",
      "download the app", "log in", "image source", "photo:", "getty images", "reuters/"};
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
  std::string title_tag, h1, time_datetime, time_published, canonical, lang, rel_author;
  std::string ld_headline, ld_date, ld_author, ld_publisher, ld_body;
  bool have_ld = false;

  std::string Meta(std::initializer_list<const char*> keys) const {
    for (const char* k : keys) {
      auto it = meta.find(k);
      if (it != meta.end() && !it->second.empty()) return it->second;
    }
    return "";
  }
};

void ReadJsonLd(std::string_view text, Metadata* md) {
  if (md->have_ld) return;
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded()) {
    // Raw line breaks inside strings are common and invalid JSON; try once more without them.
    std::string fixed(text);
    for (char& c : fixed) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    j = Json::parse(fixed, nullptr, false);
    if (j.is_discarded()) return;
  }
  const Json* a = FindArticleObject(j);
  if (!a) return;
  md->have_ld = true;
  md->ld_headline = JsonString(*a, "headline");
  if (md->ld_headline.empty()) md->ld_headline = JsonString(*a, "name");
  md->ld_date = JsonString(*a, "datePublished");
  if (md->ld_date.empty()) md->ld_date = JsonString(*a, "dateCreated");
  if (auto it = a->find("author"); it != a->end()) md->ld_author = JsonNames(*it);
  if (auto it = a->find("publisher"); it != a->end()) md->ld_publisher = JsonNames(*it);
  if (auto it = a->find("articleBody"); it != a->end() && it->is_string()) md->ld_body = it->get<std::string>();
}

void CollectMetadata(const GumboNode* root, Metadata* md) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!IsElement(n)) continue;
    GumboTag t = n->v.element.tag;
    switch (t) {
      case GUMBO_TAG_HTML:
        if (const char* v = Attr(n, "lang")) md->lang = v;
        break;
      case GUMBO_TAG_TITLE:
        if (md->title_tag.empty()) md->title_tag = NodeText(n);
        break;
      case GUMBO_TAG_H1:
        if (md->h1.empty()) md->h1 = NodeText(n);
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
        std::string value = dt ? dt : NodeText(n);
        const char* ip = Attr(n, "itemprop");
        const char* cls = Attr(n, "class");
        bool published = Attr(n, "pubdate") || (ip && Lower(ip) == "datepublished") ||
                         (cls && (Contains(Lower(cls), "publish") || Contains(Lower(cls), "posted")));
        if (published && md->time_published.empty()) md->time_published = value;
        if (md->time_datetime.empty() && dt) md->time_datetime = value;
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
      default:
        break;
    }
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = ch.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(ch.data[i - 1]));
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
  std::string text;
  size_t link_chars = 0;
  const GumboNode* container = nullptr;  // the innermost block element holding the text
  bool heading = false;
};

// Cuts the body into text blocks, skipping boilerplate elements (when filter_names is set).
std::vector<Block> CollectBlocks(const GumboNode* body, bool filter_names) {
  std::vector<Block> blocks;
  TextBuilder cur;
  std::vector<const GumboNode*> containers;
  int link_depth = 0;
  auto flush = [&]() {
    if (cur.empty()) return;
    Block b;
    b.link_chars = cur.link_chars();
    b.text = cur.Take();
    b.container = containers.empty() ? body : containers.back();
    b.heading = IsHeadingTag(b.container->v.element.tag);
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
    if (filter_names ? IsBoilerplateElement(c) : IsDroppedTag(t)) continue;
    if (t == GUMBO_TAG_BR) {
      flush();
      continue;
    }
    if (t == GUMBO_TAG_IMG) continue;
    if (IsBlockTag(t)) {
      flush();
      containers.push_back(c);
    }
    if (t == GUMBO_TAG_A) ++link_depth;
    stack.push_back({c, 0});
  }
  flush();
  return blocks;
}

bool GoodBlock(const Block& b) {
  return b.text.size() >= 25 && b.link_chars * 3 < b.text.size() && !b.heading;
}

// The paragraphs of the main text among the blocks.
std::vector<std::string> SelectParagraphs(const std::vector<Block>& blocks, const GumboNode* body,
                                          const std::string& title) {
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
  if (total == 0) return {};
  // Walk down from <body> while one child holds most of the text. An element that holds text
  // itself is where paragraphs live: stop above it, so its sibling paragraphs are not lost.
  const GumboNode* root = body;
  const GumboNode* itemprop_body = nullptr;
  for (const auto& [node, n] : good) {
    if (const char* v = Attr(node, "itemprop"); v && Lower(v) == "articlebody") {
      if (!itemprop_body || n > good[itemprop_body]) itemprop_body = node;
    }
  }
  if (itemprop_body && good[itemprop_body] * 2 >= total) {
    root = itemprop_body;
  } else {
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
  }
  auto inside = [&](const GumboNode* n) {
    for (; n; n = n->parent) {
      if (n == root) return true;
    }
    return false;
  };
  std::vector<std::string> paragraphs;
  std::unordered_set<std::string> seen;
  std::string title_lower = Lower(title);
  for (const Block& b : blocks) {
    if (!inside(b.container)) continue;
    if (b.link_chars * 2 > b.text.size()) continue;
    if (b.text.size() < 25 && !EndsSentence(b.text)) continue;
    if (b.heading && b.text.size() < 25) continue;
    if (IsBoilerplateText(b.text)) continue;
    if (Lower(b.text) == title_lower) continue;
    if (b.text.size() < 60 && FindNewsDate(b.text) && !EndsSentence(b.text)) continue;  // a dateline
    if (!seen.insert(b.text).second) continue;
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

}  // namespace

size_t EstimateNestingDepth(std::string_view html) {
  size_t depth = 0, max_depth = 0;
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
    if (name.empty() || IsVoidOrSelfClosingTag(name)) continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    if (name == "script" || name == "style" || name == "textarea") {  // raw text: no tags inside
      size_t end = html.find("</", i);
      while (end != std::string_view::npos && Lower(html.substr(end + 2, name.size())) != name) {
        end = html.find("</", end + 2);
      }
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    size_t gt = html.find('>', i);
    if (gt != std::string_view::npos && gt > 0 && html[gt - 1] == '/') continue;  // <x/>
    max_depth = std::max(max_depth, ++depth);
  }
  return max_depth;
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

HtmlPage ExtractHtml(std::string_view raw_html, std::string_view charset) {
  HtmlPage page;
  if (EstimateNestingDepth(raw_html) > kMaxHtmlNesting) return page;
  std::string error;
  std::string html = HtmlToUtf8(raw_html, charset, &error);
  if (!error.empty()) html = RepairUtf8(raw_html);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  if (!out) return page;

  Metadata md;
  CollectMetadata(out->root, &md);
  page.lang = md.lang;
  page.site_name = md.Meta({"og:site_name", "application-name"});
  if (page.site_name.empty()) page.site_name = md.ld_publisher;
  page.url = !md.canonical.empty() ? md.canonical : md.Meta({"og:url", "twitter:url"});

  page.title = md.ld_headline;
  if (page.title.empty()) page.title = StripSiteSuffix(md.Meta({"og:title", "twitter:title"}), page.site_name);
  if (page.title.empty()) page.title = md.h1;
  if (page.title.empty()) page.title = StripSiteSuffix(md.title_tag, page.site_name);

  std::vector<std::string> date_candidates = {
      md.ld_date,
      md.Meta({"article:published_time", "og:article:published_time", "article:published", "published_time",
               "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued",
               "dcterms.issued", "dc.date", "dcterms.created", "date", "sailthru.date", "parsely-pub-date",
               "article.published", "og:published_time", "dc.date.created"}),
      md.time_published,
      md.time_datetime,
  };
  for (const std::string& d : date_candidates) {
    if (d.empty()) continue;
    if (auto iso = ParseNewsDate(d)) {
      page.raw_date = d;
      page.date = *iso;
      break;
    }
  }

  page.author = md.ld_author;
  if (page.author.empty()) page.author = md.Meta({"author", "article:author", "parsely-author", "byl", "dc.creator"});
  if (page.author.rfind("http", 0) == 0) page.author.clear();  // article:author is often a profile URL
  if (page.author.empty()) page.author = md.rel_author;
  if (page.author.size() > 3 && Lower(page.author.substr(0, 3)) == "by ") page.author = page.author.substr(3);

  if (const GumboNode* body = FindBody(out->root)) {
    page.paragraphs = SelectParagraphs(CollectBlocks(body, true), body, page.title);
    // A page whose every text block sits in an element named like furniture: read it again with
    // only the tag rules, rather than lose the article.
    if (page.paragraphs.empty()) page.paragraphs = SelectParagraphs(CollectBlocks(body, false), body, page.title);
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
  std::string error;
  HtmlToUtf8(html.substr(0, 0), charset, &error);  // checks only that the charset is known
  if (!error.empty()) return ErrorRecordOf(origin, error);
  if (size_t depth = EstimateNestingDepth(html); depth > kMaxHtmlNesting) {
    return ErrorRecordOf(origin, "page nests elements " + std::to_string(depth) + " deep (limit " +
                                     std::to_string(kMaxHtmlNesting) + "); not read");
  }
  HtmlPage page = ExtractHtml(html, charset);
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
  a.date = page.date;
  if (a.date.empty() && !fallback_date.empty()) {
    if (auto iso = ParseNewsDate(fallback_date)) a.date = *iso;
  }
  if (a.date.empty()) {
    a.date = ResolveDate("", false, options, &error);
    if (a.date.empty()) return ErrorRecordOf(origin, error);
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
