#include "cli/options.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "cli/exit_codes.h"

namespace intake {
namespace po = boost::program_options;
namespace {

const char kRulesHelp[] =
    "rules file (default: $INTAKE_RULES, else the rules installed with "
    "intake)";
const char kModelHelp[] =
    "learned model (default: $INTAKE_MODEL, else the model installed with "
    "intake)";
const char kNoModelHelp[] = "classify with the rules alone";

// Parses `args` against `visible` (+ hidden positionals); converts Boost's
// exceptions into an outcome and a message here, at the edge.
ParseOutcome Parse(const std::vector<std::string>& args, const char* usage,
                   const po::options_description& visible,
                   const po::options_description& hidden,
                   const po::positional_options_description& positional,
                   po::variables_map* vm, std::string* message) {
  po::options_description all;
  all.add(visible).add(hidden);
  try {
    po::store(
        po::command_line_parser(args).options(all).positional(positional).run(),
        *vm);
    if (vm->count("help")) {
      std::ostringstream help;
      help << usage << "\n" << visible;
      *message = help.str();
      return ParseOutcome::kHelp;
    }
    po::notify(*vm);
  } catch (const po::error& e) {
    *message = std::string(e.what()) + "\nusage: " + usage;
    return ParseOutcome::kError;
  }
  return ParseOutcome::kOk;
}

}  // namespace

int ExitForOutcome(ParseOutcome outcome, const std::string& message) {
  if (outcome == ParseOutcome::kHelp) {
    std::cout << message;
    return kExitOk;
  }
  if (outcome == ParseOutcome::kError) {
    std::cerr << "intake: " << message << "\n";
    return kExitCannotRun;
  }
  return -1;
}

ParseOutcome ParseRunArgs(const std::vector<std::string>& args, RunArgs* out,
                          std::string* message) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "out,o", po::value(&out->out_dir)->required(),
      "folder for documents.jsonl and passages.jsonl (created if missing)")(
      "rules", po::value(&out->rules_path), kRulesHelp)(
      "model", po::value(&out->model_path), kModelHelp)(
      "no-model", po::bool_switch(&out->no_model), kNoModelHelp)(
      "quiet,q", po::bool_switch(&out->quiet),
      "print only the summary, not a line per failed document")(
      "max-ocr-pages", po::value(&out->max_ocr_pages),
      "pages of one PDF read by OCR at most (default 50; 0: no OCR)")(
      "state", po::value(&out->state_path),
      "state store (default: DIR/intake.sqlite)")(
      "log", po::value(&out->log_path),
      "log file, one line per document, appended (default: DIR/intake.log)")(
      "jobs,j", po::value(&out->jobs),
      "documents processed at once (default: one per core)")(
      "reprocess", po::bool_switch(&out->reprocess),
      "process every document again, even those the store has up to date")(
      "dry-run,n", po::bool_switch(&out->dry_run),
      "list what would be processed and why; change nothing")(
      "in-process", po::bool_switch(&out->in_process),
      "read documents in this process, one at a time, with no worker "
      "processes (for debugging: a crashing document stops the run)")(
      "max-memory", po::value(&out->max_memory_mib),
      "memory one worker may use, in MiB (default 2048)")(
      "stall-timeout", po::value(&out->stall_seconds),
      "seconds a worker may go without progress (default 120)")(
      "doc-timeout", po::value(&out->doc_seconds),
      "seconds one document may take in all (default 900)")(
      "recycle-after", po::value(&out->recycle_after),
      "documents a worker reads before it is replaced (default 200)")(
      "shard", po::value(&out->shard),
      "K/N: only the files whose content hash falls in shard K of N, with "
      "what they hold (a task of a cluster job array; see 'intake merge')")(
      "review-seed", po::value(&out->review_seed),
      "seed of the random sample on the review list (default 1: the same "
      "sample every run)");
  po::options_description hidden;
  hidden.add_options()("input", po::value(&out->inputs)->required());
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  ParseOutcome outcome = Parse(
      args,
      "intake run INPUT... --out DIR\n"
      "Reads every document in the INPUT files and folders and writes "
      "classified records to DIR.\nOnly documents that are new, changed, or "
      "read with other rules are processed; DIR\nalways holds the records of "
      "every document in the state store.",
      visible, hidden, positional, &vm, message);
  if (outcome != ParseOutcome::kOk) return outcome;
  const std::pair<const char*, int> positive[] = {
      {"--max-memory", out->max_memory_mib},
      {"--stall-timeout", out->stall_seconds},
      {"--doc-timeout", out->doc_seconds},
      {"--recycle-after", out->recycle_after}};
  for (const auto& [name, value] : positive) {
    if (value < 1) {
      *message = std::string(name) + " must be at least 1";
      return ParseOutcome::kError;
    }
  }
  if (vm.count("jobs") && out->jobs < 1) {
    *message = "--jobs must be at least 1";
    return ParseOutcome::kError;
  }
  return ParseOutcome::kOk;
}

