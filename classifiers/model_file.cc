#include "classifiers/model_file.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>

#include "classifiers/model_weights.h"
#include "classifiers/taxonomy.h"
#include "pipeline/sha256.h"

namespace intake {
namespace {

std::string Number(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.5g", x);
  return buffer;
}

// from_chars, not strtod: the same correctly rounded value, without the
// locale and the copy to a C string, for the ~200,000 numbers of a model.
bool ParseDouble(std::string_view s, double* out) {
  if (s.starts_with('+')) s.remove_prefix(1);  // strtod took it
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size() && std::isfinite(*out);
}

// The file's content after its first two lines (format and version): what
// the version line is the hash of.
std::string_view Content(std::string_view bytes) {
  size_t first = bytes.find('\n');
  size_t second =
      first == bytes.npos ? bytes.npos : bytes.find('\n', first + 1);
  return second == bytes.npos ? std::string_view() : bytes.substr(second + 1);
}

std::string ContentVersion(std::string_view content) {
  return Sha256Hex(content).substr(0, 12);
}

// Checks the head of a model file, its first two lines, and gives the
// format and version it declares.
Status ReadHead(std::string_view head, std::string_view source, int* format,
                std::string* version);

class Reader;
// The lines after the version: hash_bits, training_data, rules_version.
Status ReadTrainingLines(Reader* r, LinearModel* m);

// ParseModel without the version, of a file of `format`.
Status ParseModelBytes(std::string_view bytes, std::string_view source_name,
                       int format, LinearModel* out);

bool KnownLabel(std::string_view name) {
  size_t colon = name.find(':');
  return colon != std::string_view::npos &&
         IsKnownCode(name.substr(0, colon), name.substr(colon + 1));
}

// What `istream >> word` splits at.
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
         c == '\r';
}

// The first word of *rest, which is left after it; "" when none is left.
std::string_view NextWord(std::string_view* rest) {
  size_t at = 0;
  while (at < rest->size() && IsSpace((*rest)[at])) ++at;
  size_t end = at;
  while (end < rest->size() && !IsSpace((*rest)[end])) ++end;
  std::string_view word = rest->substr(at, end - at);
  rest->remove_prefix(end);
  return word;
}

// Reads the model text line by line, naming the line in every error.
class Reader {
 public:
  // `bytes` must outlive the reader and the words it gives.
  Reader(std::string_view bytes, std::string_view source)
      : rest_(bytes), source_(source) {}

  // The next line, without its newline; false at the end.
  bool NextLine(std::string_view* line) {
    if (rest_.empty()) return false;
    size_t newline = rest_.find('\n');
    *line = rest_.substr(0, newline);
    rest_.remove_prefix(newline == rest_.npos ? rest_.size() : newline + 1);
    ++line_;
    return true;
  }
  // The next line split into words at white space; false at the end.
  bool Next(std::vector<std::string_view>* words) {
    std::string_view line;
    if (!NextLine(&line)) return false;
    words->clear();
    for (std::string_view rest = line;;) {
      std::string_view word = NextWord(&rest);
      if (word.empty()) break;
      words->push_back(word);
    }
    return true;
  }
  // The next `size` bytes, whatever they are; false when fewer are left.
  bool Take(size_t size, std::string_view* bytes) {
    if (rest_.size() < size) return false;
    *bytes = rest_.substr(0, size);
    rest_.remove_prefix(size);
    return true;
  }
  std::string_view rest() const { return rest_; }
  bool Next(std::vector<std::string>* words) {
    std::vector<std::string_view> views;
    if (!Next(&views)) return false;
    words->assign(views.begin(), views.end());
    return true;
  }
  // The next line, which must start with `key` and have `count` words.
  Status Expect(const char* key, size_t count, std::vector<std::string>* w) {
    if (!Next(w)) return Error(std::string("ends before '") + key + "'");
    if (w->empty() || (*w)[0] != key || w->size() != count) {
      return Error(std::string("expected '") + key + "' with " +
                   std::to_string(count - 1) + " values");
    }
    return Status::Ok();
  }
  Status Error(const std::string& what) const {
    return Status::Corrupt(std::string(source_) + ": line " +
                           std::to_string(line_) + ": " + what +
                           " (not an intake model file, or a damaged one; "
                           "retrain with 'intake train')");
  }

 private:
  std::string_view rest_;
  std::string source_;
  int line_ = 0;
};

}  // namespace

