// Reads GNU gettext .mo catalogues: the translations of the country names
// that Debian's iso-codes package ships (/usr/share/locale/LL/LC_MESSAGES/
// iso_3166-1.mo). Only what the gazetteer needs: original -> translation.
#ifndef INTAKE_CLASSIFIERS_MO_FILE_H_
#define INTAKE_CLASSIFIERS_MO_FILE_H_

#include <map>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace intake {

// Parses the bytes of a .mo file (either byte order). Corrupt when the
// magic number or a string table entry is wrong.
Status ParseMoFile(std::string_view bytes,
                   std::map<std::string, std::string>* translations);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_MO_FILE_H_
