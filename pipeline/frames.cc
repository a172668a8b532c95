#include "pipeline/frames.h"

#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace intake {
namespace {

bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool ReadAll(int fd, char* data, size_t size) {
  while (size > 0) {
    ssize_t n = read(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

bool WriteFrame(int fd, std::string_view bytes) {
  uint64_t size = bytes.size();
  char header[sizeof size];
  std::memcpy(header, &size, sizeof size);
  return WriteAll(fd, header, sizeof header) &&
         WriteAll(fd, bytes.data(), bytes.size());
}

bool ReadFrame(int fd, std::string* bytes) {
  uint64_t size = 0;
  char header[sizeof size];
  if (!ReadAll(fd, header, sizeof header)) return false;
  std::memcpy(&size, header, sizeof size);
  bytes->resize(size);
  return ReadAll(fd, bytes->data(), size);
}

bool FrameReader::Next(std::string* bytes) {
  uint64_t size = 0;
  if (buffer_.size() < sizeof size) return false;
  std::memcpy(&size, buffer_.data(), sizeof size);
  if (buffer_.size() - sizeof size < size) return false;
  bytes->assign(buffer_, sizeof size, size);
  buffer_.erase(0, sizeof size + size);
  return true;
}

}  // namespace intake
