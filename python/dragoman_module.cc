// _dragoman: the C++ side of the Python package (python/dragoman/__init__.py wraps it). It holds
// no coding logic of its own: records go through the ingest readers, the pipeline and the output
// layer exactly as in `dragoman code`, and into the store through the same loader as
// `dragoman ingest`. Rows cross into Python as the JSON of output::RowToJson, the JSON Lines
// objects of `dragoman code`, so every field has the same name and value. The GIL is released
// while records are read, coded and stored.
#include <dlfcn.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "dragoman/pipeline.h"
#include "ingest/reader.h"
#include "ingest/record_source.h"
#include "load/store_loader.h"
#include "output/row.h"
#include "pipeline/coder_fingerprint.h"
#include "pipeline/parallel_runner.h"
#include "store/event_store.h"
#include "store/query.h"

namespace py = pybind11;
using namespace dragoman;

namespace {

// This module's file, whose bytes identify the coder (as the program's do for the CLI).
std::string ModulePath() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&ModulePath), &info) && info.dli_fname) return info.dli_fname;
  return "/proc/self/exe";
}

[[noreturn]] void Raise(const Status& status) {
  if (status.code() == StatusCode::kNotFound) throw py::key_error(status.message());
  if (status.code() == StatusCode::kInvalidInput) throw py::value_error(status.message());
  throw std::runtime_error(status.message());
}

// (origin, message, skipped) of each error record, in input order.
using Errors = std::vector<std::tuple<std::string, std::string, bool>>;

class Coder {
 public:
  Coder(const std::string& model, const std::string& dicts, const std::string& verbs, const std::string& parser,
        bool cameo_quads) {
    if (parser != "fast" && parser != "accurate")
      throw py::value_error("parser \"" + parser + "\": expected \"fast\" or \"accurate\"");
    options_.model_path = model;
    options_.accurate_parse = parser == "accurate";
    options_.dict_dir = dicts;
    options_.verbs_file = verbs;
    options_.gdelt_quad_classes = !cameo_quads;
    Status status;
    {
      py::gil_scoped_release release;
      Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(options_);
      if (pipeline.ok()) {
        pipeline_ = std::shared_ptr<Pipeline>(pipeline.take());
      } else {
        status = pipeline.status();
      }
    }
    if (!status.ok()) Raise(status);
    fingerprint_ = CoderFingerprint(options_, ModulePath());
  }

  // Codes JSON Lines records (one object per string, named name:1, name:2 ...): a JSON array of
  // the rows `dragoman code` writes, and the error records.
  std::tuple<std::string, Errors> CodeJson(std::vector<std::string> lines, const std::string& name,
                                           const std::string& date, int threads, bool any_language) {
    ingest::ReadOptions read = ReadOptions(date, any_language);
    py::gil_scoped_release release;
    auto reader = ingest::OpenJsonRecords(std::move(lines), name, read);
    return Run(*reader, threads);
  }

  // Codes files, folders and globs as `dragoman code` reads them; first/last pick a range of
  // their records (last 0 = to the end).
  std::tuple<std::string, Errors> CodeFiles(const std::vector<std::string>& inputs, const std::string& date,
                                            int threads, bool any_language, uint64_t first, uint64_t last) {
    ingest::ReadOptions read = ReadOptions(date, any_language);
    read.defer_html = true;  // the runner's workers extract HTML pages
    py::gil_scoped_release release;
    auto reader = ingest::OpenRecordRange(ingest::OpenInputs(inputs, read), first, last);
    return Run(*reader, threads);
  }

  // Codes records [first, last) of the inputs into the store at db, as `dragoman ingest` does.
  py::dict Ingest(const std::vector<std::string>& inputs, const std::string& db, uint64_t first, uint64_t last,
                  const std::string& date, int threads, size_t batch, bool any_language, bool force) {
    LoadSummary summary;
    {
      py::gil_scoped_release release;
      auto store = store::EventStore::Open(db, {});
      if (!store.ok()) {
        summary.status = store.status();
      } else {
        ingest::ReadOptions read = ReadOptions(date, any_language);
        read.defer_html = true;
        auto reader = ingest::OpenRecordRange(ingest::OpenInputs(inputs, read), first, last);
        LoadOptions load;
        load.coder = fingerprint_;
        load.threads = threads;
        load.batch = batch;
        load.force = force;
        load.snapshot_inputs = inputs;  // a partition skips by what its own inputs stored
        summary = LoadIntoStore(*reader, *pipeline_, **store, load);
      }
    }
    if (!summary.status.ok()) Raise(summary.status);
    py::dict out;
    out["read"] = summary.read;
    out["stored"] = summary.stored;
    out["unchanged"] = summary.unchanged;
    out["skipped"] = summary.skipped;
    out["rejected"] = summary.rejected;
    out["failed"] = summary.failed;
    out["events"] = summary.events;
    out["seconds"] = summary.seconds;
    return out;
  }

  const std::string& fingerprint() const { return fingerprint_; }

 private:
  static ingest::ReadOptions ReadOptions(const std::string& date, bool any_language) {
    ingest::ReadOptions read;
    read.default_date = date;
    read.english_only = !any_language;
    return read;
  }

