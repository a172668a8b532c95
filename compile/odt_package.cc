#include "compile/odt_package.h"

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>

namespace intake {
namespace {

constexpr char kMimeType[] = "application/vnd.oasis.opendocument.text";
// 2020-01-01T00:00:00Z: any fixed time keeps the bytes reproducible.
constexpr time_t kMemberTime = 1577836800;

struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

Status ZipFailure(const char* what, zip_error_t* error) {
  return Status::IoError(std::string("writing the ODT: ") + what + ": " +
                         zip_error_strerror(error));
}

std::string Manifest(const std::vector<PackageMember>& members) {
  std::string m =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:"
      "xmlns:manifest:1.0\" manifest:version=\"1.3\">\n"
      " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\""
      " manifest:media-type=\"" +
      std::string(kMimeType) + "\"/>\n";
  for (const PackageMember& member : members) {
    m += " <manifest:file-entry manifest:full-path=\"" + member.path +
         "\" manifest:media-type=\"" + member.media_type + "\"/>\n";
  }
  return m + "</manifest:manifest>\n";
}

// Adds a copy of `bytes` (libzip reads it at zip_close, after the caller's
// strings may be gone).
bool Add(zip_t* archive, const std::string& path, const std::string& bytes,
         bool store) {
  void* copy = malloc(bytes.empty() ? 1 : bytes.size());
  if (copy == nullptr) return false;
  memcpy(copy, bytes.data(), bytes.size());
  zip_source_t* source =
      zip_source_buffer(archive, copy, bytes.size(), /*freep=*/1);
  if (source == nullptr) {
    free(copy);
    return false;
  }
  zip_int64_t index = zip_file_add(archive, path.c_str(), source, 0);
  if (index < 0) {
    zip_source_free(source);
    return false;
  }
  zip_uint64_t i = static_cast<zip_uint64_t>(index);
  return zip_set_file_compression(
             archive, i, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) == 0 &&
         zip_file_set_mtime(archive, i, kMemberTime, 0) == 0;
}

}  // namespace

Status OdtPackage(const std::vector<PackageMember>& members,
                  std::string* bytes) {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceFree> buffer(
      zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) return ZipFailure("buffer", &error);
  zip_t* archive =
      zip_open_from_source(buffer.get(), ZIP_TRUNCATE | ZIP_CREATE, &error);
  if (archive == nullptr) return ZipFailure("open", &error);
  // The archive takes a reference; ours keeps the bytes after zip_close.
  zip_source_keep(buffer.get());
  bool ok = Add(archive, "mimetype", kMimeType, /*store=*/true) &&
            Add(archive, "META-INF/manifest.xml", Manifest(members), false);
  for (const PackageMember& member : members) {
    ok = ok && Add(archive, member.path, member.bytes, false);
  }
  if (!ok) {
    Status s = ZipFailure("member", zip_get_error(archive));
    zip_discard(archive);
    return s;
  }
  if (zip_close(archive) != 0) {
    Status s = ZipFailure("close", zip_get_error(archive));
    zip_discard(archive);
    return s;
  }
  zip_stat_t stat;
  if (zip_source_stat(buffer.get(), &stat) != 0 ||
      zip_source_open(buffer.get()) != 0) {
    return ZipFailure("read back", zip_source_error(buffer.get()));
  }
  bytes->resize(stat.size);
  zip_int64_t read = zip_source_read(buffer.get(), bytes->data(), stat.size);
  zip_source_close(buffer.get());
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
    return ZipFailure("read back", zip_source_error(buffer.get()));
  }
  return Status::Ok();
}

}  // namespace intake
