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
  // Whether the sentence can give an event at all (it names an actor or an agent). The pipeline
  // spends the parse only on such sentences.
  virtual bool Codable(const Sentence& sentence) const {
    (void)sentence;
    return true;
  }
};

}  // namespace dragoman::coding