ParseOutcome ParseMergeArgs(const std::vector<std::string>& args,
                            MergeArgs* out, std::string* message) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "out,o", po::value(&out->out_dir)->required(),
      "folder for the merged store and records (created if missing)")(
      "state", po::value(&out->state_path),
      "the merged state store (default: DIR/intake.sqlite)");
  po::options_description hidden;
  hidden.add_options()("shard", po::value(&out->shards)->required());
  po::positional_options_description positional;
  positional.add("shard", -1);
  po::variables_map vm;
  return Parse(args,
               "intake merge SHARD_DIR... --out DIR\n"
               "Joins the state stores of the shards of a run ('intake run "
               "--shard K/N') into DIR:\nthe same records one run over all "
               "the inputs writes. Merging a shard again changes\nnothing.",
               visible, hidden, positional, &vm, message);
}

ParseOutcome ParseStatusArgs(const std::vector<std::string>& args,
                             StatusArgs* out, std::string* message) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "state", po::value(&out->state_path),
      "the state store (default: OUT_DIR/intake.sqlite)");
  po::options_description hidden;
  hidden.add_options()("out", po::value(&out->out_dir));
  po::positional_options_description positional;
  positional.add("out", 1);
  po::variables_map vm;
  ParseOutcome outcome = Parse(
      args,
      "intake status OUT_DIR | intake status --state PATH\n"
      "Summarises the state store: documents by status and rules version, "
      "quarantined\ndocuments and why, and the last runs.",
      visible, hidden, positional, &vm, message);
  if (outcome == ParseOutcome::kOk && out->out_dir.empty() &&
      out->state_path.empty()) {
    *message = "name an output folder or --state PATH";
    return ParseOutcome::kError;
  }
  return outcome;
}

ParseOutcome ParseExtractArgs(const std::vector<std::string>& args,
                              ExtractArgs* out, std::string* message) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "rules", po::value(&out->rules_path), kRulesHelp)(
      "model", po::value(&out->model_path), kModelHelp)(
      "no-model", po::bool_switch(&out->no_model), kNoModelHelp);
  po::options_description hidden;
  hidden.add_options()("file", po::value(&out->file)->required());
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  return Parse(args,
               "intake extract FILE\n"
               "Prints the passages of one document as JSON Lines "
               "(the records of passages.jsonl).",
               visible, hidden, positional, &vm, message);
}

ParseOutcome ParseClassifyArgs(const std::vector<std::string>& args,
                               ClassifyArgs* out, std::string* message) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "rules", po::value(&out->rules_path), kRulesHelp)(
      "model", po::value(&out->model_path), kModelHelp)(
      "no-model", po::bool_switch(&out->no_model), kNoModelHelp);
  po::options_description hidden;
  po::positional_options_description positional;
  po::variables_map vm;
  return Parse(args,
               "intake classify < IN.jsonl > OUT.jsonl\n"
               "Reads JSON objects with a \"text\" field (and optionally "
               "\"id\", \"lang\") one per line,\nand writes each back with "
               "the classification fields added.",
               visible, hidden, positional, &vm, message);
}

ParseOutcome ParseEvalArgs(const std::vector<std::string>& args, EvalArgs* out,
                           std::string* message) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "rules", po::value(&out->rules_path), kRulesHelp)(
      "reviews", po::value(&out->reviews_dir),
      "measure against every passage reviewers decided in this output "
      "folder's state store that the store still holds, read as the run "
      "read it (with or instead of gold files)")(
      "model", po::value(&out->model_path), kModelHelp)(
      "no-model", po::bool_switch(&out->no_model), kNoModelHelp);
  po::options_description hidden;
  hidden.add_options()("gold", po::value(&out->gold_files)->multitoken());
  po::positional_options_description positional;
  positional.add("gold", -1);
  po::variables_map vm;
  ParseOutcome outcome = Parse(
      args,
      "intake eval [GOLD.jsonl...] [--reviews OUT_DIR]\n"
      "Classifies the \"text\" of every line of labelled files (the form "
      "'intake classify'\nwrites, gold labels in article14, activity, theme, "
      "stance) and prints precision,\nrecall and F1 per code, micro and macro "
      "per dimension, stance accuracy and\nthe stance confusion table; with a "
      "model, the rules alone beside rules and model,\nthe calibration error "
      "and the review bands (docs/model.md).",
      visible, hidden, positional, &vm, message);
  if (outcome == ParseOutcome::kOk && out->gold_files.empty() &&
      out->reviews_dir.empty()) {
    *message = "give gold files or --reviews OUT_DIR";
    return ParseOutcome::kError;
  }
  return outcome;
}

