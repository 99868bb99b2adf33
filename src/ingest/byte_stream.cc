#include "ingest/byte_stream.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

namespace dragoman::ingest {
namespace {

constexpr size_t kChunk = 64 << 10;

class FdSource : public ByteSource {
 public:
  FdSource(int fd, bool owned, std::string name) : fd_(fd), owned_(owned), name_(std::move(name)) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  long Read(char* buf, size_t n) override {
    for (;;) {
      ssize_t r = ::read(fd_, buf, n);
      if (r >= 0) return static_cast<long>(r);
      if (errno == EINTR) continue;
      error_ = name_ + ": read failed: " + std::strerror(errno);
      return -1;
    }
  }
  std::string error() const override { return error_; }

 private:
  int fd_;
  bool owned_;
  std::string name_;
  std::string error_;
};

class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string data) : data_(std::move(data)) {}
  long Read(char* buf, size_t n) override {
    size_t k = std::min(n, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return static_cast<long>(k);
  }

 private:
  std::string data_;
  size_t pos_ = 0;
};

}  // namespace

// Counts the raw bytes that pass, for progress reports.
struct ByteStream::Counting : ByteSource {
  explicit Counting(std::unique_ptr<ByteSource> s) : inner(std::move(s)) {}
  long Read(char* buf, size_t n) override {
    long r = inner->Read(buf, n);
    if (r > 0) count += static_cast<uint64_t>(r);
    return r;
  }
  std::string error() const override { return inner->error(); }
  std::unique_ptr<ByteSource> inner;
  uint64_t count = 0;
};

struct ByteStream::Gzip {
  Gzip() {
    std::memset(&zs, 0, sizeof zs);
    ok = inflateInit2(&zs, 15 + 16) == Z_OK;  // 15 + 16: gzip wrapper only
  }
  ~Gzip() { inflateEnd(&zs); }
  z_stream zs;
  bool ok = false;
  bool in_member = false;      // inside a gzip member (its end not yet seen)
  uint64_t members = 0;
  uint64_t consumed = 0;       // compressed bytes handed to inflate and used
  std::string in;              // compressed input buffer
  bool raw_end = false;
  bool resyncing = false;      // after damage, until a member decodes to its end
};

ByteStream::ByteStream(std::unique_ptr<ByteSource> source) {
  auto counting = std::make_unique<Counting>(std::move(source));
  counter_ = counting.get();
  source_ = std::move(counting);
}

ByteStream::~ByteStream() = default;

Result<std::unique_ptr<ByteStream>> ByteStream::Open(const std::string& path) {
  if (path == "-") {
    return std::unique_ptr<ByteStream>(new ByteStream(std::make_unique<FdSource>(0, false, "stdin")));
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    std::string m = path + ": cannot open: " + std::strerror(e);
    return e == ENOENT ? NotFound(m) : IoError(m);
  }
  return std::unique_ptr<ByteStream>(new ByteStream(std::make_unique<FdSource>(fd, true, path)));
}

std::unique_ptr<ByteStream> ByteStream::FromString(std::string data) {
  return FromSource(std::make_unique<StringSource>(std::move(data)));
}

std::unique_ptr<ByteStream> ByteStream::FromSource(std::unique_ptr<ByteSource> source) {
  return std::unique_ptr<ByteStream>(new ByteStream(std::move(source)));
}

uint64_t ByteStream::raw_bytes() const { return counter_->count; }

void ByteStream::Compact() {
  if (pos_ > 0 && (pos_ == buf_.size() || pos_ >= kChunk)) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
}

