#include "classifiers/model_file.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "classifiers/model_line_reader.h"
#include "classifiers/model_weights.h"
#include "classifiers/taxonomy.h"
#include "pipeline/sha256.h"

namespace intake {
namespace {

// A whole number from 0 up, all of `word`.
bool ParseCount(const std::string& word, int* out) {
  auto [end, ec] =
      std::from_chars(word.data(), word.data() + word.size(), *out);
  return ec == std::errc() && end == word.data() + word.size() && *out >= 0;
}

// The formats by how their weights are written (docs/model.md, "File
// format"): text lines, or a binary block.
constexpr int kTextWeightsFormat = 6;
constexpr int kBlockWeightsFormat = 7;
static_assert(kTextWeightsFormat == kOldestModelFormat &&
              kBlockWeightsFormat == kModelFormat);

// What follows format 7's weights block, and nothing after it.
constexpr std::string_view kBlockEnd = "\nend\n";

std::string Number(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.5g", x);
  return buffer;
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

// The lines after the version: hash_bits, training_data, rules_version.
Status ReadTrainingLines(ModelLineReader* r, LinearModel* m);

// The lines after the version up to and with `buckets`, into *m and
// *buckets.
Status ReadHeadLines(ModelLineReader* r, LinearModel* m, long* buckets);

// Format 7's weights, where they lie in the bytes: the binary block, then
// a newline, `end` and a newline.
Status ReadBlockWeights(ModelLineReader* r, long buckets, LinearModel* m);

// Whether the `left` bytes after the `buckets` line are the block of
// `buckets` buckets of `labels` labels and kBlockEnd; checked before
// anything is multiplied or allocated.
Status CheckBlockSize(const ModelLineReader& r, long buckets, size_t labels,
                      size_t left) {
  const bool too_many =
      static_cast<size_t>(buckets) > BucketsFitting(left, labels);
  if (too_many ||
      left != WeightsBlockSize(buckets, labels) + kBlockEnd.size()) {
    const std::string take =
        too_many ? "more than"
                 : std::to_string(WeightsBlockSize(buckets, labels) +
                                  kBlockEnd.size()) +
                       " bytes, not";
    return r.Error("the weights of " + std::to_string(buckets) +
                   " buckets and the 'end' line take " + take + " the " +
                   std::to_string(left) +
                   " bytes left: the file is truncated or has bytes added");
  }
  return Status::Ok();
}

Status NoEndAfterBlock(const ModelLineReader& r) {
  return r.Error("no 'end' line after the weights");
}

Status VersionMismatch(std::string_view source_name) {
  return Status::Corrupt(std::string(source_name) +
                         ": the model's content does not match its version "
                         "line (changed after 'intake train' wrote it?); "
                         "train it again");
}

bool KnownLabel(std::string_view name) {
  size_t colon = name.find(':');
  return colon != std::string_view::npos &&
         IsKnownCode(name.substr(0, colon), name.substr(colon + 1));
}

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
  out += kBlockEnd;
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

// A model is tens of megabytes; a size past this is no model file and
// would only exhaust memory.
constexpr std::streamoff kLargestModel = std::streamoff{1} << 31;

// Opens `path` as a model file and gives its size (-1 for a pipe).
Status OpenModel(const std::string& path, std::ifstream* in,
                 std::streamoff* size) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::InvalidArgument(path + ": is a folder, not a model file");
  }
  in->open(path, std::ios::binary);
  if (!*in) return Status::NotFound(path + ": no such model file");
  in->seekg(0, std::ios::end);
  *size = in->tellg();
  in->clear();
  in->seekg(0);
  if (*size > kLargestModel) {
    return Status::InvalidArgument(path + ": too large for a model file");
  }
  return Status::Ok();
}

Status ReadError(const std::string& path) {
  return Status::IoError(
      path + ": cannot read the model (" +
      (errno != 0 ? std::strerror(errno) : "it changed while it was read") +
      ")");
}

// The whole file in one read, from its start (a stream copied through a
// stringstream moved its 17 MB three times, a tenth of loading a model).
Status ReadWholeModel(std::ifstream& in, std::streamoff size,
                      const std::string& path, std::string* bytes) {
  in.clear();
  errno = 0;
  if (size > 0) {
    in.seekg(0);
    bytes->resize(static_cast<size_t>(size));
    in.read(bytes->data(), size);
    if (in.gcount() != size) return ReadError(path);
    return Status::Ok();
  }
  // A pipe has no size: read as it comes, from where it is (nothing of it
  // was read before), up to the largest model.
  std::string piece(1 << 20, '\0');
  while (in.read(piece.data(), static_cast<std::streamsize>(piece.size())) ||
         in.gcount() > 0) {
    bytes->append(piece.data(), static_cast<size_t>(in.gcount()));
    if (static_cast<std::streamoff>(bytes->size()) > kLargestModel) {
      return Status::InvalidArgument(path + ": too large for a model file");
    }
  }
  if (in.bad()) return ReadError(path);
  return Status::Ok();
}

// The lines of a file this long or longer are read whole: 1,000 labels'
// lines (the most a file may have) are under 100 KB, so only a file
// padded by hand has a head past it.
constexpr size_t kLargestHead = 256 * 1024;

// Reads a model file from disk. Format 7's weights are read in pieces
// straight into the model, so that the file's bytes and the weights are
// never held at once (about 40 MB less at the peak); format 6, a pipe, an
// empty file and a head longer than kLargestHead are read whole and
// parsed by ParseModel. Unlike ParseModel, errors in the head and the
// block are found before the version is checked, which needs every byte.
Status ReadModelFromDisk(const std::string& path, LinearModel* out) {
  std::ifstream in;
  std::streamoff size = 0;
  Status s = OpenModel(path, &in, &size);
  if (!s.ok()) return s;
  std::string start(
      std::min(static_cast<size_t>(std::max<std::streamoff>(size, 0)),
               kLargestHead),
      '\0');
  in.read(start.data(), static_cast<std::streamsize>(start.size()));
  if (static_cast<size_t>(in.gcount()) != start.size()) return ReadError(path);
  int format = 0;
  std::string version;
  if (size > 0) {
    // Not a model file: said without reading the rest, however large.
    Status head = ReadHead(start, path, &format, &version);
    if (!head.ok()) return head;
  }
  ModelLineReader r(start, path);
  LinearModel m;
  long buckets = 0;
  const bool block_format = size > 0 && format == kBlockWeightsFormat;
  if (!block_format || !ReadHeadLines(&r, &m, &buckets).ok() ||
      r.consumed() == 0 || start[r.consumed() - 1] != '\n') {
    std::string bytes;
    s = ReadWholeModel(in, size, path, &bytes);
    return s.ok() ? ParseModel(bytes, path, out) : s;
  }
  const size_t head = r.consumed();
  s = CheckBlockSize(r, buckets, m.labels.size(),
                     static_cast<size_t>(size) - head);
  if (!s.ok()) return s;
  Sha256 hash;
  hash.Update(Content(std::string_view(start).substr(0, head)));
  in.seekg(static_cast<std::streamoff>(head));
  WeightsBlockReader block(buckets, &m);
  std::string piece(std::min<size_t>(block.left(), 1 << 20), '\0');
  errno = 0;
  while (!block.done()) {
    piece.resize(std::min(piece.size(), block.left()));
    in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
    if (static_cast<size_t>(in.gcount()) != piece.size()) {
      return ReadError(path);
    }
    hash.Update(piece);
    if (!(s = block.Read(piece)).ok()) {
      return r.Error("in the weights: " + s.message());
    }
  }
  std::string tail(kBlockEnd.size(), '\0');
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  if (static_cast<size_t>(in.gcount()) != tail.size()) return ReadError(path);
  hash.Update(tail);
  if (tail != kBlockEnd) return NoEndAfterBlock(r);
  if (hash.HexDigest().substr(0, 12) != version) return VersionMismatch(path);
  m.IndexBuckets();
  m.version = version;
  *out = std::move(m);
  return Status::Ok();
}

}  // namespace

