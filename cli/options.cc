#include "cli/options.h"

#include <boost/program_options.hpp>
#include <sstream>

namespace intake {
namespace po = boost::program_options;
namespace {

const char kRulesHelp[] =
    "rules file (default: $INTAKE_RULES, else the rules installed with "
    "intake)";

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

ParseOutcome ParseRunArgs(const std::vector<std::string>& args, RunArgs* out,
                          std::string* message) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "out,o", po::value(&out->out_dir)->required(),
      "folder for documents.jsonl and passages.jsonl (created if missing)")(
      "rules", po::value(&out->rules_path), kRulesHelp)(
      "quiet,q", po::bool_switch(&out->quiet),
      "print only the summary, not a line per failed document")(
      "max-ocr-pages", po::value(&out->max_ocr_pages),
      "pages of one PDF read by OCR at most (default 50; 0: no OCR)");
  po::options_description hidden;
  hidden.add_options()("input", po::value(&out->inputs)->required());
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  return Parse(args,
               "intake run INPUT... --out DIR\n"
               "Reads every document in the INPUT files and folders and "
               "writes classified records to DIR.",
               visible, hidden, positional, &vm, message);
}

ParseOutcome ParseExtractArgs(const std::vector<std::string>& args,
                              ExtractArgs* out, std::string* message) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "rules", po::value(&out->rules_path), kRulesHelp);
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
      "rules", po::value(&out->rules_path), kRulesHelp);
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
      "rules", po::value(&out->rules_path), kRulesHelp);
  po::options_description hidden;
  hidden.add_options()("gold", po::value(&out->gold_file)->required());
  po::positional_options_description positional;
  positional.add("gold", 1);
  po::variables_map vm;
  return Parse(args,
               "intake eval GOLD.jsonl\n"
               "Classifies the \"text\" of every line of a labelled file (the "
               "form 'intake classify'\nwrites, gold labels in article14, "
               "activity, theme, stance) and prints precision,\nrecall and F1 "
               "per code, micro and macro per dimension, stance accuracy and\n"
               "the stance confusion table.",
               visible, hidden, positional, &vm, message);
}

}  // namespace intake
