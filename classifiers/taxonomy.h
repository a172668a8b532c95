// The label codes of shared/TAXONOMY.md as tables.
//
// This is the one place that knows which codes exist and in which order they
// are listed, so the rules loader can refuse an unknown code and the
// classifier can sort its outputs in taxonomy order. It knows nothing about
// what the codes mean or how a passage earns them (that is the rules file).
// Everything here is immutable and safe to use from any thread.
#ifndef INTAKE_CLASSIFIERS_TAXONOMY_H_
#define INTAKE_CLASSIFIERS_TAXONOMY_H_

#include <span>
#include <string_view>

namespace intake {

inline constexpr std::string_view kArticle14 = "article14";
inline constexpr std::string_view kActivity = "activity";
inline constexpr std::string_view kTheme = "theme";
inline constexpr std::string_view kStance = "stance";

// The stance codes, for code that compares with them. The stance given
// when no stance label fires is kStanceOther.
inline constexpr std::string_view kStanceNeed = "need";
inline constexpr std::string_view kStanceProvided = "provided";
inline constexpr std::string_view kStanceReceived = "received";
inline constexpr std::string_view kStanceOther = "other";

// The four dimensions, in record order.
std::span<const std::string_view> TaxonomyDimensions();

// The codes of `dimension` in the order TAXONOMY.md lists them; empty when
// the dimension is unknown.
std::span<const std::string_view> TaxonomyCodes(std::string_view dimension);

bool IsKnownDimension(std::string_view dimension);
bool IsKnownCode(std::string_view dimension, std::string_view code);

// Position of `code` in TaxonomyCodes(dimension), or -1 when unknown. Sort
// by this to list codes in taxonomy order.
int TaxonomyRank(std::string_view dimension, std::string_view code);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_TAXONOMY_H_
