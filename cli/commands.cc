#include "cli/commands.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "classifiers/combined_classifier.h"
#include "classifiers/rule_classifier.h"
#include "cli/classify_stream.h"
#include "cli/compile_command.h"
#include "cli/diff_report.h"
#include "cli/eval_stream.h"
#include "cli/exit_codes.h"
#include "cli/intake_build.h"
#include "cli/labelled_passages.h"
#include "cli/model_eval.h"
#include "cli/options.h"
#include "cli/review_command.h"
#include "cli/reviewed_passages.h"
#include "cli/run_diff.h"
#include "cli/run_reporter.h"
#include "cli/status_report.h"
#include "cli/train_model.h"
#include "cli/wiring.h"
#include "pipeline/identify.h"
#include "pipeline/json_records.h"
#include "pipeline/language.h"
#include "pipeline/merge.h"
#include "pipeline/process_document.h"
#include "pipeline/read_file.h"
#include "pipeline/runner.h"
#include "pipeline/shard.h"
#include "pipeline/state_store.h"
#include "review/review_files.h"

namespace intake {
namespace {

int RunCommand(const std::vector<std::string>& args);
int ExtractCommand(const std::vector<std::string>& args);
int ClassifyCommand(const std::vector<std::string>& args);
int EvalCommand(const std::vector<std::string>& args);
int TrainCommand(const std::vector<std::string>& args);
int StatusCommand(const std::vector<std::string>& args);
int MergeCommand(const std::vector<std::string>& args);
int DiffCommand(const std::vector<std::string>& args);

const Command kCommands[] = {
    {"run", "process files and folders of letters into records", RunCommand},
    {"status", "summarise the state store of an output folder", StatusCommand},
    {"merge", "join the stores of the shards of a run into one output",
     MergeCommand},
    {"extract", "print the passages of one document as JSON Lines",
     ExtractCommand},
    {"classify", "add labels to JSON Lines passages read on standard input",
     ClassifyCommand},
    {"eval", "measure the classifier against labelled JSON Lines files",
     EvalCommand},
    {"train",
     "learn a model from labelled JSON Lines files and reviewers' decisions",
     TrainCommand},
    {"diff", "compare the records of two runs over the same documents",
     DiffCommand},
    {"review", "import reviewers' decisions, or export them", ReviewCommand},
    {"compile", "write the compilation of submissions and its summary",
     CompileCommand},
};

void Error(const std::string& message) {
  std::cerr << "intake: " << message << "\n";
}

void WarnIfAny(const std::string& warning) {
  if (!warning.empty()) std::cerr << "intake: warning: " << warning << "\n";
}

bool Load(Wiring* wiring, const ClassifierFlags& flags) {
  Status s = Wire(flags, wiring);
  if (!s.ok()) Error(s.message());
  if (s.ok()) WarnIfAny(wiring->warning);
  return s.ok();
}

WorkerLimits LimitsFrom(const RunArgs& args) {
  WorkerLimits limits;
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  limits.workers =
      args.jobs > 0 ? args.jobs : static_cast<int>(cores < 1 ? 1 : cores);
  limits.max_memory_bytes = static_cast<long long>(args.max_memory_mib) << 20;
  limits.stall_seconds = args.stall_seconds;
  limits.total_seconds = args.doc_seconds;
  limits.recycle_after = args.recycle_after;
  return limits;
}

int RunCommand(const std::vector<std::string>& args) {
  RunArgs run_args;
  std::string message;
  int exit = ExitForOutcome(ParseRunArgs(args, &run_args, &message), message);
  if (exit >= 0) return exit;
  auto owned_wiring = std::make_unique<Wiring>();
  Wiring& wiring = *owned_wiring;
  if (!Load(&wiring,
            {run_args.rules_path, run_args.model_path, run_args.no_model})) {
    return kExitCannotRun;
  }
  if (run_args.max_ocr_pages >= 0) {
    wiring.stages.limits.max_ocr_pages = run_args.max_ocr_pages;
  }
  RunOptions options;
  options.inputs = run_args.inputs;
  options.out_dir = run_args.out_dir;
  options.state_path = run_args.state_path;
  options.reprocess = run_args.reprocess;
  options.dry_run = run_args.dry_run;
  options.isolate = !run_args.in_process;
  options.model_version = wiring.classifier->ModelVersion();
  options.intake_build = kIntakeBuild;
  options.workers = LimitsFrom(run_args);
  if (!run_args.shard.empty()) {
    Status s = ParseShard(run_args.shard, &options.shard);
    if (!s.ok()) {
      Error(s.message());
      return kExitCannotRun;
    }
  }
  if (run_args.in_process && run_args.jobs > 1) {
    Error("--in-process reads one document at a time; --jobs is ignored");
  }
  RunReporter reporter(std::cout, std::cerr, run_args.quiet,
                       isatty(STDERR_FILENO) != 0);
  if (!run_args.dry_run) {
    std::error_code ec;
    std::filesystem::create_directories(run_args.out_dir, ec);
    std::string log_path = run_args.log_path.empty()
                               ? run_args.out_dir + "/intake.log"
                               : run_args.log_path;
    Status s = reporter.OpenLog(log_path);
    if (!s.ok()) {
      Error(s.message());
      return kExitCannotRun;
    }
  }
  RunSummary summary;
  Status s = RunPipeline(options, wiring.stages, &reporter, &summary);
  reporter.Finish();
  if (!s.ok()) {
    Error(s.message());
    return kExitCannotRun;
  }
  if (run_args.dry_run) {
    return summary.problems > 0 ? kExitSomeFailed : kExitOk;
  }
  ReviewListOptions review;
  review.seed = static_cast<std::uint64_t>(run_args.review_seed);
  long long listed = 0;
  s = WriteReviewList(options.out_dir, review, &listed);
  if (!s.ok()) {
    Error("review list: " + s.message());
    return kExitCannotRun;
  }
  std::cerr << "intake: " << summary.processed << " documents processed ("
            << summary.failed << " failed, " << summary.quarantined
            << " quarantined), " << summary.unchanged << " unchanged; "
            << summary.documents << " documents and " << summary.passages
            << " passages in " << options.out_dir << "/documents.jsonl and "
            << options.out_dir << "/passages.jsonl; " << listed
            << " passages to review in " << options.out_dir
            << "/review.html and review.csv\n";
  if (summary.skipped > 0) {
    std::cerr << "intake: " << summary.skipped
              << " files left on purpose (Maildir tmp/ and bookkeeping; "
                 "\"skipped\" lines in the log)\n";
  }
  if (summary.problems > 0) {
    std::cerr << "intake: " << summary.problems
              << " inputs could not be listed or followed (see above)\n";
  }
  // The run is over and its files are written: the wiring is left to the
  // system at exit, since freeing the compiled patterns, the gazetteer's
  // tables and the model one allocation at a time was the last 10-20 ms of
  // every run.
  owned_wiring.release();
  return summary.failed > 0 || summary.problems > 0 ? kExitSomeFailed : kExitOk;
}

int MergeCommand(const std::vector<std::string>& args) {
  MergeArgs merge_args;
  std::string message;
  int exit =
      ExitForOutcome(ParseMergeArgs(args, &merge_args, &message), message);
  if (exit >= 0) return exit;
  OutputCounts counts;
  Status s = MergeShards(merge_args.shards, merge_args.out_dir,
                         merge_args.state_path, &counts);
  if (!s.ok()) {
    Error(s.message());
    return kExitCannotRun;
  }
  std::cerr << "intake: merged " << merge_args.shards.size()
            << " shards: " << counts.documents << " documents and "
            << counts.passages << " passages in " << merge_args.out_dir << "\n";
  return kExitOk;
}

int StatusCommand(const std::vector<std::string>& args) {
  StatusArgs status_args;
  std::string message;
  int exit =
      ExitForOutcome(ParseStatusArgs(args, &status_args, &message), message);
  if (exit >= 0) return exit;
  std::string path = status_args.state_path.empty()
                         ? status_args.out_dir + "/intake.sqlite"
                         : status_args.state_path;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    Error("no state store at " + path + " (has 'intake run' written there?)");
    return kExitCannotRun;
  }
  std::unique_ptr<StateStore> store;
  Status s = StateStore::Open(path, &store);
  StoreSummary summary;
  if (s.ok()) s = store->Summarize(&summary);
  if (!s.ok()) {
    Error(s.message());
    return kExitCannotRun;
  }
  std::cout << FormatStoreSummary(path, summary);
  return kExitOk;
}

int ExtractCommand(const std::vector<std::string>& args) {
  ExtractArgs extract_args;
  std::string message;
  int exit =
      ExitForOutcome(ParseExtractArgs(args, &extract_args, &message), message);
  if (exit >= 0) return exit;
  Wiring wiring;
  if (!Load(&wiring, {extract_args.rules_path, extract_args.model_path,
                      extract_args.no_model})) {
    return kExitCannotRun;
  }
  // One document to classify: the model is needed, and a bad one is an
  // error before anything is printed.
  if (Status prepared = wiring.classifier->Prepare(); !prepared.ok()) {
    Error(prepared.message());
    return kExitCannotRun;
  }
  std::string data;
  long long size = 0;
  Status read = ReadWholeFile(extract_args.file, RunOptions().max_file_bytes,
                              &data, &size);
  if (!read.ok()) {
    Error(extract_args.file + ": " + read.message());
    return kExitCannotRun;
  }
  std::unique_ptr<Identifier> identifier;
  Status s = Identifier::Open(&identifier);
  if (!s.ok()) {
    Error(s.message());
    return kExitCannotRun;
  }
  Identity identity = identifier->Identify(data);
  DocumentRecord record = ProcessDocument(extract_args.file, data, identity,
                                          wiring.stages, nullptr);
  for (size_t i = 0; i < record.passages.size(); ++i) {
    std::cout << PassageJson(record, i) << "\n";
  }
  if (IsFailure(record)) {
    Error(record.path + ": " + record.status + ": " + record.error);
    return kExitSomeFailed;
  }
  if (record.embedded > 0) {
    Error(record.path + " holds " + std::to_string(record.embedded) +
          " documents; 'intake run' reads them");
  }
  return kExitOk;
}

int ClassifyCommand(const std::vector<std::string>& args) {
  ClassifyArgs classify_args;
  std::string message;
  int exit = ExitForOutcome(ParseClassifyArgs(args, &classify_args, &message),
                            message);
  if (exit >= 0) return exit;
  ClassifierData data;
  Status s =
      LoadClassifierData({classify_args.rules_path, classify_args.model_path,
                          classify_args.no_model},
                         &data);
  if (!s.ok()) {
    Error(s.message());
    return kExitCannotRun;
  }
  WarnIfAny(data.warning);
  return ClassifyStream(std::cin, std::cout, std::cerr, *MakeClassifier(data));
}

int EvalCommand(const std::vector<std::string>& args) {
  EvalArgs eval_args;
  std::string message;
  int exit = ExitForOutcome(ParseEvalArgs(args, &eval_args, &message), message);
  if (exit >= 0) return exit;
  ClassifierData data;
  Status s = LoadClassifierData(
      {eval_args.rules_path, eval_args.model_path, eval_args.no_model}, &data);
  if (!s.ok()) {
    Error(s.message());
    return kExitCannotRun;
  }
  WarnIfAny(data.warning);
  LabelledReading gold;
  int bad = 0;
  if (!eval_args.reviews_dir.empty()) {
    // The decided passages as the run read them (cli/reviewed_passages.h).
    ReviewsRead reviews;
    s = AppendReviewedPassages(eval_args.reviews_dir, &gold, nullptr, &reviews);
    if (s.ok() && gold.labelled.empty()) {
      s = Status::NotFound("none of the " + std::to_string(reviews.decisions) +
                           " decisions in " + eval_args.reviews_dir +
                           " is on a passage its store still holds");
    }
    if (!s.ok()) {
      Error(s.message());
      return kExitCannotRun;
    }
    if (reviews.unmatched > 0) {
      WarnIfAny(std::to_string(reviews.unmatched) + " of " +
                std::to_string(reviews.decisions) + " decisions in " +
                eval_args.reviews_dir +
                " left out: their passage is gone from the store (its "
                "document was read again and the passage changed, or the "
                "document is gone)");
    }
  }
  std::vector<LabelledPassage> from_files;
  for (const std::string& file : eval_args.gold_files) {
    s = ReadLabelled(file, &from_files, nullptr, std::cerr, &bad);
    if (!s.ok()) {
      Error(s.message());
      return kExitCannotRun;
    }
  }
  if (from_files.empty() && eval_args.reviews_dir.empty()) {
    std::string files;
    for (const std::string& file : eval_args.gold_files) {
      files += (files.empty() ? "" : ", ") + file;
    }
    Error("no labelled passage to measure in " + files +
          (bad > 0 ? " (every line was left out, above)" : " (empty)"));
    return kExitCannotRun;
  }
  AppendLabelledLetters(std::move(from_files), &gold);
  std::cout << "rules " << data.rules->version() << "\n";
  if (data.model == nullptr) {
    RuleClassifier classifier(data.rules);
    std::cout << FormatEvaluation(EvaluatePassages(gold, classifier));
  } else {
    CombinedClassifier classifier(data.rules, data.gazetteer, data.model);
    std::cout << "model " << data.model->version << "\n"
              << FormatModelEvaluation(
                     EvaluateWithModel(gold, classifier, *data.model));
  }
  return bad > 0 ? kExitSomeFailed : kExitOk;
}

int TrainCommand(const std::vector<std::string>& args) {
  TrainArgs train_args;
  std::string message;
  int exit =
      ExitForOutcome(ParseTrainArgs(args, &train_args, &message), message);
  if (exit >= 0) return exit;
  ClassifierData data;
  Status s = LoadClassifierData({train_args.rules_path, "", true}, &data);
  if (s.ok()) {
    s = TrainFromFiles(train_args, data, std::cout, std::cerr);
  }
  if (!s.ok()) {
    Error(s.message());
    return kExitCannotRun;
  }
  return kExitOk;
}

int DiffCommand(const std::vector<std::string>& args) {
  DiffArgs diff_args;
  std::string message;
  int exit = ExitForOutcome(ParseDiffArgs(args, &diff_args, &message), message);
  if (exit >= 0) return exit;
  DiffOptions options;
  options.examples = diff_args.examples;
  RunDiff diff;
  Status s = DiffFolders(diff_args.old_dir, diff_args.new_dir, options, &diff);
  if (!s.ok()) {
    Error(s.message());
    return kExitCannotRun;
  }
  if (diff_args.json) {
    std::cout << DiffJson(diff, diff_args.old_dir, diff_args.new_dir)
                     .dump(2, ' ', false,
                           nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    std::cout << FormatDiffText(diff, diff_args.old_dir, diff_args.new_dir);
  }
  return diff.HasDifferences() ? kExitDifferent : kExitOk;
}

void PrintUsage(std::ostream& out) {
  out << "usage: intake COMMAND [ARGS...]\n\ncommands:\n";
  for (const Command& c : kCommands) {
    out << "  " << c.name << std::string(10 - std::strlen(c.name), ' ')
        << c.help << "\n";
  }
  out << "\n'intake COMMAND --help' describes a command; "
         "'intake --version' prints the version.\n";
}

int Dispatch(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(std::cerr);
    return kExitCannotRun;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintUsage(std::cout);
    return kExitOk;
  }
  if (name == "--version") {
    std::cout << "intake " << INTAKE_VERSION << " (build " << kIntakeBuild
              << ")\n";
    return kExitOk;
  }
  for (const Command& c : kCommands) {
    if (name == c.name) {
      return c.run(std::vector<std::string>(argv + 2, argv + argc));
    }
  }
  Error("unknown command '" + name + "'");
  PrintUsage(std::cerr);
  return kExitCannotRun;
}

}  // namespace

int Main(int argc, char** argv) {
  try {
    return Dispatch(argc, argv);
  } catch (const std::exception& e) {
    // Only what no document owns gets here (the output cannot be written,
    // memory is gone before any document); the run as a whole stops.
    Error(std::string("stopped: ") + e.what());
    return kExitCannotRun;
  }
}

}  // namespace intake