Status LoadModel(const std::string& path,
                 std::shared_ptr<const LinearModel>* out) {
  auto model = std::make_shared<LinearModel>();
  Status s = ReadModelFromDisk(path, model.get());
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
    return VersionMismatch(source_name);
  }
  ModelLineReader r(bytes, source_name);
  LinearModel m;
  long buckets = 0;
  if (!(s = ReadHeadLines(&r, &m, &buckets)).ok()) return s;
  switch (format) {
    case kTextWeightsFormat:
      s = ReadTextWeights(&r, buckets, &m);
      break;
    case kBlockWeightsFormat:
      s = ReadBlockWeights(&r, buckets, &m);
      break;
    default:  // ReadHead let through a format this switch does not know
      s = r.Error("model format " + std::to_string(format) + " has no reader");
  }
  if (!s.ok()) return s;
  m.IndexBuckets();
  m.version = version;
  *out = std::move(m);
  return Status::Ok();
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
  ModelLineReader r(head, path);
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
  auto model = std::make_shared<LinearModel>();
  Status s = ReadModelFromDisk(file.path, model.get());
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

Status ReadTrainingLines(ModelLineReader* r, LinearModel* m) {
  std::vector<std::string> w;
  Status s = r->Expect("hash_bits", 2, &w);
  if (!s.ok()) return s;
  if (w[1] != std::to_string(kHashBits)) {
    return r->Error("hash_bits " + w[1] + ", this intake uses " +
                    std::to_string(kHashBits));
  }
  if (!(s = r->Expect("training_data", 3, &w)).ok()) return s;
  m->training_data = w[1] == "-" ? "" : w[1];
  if (!ParseCount(w[2], &m->passages)) {
    return r->Error("bad passage count '" + w[2] + "'");
  }
  if (!r->Next(&w) || w.empty() || w[0] != "rules_version" || w.size() > 2) {
    return r->Error("expected 'rules_version'");
  }
  m->rules_version = w.size() == 2 ? w[1] : "";
  return Status::Ok();
}

