#include "extractors/zip_extractor.h"

#include <memory>
#include <string>

#include "extractors/zip_reader.h"

namespace intake {
namespace {

bool Skipped(const std::string& name) {
  if (name.empty() || name.back() == '/') return true;  // a folder entry
  if (name.rfind("__MACOSX/", 0) == 0) return true;
  size_t slash = name.rfind('/');
  std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
  return base.empty() || base[0] == '.';
}

}  // namespace

Status ExtractZip(std::string_view data, const ExtractLimits& limits,
                  Extraction* out) {
  std::unique_ptr<ZipReader> zip;
  Status s = ZipReader::Open(data, &zip);
  if (!s.ok()) return s;
  out->meta.extraction = "zip";
  long long total = 0;
  int taken = 0;
  Status first_refusal;
  for (const std::string& name : zip->Names()) {
    if (Skipped(name)) continue;
    if (taken == limits.max_archive_members) {
      out->warnings.push_back("more than " +
                              std::to_string(limits.max_archive_members) +
                              " members: the rest were skipped");
      break;
    }
    EmbeddedFile member;
    member.kind = "zip_member";
    member.name = name;
    Status read = zip->Read(name, limits, &member.data);
    if (!read.ok()) {
      out->warnings.push_back("member " + name +
                              " skipped: " + read.ToString());
      if (first_refusal.ok()) first_refusal = read;
      continue;
    }
    total += static_cast<long long>(member.data.size());
    if (total > limits.max_archive_bytes) {
      out->warnings.push_back("members expand past " +
                              std::to_string(limits.max_archive_bytes) +
                              " bytes: " + name + " and the rest were skipped");
      break;
    }
    ++taken;
    out->embedded.push_back(std::move(member));
  }
  // An archive whose every member was refused (a bomb, a password) fails
  // with the reason, rather than passing as an empty archive.
  if (out->embedded.empty() && !first_refusal.ok()) return first_refusal;
  return Status::Ok();
}

}  // namespace intake