  std::tuple<std::string, Errors> Run(ingest::RecordReader& reader, int threads) {
    RunOptions run;
    run.threads = threads;
    run.quiet = true;
    std::string rows = "[";
    Errors errors;
    RunPipeline(reader, *pipeline_, run, [&](RunItem& item) {
      if (item.record.error) {
        errors.emplace_back(item.record.error->origin, item.record.error->message, item.record.error->skipped);
        return true;
      }
      for (const Event& e : item.events) {
        if (rows.size() > 1) rows += ",\n";
        rows += output::RowToJson(output::RowFromEvent(*item.record.article, e))
                    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      }
      return true;
    });
    rows += "]";
    return {std::move(rows), std::move(errors)};
  }

  PipelineOptions options_;
  std::shared_ptr<Pipeline> pipeline_;  // immutable; Process is safe from many threads at once
  std::string fingerprint_;
};

// The store's events under a filter (the keys of `dragoman query events`), as a JSON array of rows.
std::string ReadStore(const std::string& db, const py::dict& filters) {
  store::EventFilter f;
  f.limit = 0;  // every row unless the caller limits
  for (auto item : filters) {
    std::string key = py::str(item.first);
    py::handle v = item.second;
    if (v.is_none()) continue;
    if (key == "source") f.source = py::str(v);
    else if (key == "target") f.target = py::str(v);
    else if (key == "actor") f.actor = py::str(v);
    else if (key == "root") f.root = py::str(v);
    else if (key == "code") f.code = py::str(v);
    else if (key == "from" || key == "from_" || key == "start") f.from = py::str(v);
    else if (key == "to" || key == "end") f.to = py::str(v);
    else if (key == "text") f.text = py::str(v);
    else if (key == "article") f.article_id = py::str(v);
    else if (key == "limit") f.limit = v.cast<size_t>();
    else if (key == "offset") f.offset = v.cast<size_t>();
    else if (key == "dyad") {
      auto pair = v.cast<std::vector<std::string>>();
      if (pair.size() != 2) throw py::value_error("dyad: expected two actor codes, such as (\"CHN\", \"KAZ\")");
      f.dyad_a = pair[0];
      f.dyad_b = pair[1];
    } else if (key == "quad") {
      if (py::isinstance<py::int_>(v)) f.quad_classes = {v.cast<int>()};
      else f.quad_classes = v.cast<std::vector<int>>();
    } else {
      throw py::type_error("read_store: unknown filter \"" + key +
                           "\" (expected source, target, dyad, actor, root, code, quad, from, to, text, article, "
                           "limit, offset)");
    }
  }
  bool all = f.limit == 0;
  if (all) f.limit = 1;  // NormalizeFilter checks a limit's range; 0 (every row) is set back below
  if (Status s = store::NormalizeFilter(&f, ""); !s.ok()) Raise(s);
  if (all) f.limit = 0;
  std::string rows = "[";
  Status status;
  {
    py::gil_scoped_release release;
    store::OpenOptions options;
    options.read_only = true;
    auto store = store::EventStore::Open(db, options);
    if (!store.ok()) {
      status = store.status();
    } else {
      status = store::ForEachEventRow((*store)->db(), f, [&](const output::EventRow& row) {
        if (rows.size() > 1) rows += ",\n";
        rows += output::RowToJson(row).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return true;
      }, store::RowOrder{.by_id = true});
    }
  }
  if (!status.ok()) Raise(status);
  return rows + "]";
}

}  // namespace

PYBIND11_MODULE(_dragoman, m) {
  m.doc() = "dragoman's C++ coder and event store (use the dragoman package, not this module)";
  py::class_<Coder>(m, "Coder")
      .def(py::init<const std::string&, const std::string&, const std::string&, const std::string&, bool>(),
           py::arg("model") = "", py::arg("dicts") = "", py::arg("verbs") = "", py::arg("parser") = "fast",
           py::arg("cameo_quads") = false)
      .def("code_json", &Coder::CodeJson, py::arg("lines"), py::arg("name"), py::arg("date") = "",
           py::arg("threads") = 1, py::arg("any_language") = false)
      .def("code_files", &Coder::CodeFiles, py::arg("inputs"), py::arg("date") = "", py::arg("threads") = 1,
           py::arg("any_language") = false, py::arg("first") = 0, py::arg("last") = 0)
      .def("ingest", &Coder::Ingest, py::arg("inputs"), py::arg("db"), py::arg("first") = 0, py::arg("last") = 0,
           py::arg("date") = "", py::arg("threads") = 1, py::arg("batch") = 200, py::arg("any_language") = false,
           py::arg("force") = false)
      .def_property_readonly("fingerprint", &Coder::fingerprint);
  m.def("read_store_json", &ReadStore, py::arg("db"), py::arg("filters"));
  m.def("create_store", [](const std::string& db) {
    Status status;
    {
      py::gil_scoped_release release;
      auto store = store::EventStore::Open(db, {});
      if (!store.ok()) status = store.status();
    }
    if (!status.ok()) Raise(status);
  }, py::arg("db"));
  m.def("columns", [] { return output::RowColumns(); });
  m.def("count_records", [](const std::vector<std::string>& inputs) {
    py::gil_scoped_release release;
    return ingest::CountRecords(inputs, ingest::ReadOptions{});
  });
}
