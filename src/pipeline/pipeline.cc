#include "dragoman/pipeline.h"

#include <chrono>
#include <optional>
#include <iostream>

#include "coding/cameo_table.h"
#include "coding/coder.h"
#include "coding/event_coder.h"
#include "geo/locator.h"
#include "syntax/model.h"
#include "text/segmenter.h"
#include "text/tone.h"

namespace dragoman {

namespace {

syntax::Model::Parsing ParsingOf(const PipelineOptions& options) {
  return options.accurate_parse ? syntax::Model::Parsing::kAccurate : syntax::Model::Parsing::kFast;
}

}  // namespace

struct Pipeline::Impl {
  PipelineOptions options;
  std::shared_ptr<const syntax::Model> model;  // null when running without a parse
  std::unique_ptr<coding::Coder> coder;
  const coding::CameoTable* cameo = nullptr;  // the embedded table, lives for the program
  std::unique_ptr<geo::EventLocator> locator;         // null without a gazetteer
  std::shared_ptr<const text::ToneLexicon> tone;       // null without the tone lexicon
};

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (options.model_path != "none") {
    Result<std::shared_ptr<const syntax::Model>> model =
        options.model_path.empty() ? syntax::Model::LoadDefault() : syntax::Model::Load(options.model_path);
    if (model.ok()) {
      impl->model = *model;
    } else if (!options.model_path.empty() || model.status().code() != StatusCode::kNotFound) {
      return model.status();
    }
    // A build without a built-in model cannot code (the coder reads the parse); MakeCoder says so.
  }
  impl->cameo = &coding::CameoTable::Default();
  if (impl->cameo->size() == 0) return Corrupt("the built-in CAMEO table (data/reference/cameo_codes.tsv) is missing or empty");

  coding::CoderOptions coder_options;
  coder_options.dict_dir = options.dict_dir;
  coder_options.verbs_file = options.verbs_file;
  coder_options.strict = options.strict;
  coder_options.parsed = impl->model != nullptr;
  std::vector<std::string> warnings;
  coder_options.warnings = &warnings;
  Result<std::unique_ptr<coding::Coder>> coder = coding::MakeCoder(coder_options);
  for (const std::string& w : warnings) std::cerr << "warning: " << w << "\n";
  if (!coder.ok()) return coder.status();
  impl->coder = coder.take();
  if (std::shared_ptr<const geo::Gazetteer> gazetteer = geo::Gazetteer::Default()) {
    impl->locator = std::make_unique<geo::EventLocator>(gazetteer);
  }
  impl->tone = text::ToneLexicon::Default();
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(impl)));
}

void Pipeline::Segment(Article& article) const { text::Segment(article); }

void Pipeline::Annotate(Article& article) const {
  Segment(article);
  if (!impl_->model) return;
  for (Sentence& s : article.sentences) impl_->model->AnnotateNews(s, nullptr, ParsingOf(impl_->options));
}


