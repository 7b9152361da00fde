#include "rules/loader.h"

#include <openssl/sha.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "rules/labels.h"
#include "rules/layering.h"

namespace xxgk::rules {
namespace {

using google::protobuf::TextFormat;

class Collector : public google::protobuf::io::ErrorCollector {
 public:
  explicit Collector(std::string path) : path_(std::move(path)) {}
  void AddError(int line, google::protobuf::io::ColumnNumber column, const std::string& message) override {
    errors_.push_back(absl::StrCat(path_, ":", line + 1, ":", column + 1, ": ", message));
  }
  void AddWarning(int line, google::protobuf::io::ColumnNumber column, const std::string& message) override {
    // Warnings (e.g. deprecated fields) are not silently dropped either.
    errors_.push_back(absl::StrCat(path_, ":", line + 1, ":", column + 1, ": warning treated as error: ", message));
  }
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  std::string path_;
  std::vector<std::string> errors_;
};

absl::Status ParseInto(std::string_view text, std::string_view path, xxgk::v1::RuleSet* out,
                       TextFormat::ParseInfoTree* tree) {
  Collector collector{std::string(path)};
  TextFormat::Parser parser;
  parser.RecordErrorsTo(&collector);
  if (tree != nullptr) parser.WriteLocationsTo(tree);
  // Unknown fields and enum values are errors (the default); say so anyway.
  parser.AllowUnknownField(false);
  parser.AllowUnknownExtension(false);
  google::protobuf::io::ArrayInputStream input(text.data(), static_cast<int>(text.size()));
  const bool ok = parser.Parse(&input, out);
  if (ok && collector.errors().empty()) return absl::OkStatus();
  if (collector.errors().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(std::string(path), ":1: cannot parse as xxgk.v1.RuleSet"));
  }
  return absl::InvalidArgumentError(absl::StrJoin(collector.errors(), "\n"));
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * SHA256_DIGEST_LENGTH);
  for (unsigned char c : digest) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

absl::StatusOr<xxgk::v1::RuleSet> ParseRuleSetText(std::string_view text, std::string_view path) {
  xxgk::v1::RuleSet set;
  absl::Status s = ParseInto(text, path, &set, nullptr);
  if (!s.ok()) return s;
  return set;
}

absl::StatusOr<std::vector<SourceFile>> ReadRuleFiles(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return absl::InvalidArgumentError(absl::StrCat(dir, ": not a readable directory of rule sets"));
  }
  std::vector<SourceFile> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::follow_directory_symlink, ec), end;
  if (ec) return absl::InvalidArgumentError(absl::StrCat(dir, ": ", ec.message()));
  for (; it != end; it.increment(ec)) {
    if (ec) return absl::InvalidArgumentError(absl::StrCat(dir, ": ", ec.message()));
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    // Hidden entries are skipped: Kubernetes ConfigMap volumes keep their
    // real files under ..data / ..<timestamp> and link them at the top.
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (p.extension() != ".textproto" || !it->is_regular_file(ec)) continue;
    std::ifstream in(p, std::ios::binary);
    if (!in) return absl::InvalidArgumentError(absl::StrCat(p.string(), ": cannot read"));
    std::ostringstream buf;
    buf << in.rdbuf();
    files.push_back({fs::relative(p, dir, ec).generic_string(), buf.str()});
    if (ec) files.back().path = p.string();
  }
  if (files.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(dir, ": no *.textproto rule-set files found"));
  }
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return files;
}

absl::StatusOr<std::shared_ptr<const Snapshot>> CompileSnapshot(const std::vector<SourceFile>& files) {
  PrecomputeCellLabels();  // once per process, here rather than in the first validation
  std::vector<ParsedSet> parsed;
  std::vector<std::string> errors;
  for (const SourceFile& f : files) {
    ParsedSet p;
    p.file = f.path;
    p.content_hash = Sha256Hex(f.content);
    p.tree = std::make_unique<TextFormat::ParseInfoTree>();
    absl::Status s = ParseInto(f.content, f.path, &p.set, p.tree.get());
    if (!s.ok()) {
      errors.push_back(std::string(s.message()));
      continue;
    }
    parsed.push_back(std::move(p));
  }
  std::string all;
  std::vector<const SourceFile*> sorted;
  for (const auto& f : files) sorted.push_back(&f);
  std::sort(sorted.begin(), sorted.end(), [](const SourceFile* a, const SourceFile* b) { return a->path < b->path; });
  for (const SourceFile* f : sorted) {
    absl::StrAppend(&all, f->path, std::string(1, '\0'), f->content, std::string(1, '\0'));
  }
  return BuildSnapshot(std::move(parsed), std::move(errors), Sha256Hex(all));
}

}  // namespace xxgk::rules
