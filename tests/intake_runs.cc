#include "tests/intake_runs.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>

#include "pipeline/sha256.h"
#include "tests/test_paths.h"

namespace intake::testing {

int Intake(const std::string& args, const std::string& stdout_file,
           const std::string& stderr_file) {
  std::string command =
      "cd '" + SourceDir() + "' && '" + IntakeBinary() + "' " + args;
  command += " > '" + (stdout_file.empty() ? "/dev/null" : stdout_file) + "'";
  command += " 2>'" + (stderr_file.empty() ? "/dev/null" : stderr_file) + "'";
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::map<std::string, std::string> Figures(const std::string& path) {
  std::map<std::string, std::string> figures;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    size_t colon = line.find(": ");
    if (colon != std::string::npos) {
      figures[line.substr(0, colon)] = line.substr(colon + 2);
    }
  }
  return figures;
}

std::vector<nlohmann::json> ReadJsonLines(const std::string& path) {
  std::vector<nlohmann::json> records;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    records.push_back(nlohmann::json::parse(line));
  }
  return records;
}

std::vector<nlohmann::json> RunAndReadDocuments(const std::string& input,
                                                const std::string& out) {
  int status = Intake("run --quiet '" + input + "' --out '" + out + "'");
  EXPECT_GE(status, 0) << "intake did not exit normally on " << input;
  return ReadJsonLines(out + "/documents.jsonl");
}

const nlohmann::json* FindDocument(const std::vector<nlohmann::json>& docs,
                                   const std::string& name) {
  for (const nlohmann::json& d : docs) {
    if (d["path"].get<std::string>().ends_with(name)) return &d;
    for (const nlohmann::json& other : d["other_paths"]) {
      if (other.get<std::string>().ends_with(name)) return &d;
    }
  }
  return nullptr;
}

std::vector<std::string> ProvenanceTypes(const nlohmann::json& doc) {
  std::vector<std::string> types;
  for (const nlohmann::json& step : doc["provenance"]) {
    types.push_back(step["type"]);
  }
  return types;
}

void ExpectSameRecords(const std::string& out_a, const std::string& out_b) {
  for (const char* name : {"/documents.jsonl", "/passages.jsonl"}) {
    std::string left = ReadFileOrDie(out_a + name);
    EXPECT_FALSE(left.empty()) << out_a << name;
    EXPECT_TRUE(left == ReadFileOrDie(out_b + name))
        << out_a << name << " differs from " << out_b << name;
  }
}

int RunAndDecideEveryPassage(const std::string& input, bool run_labels,
                             const std::string& dir, const std::string& out) {
  EXPECT_EQ(Intake("run --quiet --no-model " + input + " --out " + out), 0);
  nlohmann::json decisions = nlohmann::json::array();
  int body = 0;
  for (const nlohmann::json& p : ReadJsonLines(out + "/passages.jsonl")) {
    body += p["kind"] == "furniture" ? 0 : 1;
    nlohmann::json d = {
        {"passage_id", p["passage_id"]},
        {"doc_id", p["doc_id"]},
        {"text_sha256", Sha256Hex(p["text"].get<std::string>())},
        {"article14", {"14.1"}},
        {"activity", nlohmann::json::array()},
        {"theme", {"finance"}},
        {"stance", "need"}};
    if (run_labels) {
      for (const char* field : {"article14", "activity", "theme", "stance"}) {
        d[field] = p[field];
      }
    }
    decisions.push_back(d);
  }
  std::ofstream(dir + "/decisions.json")
      << nlohmann::json({{"format", "intake-review-decisions"},
                         {"version", 1},
                         {"reviewer", "Ana"},
                         {"decisions", decisions}})
             .dump();
  EXPECT_EQ(Intake("review import " + dir + "/decisions.json --out " + out), 0);
  return body;
}

}  // namespace intake::testing
