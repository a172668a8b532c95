#include "extractors/zip_reader.h"

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace intake {

namespace {

// Small members may legitimately compress very well (a part full of
// repeated markup); the ratio only signals a bomb once the output is big
// enough to matter.
constexpr long long kRatioFloorBytes = 1LL << 20;

constexpr size_t kChunkBytes = 64 * 1024;

struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

std::string ZipErrorText(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

bool RatioTooHigh(long long expanded, long long compressed,
                  const ExtractLimits& limits) {
  if (expanded <= kRatioFloorBytes) return false;
  if (compressed <= 0) return true;
  return static_cast<double>(expanded) / static_cast<double>(compressed) >
         limits.max_compression_ratio;
}

// A zip bomb's message: the limit by value and by name, so that whoever
// reads the record can tell a bomb from a limit set too low.
std::string RatioWhy(const ExtractLimits& limits) {
  char ratio[32];
  std::snprintf(ratio, sizeof ratio, "%g", limits.max_compression_ratio);
  return std::string("expands past a compression ratio of ") + ratio +
         " (max_compression_ratio; a zip bomb?)";
}

Status TooBig(std::string_view name, std::string_view why) {
  return Status::LimitExceeded("zip member " + std::string(name) + ": " +
                               std::string(why));
}

}  // namespace

void ZipReader::Closer::operator()(zip* archive) const {
  zip_discard(archive);  // read-only: nothing to write back
}

ZipReader::ZipReader(zip* archive) : archive_(archive) {}
ZipReader::~ZipReader() = default;

Status ZipReader::Open(std::string_view data, std::unique_ptr<ZipReader>* out) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(data.data(), data.size(), 0, &error);
  if (source == nullptr) {
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::Corrupt("not a zip archive (libzip: " + text + ")");
  }
  zip* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_source_free(source);  // still ours when open fails
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::Corrupt("not a zip archive (libzip: " + text + ")");
  }
  zip_error_fini(&error);
  out->reset(new ZipReader(archive));
  return Status::Ok();
}

long long ZipReader::Locate(std::string_view name) const {
  std::string key(name);
  zip_int64_t index = zip_name_locate(archive_.get(), key.c_str(), 0);
  if (index < 0) {
    index = zip_name_locate(archive_.get(), key.c_str(), ZIP_FL_NOCASE);
  }
  return index;
}

bool ZipReader::Has(std::string_view name) const { return Locate(name) >= 0; }

std::vector<std::string> ZipReader::Names() const {
  std::vector<std::string> names;
  zip_int64_t count = zip_get_num_entries(archive_.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(archive_.get(), i, 0);
    if (name != nullptr) names.emplace_back(name);
  }
  return names;
}

Status ZipReader::Read(std::string_view name, const ExtractLimits& limits,
                       std::string* out) const {
  return Read(name, limits, limits.max_member_bytes, "max_member_bytes", out);
}

Status ZipReader::Read(std::string_view name, const ExtractLimits& limits,
                       long long max_bytes, std::string_view limit_name,
                       std::string* out) const {
  out->clear();
  long long index = Locate(name);
  if (index < 0) return Status::NotFound("zip member " + std::string(name));

  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_.get(), index, 0, &st) != 0) {
    return Status::Corrupt("zip member " + std::string(name) + ": bad entry");
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
      st.encryption_method != ZIP_EM_NONE) {
    return Status::Encrypted("zip member " + std::string(name) +
                             " is encrypted");
  }
  long long declared =
      (st.valid & ZIP_STAT_SIZE) ? static_cast<long long>(st.size) : 0;
  long long compressed = (st.valid & ZIP_STAT_COMP_SIZE)
                             ? static_cast<long long>(st.comp_size)
                             : 0;
  if (declared > max_bytes) {
    return TooBig(name, "declared size exceeds " + std::string(limit_name));
  }
  if (RatioTooHigh(declared, compressed, limits)) {
    return TooBig(name, RatioWhy(limits));
  }

  std::unique_ptr<zip_file_t, FileCloser> file(
      zip_fopen_index(archive_.get(), index, 0));
  if (file == nullptr) {
    int code = zip_error_code_zip(zip_get_error(archive_.get()));
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD) {
      return Status::Encrypted("zip member " + std::string(name) +
                               " is encrypted");
    }
    return Status::Corrupt("zip member " + std::string(name) + ": " +
                           ZipErrorText(code));
  }
  // The directory may understate the size: count what really comes out.
  out->reserve(static_cast<size_t>(std::min<long long>(declared, 16LL << 20)));
  char buffer[kChunkBytes];
  for (;;) {
    zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) {
      std::string why = zip_file_strerror(file.get());
      out->clear();
      return Status::Corrupt("zip member " + std::string(name) + ": " + why);
    }
    if (n == 0) break;
    out->append(buffer, static_cast<size_t>(n));
    long long got = static_cast<long long>(out->size());
    if (got > max_bytes) {
      out->clear();
      return TooBig(name, "expands past " + std::string(limit_name));
    }
    if (RatioTooHigh(got, compressed, limits)) {
      out->clear();
      return TooBig(name, RatioWhy(limits));
    }
  }
  return Status::Ok();
}

}  // namespace intake