bool ByteStream::FindNextMember() {
  Gzip& g = *gzip_state_;
  // Skip the byte where the damage was seen, then look for the next gzip header: 1f 8b 08 (deflate)
  // with no reserved flag bits set.
  bool skip_one = true;
  for (;;) {
    while (g.zs.avail_in >= 4) {
      const unsigned char* p = g.zs.next_in;
      if (!skip_one && p[0] == 0x1f && p[1] == 0x8b && p[2] == 0x08 && (p[3] & 0xE0) == 0) return true;
      skip_one = false;
      ++g.zs.next_in;
      --g.zs.avail_in;
      ++g.consumed;
    }
    if (g.raw_end) return false;
    // Keep the last bytes (a header may straddle two reads) and read more.
    std::string tail(reinterpret_cast<const char*>(g.zs.next_in), g.zs.avail_in);
    g.in = tail;
    g.in.resize(tail.size() + kChunk * 4);
    long r = source_->Read(g.in.data() + tail.size(), kChunk * 4);
    if (r < 0) {
      error_ = source_->error();
      r = 0;
    }
    if (r == 0) {
      g.raw_end = true;
      return false;
    }
    g.in.resize(tail.size() + static_cast<size_t>(r));
    g.zs.next_in = reinterpret_cast<Bytef*>(g.in.data());
    g.zs.avail_in = static_cast<uInt>(g.in.size());
  }
}

void ByteStream::ResumeAfterDamage() { damage_.clear(); }

bool ByteStream::Fill() {
  if (!damage_.empty()) return false;  // delivers nothing past the damage until ResumeAfterDamage
  if (end_) return false;
  Compact();
  if (!started_) {
    started_ = true;
    // Sniff the first raw bytes: gzip magic switches to inflating.
    std::string first(kChunk, '\0');
    size_t have = 0;
    while (have < 2) {
      long r = source_->Read(first.data() + have, kChunk - have);
      if (r < 0) {
        error_ = source_->error();
        end_ = true;
        break;
      }
      if (r == 0) break;
      have += static_cast<size_t>(r);
    }
    first.resize(have);
    if (have >= 2 && static_cast<unsigned char>(first[0]) == 0x1f && static_cast<unsigned char>(first[1]) == 0x8b) {
      gzip_ = true;
      gzip_state_ = std::make_unique<Gzip>();
      gzip_state_->in = std::move(first);
      gzip_state_->zs.next_in = reinterpret_cast<Bytef*>(gzip_state_->in.data());
      gzip_state_->zs.avail_in = static_cast<uInt>(gzip_state_->in.size());
      if (!gzip_state_->ok) {
        error_ = "cannot start gzip decoder";
        end_ = true;
        return false;
      }
    } else {
      buf_.append(first);
      if (have == 0) end_ = true;
      return have > 0;
    }
  }

  if (!gzip_) {
    size_t old = buf_.size();
    buf_.resize(old + kChunk);
    long r = source_->Read(buf_.data() + old, kChunk);
    if (r < 0) {
      error_ = source_->error();
      r = 0;
    }
    buf_.resize(old + static_cast<size_t>(r));
    if (r == 0) end_ = true;
    return r > 0;
  }

  Gzip& g = *gzip_state_;
  for (;;) {
    if (g.zs.avail_in == 0) {
      if (!g.raw_end) {
        g.in.resize(kChunk * 4);
        long r = source_->Read(g.in.data(), g.in.size());
        if (r < 0) {
          error_ = source_->error();
          r = 0;
        }
        if (r == 0) g.raw_end = true;
        g.in.resize(static_cast<size_t>(r));
        g.zs.next_in = reinterpret_cast<Bytef*>(g.in.data());
        g.zs.avail_in = static_cast<uInt>(g.in.size());
      }
      if (g.zs.avail_in == 0) {
        if (g.in_member && error_.empty()) {
          error_ = "truncated gzip data: the input ends inside compressed member " + std::to_string(g.members) +
                   " (after " + std::to_string(g.consumed) + " compressed bytes)";
        }
        end_ = true;
        return false;
      }
    }
    if (!g.in_member) {
      // Between members: zero padding is tolerated; anything else must be the next member.
      while (g.zs.avail_in > 0 && *g.zs.next_in == 0) {
        ++g.zs.next_in;
        --g.zs.avail_in;
        ++g.consumed;
      }
      if (g.zs.avail_in == 0) continue;
      if (*g.zs.next_in != 0x1f) {
        std::string why = "data after gzip member " + std::to_string(g.members) + " at compressed offset " +
                          std::to_string(g.consumed) + " is not gzip";
        if (!g.resyncing) damage_ = why;
        g.resyncing = true;
        if (!FindNextMember()) end_ = true;
        return false;
      }
      inflateReset(&g.zs);
      g.in_member = true;
      ++g.members;
    }
    size_t old = buf_.size();
    buf_.resize(old + kChunk);
    g.zs.next_out = reinterpret_cast<Bytef*>(buf_.data() + old);
    g.zs.avail_out = static_cast<uInt>(kChunk);
    uInt before_in = g.zs.avail_in;
    int ret = inflate(&g.zs, Z_NO_FLUSH);
    g.consumed += before_in - g.zs.avail_in;
    size_t produced = kChunk - g.zs.avail_out;
    buf_.resize(old + produced);
    if (ret == Z_STREAM_END) {
      g.in_member = false;
      g.resyncing = false;
    } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
      std::string why = "corrupt gzip data in member " + std::to_string(g.members) + " near compressed offset " +
                        std::to_string(g.consumed) + ": " + (g.zs.msg ? g.zs.msg : "inflate error " + std::to_string(ret));
      g.in_member = false;
      // A false start found while looking for the next member is part of the same damage.
      if (!g.resyncing) damage_ = why;
      g.resyncing = true;
      if (!FindNextMember()) end_ = true;
      return produced > 0;
    }
    if (produced > 0) return true;
  }
}

