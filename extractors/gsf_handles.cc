#include "extractors/gsf_handles.h"

#include <gsf/gsf-infile-impl.h>

#include <mutex>

namespace intake {

void InitGsfOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    gsf_init();
    // libgsf reports a damaged file (a directory loop, a sector past the
    // end) as g_critical on stderr before returning an error or skipping
    // the entry; the status and warnings are our report, stderr is not.
    for (const char* domain : {"libgsf", "libgsf:msole"}) {
      g_log_set_handler(
          domain,
          static_cast<GLogLevelFlags>(G_LOG_LEVEL_CRITICAL |
                                      G_LOG_LEVEL_WARNING),
          [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
    }
  });
}

GsfPtr<GsfInfile> OpenCompoundFile(std::string_view data) {
  InitGsfOnce();
  // needs_free = FALSE: the caller keeps `data` alive.
  GsfPtr<GsfInput> input(
      gsf_input_memory_new(reinterpret_cast<const guint8*>(data.data()),
                           static_cast<gsf_off_t>(data.size()), FALSE));
  if (!input) return nullptr;
  GError* error = nullptr;
  GsfPtr<GsfInfile> root(gsf_infile_msole_new(input.get(), &error));
  if (error != nullptr) g_error_free(error);
  return root;
}

std::optional<std::string> ReadChildStream(GsfInfile* storage,
                                           const std::string& name,
                                           long long max_bytes, bool* too_big) {
  // Through the class, not gsf_infile_child_by_name: that one prints a
  // g_warning in the default log domain when a damaged file's stream
  // cannot be opened; we report it as a status.
  GsfPtr<GsfInput> input;
  int count = gsf_infile_num_children(storage);
  for (int i = 0; i < count && !input; ++i) {
    const char* child = gsf_infile_name_by_index(storage, i);
    if (child == nullptr || name != child) continue;
    GError* error = nullptr;
    input.reset(GSF_INFILE_CLASS(G_OBJECT_GET_CLASS(storage))
                    ->child_by_index(storage, i, &error));
    if (error != nullptr) g_error_free(error);
  }
  if (!input) return std::nullopt;
  // A storage has children (possibly none, then it is a stream of 0 bytes).
  if (gsf_infile_num_children(GSF_INFILE(input.get())) > 0) {
    return std::nullopt;
  }
  gsf_off_t size = gsf_input_size(input.get());
  if (size < 0) return std::nullopt;
  if (size > max_bytes) {
    if (too_big != nullptr) *too_big = true;
    return std::nullopt;
  }
  std::string bytes(static_cast<size_t>(size), '\0');
  if (size > 0 &&
      gsf_input_read(input.get(), bytes.size(),
                     reinterpret_cast<guint8*>(bytes.data())) == nullptr) {
    return std::nullopt;
  }
  return bytes;
}

}  // namespace intake