namespace {

// Where the part of text that starts at `from` ends, at most max_bytes on: at the last paragraph
// break, else line break, else sentence end, else space in its second half; else at a character
// boundary.
size_t PartEnd(std::string_view text, size_t from, size_t max_bytes) {
  if (text.size() - from <= max_bytes) return text.size();
  size_t limit = from + max_bytes;
  std::string_view window = text.substr(from + max_bytes / 2, max_bytes / 2);
  for (std::string_view cut : {"\n\n", "\n", ". ", " "}) {
    size_t at = window.rfind(cut);
    if (at != std::string_view::npos) return from + max_bytes / 2 + at + cut.size();
  }
  while (limit > from + 1 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;  // not inside a character
  return limit;
}

void Shift(Span* span, size_t by) {
  if (span->empty() && span->begin == 0) return;
  span->begin += by;
  span->end += by;
}

}  // namespace

void Pipeline::Process(Article& article, std::vector<Event>* events, StageTimes* times) const {
  if (article.text.size() <= kMaxPartBytes) {
    ProcessWhole(article, events, times, nullptr);
    return;
  }
  // A very long record is coded in parts of at most kMaxPartBytes, one after the other, so that
  // the tokens and parses held at once stay bounded whatever the record's size. Each part keeps
  // its sentences' spans (shifted into the whole text) but frees their tokens once it is coded.
  // Pronouns and agents without a country are resolved within a part. The article's tone is the
  // mean of the parts' tones weighted by their length.
  std::vector<Sentence> sentences;
  const size_t first_event = events->size();
  double tone_sum = 0;
  size_t tone_bytes = 0;
  Dateline dateline;
  size_t from = 0;
  while (from < article.text.size()) {
    size_t end = PartEnd(article.text, from, kMaxPartBytes);
    if (from == 0 && !article.title_span.empty() && end < article.title_span.end) end = article.title_span.end;
    Article part;
    part.id = article.id;
    part.date = article.date;
    part.date_source = article.date_source;
    part.source = article.source;
    part.url = article.url;
    part.title = article.title;
    part.author = article.author;
    part.language = article.language;
    part.origin = article.origin;
    part.text = article.text.substr(from, end - from);
    if (from == 0) part.title_span = article.title_span;
    std::vector<Event> part_events;
    double part_tone = 0;
    ProcessWhole(part, &part_events, times, &part_tone);
    tone_sum += part_tone * static_cast<double>(part.text.size());
    tone_bytes += part.text.size();
    for (Event& e : part_events) {
      e.sentence_index += static_cast<int>(sentences.size());
      Shift(&e.source_span, from);
      Shift(&e.verb_span, from);
      Shift(&e.target_span, from);
      events->push_back(std::move(e));
    }
    if (from == 0) dateline = part.dateline;
    for (Sentence& s : part.sentences) {
      Sentence kept;
      kept.span = Span{s.span.begin + from, s.span.end + from};
      kept.is_title = s.is_title;
      sentences.push_back(std::move(kept));
    }
    from = end;
  }
  if (impl_->tone && tone_bytes > 0) {
    double tone = tone_sum / static_cast<double>(tone_bytes);
    for (size_t i = first_event; i < events->size(); ++i) (*events)[i].tone = tone;
  }
  article.sentences = std::move(sentences);
  article.dateline = std::move(dateline);
}

void Pipeline::ProcessWhole(Article& article, std::vector<Event>* events, StageTimes* times,
                            double* part_tone) const {
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); };
  Clock::time_point t0 = Clock::now();
  text::Segment(article);
  Clock::time_point t1 = Clock::now();
  syntax::Model::Times syntax_times;
  if (impl_->model) {
    // The parse serves the coder: a sentence that names no actor or agent cannot give an event
    // and keeps its tokens unannotated; a headline (short and telegraphic) gets the accurate
    // parse; the others the parse asked for.
    for (Sentence& s : article.sentences) {
      if (impl_->coder->NamesIn(s, 1) == 0) continue;
      bool accurate = s.is_title;
      impl_->model->AnnotateNews(s, times ? &syntax_times : nullptr,
                                 accurate ? syntax::Model::Parsing::kAccurate : ParsingOf(impl_->options));
    }
  }
  Clock::time_point t2 = Clock::now();
  size_t first = events->size();
  impl_->coder->Code(article, events);
  for (size_t i = first; i < events->size(); ++i) {
    Event& e = (*events)[i];
    if (e.article_id.empty()) e.article_id = article.id;
    if (e.date.empty()) e.date = article.date;
    impl_->cameo->Complete(e, impl_->options.gdelt_quad_classes);
  }
  if (events->size() > first) {
    // Tone and place only for articles that gave events: they are what the exports carry.
    std::optional<double> tone;
    if (impl_->tone) tone = impl_->tone->Score(article);
    for (size_t i = first; i < events->size(); ++i) {
      Event& e = (*events)[i];
      if (tone) {
        e.tone = *tone;
        e.has_tone = true;
      }
      if (impl_->locator) e.location = impl_->locator->Locate(article, e);
    }
  }
  if (part_tone && impl_->tone) *part_tone = impl_->tone->Score(article);
  Clock::time_point t3 = Clock::now();
  if (times) {
    times->segment_s += seconds(t0, t1);
    times->annotate_s += seconds(t1, t2);
    times->tag_s += syntax_times.tag_s;
    times->parse_s += syntax_times.parse_s;
    times->code_s += seconds(t2, t3);
  }
}

}  // namespace dragoman
