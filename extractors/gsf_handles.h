// What every reader of OLE2 compound files (Outlook .msg, Word 97-2003
// .doc) shares about libgsf: owning handles for its GObjects and its
// one-time set-up. Not the reading of any format.
#ifndef INTAKE_EXTRACTORS_GSF_HANDLES_H_
#define INTAKE_EXTRACTORS_GSF_HANDLES_H_

#include <gsf/gsf.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace intake {

struct GsfUnref {
  void operator()(gpointer object) const {
    if (object != nullptr) g_object_unref(object);
  }
};
// GsfInput, GsfInfile, GsfOutput, GsfOutfile: all GObjects.
template <typename T>
using GsfPtr = std::unique_ptr<T, GsfUnref>;

// Initialises libgsf once per process and silences its logging of damaged
// files; the caller's Status is the report. Thread-safe.
void InitGsfOnce();

// The compound file in `data`, or null when it is not one libgsf can open.
// Borrows `data`: it must outlive the returned handle and its children.
GsfPtr<GsfInfile> OpenCompoundFile(std::string_view data);

// The bytes of child stream `name` of `storage`; nullopt when absent, a
// storage, unreadable, or larger than `max_bytes` (then *too_big is set
// when given).
std::optional<std::string> ReadChildStream(GsfInfile* storage,
                                           const std::string& name,
                                           long long max_bytes,
                                           bool* too_big = nullptr);

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_GSF_HANDLES_H_