ParseOutcome ParseCompileArgs(const std::vector<std::string>& args,
                              CompileArgs* out, std::string* message) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "from,f", po::value(&out->from_dir),
      "output folder of 'intake run' whose records are compiled (or give it "
      "as the first argument)")(
      "out,o", po::value(&out->out_dir),
      "folder for compilation.html and compilation.odt (created if missing; "
      "default: the --from folder)");
  po::options_description hidden;
  hidden.add_options()("run-dir", po::value<std::string>());
  po::positional_options_description positional;
  positional.add("run-dir", 1);
  po::variables_map vm;
  const char usage[] =
      "intake compile --from RUN_DIR [--out DIR]\n"
      "Reads the records of a run (RUN_DIR/documents.jsonl and "
      "passages.jsonl, reviewers' labels\nincluded) and writes "
      "DIR/compilation.html and DIR/compilation.odt: the submissions\n"
      "grouped by submitter with their labelled passages, and the summary "
      "figures\n(docs/compile.md). Exits 2 when RUN_DIR holds no records.";
  ParseOutcome outcome =
      Parse(args, usage, visible, hidden, positional, &vm, message);
  if (outcome != ParseOutcome::kOk) return outcome;
  std::string problem;
  if (vm.count("run-dir")) {
    if (!out->from_dir.empty()) {
      problem = "give the run's folder once: as --from or as an argument";
    } else {
      out->from_dir = vm["run-dir"].as<std::string>();
    }
  }
  if (problem.empty() && out->from_dir.empty()) {
    problem = "--from RUN_DIR is required";
  }
  if (problem.empty()) {
    if (out->out_dir.empty()) out->out_dir = out->from_dir;
    return outcome;
  }
  *message = problem + "\nusage: " + usage;
  return ParseOutcome::kError;
}

ParseOutcome ParseReviewArgs(const std::vector<std::string>& args,
                             ReviewArgs* out, std::string* message) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "out,o", po::value(&out->out_dir),
      "output folder of 'intake run' (its state store holds the decisions)")(
      "state", po::value(&out->state_path),
      "state store (default: DIR/intake.sqlite)")(
      "reviewer", po::value(&out->reviewer),
      "import: who decided the rows that name no reviewer")(
      "history", po::bool_switch(&out->history),
      "export: every decision ever imported, oldest first, not only the "
      "newest of each passage");
  po::options_description hidden;
  hidden.add_options()("action", po::value(&out->action))(
      "file", po::value(&out->file));
  po::positional_options_description positional;
  positional.add("action", 1).add("file", 1);
  po::variables_map vm;
  const char usage[] =
      "intake review import FILE --out DIR | intake review export --out DIR\n"
      "import: stores the decisions of a filled-in review.csv or of the file "
      "review.html\nsaves, all or none, and rewrites DIR's records with the "
      "reviewers' labels.\nexport: prints every passage's newest decision "
      "as JSON (the form import reads).";
  ParseOutcome outcome =
      Parse(args, usage, visible, hidden, positional, &vm, message);
  if (outcome != ParseOutcome::kOk) return outcome;
  std::string problem;
  if (out->action != "import" && out->action != "export") {
    problem = "say import or export";
  } else if (out->action == "import" && out->file.empty()) {
    problem = "name the file to import";
  } else if (out->action == "export" && !out->file.empty()) {
    problem = "export takes no file: it prints to standard output";
  } else if (out->out_dir.empty()) {
    problem = "--out DIR is required";
  }
  if (problem.empty()) return outcome;
  *message = problem + "\nusage: " + usage;
  return ParseOutcome::kError;
}

