// Horizontal bar charts as SVG, drawn by our own code so the compilation
// needs no script and no library: one bar per label, the value written at
// its end, the longest bar the full width. Used where a table of fifteen
// counts is hard to read at a glance.
#ifndef INTAKE_COMPILE_BAR_CHART_H_
#define INTAKE_COMPILE_BAR_CHART_H_

#include <string>
#include <vector>

namespace intake {

struct Bar {
  std::string label;
  long long value = 0;
};

// A standalone <svg> element (with its namespace, so it is also a valid
// .svg file); `title` and labels are escaped. Zero values draw no bar.
std::string BarChartSvg(const std::string& title, const std::vector<Bar>& bars);

}  // namespace intake

#endif  // INTAKE_COMPILE_BAR_CHART_H_
