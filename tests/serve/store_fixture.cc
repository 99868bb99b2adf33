// Writes the hand-written test corpus (tests/store/test_corpus.h) into an event store, for the
// dashboard's browser test: `store_fixture OUT.db`. Replaces OUT.db if it exists.
#include <filesystem>
#include <iostream>

#include "../store/test_corpus.h"
#include "geo/locator.h"
#include "store/event_store.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: store_fixture OUT.db\n";
    return 2;
  }
  std::string path = argv[1];
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto store = dragoman::store::EventStore::Open(path, {});
  if (!store.ok()) {
    std::cerr << "store_fixture: " << store.status().message() << "\n";
    return 1;
  }
  // Events get their places as `dragoman code` gives them, from the gazetteer the build made.
  std::shared_ptr<const dragoman::geo::Gazetteer> gazetteer = dragoman::geo::Gazetteer::Default();
  dragoman::geo::EventLocator locator(gazetteer);
  for (auto [article, events] : dragoman::test_corpus::Articles()) {
    for (dragoman::Event& e : events) e.location = locator.Locate(article, e);
    if (auto s = (*store)->PutArticle(article, events, "test_corpus"); !s.ok()) {
      std::cerr << "store_fixture: " << s.message() << "\n";
      return 1;
    }
  }
  return 0;
}
