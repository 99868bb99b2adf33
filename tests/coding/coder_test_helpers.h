// Helpers shared by the coder tests: the whole pipeline (built-in model and dictionaries) coding a
// text, and printing what was coded.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "coding/event_coder.h"
#include "dragoman/pipeline.h"

namespace dragoman::coding::testing {

// The default pipeline, built once (strict: a bad dictionary line fails the test).
inline const Pipeline& DefaultPipeline() {
  static std::unique_ptr<Pipeline> pipeline = [] {
    PipelineOptions options;
    options.strict = true;
    Result<std::unique_ptr<Pipeline>> p = Pipeline::Create(options);
    EXPECT_TRUE(p.ok()) << p.status().message();
    return p.ok() ? p.take() : nullptr;
  }();
  return *pipeline;
}

// The coder alone over the built-in dictionaries, for sentences whose parse a test sets by hand.
inline const Coder& DefaultCoder() {
  static std::unique_ptr<Coder> coder = [] {
    Result<std::unique_ptr<Coder>> c = MakeCoder({.strict = true});
    EXPECT_TRUE(c.ok()) << c.status().message();
    return c.ok() ? c.take() : nullptr;
  }();
  return *coder;
}

// Codes text (title line first, then sentences) as an article of the given date.
inline std::vector<Event> CodeText(const std::string& text, const std::string& date = "2022-05-20") {
  Article a;
  a.id = "t";
  a.date = date;
  a.text = text;
  std::vector<Event> events;
  DefaultPipeline().Process(a, &events);
  return events;
}

// Codes a headline and its body as an article of the given date, the headline marked as the title.
inline std::vector<Event> CodeTitled(const std::string& title, const std::string& body,
                                     const std::string& date = "2022-05-20") {
  Article a;
  a.id = "t";
  a.date = date;
  a.title = title;
  a.text = title + "\n" + body;
  a.title_span = Span{0, title.size()};
  std::vector<Event> events;
  DefaultPipeline().Process(a, &events);
  return events;
}

inline bool Has(const std::vector<Event>& events, const std::string& source, const std::string& root,
                const std::string& target) {
  // The coder alone leaves the root to CameoTable::Complete: read it from the code then.
  for (const Event& e : events)
    if (e.source == source && (e.root.empty() ? e.code.substr(0, 2) : e.root) == root && e.target == target) return true;
  return false;
}

// One line per event: "SOURCE CODE TARGET (rule)".
inline std::string Dump(const std::vector<Event>& events) {
  std::string s;
  for (const Event& e : events) s += e.source + " " + e.code + " " + e.target + " (" + e.rule + ")\n";
  return s;
}

}  // namespace dragoman::coding::testing
