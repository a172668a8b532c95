// Messages over a pipe between the run and a worker: an 8-byte length,
// then the bytes. Blocking reads and writes for the worker's side; an
// incremental reader for the run's side, which polls many workers.
#ifndef INTAKE_PIPELINE_FRAMES_H_
#define INTAKE_PIPELINE_FRAMES_H_

#include <string>
#include <string_view>

namespace intake {

// False when the pipe broke (the other side is gone) or on an I/O error.
bool WriteFrame(int fd, std::string_view bytes);
// False at end of input (the other side closed) or on an I/O error.
bool ReadFrame(int fd, std::string* bytes);

// Collects frames from bytes as they arrive.
class FrameReader {
 public:
  void Append(const char* data, size_t size) { buffer_.append(data, size); }
  // Moves the next whole frame into *bytes; false when none is whole yet.
  bool Next(std::string* bytes);

 private:
  std::string buffer_;
};

}  // namespace intake

#endif  // INTAKE_PIPELINE_FRAMES_H_
