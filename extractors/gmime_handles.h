// Owning handles for the GLib and GMime objects the mail reader uses, so
// every reference taken is dropped on every path. Only for objects the
// caller owns (a "new" or "construct" call, a g_strdup'ed string);
// GMime's getters return borrowed pointers that must not be wrapped.
#ifndef INTAKE_EXTRACTORS_GMIME_HANDLES_H_
#define INTAKE_EXTRACTORS_GMIME_HANDLES_H_

#include <gmime/gmime.h>

#include <memory>

namespace intake {

struct GObjectUnref {
  void operator()(gpointer object) const {
    if (object != nullptr) g_object_unref(object);
  }
};
// GMimeMessage, GMimeParser, GMimeStream...: all GObjects.
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFreeDeleter {
  void operator()(void* p) const { g_free(p); }
};
using GCharPtr = std::unique_ptr<char, GFreeDeleter>;

struct GDateTimeUnref {
  void operator()(GDateTime* t) const {
    if (t != nullptr) g_date_time_unref(t);
  }
};
using GDateTimePtr = std::unique_ptr<GDateTime, GDateTimeUnref>;

}  // namespace intake

#endif  // INTAKE_EXTRACTORS_GMIME_HANDLES_H_
