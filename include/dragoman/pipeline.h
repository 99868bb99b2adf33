// The dragoman pipeline: an Article in, its sentences, tokens, parse and coded Events out.
//
//   PipelineOptions options;                       // built-in model and dictionaries
//   auto pipeline = Pipeline::Create(options);
//   if (!pipeline.ok()) { std::cerr << pipeline.status().message(); return 1; }
//   std::vector<Event> events;
//   (*pipeline)->Process(article, &events);
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dragoman/document.h"
#include "dragoman/event.h"
#include "dragoman/status.h"

namespace dragoman {

struct PipelineOptions {
  std::string model_path;     // syntax model file; "" = the built-in model; "none" = no parse
  // Bulk coding runs the model's first parser alone (about twice the throughput); the accurate
  // setting adds its guided second parser (see models/README.md for both scores).
  bool accurate_parse = false;
  std::string dict_dir;       // "" = dragoman's own dictionaries; else a folder of dictionaries in our format or PETRARCH's
  std::string verbs_file;     // with dict_dir: the verb file to use instead of CAMEO.2.0.txt
  bool strict = false;        // a bad dictionary line is an error instead of a warning
  bool gdelt_quad_classes = true;  // GDELT's quad classes (09 -> 2, 14 -> 3) or the 09 -> 3, 14 -> 4 scheme
};

// Wall time spent per stage, for benchmarks. segment is text repair, sentence splitting and
// tokenization (one pass); annotate is tag (with lemmas and features) plus parse.
struct StageTimes {
  double segment_s = 0, annotate_s = 0, code_s = 0;
  double tag_s = 0, parse_s = 0;
};

// Immutable once created; Process may be called from many threads at once.
class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options);
  ~Pipeline();

  // Articles longer than this are coded in parts of at most this size, cut at paragraph, line or
  // sentence ends, so that a worker's memory stays bounded (about 70 bytes of tokens and parse per
  // byte of a part) whatever the record's size.
  static constexpr size_t kMaxPartBytes = 256 << 10;

  // Segments, annotates and codes one article. Fills article.sentences and appends its events,
  // complete with quad class, Goldstein score and PLOVER type. times, when given, is added to.
  // An article over kMaxPartBytes keeps its sentences' spans but not their tokens.
  void Process(Article& article, std::vector<Event>* events, StageTimes* times = nullptr) const;

  // Only the text stage: sentences and tokens (for `dragoman sentences`).
  void Segment(Article& article) const;
  // Text and syntax stages, no coding (for `dragoman parse`).
  void Annotate(Article& article) const;

 private:
  struct Impl;
  // Process for one part; *part_tone, when given, receives its tone.
  void ProcessWhole(Article& article, std::vector<Event>* events, StageTimes* times, double* part_tone) const;
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dragoman
