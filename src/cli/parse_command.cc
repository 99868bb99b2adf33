// `dragoman parse`: articles in, sentences with tags, lemmas and dependency parses out as CoNLL-U.
#include <iostream>

#include "cli/command.h"
#include "dragoman/pipeline.h"
#include "ingest/reader.h"
#include "syntax/conllu.h"

namespace dragoman::cli {
namespace {

int RunParse(int argc, char** argv) {
  CLI::App app("Split, tokenize, tag, lemmatize and parse articles; write CoNLL-U.", "parse");
  std::vector<std::string> inputs;
  std::string model, input_format = "auto", date;
  app.add_option("inputs", inputs, "article files, folders, globs, or - for standard input")->required();
  app.add_option("--model", model, "syntax model file (default: built in)")->check(RegularFile(kMaxModelBytes, "none"));
  std::string parser = "accurate";
  AddParserOption(app, &parser);
  app.add_option("--input-format", input_format, "auto, text, jsonl, html or warc")->capture_default_str();
  app.add_option("--date", date, "date (YYYY-MM-DD) for articles that carry none (not written to the output)")->check(CalendarDate());
  int exit_code = kExitOk;
  if (!ParseArguments(app, argc, argv, &exit_code)) return exit_code;

  PipelineOptions options;
  options.model_path = model;
  options.accurate_parse = parser == "accurate";
  Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << "dragoman parse: " << pipeline.status().message() << "\n";
    return kExitFailure;
  }
  ingest::ReadOptions read_options;
  read_options.format = input_format;
  read_options.english_only = false;  // parses whatever it is given
  // CoNLL-U output carries no date, so undated plain text must not be an error here.
  read_options.default_date = date.empty() ? "1970-01-01" : date;
  std::unique_ptr<ingest::RecordReader> reader = ingest::OpenInputs(inputs, read_options);
  ingest::Record record;
  size_t errors = 0;
  while (reader->Next(&record)) {
    if (!record.article) {
      std::cerr << "dragoman parse: " << record.error->origin << ": " << record.error->message << "\n";
      ++errors;
      continue;
    }
    Article& article = *record.article;
    (*pipeline)->Annotate(article);
    std::vector<syntax::ConlluSentence> out;
    for (size_t i = 0; i < article.sentences.size(); ++i) {
      const Sentence& s = article.sentences[i];
      if (s.tokens.empty()) continue;
      syntax::ConlluSentence c =
          syntax::FromSentence(s, article.id + "-" + std::to_string(i + 1), std::string(article.Slice(s.span)));
      if (out.empty()) c.comments.insert(c.comments.begin(), "# newdoc id = " + article.id);
      out.push_back(std::move(c));
    }
    syntax::WriteConllu(out, std::cout);
  }
  std::cout.flush();
  return errors ? kExitFailure : kExitOk;
}

}  // namespace

DRAGOMAN_COMMAND("parse", "tag, lemmatize and parse articles, writing CoNLL-U", RunParse);

}  // namespace dragoman::cli
