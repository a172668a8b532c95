// Command-line options of every subcommand. The only module that includes
// Boost.Program_options; the rest of the program sees plain structs.
#ifndef INTAKE_CLI_OPTIONS_H_
#define INTAKE_CLI_OPTIONS_H_

#include <string>
#include <vector>

#include "classifiers/model_training.h"

namespace intake {

struct RunArgs {
  std::vector<std::string> inputs;  // files and folders, at least one
  std::string out_dir;              // --out, required
  std::string rules_path;           // --rules, "" for the default rules
  std::string model_path;           // --model, "" for the default model
  bool no_model = false;            // --no-model: the rules alone
  bool quiet = false;               // --quiet: no per-document lines
  int max_ocr_pages = -1;           // --max-ocr-pages, -1 for the default
  std::string state_path;           // --state, "" for <out>/intake.sqlite
  std::string log_path;             // --log, "" for <out>/intake.log
  int jobs = 0;                     // --jobs, 0 for one per core
  bool reprocess = false;           // --reprocess
  bool dry_run = false;             // --dry-run
  bool in_process = false;          // --in-process: no worker processes
  int max_memory_mib = 2048;        // --max-memory, per worker
  int stall_seconds = 120;          // --stall-timeout
  int doc_seconds = 900;            // --doc-timeout
  int recycle_after = 200;          // --recycle-after
  std::string shard;                // --shard K/N, "" for the whole run
  long long review_seed = 1;        // --review-seed: the review sample
};

struct MergeArgs {
  std::vector<std::string> shards;  // shard output folders or stores
  std::string out_dir;              // --out, required
  std::string state_path;           // --state
};

struct StatusArgs {
  std::string out_dir;     // positional, or
  std::string state_path;  // --state
};

struct ExtractArgs {
  std::string file;
  std::string rules_path;
  std::string model_path;
  bool no_model = false;
};

struct ClassifyArgs {
  std::string rules_path;
  std::string model_path;
  bool no_model = false;
};

struct EvalArgs {
  std::vector<std::string> gold_files;  // at least one
  std::string reviews_dir;  // --reviews: an output folder's decisions
  std::string rules_path;
  std::string model_path;
  bool no_model = false;
};

struct TrainArgs {
  // At least one of the two: labelled files, and output folders whose
  // reviewers' decisions are learned from (--reviews).
  std::vector<std::string> labelled_files;
  std::vector<std::string> reviews_dirs;
  std::string out_path;  // --out, required
  // --out-of-fold: where to write what training read of each passage out
  // of fold (cli/out_of_fold_file.h); "" for nowhere.
  std::string out_of_fold_path;
  std::string rules_path;
  // --folds, --cost, --accept-precision and --no-balance set these; the
  // rest keep the library's defaults, so the command and the library
  // cannot disagree on them.
  TrainOptions options;
};

struct DiffArgs {
  std::string old_dir;  // the --out folder of the earlier run
  std::string new_dir;  // the --out folder of the later run
  bool json = false;    // --json: one JSON object instead of text
  int examples = 5;     // --examples: changed passages shown, at most
};

struct ReviewArgs {
  std::string action;      // "import" or "export"
  std::string file;        // import: the CSV or JSON file
  std::string out_dir;     // --out: the output folder of the runs
  std::string state_path;  // --state, "" for <out>/intake.sqlite
  std::string reviewer;    // import --reviewer: for rows naming no one
  bool history = false;    // export --history: every decision, not newest
};

struct CompileArgs {
  std::string from_dir;  // --from (or positional): the run's output folder
  std::string out_dir;   // --out, "" for from_dir
};

enum class ParseOutcome {
  kOk,     // the struct is filled
  kHelp,   // --help was asked: `message` holds the help text
  kError,  // `message` says what is wrong with the command line
};

// What a command does after parsing: -1 to go on; else, having printed the
// help (on standard output) or the error (on standard error), the exit
// status.
int ExitForOutcome(ParseOutcome outcome, const std::string& message);

ParseOutcome ParseRunArgs(const std::vector<std::string>& args, RunArgs* out,
                          std::string* message);
ParseOutcome ParseMergeArgs(const std::vector<std::string>& args,
                            MergeArgs* out, std::string* message);
ParseOutcome ParseStatusArgs(const std::vector<std::string>& args,
                             StatusArgs* out, std::string* message);
ParseOutcome ParseExtractArgs(const std::vector<std::string>& args,
                              ExtractArgs* out, std::string* message);
ParseOutcome ParseClassifyArgs(const std::vector<std::string>& args,
                               ClassifyArgs* out, std::string* message);
ParseOutcome ParseEvalArgs(const std::vector<std::string>& args, EvalArgs* out,
                           std::string* message);
ParseOutcome ParseReviewArgs(const std::vector<std::string>& args,
                             ReviewArgs* out, std::string* message);
ParseOutcome ParseTrainArgs(const std::vector<std::string>& args,
                            TrainArgs* out, std::string* message);
ParseOutcome ParseCompileArgs(const std::vector<std::string>& args,
                              CompileArgs* out, std::string* message);
ParseOutcome ParseDiffArgs(const std::vector<std::string>& args, DiffArgs* out,
                           std::string* message);

}  // namespace intake

#endif  // INTAKE_CLI_OPTIONS_H_