Status ReadHeadLines(ModelLineReader* lines, LinearModel* out, long* buckets) {
  ModelLineReader& r = *lines;
  LinearModel& m = *out;
  std::vector<std::string> w;
  r.Next(&w);  // the head, checked by ReadHead
  r.Next(&w);
  Status s = ReadTrainingLines(&r, &m);
  if (!s.ok()) return s;
  if (!(s = r.Expect("labels", 2, &w)).ok()) return s;
  int count = 0;
  if (!ParseCount(w[1], &count) || count > 1000) {
    return r.Error("bad label count");
  }
  for (int i = 0; i < count; ++i) {
    if (!(s = r.Expect("label", 8, &w)).ok()) return s;
    ModelLabel l;
    l.name = w[1];
    if (!KnownLabel(l.name)) {
      return r.Error("label '" + l.name + "' is not in the taxonomy");
    }
    if (!model_text::ParseDouble(w[2], &l.bias) ||
        !model_text::ParseDouble(w[3], &l.platt_a) ||
        !model_text::ParseDouble(w[4], &l.platt_b) ||
        !model_text::ParseDouble(w[5], &l.reject) ||
        !model_text::ParseDouble(w[6], &l.gives) ||
        !model_text::ParseDouble(w[7], &l.accept) || l.reject < 0 ||
        l.accept > 1 || l.reject > l.accept || l.gives <= 0 || l.gives > 1) {
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
    if (w[1] != StanceContextName(k) ||
        !model_text::ParseDouble(w[2], &c.platt.a) ||
        !model_text::ParseDouble(w[3], &c.platt.b) ||
        !model_text::ParseDouble(w[4], &c.accept) || c.accept < 0 ||
        c.accept > 1) {
      return r.Error(std::string("bad stance calibration (") +
                     StanceContextName(k) + ")");
    }
  }
  if (!(s = r.Expect("buckets", 2, &w)).ok()) return s;
  auto [end, ec] =
      std::from_chars(w[1].data(), w[1].data() + w[1].size(), *buckets);
  if (ec != std::errc() || end != w[1].data() + w[1].size() || *buckets < 0 ||
      *buckets > (1L << kHashBits)) {
    return r.Error("bad bucket count");
  }
  return Status::Ok();
}

Status ReadBlockWeights(ModelLineReader* r, long buckets, LinearModel* m) {
  Status s = CheckBlockSize(*r, buckets, m->labels.size(), r->rest().size());
  if (!s.ok()) return s;
  std::string_view block;
  r->Take(WeightsBlockSize(buckets, m->labels.size()), &block);
  if (!(s = ReadWeightsBlock(block, buckets, m)).ok()) {
    return r->Error("in the weights: " + s.message());
  }
  if (r->rest() != kBlockEnd) return NoEndAfterBlock(*r);
  return Status::Ok();
}

Status ReadHead(std::string_view head, std::string_view source, int* format,
                std::string* version) {
  ModelLineReader r(head, source);
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
