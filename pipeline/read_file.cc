#include "pipeline/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

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

}  // namespace

Status ReadWholeFile(const std::string& path, long long max_bytes,
                     std::string* out, long long* size) {
  *size = -1;
  Descriptor file{open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) return SystemError("cannot open");
  struct stat st;
  if (fstat(file.fd, &st) != 0) return SystemError("cannot stat");
  if (!S_ISREG(st.st_mode)) {
    return Status::InvalidArgument("not a regular file");
  }
  *size = st.st_size;
  if (st.st_size > max_bytes) {
    return Status::LimitExceeded("file of " + std::to_string(st.st_size) +
                                 " bytes is larger than the limit of " +
                                 std::to_string(max_bytes));
  }
  out->clear();
  out->reserve(static_cast<size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = read(file.fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return SystemError("read error");
    }
    if (n == 0) break;
    out->append(buffer, static_cast<size_t>(n));
    // A file that grows while read is read up to the limit, no further.
    if (static_cast<long long>(out->size()) > max_bytes) {
      return Status::LimitExceeded("file grew past the limit of " +
                                   std::to_string(max_bytes) + " bytes");
    }
  }
  return Status::Ok();
}

}  // namespace intake
