// A WordNet dictionary folder in miniature, written to a temporary folder for tests of the
// word-class lexicon and of training with it. The index files' license header lines start with
// a space, as in WordNet's own.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace dragoman::syntax {

class MiniWordNet {
 public:
  MiniWordNet() {
    dir_ = std::filesystem::temp_directory_path() /
           ("dragoman_wordnet_" + std::to_string(::getpid()) + "_" + std::to_string(next_id_++));
    std::filesystem::create_directories(dir_);
    Write("index.noun", "  1 This software and database is being provided\ncountry n 1 1 @ 1 0 08544813\n"
                        "meet n 1 1 @ 1 0 00000001\nchild n 1 1 @ 1 0 00000002\nnew_york n 1 0 1 0 00000003\n");
    Write("index.verb", "meet v 1 1 @ 1 0 00000004\ncongratulate v 1 1 @ 1 0 00000005\n");
    Write("index.adj", "migratory a 1 1 & 1 0 00000006\nlarge a 1 1 & 1 0 00000007\n");
    Write("index.adv", "quickly r 1 0 1 0 00000008\n");
    Write("noun.exc", "children child\n");
    Write("verb.exc", "met meet\n");
    Write("adj.exc", "");
    Write("adv.exc", "");
  }
  ~MiniWordNet() { std::filesystem::remove_all(dir_); }
  MiniWordNet(const MiniWordNet&) = delete;
  MiniWordNet& operator=(const MiniWordNet&) = delete;

  std::string dir() const { return dir_.string(); }
  void Write(const std::string& name, const std::string& text) const { std::ofstream(dir_ / name) << text; }
  void Remove(const std::string& name) const { std::filesystem::remove(dir_ / name); }

 private:
  static inline int next_id_ = 0;
  std::filesystem::path dir_;
};

}  // namespace dragoman::syntax