std::string_view ByteStream::Peek(size_t n) {
  while (buf_.size() - pos_ < n && Fill()) {
  }
  return std::string_view(buf_).substr(pos_, std::min(n, buf_.size() - pos_));
}

LineStatus ByteStream::ReadLine(std::string* line, size_t max_bytes, uint64_t* skipped_bytes) {
  line->clear();
  line_cut_ = false;
  uint64_t total = 0;
  bool any = false;
  bool too_long = false;
  auto take = [&](size_t from, size_t to) {
    size_t n = to - from;
    total += n;
    if (!too_long) {
      if (line->size() + n > max_bytes) {
        too_long = true;
        std::string().swap(*line);  // give the memory back now
      } else {
        line->append(buf_, from, n);
      }
    }
  };
  for (;;) {
    if (pos_ == buf_.size() && !Fill()) {
      line_cut_ = any && !damage_.empty();
      break;
    }
    any = true;
    size_t nl = buf_.find('\n', pos_);
    if (nl != std::string::npos) {
      take(pos_, nl);
      offset_ += nl + 1 - pos_;
      pos_ = nl + 1;
      break;
    }
    take(pos_, buf_.size());
    offset_ += buf_.size() - pos_;
    pos_ = buf_.size();
  }
  if (!any) return LineStatus::kEnd;
  if (too_long) {
    if (skipped_bytes) *skipped_bytes = total;
    return LineStatus::kTooLong;
  }
  return LineStatus::kOk;
}

size_t ByteStream::Read(size_t n, std::string* out) {
  size_t done = 0;
  while (done < n) {
    if (pos_ == buf_.size() && !Fill()) break;
    size_t k = std::min(n - done, buf_.size() - pos_);
    out->append(buf_, pos_, k);
    pos_ += k;
    offset_ += k;
    done += k;
  }
  return done;
}

uint64_t ByteStream::Skip(uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    if (pos_ == buf_.size() && !Fill()) break;
    size_t k = static_cast<size_t>(std::min<uint64_t>(n - done, buf_.size() - pos_));
    pos_ += k;
    offset_ += k;
    done += k;
  }
  return done;
}

bool ByteStream::ReadAll(size_t max_bytes, std::string* out) {
  for (;;) {
    if (pos_ == buf_.size() && !Fill()) return true;
    size_t k = buf_.size() - pos_;
    if (out->size() + k > max_bytes) {
      std::string().swap(*out);  // over the limit: stop reading here
      return false;
    }
    out->append(buf_, pos_, k);
    pos_ += k;
    offset_ += k;
  }
}

bool ByteStream::AtEnd() { return pos_ == buf_.size() && !Fill(); }

}  // namespace dragoman::ingest