std::string ModelFileBytes(const LinearModel& model) {
  std::string out;
  out += "hash_bits " + std::to_string(kHashBits) + "\n";
  // "-" stands for no training data hash (a model built in memory), so
  // the line always has its two values.
  out += "training_data " +
         (model.training_data.empty() ? "-" : model.training_data) + " " +
         std::to_string(model.passages) + "\n";
  out += "rules_version " + model.rules_version + "\n";
  out += "labels " + std::to_string(model.labels.size()) + "\n";
  for (const ModelLabel& l : model.labels) {
    out += "label " + l.name + " " + Number(l.bias) + " " + Number(l.platt_a) +
           " " + Number(l.platt_b) + " " + Number(l.reject) + " " +
           Number(l.gives) + " " + Number(l.accept) + "\n";
  }
  for (int k = 0; k < kStanceContexts; ++k) {
    const StanceCalibration& c = model.stance[k];
    out += std::string("stance_calibration ") + StanceContextName(k) + " " +
           Number(c.platt.a) + " " + Number(c.platt.b) + " " +
           Number(c.accept) + "\n";
  }
  out += "buckets " + std::to_string(model.buckets.size()) + "\n";
  AppendWeightsBlock(model, &out);
  out += "\nend\n";
  return "intake-model " + std::to_string(kModelFormat) + "\nversion " +
         ContentVersion(out) + "\n" + out;
}

Status SaveModel(const std::string& path, LinearModel* model) {
  std::string text = ModelFileBytes(*model);
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return Status::IoError(tmp + ": cannot write the model");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec)
    return Status::IoError(path +
                           ": cannot rename into place: " + ec.message());
  model->version = ContentVersion(Content(text));
  return Status::Ok();
}

namespace {

// The whole file in one read: a stream copied through a stringstream
// moved its 17 MB three times, a tenth of loading a model.
Status ReadModelBytes(const std::string& path, std::string* bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::InvalidArgument(path + ": is a folder, not a model file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": no such model file");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  // A model is tens of megabytes; a size past this is no model file and
  // would only exhaust memory.
  constexpr std::streamoff kLargestModel = std::streamoff{1} << 31;
  if (size > kLargestModel) {
    return Status::InvalidArgument(path + ": too large for a model file");
  }
  in.clear();
  in.seekg(0);
  errno = 0;
  if (size > 0) {
    bytes->resize(static_cast<size_t>(size));
    in.read(bytes->data(), size);
  } else {
    // A pipe has no size: read as it comes.
    bytes->assign(std::istreambuf_iterator<char>(in),
                  std::istreambuf_iterator<char>());
  }
  if (in.bad() || (size > 0 && in.gcount() != size)) {
    return Status::IoError(path + ": cannot read the model (" +
                           (errno != 0 ? std::strerror(errno) : "short read") +
                           ")");
  }
  return Status::Ok();
}

}  // namespace

Status LoadModel(const std::string& path,
                 std::shared_ptr<const LinearModel>* out) {
  std::string bytes;
  Status read = ReadModelBytes(path, &bytes);
  if (!read.ok()) return read;
  auto model = std::make_shared<LinearModel>();
  Status s = ParseModel(bytes, path, model.get());
  if (!s.ok()) return s;
  *out = std::move(model);
  return Status::Ok();
}

Status ParseModel(std::string_view bytes, std::string_view source_name,
                  LinearModel* out) {
  int format = 0;
  std::string version;
  Status s = ReadHead(bytes, source_name, &format, &version);
  if (!s.ok()) return s;
  // A file changed by hand (or damaged) after `intake train` wrote it:
  // its version would no longer say what it holds.
  if (ContentVersion(Content(bytes)) != version) {
    return Status::Corrupt(std::string(source_name) +
                           ": the model's content does not match its version "
                           "line (changed after 'intake train' wrote it?); "
                           "train it again");
  }
  s = ParseModelBytes(bytes, source_name, format, out);
  if (s.ok()) out->version = version;
  return s;
}

Status ReadModelFile(const std::string& path, ModelFile* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": no such model file");
  // The version is on the second line, the rules' version three lines on:
  // a run that finds everything up to date never reads the weights.
  std::string head, line;
  for (int i = 0; i < 5 && std::getline(in, line); ++i) head += line + "\n";
  int format = 0;
  Status s = ReadHead(head, path, &format, &out->version);
  if (!s.ok()) return s;
  Reader r(head, path);
  std::vector<std::string> w;
  r.Next(&w);  // checked by ReadHead
  r.Next(&w);
  LinearModel training;
  s = ReadTrainingLines(&r, &training);
  if (!s.ok()) return s;
  out->rules_version = training.rules_version;
  out->path = path;
  return Status::Ok();
}

