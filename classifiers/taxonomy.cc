#include "classifiers/taxonomy.h"

#include <array>

namespace intake {
namespace {

// Copied verbatim from shared/TAXONOMY.md; the order is the document's.
constexpr std::array<std::string_view, 7> kArticle14Codes = {
    "14.1", "14.2", "14.3", "14.4a", "14.4b", "14.4c", "14.5",
};

constexpr std::array<std::string_view, 24> kActivityCodes = {
    "a.tools",
    "a.dissemination",
    "a.case_studies",
    "a.planning_sessions",
    "a.digital_learning",
    "b.bat_bep",
    "b.trade",
    "b.article5_facilities",
    "b.mercury_waste",
    "b.national_training",
    "c.expert_advice",
    "c.planning_meetings",
    "c.implementation_support",
    "d.partnerships",
    "d.supply_chain",
    "d.biodiversity_climate",
    "d.gender",
    "e.financial_contribution",
    "e.enabling_activities",
    "e.project",
    "e.expert_groups",
    "e.monitoring_research",
    "e.awareness",
    "e.institutional_legal",
};

constexpr std::array<std::string_view, 15> kThemeCodes = {
    "supply_trade",
    "products",
    "processes",
    "asgm",
    "emissions",
    "releases",
    "storage",
    "waste",
    "contaminated_sites",
    "finance",
    "health",
    "information",
    "monitoring",
    "implementation_plans",
    "reporting",
};

constexpr std::array<std::string_view, 4> kStanceCodes = {
    kStanceNeed,
    kStanceProvided,
    kStanceReceived,
    kStanceOther,
};

constexpr std::array<std::string_view, 4> kDimensions = {
    kArticle14,
    kActivity,
    kTheme,
    kStance,
};

}  // namespace

std::span<const std::string_view> TaxonomyDimensions() { return kDimensions; }

std::span<const std::string_view> TaxonomyCodes(std::string_view dimension) {
  if (dimension == kArticle14) return kArticle14Codes;
  if (dimension == kActivity) return kActivityCodes;
  if (dimension == kTheme) return kThemeCodes;
  if (dimension == kStance) return kStanceCodes;
  return {};
}

bool IsKnownDimension(std::string_view dimension) {
  return !TaxonomyCodes(dimension).empty();
}

int TaxonomyRank(std::string_view dimension, std::string_view code) {
  std::span<const std::string_view> codes = TaxonomyCodes(dimension);
  for (size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] == code) return static_cast<int>(i);
  }
  return -1;
}

bool IsKnownCode(std::string_view dimension, std::string_view code) {
  return TaxonomyRank(dimension, code) >= 0;
}

}  // namespace intake