ParseOutcome ParseTrainArgs(const std::vector<std::string>& args,
                            TrainArgs* out, std::string* message) {
  bool no_balance = false;  // --no-balance; read into out->options below
  // Boost would print the default as 0.95999999999999996.
  char precision[32];
  std::snprintf(precision, sizeof precision, "%g",
                out->options.accept_precision);
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "out,o", po::value(&out->out_path)->required(),
      "the model file to write (replaced atomically)")(
      "rules", po::value(&out->rules_path), kRulesHelp)(
      "folds",
      po::value(&out->options.folds)->default_value(out->options.folds),
      "cross-validation folds for calibration (passages of one letter stay "
      "together)")(
      "cost", po::value(&out->options.cost)->default_value(out->options.cost),
      "regularisation: liblinear's C")(
      "accept-precision",
      po::value(&out->options.accept_precision)
          ->default_value(out->options.accept_precision, precision),
      "how precise accepted labels must be out of fold, 0.5 to 1: lower "
      "sends fewer passages to review and accepts more wrong labels "
      "(docs/model.md, \"Bands\")")(
      "no-balance", po::bool_switch(&no_balance),
      "do not weigh each label's few positive passages up (docs/model.md, "
      "\"Training\")")(
      "ratio-power",
      po::value(&out->options.ratio_power)
          ->default_value(out->options.ratio_power),
      "weigh each feature, in each label's fit, by how unevenly it falls "
      "between that label's passages and the others, to this power (0: "
      "not at all; docs/model.md, \"Training\")")(
      "article14-ratio-power",
      po::value(&out->options.article14_ratio_power)
          ->default_value(out->options.article14_ratio_power),
      "the same for article14's labels (unscaled by default: scaled, they "
      "read no better; docs/model.md, \"Training\")")(
      "out-of-fold", po::value(&out->out_of_fold_path),
      "also write, as JSON Lines, each passage's labels and probabilities "
      "from the model trained without its letter (docs/model.md, "
      "\"Measuring\")")(
      "reviews", po::value(&out->reviews_dirs),
      "learn from every passage reviewers decided in this output folder's "
      "state store, with or without labelled files (repeat for more "
      "folders; docs/review.md)");
  po::options_description hidden;
  hidden.add_options()("labelled",
                       po::value(&out->labelled_files)->multitoken());
  po::positional_options_description positional;
  positional.add("labelled", -1);
  po::variables_map vm;
  ParseOutcome outcome = Parse(
      args,
      "intake train [LABELLED.jsonl...] [--reviews DIR]... --out MODEL "
      "[--out-of-fold FILE]\n"
      "Learns a model from labelled passages (the form 'intake eval' reads) "
      "for use with\nthe rules (docs/model.md). Give only the development "
      "part of the labelled data:\nwhat the model is measured on must not "
      "be trained on.",
      visible, hidden, positional, &vm, message);
  if (outcome == ParseOutcome::kOk && out->options.folds < 2) {
    *message = "--folds must be at least 2";
    return ParseOutcome::kError;
  }
  if (outcome == ParseOutcome::kOk && out->labelled_files.empty() &&
      out->reviews_dirs.empty()) {
    *message = "give labelled files, --reviews DIR, or both";
    return ParseOutcome::kError;
  }
  // It would replace a file the command reads or writes.
  const std::string& oof = out->out_of_fold_path;
  if (outcome == ParseOutcome::kOk && !oof.empty() &&
      (oof == out->out_path ||
       std::find(out->labelled_files.begin(), out->labelled_files.end(), oof) !=
           out->labelled_files.end())) {
    *message = "--out-of-fold " + oof + " is also the model or a labelled file";
    return ParseOutcome::kError;
  }
  out->options.balance_labels = !no_balance;
  return outcome;
}

ParseOutcome ParseDiffArgs(const std::vector<std::string>& args, DiffArgs* out,
                           std::string* message) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "json", po::bool_switch(&out->json),
      "print one JSON object (docs/diff.md) instead of the text report")(
      "examples", po::value(&out->examples)->default_value(out->examples),
      "passages whose text changed shown as examples, at most");
  po::options_description hidden;
  // Not required() for Boost: its message would name an option the user
  // never sees ("--new"); the check below names the arguments instead.
  hidden.add_options()("old", po::value(&out->old_dir))(
      "new", po::value(&out->new_dir));
  po::positional_options_description positional;
  positional.add("old", 1).add("new", 1);
  po::variables_map vm;
  const char usage[] =
      "intake diff OLD_OUT NEW_OUT\n"
      "Compares the records of two runs over the same documents (the --out "
      "folders of\ntwo 'intake run's): documents only in one run, status and "
      "passage count changes,\nlabels gained and lost per code over the "
      "passages of both runs, passages whose\ntext is in one run only, rules "
      "versions. Exits 0 when the runs do not differ,\n1 when they do, 2 when "
      "they could not be compared.";
  ParseOutcome outcome =
      Parse(args, usage, visible, hidden, positional, &vm, message);
  if (outcome != ParseOutcome::kOk) return outcome;
  std::string problem;
  if (out->new_dir.empty()) problem = "give two folders: OLD_OUT NEW_OUT";
  if (out->examples < 0) problem = "--examples must be 0 or more";
  if (problem.empty()) return outcome;
  *message = problem + "\nusage: " + usage;
  return ParseOutcome::kError;
}

}  // namespace intake
