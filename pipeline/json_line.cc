#include "pipeline/json_line.h"

#include <simdjson.h>

#include <algorithm>
#include <iterator>

namespace intake {
namespace {

using Json = nlohmann::json;
namespace dom = simdjson::dom;

Json ToJson(dom::element e);

Json ObjectToJson(dom::object object, const std::vector<std::string>& keep) {
  Json out = Json::object();
  for (dom::key_value_pair field : object) {
    if (!keep.empty() &&
        !std::binary_search(keep.begin(), keep.end(), field.key)) {
      continue;
    }
    out[std::string(field.key)] = ToJson(field.value);
  }
  return out;
}

Json ToJson(dom::element e) {
  switch (e.type()) {
    case dom::element_type::OBJECT:
      return ObjectToJson(dom::object(e), {});
    case dom::element_type::ARRAY: {
      Json out = Json::array();
      for (dom::element item : dom::array(e)) out.push_back(ToJson(item));
      return out;
    }
    case dom::element_type::STRING:
      return Json(std::string(std::string_view(e)));
    case dom::element_type::INT64: {
      // nlohmann reads an integer without a sign as unsigned.
      const int64_t v = int64_t(e);
      return v >= 0 ? Json(static_cast<uint64_t>(v)) : Json(v);
    }
    case dom::element_type::UINT64:
      return Json(uint64_t(e));
    case dom::element_type::DOUBLE:
      return Json(double(e));
    case dom::element_type::BOOL:
      return Json(bool(e));
    case dom::element_type::NULL_VALUE:
      return Json(nullptr);
  }
  return Json();
}

}  // namespace

Json ParseJsonLine(std::string_view line,
                   const std::vector<std::string>& keep) {
  // One parser per thread keeps its buffers from line to line; the review
  // list's two files are written by two threads.
  thread_local dom::parser parser;
  dom::element root;
  if (parser.parse(line.data(), line.size()).get(root) != simdjson::SUCCESS) {
    // Not JSON (or a number too large for simdjson, which nlohmann reads as
    // a double): nlohmann decides, and its message names the byte.
    Json parsed = Json::parse(line);
    if (!keep.empty() && parsed.is_object()) {
      for (auto it = parsed.begin(); it != parsed.end();) {
        it = std::binary_search(keep.begin(), keep.end(), it.key())
                 ? std::next(it)
                 : parsed.erase(it);
      }
    }
    return parsed;
  }
  if (!keep.empty() && root.type() == dom::element_type::OBJECT) {
    return ObjectToJson(dom::object(root), keep);
  }
  return ToJson(root);
}

}  // namespace intake
