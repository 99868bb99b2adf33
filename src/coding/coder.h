// The coding stage: events from the sentences of an article.
//
//   std::unique_ptr<coding::Coder> coder = ...;
//   std::vector<Event> events;
//   coder->Code(article, &events);
#pragma once

#include <vector>

#include "dragoman/document.h"
#include "dragoman/event.h"

namespace dragoman::coding {

// Turns an article's sentences into events. Implementations are immutable after construction
// and Code is thread-safe.
class Coder {
 public:
  virtual ~Coder() = default;
  // Appends the article's events to *events, each with source, target, code, spans and rule;
  // quad class, Goldstein and PLOVER fields are filled by CameoTable::Complete afterwards.
  virtual void Code(const Article& article, std::vector<Event>* events) const = 0;
  // How many actor or agent names the sentence has, counted up to `most`. A sentence without one
  // cannot give an event: the pipeline parses only those with a name.
  virtual int NamesIn(const Sentence& sentence, int most) const {
    (void)sentence;
    return most;
  }
};

}  // namespace dragoman::coding
