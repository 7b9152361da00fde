// duplication: this year's report copied from last year's (needs the previous
// report in the request; quiet without it).
//
// Prose: both bodies are reduced to their CJK ideographs and Latin letters —
// digits, punctuation and spaces dropped, so a report whose only change is
// the year still compares as identical — and cut into overlapping shingles of
// `shingle_chars` characters (default 8). The Jaccard similarity of the two
// shingle sets at or above `threshold` (default 0.85) is a finding. Texts
// shorter than kMinShingles shingles are not compared (too little to judge).
//
// Figures (identical_figures): every number read in this year's tables equals
// the same cell last year, over at least kMinFigures cells, and not all are
// zero (an agency with nothing to report legitimately reports zeros twice).
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "report/cell_keys.h"
#include "rules/checks/checks.h"
#include "rules/decimal.h"
#include "rules/finding_util.h"

namespace xxgk::rules {
namespace {

using xxgk::v1::Finding;

constexpr int kDefaultShingle = 8;
constexpr double kDefaultThreshold = 0.85;
constexpr size_t kMinShingles = 30;
constexpr size_t kMinFigures = 5;

// Code points of the CJK ideographs and ASCII letters of `s` (UTF-8).
std::u32string Letters(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp = 0;
    size_t len = 1;
    if (c < 0x80) {
      cp = c;
    } else if ((c >> 5) == 0x6 && i + 1 < s.size()) {
      cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
      len = 2;
    } else if ((c >> 4) == 0xE && i + 2 < s.size()) {
      cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
      len = 3;
    } else if ((c >> 3) == 0x1E && i + 3 < s.size()) {
      cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
      len = 4;
    }
    i += len;
    const bool ascii_letter = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    const bool cjk = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
                     (cp >= 0x20000 && cp <= 0x2FFFF);
    if (ascii_letter || cjk) out.push_back(cp);
  }
  return out;
}

absl::flat_hash_set<uint64_t> Shingles(const std::u32string& text, int n) {
  absl::flat_hash_set<uint64_t> out;
  if (text.size() < static_cast<size_t>(n)) return out;
  for (size_t i = 0; i + n <= text.size(); ++i) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a over the code points
    for (int k = 0; k < n; ++k) {
      h ^= static_cast<uint64_t>(text[i + k]);
      h *= 1099511628211ull;
    }
    out.insert(h);
  }
  return out;
}

// The prose compared: section bodies without their headings (the six
// headings are the same in every report and would inflate the similarity).
std::string Body(const xxgk::v1::Report& r) {
  if (r.sections_size() == 0) return r.text();
  std::string s;
  for (const auto& sec : r.sections()) absl::StrAppend(&s, sec.text(), "\n");
  return s;
}

std::map<std::string, std::string> Figures(const xxgk::v1::Report& r) {
  std::map<std::string, std::string> out;
  report::ForEachCell(r.tables(), [&](const std::string& key, const xxgk::v1::Cell& cell) {
    if (cell.presence() == xxgk::v1::Cell::NUMBER) out[key] = cell.value();
  });
  return out;
}

bool SameNumber(const std::string& a, const std::string& b) {
  auto da = Decimal::Parse(a);
  auto db = Decimal::Parse(b);
  if (da.ok() && db.ok()) return *da == *db;
  return a == b;
}

class DuplicationCheck : public Check {
 public:
  DuplicationCheck(int shingle, double threshold, bool figures)
      : shingle_(shingle), threshold_(threshold), figures_(figures) {}

  void Evaluate(const EvalContext& ctx, std::vector<Finding>* out) const override {
    if (ctx.previous == nullptr) return;
    CheckProse(ctx.report, *ctx.previous, out);
    if (figures_) CheckFigures(ctx.report, ctx.cells(), *ctx.previous, out);
  }

 private:
  void CheckProse(const xxgk::v1::Report& cur, const xxgk::v1::Report& prev, std::vector<Finding>* out) const {
    const auto a = Shingles(Letters(Body(cur)), shingle_);
    const auto b = Shingles(Letters(Body(prev)), shingle_);
    if (a.size() < kMinShingles || b.size() < kMinShingles) return;
    size_t common = 0;
    for (uint64_t h : a) common += b.contains(h) ? 1 : 0;
    const double jaccard = static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
    if (jaccard < threshold_) return;
    Finding f = NewFinding();
    const int prev_year = prev.meta().report_year();
    const std::string prev_zh = prev_year > 0 ? absl::StrCat(prev_year, "年度报告") : "上一年度报告";
    const std::string prev_en = prev_year > 0 ? absl::StrCat("the ", prev_year, " report") : "last year's report";
    f.set_message(absl::StrFormat(
        "正文与%s高度雷同：%d字片段相似度%.1f%%（阈值%.0f%%，不计数字和标点），疑为照搬旧报告（内容雷同、敷衍塞责）。",
        prev_zh, shingle_, jaccard * 100, threshold_ * 100));
    f.set_message_en(absl::StrFormat(
        "The text is near-identical to %s: %d-character shingle similarity %.1f%% (threshold %.0f%%, digits and "
        "punctuation ignored).",
        prev_en, shingle_, jaccard * 100, threshold_ * 100));
    f.set_expected(absl::StrFormat("< %.2f", threshold_));
    f.set_actual(absl::StrFormat("%.3f", jaccard));
    f.mutable_location()->set_place("正文");
    f.mutable_location()->set_place_en("text");
    out->push_back(std::move(f));
  }

  void CheckFigures(const xxgk::v1::Report& cur, const CellIndex& cur_cells, const xxgk::v1::Report& prev,
                    std::vector<Finding>* out) const {
    const auto a = Figures(cur);
    const auto b = Figures(prev);
    if (a.size() < kMinFigures || a.size() != b.size()) return;
    bool any_nonzero = false;
    for (const auto& [key, value] : a) {
      auto it = b.find(key);
      if (it == b.end() || !SameNumber(value, it->second)) return;
      auto d = Decimal::Parse(value);
      if (!d.ok() || !d->is_zero()) any_nonzero = true;
    }
    if (!any_nonzero) return;
    Finding f = NewFinding();
    f.set_message(absl::StrFormat("统计表全部%d个数字与上一年度报告完全相同（且不全为0），疑为照搬旧数据。", a.size()));
    f.set_message_en(absl::StrFormat(
        "All %d table figures are identical to last year's report (and not all zero): copied data?", a.size()));
    f.set_actual(absl::StrCat(a.size(), " identical"));
    std::vector<std::string> keys;
    for (const auto& [key, value] : a) keys.push_back(key);
    SetCellLocation(cur_cells, keys, f.mutable_location());
    out->push_back(std::move(f));
  }

  int shingle_;
  double threshold_;
  bool figures_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Check>> CompileDuplication(const xxgk::v1::Rule& rule) {
  const auto& p = rule.duplication();
  const int shingle = p.shingle_chars() == 0 ? kDefaultShingle : p.shingle_chars();
  const double threshold = p.threshold() == 0 ? kDefaultThreshold : p.threshold();
  if (shingle < 2 || shingle > 64) {
    return absl::InvalidArgumentError(absl::StrCat("duplication.shingle_chars: ", shingle, " out of range 2..64"));
  }
  if (!(threshold > 0 && threshold <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat("duplication.threshold: ", threshold, " out of range (0, 1]"));
  }
  return std::unique_ptr<Check>(new DuplicationCheck(shingle, threshold, p.identical_figures()));
}

}  // namespace xxgk::rules
