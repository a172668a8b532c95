#include "pipeline/output_files.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace intake {
namespace {

Status ErrnoStatus(const std::string& what, const std::string& path) {
  return Status::IoError(what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

std::string DocumentsFile(const std::string& out_dir) {
  return out_dir + "/documents.jsonl";
}

std::string PassagesFile(const std::string& out_dir) {
  return out_dir + "/passages.jsonl";
}

std::string ReviewStampFile(const std::string& out_dir) {
  return out_dir + "/.review-stamp";
}

std::string LockFile(const std::string& out_dir) {
  return out_dir + "/.intake.lock";
}

std::string ReviewCsvFile(const std::string& out_dir) {
  return out_dir + "/review.csv";
}

std::string ReviewHtmlFile(const std::string& out_dir) {
  return out_dir + "/review.html";
}

std::string CompilationHtmlFile(const std::string& out_dir) {
  return out_dir + "/compilation.html";
}

std::string CompilationOdtFile(const std::string& out_dir) {
  return out_dir + "/compilation.odt";
}

OutputLock::~OutputLock() {
  if (fd_ >= 0) close(fd_);  // closing releases the flock
}

Status OutputLock::Acquire(const std::string& out_dir) {
  std::string path = LockFile(out_dir);
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) return ErrnoStatus("cannot create", path);
  if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    return Status::IoError("another intake run is writing to " + out_dir);
  }
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  AtomicFile file(path);
  Status s = file.Open();
  if (s.ok()) s = file.Write(bytes);
  if (s.ok()) s = file.Commit();
  return s;
}

Status SyncDirectory(const std::string& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot open folder", dir);
  bool ok = fsync(fd) == 0;
  close(fd);
  if (!ok) return ErrnoStatus("cannot sync folder", dir);
  return Status::Ok();
}

AtomicFile::AtomicFile(std::string path)
    : path_(std::move(path)), temp_path_(path_ + ".tmp") {}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::remove(temp_path_.c_str());
  }
}

Status AtomicFile::Open() {
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (file_ == nullptr) return ErrnoStatus("cannot create", temp_path_);
  return Status::Ok();
}

Status AtomicFile::WriteLine(std::string_view line) {
  if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() ||
      std::fputc('\n', file_) == EOF) {
    return ErrnoStatus("cannot write", temp_path_);
  }
  return Status::Ok();
}

Status AtomicFile::Write(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    return ErrnoStatus("cannot write", temp_path_);
  }
  return Status::Ok();
}

Status AtomicFile::Overwrite(long long offset, std::string_view bytes) {
  if (fseeko(file_, offset, SEEK_SET) != 0 ||
      std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size() ||
      fseeko(file_, 0, SEEK_END) != 0) {
    return ErrnoStatus("cannot write", temp_path_);
  }
  return Status::Ok();
}

Status AtomicFile::Commit() {
  bool ok = std::fflush(file_) == 0 && fsync(fileno(file_)) == 0;
  int close_result = std::fclose(file_);
  file_ = nullptr;
  if (!ok || close_result != 0) {
    Status s = ErrnoStatus("cannot write", temp_path_);
    std::remove(temp_path_.c_str());
    return s;
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    Status s = ErrnoStatus("cannot rename to", path_);
    std::remove(temp_path_.c_str());
    return s;
  }
  return Status::Ok();
}

}  // namespace intake
