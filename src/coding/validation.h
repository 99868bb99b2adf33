// PETRARCH unit-test records (PETR.UnitTest.records.ud.xml): reading them, turning each into an
// Article with its given UD parse, and comparing produced events with the expected ones.
//
//   Result<ValidationSet> set = ReadValidationRecords("PETR.UnitTest.records.ud.xml");
//   for (const ValidationRecord& r : set->records) {
//     Article a = RecordArticle(r);                 // one sentence, tokens parsed as given
//     std::vector<Event> events; coder.CodeSentence(a, 0, r.date, options, &events);
//     bool ok = SameEvents(r.expected, EventKeys(events));
//   }
#pragma once

#include <string>
#include <tuple>
#include <vector>

#include "dragoman/document.h"
#include "dragoman/event.h"
#include "dragoman/status.h"

namespace dragoman::coding {

// An event as the records write it: codes only. A missing target is "---".
struct EventKey {
  std::string source, target, code;
  bool operator==(const EventKey&) const = default;
  bool operator<(const EventKey& o) const {
    return std::tie(source, target, code) < std::tie(o.source, o.target, o.code);
  }
};

struct ValidationRecord {
  std::string id;
  std::string category;       // the record's source attribute: DEMO, AGENT, ...
  int date = 0;               // YYYYMMDD
  std::string text;
  Sentence parse;             // tokens with the given parse; spans point into text
  std::vector<EventKey> expected;  // empty when no event is expected
  std::string expected_error;      // "dateline", "storydiscard", ... ("" when none)
  bool require_dyad = true;        // the <Config option="require_dyad"> in force
  int new_actor_length = 0;        // the <Config option="new_actor_length"> in force
  int line = 0;                    // line of the <Sentence> element in the file
};

struct ValidationSet {
  std::string verb_file, actor_file, agent_file, discard_file;  // from <Environment>
  std::vector<ValidationRecord> records;
};

Result<ValidationSet> ReadValidationRecords(const std::string& path);

// An article holding the record's text and its one given-parse sentence.
Article RecordArticle(const ValidationRecord& record);

// Distinct (source, target, code) keys of events, sorted; an empty target becomes "---".
std::vector<EventKey> EventKeys(const std::vector<Event>& events);
// Whether two key lists hold the same set.
bool SameEvents(std::vector<EventKey> a, std::vector<EventKey> b);

}  // namespace dragoman::coding
