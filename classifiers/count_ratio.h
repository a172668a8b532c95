// Each feature weighed, before a label's fit, by how unevenly it falls
// between that label's passages and the others: the log-count ratio of
// NBSVM (Wang and Manning, "Baselines and Bigrams", 2012), at a power.
// Words that say one label and not the others then need smaller weights
// to count, which the regularisation favours; words spread evenly count
// less. The fit's weights are multiplied by the same scales afterwards,
// so the model file and the classifier are as without it
// (docs/model.md, "Training"). The counts are of passages, not of
// occurrences as in the paper: a passage's features are there or not.
#ifndef INTAKE_CLASSIFIERS_COUNT_RATIO_H_
#define INTAKE_CLASSIFIERS_COUNT_RATIO_H_

#include <linear.h>

#include <vector>

namespace intake {

// The scale of each of the n features (liblinear's indices 1..n; the
// bias, feature n, stays 1) over the passages `rows`, each ended by
// index -1, whose label is y (> 0: has it). A feature in p of the P
// passages with the label and q of the N without is scaled by
// |log(((p+1)/(P+2)) / ((q+1)/(N+2)))| ^ power; at power 0 every scale
// is 1 (pow(0, 0) too).
std::vector<double> CountRatioScales(const std::vector<feature_node*>& rows,
                                     const std::vector<double>& y, int n,
                                     double power);

// Copies of `rows` with each feature's value times its scale.
std::vector<std::vector<feature_node>> ScaledRows(
    const std::vector<feature_node*>& rows, const std::vector<double>& scales);

}  // namespace intake

#endif  // INTAKE_CLASSIFIERS_COUNT_RATIO_H_