Status ParseModelFile(const ModelFile& file,
                      std::shared_ptr<const LinearModel>* out) {
  std::string bytes;
  Status read = ReadModelBytes(file.path, &bytes);
  if (!read.ok()) return read;
  auto model = std::make_shared<LinearModel>();
  Status s = ParseModel(bytes, file.path, model.get());
  if (!s.ok()) return s;
  if (model->version != file.version) {
    return Status::InvalidArgument(file.path +
                                   ": the model file changed while the run "
                                   "started; run again");
  }
  *out = std::move(model);
  return Status::Ok();
}

namespace {

Status ReadTrainingLines(Reader* r, LinearModel* m) {
  std::vector<std::string> w;
  Status s = r->Expect("hash_bits", 2, &w);
  if (!s.ok()) return s;
  if (w[1] != std::to_string(kHashBits)) {
    return r->Error("hash_bits " + w[1] + ", this intake uses " +
                    std::to_string(kHashBits));
  }
  if (!(s = r->Expect("training_data", 3, &w)).ok()) return s;
  m->training_data = w[1] == "-" ? "" : w[1];
  m->passages = std::atoi(w[2].c_str());
  if (!r->Next(&w) || w.empty() || w[0] != "rules_version" || w.size() > 2) {
    return r->Error("expected 'rules_version'");
  }
  m->rules_version = w.size() == 2 ? w[1] : "";
  return Status::Ok();
}

// Format 6's weights: a text line per bucket, then `end`.
Status ReadTextWeights(Reader* r, long buckets, LinearModel* m);
// Format 7's: the binary block, then a newline, `end` and a newline.
Status ReadBlockWeights(Reader* r, long buckets, LinearModel* m);

Status ParseModelBytes(std::string_view bytes, std::string_view source_name,
                       int format, LinearModel* out) {
  Reader r(bytes, source_name);
  std::vector<std::string> w;
  r.Next(&w);  // the head, checked by ReadHead
  r.Next(&w);
  LinearModel m;
  Status s = ReadTrainingLines(&r, &m);
  if (!s.ok()) return s;
  if (!(s = r.Expect("labels", 2, &w)).ok()) return s;
  int count = std::atoi(w[1].c_str());
  if (count < 0 || count > 1000) return r.Error("bad label count");
  for (int i = 0; i < count; ++i) {
    if (!(s = r.Expect("label", 8, &w)).ok()) return s;
    ModelLabel l;
    l.name = w[1];
    if (!KnownLabel(l.name)) {
      return r.Error("label '" + l.name + "' is not in the taxonomy");
    }
    if (!ParseDouble(w[2], &l.bias) || !ParseDouble(w[3], &l.platt_a) ||
        !ParseDouble(w[4], &l.platt_b) || !ParseDouble(w[5], &l.reject) ||
        !ParseDouble(w[6], &l.gives) || !ParseDouble(w[7], &l.accept) ||
        l.reject < 0 || l.accept > 1 || l.reject > l.accept || l.gives <= 0 ||
        l.gives > 1) {
      return r.Error("bad numbers for label '" + l.name + "'");
    }
    // A label given below its reject threshold would be neither accepted
    // nor reviewed.
    if (!l.name.starts_with(kStance) && l.reject > l.gives) {
      return r.Error("label '" + l.name +
                     "' is given below its reject threshold");
    }
    m.labels.push_back(std::move(l));
  }
  for (int k = 0; k < kStanceContexts; ++k) {
    if (!(s = r.Expect("stance_calibration", 5, &w)).ok()) return s;
    StanceCalibration& c = m.stance[k];
    if (w[1] != StanceContextName(k) || !ParseDouble(w[2], &c.platt.a) ||
        !ParseDouble(w[3], &c.platt.b) || !ParseDouble(w[4], &c.accept) ||
        c.accept < 0 || c.accept > 1) {
      return r.Error(std::string("bad stance calibration (") +
                     StanceContextName(k) + ")");
    }
  }
  if (!(s = r.Expect("buckets", 2, &w)).ok()) return s;
  long buckets = std::atol(w[1].c_str());
  if (buckets < 0 || buckets > (1L << kHashBits)) {
    return r.Error("bad bucket count");
  }
  switch (format) {
    case 6:
      s = ReadTextWeights(&r, buckets, &m);
      break;
    case 7:
      s = ReadBlockWeights(&r, buckets, &m);
      break;
    default:  // ReadHead let through a format this switch does not know
      s = r.Error("model format " + std::to_string(format) + " has no reader");
  }
  if (!s.ok()) return s;
  m.IndexBuckets();
  *out = std::move(m);
  return Status::Ok();
}

Status ReadTextWeights(Reader* r, long buckets, LinearModel* m) {
  const size_t n = m->labels.size();
  // Each bucket's line is at least a digit and a newline: a file that
  // claims more is refused before its weights are allocated.
  if (static_cast<size_t>(buckets) > r->rest().size() / 2) {
    return r->Error("more buckets than lines follow: the file is truncated");
  }
  m->buckets.reserve(buckets);
  m->weights.assign(buckets * n, 0.0f);
  // The weights are nearly all of the file: each line is read word by
  // word where it lies, with no list of its words.
  for (long b = 0; b < buckets; ++b) {
    std::string_view line;
    if (!r->NextLine(&line)) return r->Error("ends inside the weights");
    std::string_view first = NextWord(&line);
    if (first.empty()) return r->Error("ends inside the weights");
    unsigned long bucket = 0;
    auto [end, ec] =
        std::from_chars(first.data(), first.data() + first.size(), bucket);
    if (ec != std::errc() || end != first.data() + first.size() ||
        bucket >= (1UL << kHashBits) ||
        (!m->buckets.empty() && bucket <= m->buckets.back())) {
      return r->Error("bad or unsorted bucket '" + std::string(first) + "'");
    }
    m->buckets.push_back(static_cast<uint32_t>(bucket));
    for (std::string_view entry = NextWord(&line); !entry.empty();
         entry = NextWord(&line)) {
      size_t colon = entry.find(':');
      double value = 0;
      size_t label = n;
      if (colon != std::string_view::npos) {
        std::from_chars(entry.data(), entry.data() + colon, label);
      }
      // A weight past a float's range would score as infinite.
      if (label >= n || !ParseDouble(entry.substr(colon + 1), &value) ||
          std::abs(value) > std::numeric_limits<float>::max()) {
        return r->Error("bad weight '" + std::string(entry) + "'");
      }
      m->weights[b * n + label] = static_cast<float>(value);
    }
  }
  std::vector<std::string> w;
  if (!r->Next(&w) || w.size() != 1 || w[0] != "end") {
    return r->Error("no 'end' line: the file is truncated");
  }
  return Status::Ok();
}

Status ReadBlockWeights(Reader* r, long buckets, LinearModel* m) {
  const size_t n = m->labels.size();
  std::string_view block;
  if (static_cast<size_t>(buckets) > BucketsFitting(r->rest().size(), n) ||
      !r->Take(WeightsBlockSize(buckets, n), &block)) {
    return r->Error("the weights of " + std::to_string(buckets) +
                    " buckets do not fit in the " +
                    std::to_string(r->rest().size()) +
                    " bytes left: the file is truncated");
  }
  Status s = ReadWeightsBlock(block, buckets, m);
  if (!s.ok()) return r->Error("in the weights: " + s.message());
  if (r->rest() != "\nend\n") {
    return r->Error(
        "no 'end' line alone after the weights: the file is truncated or "
        "has bytes added");
  }
  return Status::Ok();
}

Status ReadHead(std::string_view head, std::string_view source, int* format,
                std::string* version) {
  Reader r(head, source);
  std::vector<std::string> w;
  if (!r.Next(&w) || w.size() != 2 || w[0] != "intake-model") {
    return r.Error("does not start with 'intake-model'");
  }
  auto [end, ec] =
      std::from_chars(w[1].data(), w[1].data() + w[1].size(), *format);
  if (ec != std::errc() || end != w[1].data() + w[1].size() ||
      w[1] != std::to_string(*format) || *format < kOldestModelFormat ||
      *format > kModelFormat) {
    return Status::Unsupported(std::string(source) + ": model format " + w[1] +
                               "; this intake reads formats " +
                               std::to_string(kOldestModelFormat) + " to " +
                               std::to_string(kModelFormat) +
                               " (retrain with this intake's 'intake train')");
  }
  if (!r.Next(&w) || w.size() != 2 || w[0] != "version" || w[1].size() != 12) {
    return r.Error("no 'version' line after the format");
  }
  *version = w[1];
  return Status::Ok();
}

}  // namespace

}  // namespace intake
