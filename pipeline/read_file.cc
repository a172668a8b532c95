#include "pipeline/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "pipeline/sha256.h"

namespace intake {
namespace {

Status SystemError(const char* what) {
  return Status::IoError(std::string(what) + ": " + std::strerror(errno));
}

// Closes the descriptor on every path out of ReadWholeFile.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) close(fd);
  }
};

// Opens `path` and checks it is a regular file no larger than `max_bytes`.
Status OpenRegular(const std::string& path, long long max_bytes,
                   Descriptor* file, struct stat* st) {
  file->fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (file->fd < 0) return SystemError("cannot open");
  if (fstat(file->fd, st) != 0) return SystemError("cannot stat");
  if (!S_ISREG(st->st_mode)) {
    return Status::InvalidArgument("not a regular file");
  }
  if (st->st_size > max_bytes) {
    return Status::LimitExceeded("file of " + std::to_string(st->st_size) +
                                 " bytes is larger than the limit of " +
                                 std::to_string(max_bytes));
  }
  return Status::Ok();
}

void SetFacts(const struct stat& st, FileFacts* facts) {
  facts->size = st.st_size;
  facts->mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL +
                    st.st_mtim.tv_nsec;
}

// Calls `take` with each block of the open file; fails on a read error or
// when the file grows past `max_bytes` while read.
template <typename Take>
Status ReadBlocks(int fd, long long max_bytes, Take take) {
  char buffer[1 << 16];
  long long total = 0;
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return SystemError("read error");
    }
    if (n == 0) return Status::Ok();
    total += n;
    // A file that grows while read is read up to the limit, no further.
    if (total > max_bytes) {
      return Status::LimitExceeded("file grew past the limit of " +
                                   std::to_string(max_bytes) + " bytes");
    }
    take(std::string_view(buffer, static_cast<size_t>(n)));
  }
}

}  // namespace

Status StatFile(const std::string& path, FileFacts* facts) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return SystemError("cannot stat");
  if (!S_ISREG(st.st_mode)) {
    return Status::InvalidArgument("not a regular file");
  }
  SetFacts(st, facts);
  return Status::Ok();
}

Status HashFile(const std::string& path, long long max_bytes,
                FileFacts* facts) {
  Descriptor file{-1};
  struct stat st {};
  Status s = OpenRegular(path, max_bytes, &file, &st);
  if (!s.ok()) return s;
  SetFacts(st, facts);
  Sha256 hash;
  s = ReadBlocks(file.fd, max_bytes,
                 [&](std::string_view block) { hash.Update(block); });
  if (!s.ok()) return s;
  facts->sha256 = hash.HexDigest();
  return Status::Ok();
}

Status ReadWholeFile(const std::string& path, long long max_bytes,
                     std::string* out, long long* size) {
  *size = -1;
  Descriptor file{-1};
  struct stat st {};
  Status s = OpenRegular(path, max_bytes, &file, &st);
  if (file.fd >= 0 && S_ISREG(st.st_mode)) *size = st.st_size;
  if (!s.ok()) return s;
  out->clear();
  out->reserve(static_cast<size_t>(st.st_size));
  return ReadBlocks(file.fd, max_bytes,
                    [&](std::string_view block) { out->append(block); });
}

}  // namespace intake
