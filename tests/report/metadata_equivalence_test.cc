// Pins the fast paths of report/metadata.cc (literal and byte pre-checks
// before the header, date and period regexes; the years-mentioned scan
// without a regex) to the general implementation they replaced:
// metadata_reference below is that implementation, frozen; both must fill
// the same metadata and evidence from varied generated documents.
#include <random>

#include "gtest/gtest.h"
#include "report/metadata.h"
#include "report/normalize.h"

#include "report/utf8.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "re2/re2.h"
#include "report/gazetteer.h"

namespace xxgk::report::metadata_reference {

void ReferenceReadMetadata(xxgk::v1::Report* report);

namespace {

using xxgk::v1::AgencyLevel;
using xxgk::v1::Date;
using xxgk::v1::Metadata;
using xxgk::v1::Report;

struct Line {
  absl::string_view text;
  size_t begin = 0;  // byte offset in Report.text
  int number = 0;    // 1-based
};

std::vector<Line> SplitLines(const std::string& text) {
  std::vector<Line> lines;
  size_t start = 0;
  int number = 1;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(Line{absl::string_view(text).substr(start, end - start), start, number++});
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

re2::StringPiece SP(absl::string_view s) { return re2::StringPiece(s.data(), s.size()); }

absl::string_view Trim(absl::string_view s) {
  s = absl::StripAsciiWhitespace(s);
  while (absl::ConsumePrefix(&s, "\u3000")) {
  }
  return s;
}

bool IsPipeRow(absl::string_view line) { return absl::StartsWith(Trim(line), "|"); }

std::vector<absl::string_view> PipeCells(absl::string_view line) {
  std::vector<absl::string_view> cells;
  line = Trim(line);
  absl::ConsumePrefix(&line, "|");
  absl::ConsumeSuffix(&line, "|");
  for (absl::string_view c : absl::StrSplit(line, '|')) cells.push_back(Trim(c));
  return cells;
}

// Chinese digits as used in years and dates: 二〇二四, 十二, 三十一.
int ChineseDigit(absl::string_view ch) {
  static const std::map<std::string, int, std::less<>> kDigits = {
      {"〇", 0}, {"○", 0}, {"零", 0}, {"O", 0}, {"一", 1}, {"二", 2}, {"两", 2}, {"三", 3},
      {"四", 4}, {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}};
  auto it = kDigits.find(ch);
  return it == kDigits.end() ? -1 : it->second;
}

// "2024", "二〇二四", "十二", "三十一", "12" → number; -1 when not a number.
int ParseDatePart(absl::string_view s) {
  int v = 0;
  if (absl::SimpleAtoi(s, &v)) return v;
  const std::vector<std::string> chars = Utf8Chars(std::string_view(s.data(), s.size()));
  if (chars.empty()) return -1;
  bool has_ten = false;
  for (const auto& c : chars) has_ten = has_ten || c == "十";
  if (!has_ten) {  // digit by digit
    v = 0;
    for (const auto& c : chars) {
      const int d = ChineseDigit(c);
      if (d < 0) return -1;
      v = v * 10 + d;
    }
    return v;
  }
  int tens = 0, units = 0;
  size_t i = 0;
  if (chars[0] == "十") {
    tens = 1;
    i = 1;
  } else {
    tens = ChineseDigit(chars[0]);
    if (tens < 0 || chars.size() < 2 || chars[1] != "十") return -1;
    i = 2;
  }
  if (i < chars.size()) {
    units = ChineseDigit(chars[i]);
    if (units < 0 || i + 1 != chars.size()) return -1;
  }
  return tens * 10 + units;
}

bool ValidDate(int y, int m, int d) {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

void SetDate(Date* out, int y, int m, int d) {
  out->set_year(y);
  out->set_month(m);
  out->set_day(d);
}

void AddEvidence(Metadata* meta, const std::string& field, absl::string_view raw, size_t begin,
                 size_t end, int line, const std::string& method) {
  auto* ev = meta->add_evidence();
  ev->set_field(field);
  ev->set_raw(std::string(raw));
  ev->mutable_span()->set_begin(static_cast<uint32_t>(begin));
  ev->mutable_span()->set_end(static_cast<uint32_t>(end));
  ev->mutable_span()->set_line(static_cast<uint32_t>(line));
  ev->set_method(method);
}

size_t OffsetIn(absl::string_view whole, absl::string_view part) {
  return static_cast<size_t>(part.data() - whole.data());
}

// Digits (ASCII or Chinese) for date patterns.
constexpr char kNum[] = R"((\d{1,4}|[〇○零O一二三四五六七八九十两]{1,4}))";

// ---------------------------------------------------------------- title/year

bool NamesAnnualReport(absl::string_view t) {
  return absl::StrContains(t, "年度报告") || absl::StrContains(t, "年报") ||
         (absl::StrContains(t, "政府信息公开") && absl::StrContains(t, "报告"));
}

int YearIn(absl::string_view s, absl::string_view* raw);

// The title: the first line near the top naming an annual report with its
// year; else the first naming an annual report (navigation links such as
// "政府信息公开年报" carry no year).
int FindTitle(const std::vector<Line>& lines) {
  const int limit = std::min<int>(static_cast<int>(lines.size()), 40);
  int without_year = -1;
  for (int i = 0; i < limit; ++i) {
    absl::string_view t = Trim(lines[i].text);
    if (t.empty() || IsPipeRow(t) || t.size() > 240 || !NamesAnnualReport(t)) continue;
    if (YearIn(t, nullptr) != 0) return i;
    if (without_year < 0 && i < 15) without_year = i;
  }
  return without_year;
}

int YearIn(absl::string_view s, absl::string_view* raw) {
  static const re2::RE2 kYear(R"((\d{4}|[〇○零O一二三四五六七八九]{4})\s*年)");
  re2::StringPiece in = SP(s), y;
  while (RE2::FindAndConsume(&in, kYear, &y)) {
    const int v = ParseDatePart(absl::string_view(y.data(), y.size()));
    if (v >= 1990 && v <= 2100) {
      if (raw) *raw = absl::string_view(y.data(), y.size());
      return v;
    }
  }
  return 0;
}

// ---------------------------------------------------------------- headers

// Value of a header field (发布机构, 来源, 索引号, 发布日期 ...) in the first
// lines: "| 发布机构 | X |" rows or "来源:X" text.
struct HeaderValue {
  std::string value;
  const Line* line = nullptr;
  absl::string_view raw;
};

std::optional<HeaderValue> HeaderField(const std::vector<Line>& lines,
                                       const std::vector<std::string>& keys, size_t max_lines) {
  for (size_t i = 0; i < lines.size() && i < max_lines; ++i) {
    const Line& line = lines[i];
    if (IsPipeRow(line.text)) {
      std::vector<absl::string_view> cells = PipeCells(line.text);
      for (size_t c = 0; c + 1 < cells.size(); ++c) {
        std::string label(cells[c]);
        label.erase(std::remove(label.begin(), label.end(), ' '), label.end());
        absl::string_view l = label;
        absl::ConsumeSuffix(&l, ":");
        for (const auto& k : keys) {
          if (l == k && !cells[c + 1].empty()) {
            return HeaderValue{std::string(cells[c + 1]), &line, cells[c + 1]};
          }
        }
      }
      continue;
    }
    for (const auto& k : keys) {
      size_t pos = line.text.find(k);
      if (pos == absl::string_view::npos) continue;
      absl::string_view rest = line.text.substr(pos + k.size());
      rest = absl::StripLeadingAsciiWhitespace(rest);
      if (!absl::ConsumePrefix(&rest, ":")) continue;
      rest = absl::StripLeadingAsciiWhitespace(rest);
      size_t stop = rest.find_first_of(" \t|");
      // The next field may follow without a space (spaces between ideographs
      // are collapsed): cut at the next known label.
      for (const char* next : {"阅读次数", "浏览次数", "访问次数", "点击数", "点击量", "浏览量",
                               "发布时间", "发布日期", "作者", "字号", "字体", "责任编辑",
                               "编辑", "来源", "信息来源", "分享"}) {
        const size_t at = rest.find(next);
        if (at != absl::string_view::npos && at > 0 && at < stop) stop = at;
      }
      absl::string_view v = rest.substr(0, stop);
      if (!v.empty()) return HeaderValue{std::string(v), &line, v};
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- agency

const std::vector<std::string>& AgencySuffixes() {
  static const auto* k = new std::vector<std::string>{
      "街道办事处", "人民政府办公室", "人民政府", "管理委员会", "管委会", "办事处", "委员会",
      "办公室", "管理局", "局", "厅", "委", "署", "中心", "政府"};
  return *k;
}

// Ideographs only (no digits, punctuation, latin).
bool IsHanChar(absl::string_view ch) {
  if (ch.size() != 3) return ch.size() == 4;
  const unsigned char a = ch[0];
  return a >= 0xE4 && a <= 0xE9;
}

// The agency named in the title: text before the year, or between the year
// and 政府信息公开 ("2024年XX局政府信息公开工作年度报告").
std::string AgencyFromTitle(absl::string_view title) {
  static const re2::RE2 kBefore(R"(^(?:关于)?([^\d〇○零一二三四五六七八九\s《]{2,40}?)\s*(?:关于)?\s*\d{4}\s*年)");
  // "2023年度XX局政府信息公开…" (the organ before 政府信息公开, which may
  // itself end in 政府: "XX县人民政府政府信息公开"), else before 信息公开.
  static const re2::RE2 kAfterGov(R"(\d{4}\s*年度?\s*([^\d\s]{2,40}?)政府信息公开)");
  static const re2::RE2 kAfter(R"(\d{4}\s*年度?\s*([^\d\s]{2,40}?)信息公开)");
  std::string a;
  if (RE2::PartialMatch(SP(title), kBefore, &a) && a.find("报告") == std::string::npos) {
    absl::string_view v = a;
    absl::ConsumeSuffix(&v, "的");
    return std::string(v);
  }
  for (const re2::RE2* re : {&kAfterGov, &kAfter}) {
    a.clear();
    if (!RE2::PartialMatch(SP(title), *re, &a)) continue;
    absl::string_view v = a;
    absl::ConsumeSuffix(&v, "的");
    if (v.size() < 6 || (absl::EndsWith(v, "政府") && re == &kAfter)) continue;
    if (absl::StrContains(v, "年度") || absl::StrContains(v, "报告")) continue;
    return std::string(v);
  }
  return "";
}

// Extends a name found at [b, e) of `text` to the left over adjacent place
// names (潜江市 + 高场街道办事处) and to the right with 人民政府 when the
// document writes it there.
std::pair<size_t, size_t> ExtendName(absl::string_view text, size_t b, size_t e) {
  const Gazetteer& g = Gazetteer::Default();
  for (int guard = 0; guard < 4; ++guard) {
    bool grown = false;
    // Try the longest place name (up to 12 characters) ending at b.
    for (size_t len = std::min<size_t>(b, 48); len >= 6 && !grown; --len) {
      const size_t start = b - len;
      if ((static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) continue;
      absl::string_view cand = text.substr(start, len);
      auto found = g.ByName(std::string_view(cand.data(), cand.size()));
      if (!found.empty() && found[0]->name.size() == cand.size()) {  // full names only
        b = start;
        grown = true;
      }
    }
    if (!grown) break;
  }
  for (const char* suffix : {"人民政府", "街道办事处", "办事处"}) {
    absl::string_view rest = text.substr(e);
    if (absl::StartsWith(rest, suffix)) {
      e += strlen(suffix);
      break;
    }
  }
  return {b, e};
}

struct AgencyChoice {
  std::string name;
  std::string method;
  size_t begin = 0, end = 0;
  int line = 0;
};

int LineOf(const std::vector<Line>& lines, size_t offset) {
  for (const Line& l : lines) {
    if (offset >= l.begin && offset <= l.begin + l.text.size()) return l.number;
  }
  return 0;
}

// Organisation names ending with an agency suffix, as found in the text.
std::map<std::string, int> OrgNamesInText(absl::string_view text,
                                          std::map<std::string, size_t>* first_pos) {
  std::map<std::string, int> counts;
  for (const std::string& suffix : {std::string("人民政府"), std::string("街道办事处"),
                                    std::string("办事处"), std::string("局")}) {
    size_t pos = 0;
    while ((pos = text.find(suffix, pos)) != absl::string_view::npos) {
      const size_t e = pos + suffix.size();
      // Walk left over ideographs.
      size_t b = pos;
      while (b >= 3) {
        size_t k = b - 1;
        while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
        if (!IsHanChar(text.substr(k, b - k)) || b - k < 3 || pos - k > 45) break;
        b = k;
      }
      absl::string_view name = text.substr(b, e - b);
      // Start at the first place name when there is one.
      auto mentions = Gazetteer::Default().Mentions(std::string_view(name.data(), name.size()));
      // Only names that start with a place count (服务大局 is no organ).
      if (mentions.empty() || mentions[0].short_form) {
        pos = e;
        continue;
      }
      name = name.substr(mentions[0].begin);
      if (name.size() > suffix.size() + 3 && !absl::StartsWith(name, "中华人民共和国") &&
          !absl::StrContains(name, "国务院")) {
        std::string n(name);
        counts[n]++;
        first_pos->emplace(n, static_cast<size_t>(name.data() - text.data()));
      }
      pos = e;
    }
  }
  return counts;
}

std::optional<AgencyChoice> ReadAgency(const std::string& text, const std::vector<Line>& lines,
                                       int title_line, std::string* title_core) {
  std::vector<AgencyChoice> variants;
  const absl::string_view all(text);
  std::string core;
  if (title_line >= 0) core = AgencyFromTitle(Trim(lines[title_line].text));
  *title_core = core;
  // Header fields.
  for (const auto& keys : {std::vector<std::string>{"发布机构", "发文机关", "发布单位"},
                           std::vector<std::string>{"来源", "信息来源", "填报单位(盖章)",
                                                    "填报单位"}}) {
    auto hv = HeaderField(lines, keys, lines.size());
    if (!hv || hv->value.size() < 6) continue;
    const bool org = std::any_of(AgencySuffixes().begin(), AgencySuffixes().end(),
                                 [&](const std::string& s) { return absl::EndsWith(hv->value, s); });
    if (!org) continue;
    const size_t b = OffsetIn(all, hv->raw);
    variants.push_back(AgencyChoice{hv->value, keys[0] + " header", b, b + hv->value.size(),
                                    hv->line->number});
  }
  if (core.empty() && !variants.empty()) core = variants[0].name;
  if (core.empty()) {
    // The organisation the text names most often (ties: the earliest).
    std::map<std::string, size_t> first;
    auto counts = OrgNamesInText(all, &first);
    int best = 0;
    for (const auto& [name, n] : counts) {
      if (n > best || (n == best && first[name] < first[core])) {
        best = n;
        core = name;
      }
    }
    if (core.empty()) return std::nullopt;
  }
  // Every statement of the core in the text, extended to its fullest form.
  size_t pos = 0;
  while ((pos = all.find(core, pos)) != absl::string_view::npos) {
    auto [b, e] = ExtendName(all, pos, pos + core.size());
    variants.push_back(AgencyChoice{std::string(all.substr(b, e - b)), "fullest form in text", b, e,
                                    LineOf(lines, b)});
    pos += core.size();
  }
  // A core without suffix (阿猛镇) may be written with one elsewhere.
  if (variants.empty()) {
    const size_t b = title_line >= 0 ? lines[title_line].begin : 0;
    variants.push_back(AgencyChoice{core, "title", b, b + core.size(), LineOf(lines, b)});
  }
  // The fullest: longest; among equals the first stated.
  auto best = variants.begin();
  for (auto it = variants.begin(); it != variants.end(); ++it) {
    if (it->name.size() > best->name.size()) best = it;
  }
  // Keep only variants that contain the core (a header may name another organ).
  if (best->name.find(core) == std::string::npos) {
    for (auto it = variants.begin(); it != variants.end(); ++it) {
      if (it->name.find(core) != std::string::npos &&
          (best->name.find(core) == std::string::npos || it->name.size() > best->name.size())) {
        best = it;
      }
    }
  }
  return *best;
}

AgencyLevel LevelOf(const std::string& agency, const Division* region) {
  absl::string_view a = agency;
  if (absl::EndsWith(a, "街道办事处") || absl::EndsWith(a, "街道") ||
      (absl::EndsWith(a, "办事处") && absl::StrContains(a, "街道"))) {
    return xxgk::v1::STREET_OFFICE;
  }
  static const re2::RE2 kTownship(R"((镇|乡)(人民)?政府$|(镇|乡)$)");
  if (RE2::PartialMatch(SP(a), kTownship)) return xxgk::v1::TOWNSHIP_GOVERNMENT;
  const bool government = absl::EndsWith(a, "人民政府") ||
                          (absl::EndsWith(a, "政府") && !absl::EndsWith(a, "办公室"));
  if (absl::StartsWith(a, "国务院") || absl::StartsWith(a, "国家") ||
      (region == nullptr && (absl::EndsWith(a, "部") || absl::EndsWith(a, "总局") ||
                             absl::EndsWith(a, "总署")))) {
    return xxgk::v1::NATIONAL_DEPARTMENT;
  }
  if (absl::StrContains(a, "管理委员会") || absl::StrContains(a, "管委会") ||
      absl::EndsWith(a, "公司") || absl::EndsWith(a, "学校") || absl::EndsWith(a, "医院") ||
      absl::EndsWith(a, "大学")) {
    return xxgk::v1::OTHER_AGENCY;
  }
  if (region == nullptr) return xxgk::v1::AGENCY_LEVEL_UNSPECIFIED;
  switch (region->level) {
    case 1:
      return government ? xxgk::v1::PROVINCIAL_GOVERNMENT : xxgk::v1::PROVINCIAL_DEPARTMENT;
    case 2:
      return government ? xxgk::v1::PREFECTURE_GOVERNMENT : xxgk::v1::PREFECTURE_DEPARTMENT;
    case 3:
      return government ? xxgk::v1::COUNTY_GOVERNMENT : xxgk::v1::COUNTY_DEPARTMENT;
    default:
      return xxgk::v1::AGENCY_LEVEL_UNSPECIFIED;
  }
}

// ---------------------------------------------------------------- dates

struct FoundDate {
  int y = 0, m = 0, d = 0;
  absl::string_view raw;
};

std::optional<FoundDate> DateAt(absl::string_view s, bool anchored) {
  static const re2::RE2 kDate(
      std::string(R"((\d{4}|[〇○零O一二三四五六七八九]{4})\s*(?:年|-|/|\.)\s*)") + kNum +
      R"(\s*(?:月|-|/|\.)\s*)" + kNum + R"(\s*日?)");
  static const re2::RE2 kAnchored(
      std::string(R"(^\s*((\d{4}|[〇○零O一二三四五六七八九]{4})\s*(?:年|-|/|\.)\s*)") + kNum +
      R"(\s*(?:月|-|/|\.)\s*)" + kNum + R"(\s*日?))");
  re2::StringPiece in = SP(s), y, m, d, whole;
  bool ok = anchored ? RE2::PartialMatch(in, kAnchored, &whole, &y, &m, &d)
                     : RE2::PartialMatch(in, kDate, &y, &m, &d);
  if (!ok) return std::nullopt;
  FoundDate f;
  f.y = ParseDatePart(absl::string_view(y.data(), y.size()));
  f.m = ParseDatePart(absl::string_view(m.data(), m.size()));
  f.d = ParseDatePart(absl::string_view(d.data(), d.size()));
  if (!ValidDate(f.y, f.m, f.d)) return std::nullopt;
  f.raw = absl::string_view(y.data(), d.data() + d.size() - y.data());
  return f;
}

bool ReadPublishDate(const std::vector<Line>& lines, const std::string& text,
                     const std::string& agency, Metadata* meta) {
  static const re2::RE2 kLabel(
      R"((发布日期|发布时间|成文日期|发文日期|印发日期|公开日期|发布于)\s*[:|]?\s*\|?)");
  const size_t header_lines = std::min<size_t>(lines.size(), 25);
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    re2::StringPiece in = SP(line.text), label;
    if (!RE2::FindAndConsume(&in, kLabel, &label)) continue;
    // Only headers near the top or bottom (not prose mentioning a date).
    if (i >= header_lines && i + 8 < lines.size()) continue;
    auto d = DateAt(absl::string_view(in.data(), in.size()), /*anchored=*/true);
    if (!d) continue;
    SetDate(meta->mutable_publish_date(), d->y, d->m, d->d);
    const size_t b = OffsetIn(text, d->raw);
    AddEvidence(meta, "publish_date", line.text, b, b + d->raw.size(), line.number,
                std::string(label.data(), label.size()) + " header");
    return true;
  }
  // Sign-off: a date alone on one of the last lines, right after the
  // agency's name (or a line naming an organisation).
  int last = static_cast<int>(lines.size()) - 1;
  while (last >= 0 && Trim(lines[last].text).empty()) --last;
  static const re2::RE2 kOnlyDate(
      std::string(R"(^\s*(\d{4}|[〇○零O一二三四五六七八九]{4})\s*(?:年|-|/|\.)\s*)") + kNum +
      R"(\s*(?:月|-|/|\.)\s*)" + kNum + R"(\s*日?\s*$)");
  static const re2::RE2 kOrgThenDate(
      std::string(R"(^([^\d。,;:]{2,40}?)\s*((?:\d{4}|[〇○零O一二三四五六七八九]{4})\s*(?:年|-|/|\.)\s*)") +
      kNum + R"(\s*(?:月|-|/|\.)\s*)" + kNum + R"(\s*日?)\s*$)");
  for (int i = last; i >= 0 && i >= last - 4; --i) {
    absl::string_view t = Trim(lines[i].text);
    auto names_agency = [&](absl::string_view org) {
      return org.size() >= 6 && org.size() <= 90 &&
             ((!agency.empty() && absl::StrContains(agency, org)) ||
              (!agency.empty() && absl::StrContains(org, agency)) ||
              std::any_of(AgencySuffixes().begin(), AgencySuffixes().end(),
                          [&](const std::string& s) { return absl::EndsWith(org, s); }));
    };
    if (!RE2::FullMatch(SP(t), kOnlyDate)) {
      // "某县人民政府 2024年1月15日" on one line.
      re2::StringPiece org, date;
      if (RE2::FullMatch(SP(t), kOrgThenDate, &org, &date) &&
          names_agency(Trim(absl::string_view(org.data(), org.size())))) {
        const absl::string_view ds(date.data(), date.size());
        if (auto d = DateAt(ds, true)) {
          SetDate(meta->mutable_publish_date(), d->y, d->m, d->d);
          const size_t b = OffsetIn(text, ds);
          AddEvidence(meta, "publish_date", t, b, b + ds.size(), lines[i].number,
                      "sign-off date");
          return true;
        }
      }
      continue;
    }
    // The organisation line before it.
    bool signed_off = false;
    for (int j = i - 1; j >= 0 && j >= i - 2; --j) {
      const absl::string_view prev = Trim(lines[j].text);
      if (prev.empty() || prev.size() < 6 || prev.size() > 90) continue;
      if ((!agency.empty() && absl::StrContains(agency, prev)) ||
          (!agency.empty() && absl::StrContains(prev, agency)) ||
          std::any_of(AgencySuffixes().begin(), AgencySuffixes().end(),
                      [&](const std::string& s) { return absl::EndsWith(prev, s); })) {
        signed_off = true;
      }
      break;
    }
    if (!signed_off) continue;
    auto d = DateAt(t, true);
    if (!d) continue;
    SetDate(meta->mutable_publish_date(), d->y, d->m, d->d);
    const size_t b = OffsetIn(text, t);
    AddEvidence(meta, "publish_date", t, b, b + t.size(), lines[i].number, "sign-off date");
    return true;
  }
  return false;
}

bool ReadPeriod(const std::vector<Line>& lines, const std::string& text, int report_year,
                Metadata* meta) {
  // 自2024年1月1日起至12月31日止 / 从2024年1月1日到2024年12月31日 / 2017年1月至12月
  static const re2::RE2 kPeriod(
      std::string(R"(((\d{4})\s*年\s*)") + kNum + R"(\s*月\s*(?:)" + kNum +
      R"(\s*日)?\s*(?:起)?\s*(?:至|到|-|—|~)+\s*(?:(\d{4})\s*年)?\s*)" + kNum +
      R"(\s*月\s*(?:)" + kNum + R"(\s*日)?))");
  for (const Line& line : lines) {
    re2::StringPiece in = SP(line.text);
    re2::StringPiece whole;
    std::string y1, m1, d1, y2, m2, d2;
    while (RE2::FindAndConsume(&in, kPeriod, &whole, &y1, &m1, &d1, &y2, &m2, &d2)) {
      const absl::string_view raw(whole.data(), whole.size());
      const size_t start = OffsetIn(line.text, raw);
      const absl::string_view context = line.text.substr(start >= 60 ? start - 60 : 0,
                                                         start >= 60 ? 60 : start);
      const bool statistics = absl::StrContains(context, "统计") ||
                              absl::StrContains(context, "期限") ||
                              absl::StrContains(context, "时限");
      int ys = 0, ye = 0;
      (void)absl::SimpleAtoi(y1, &ys);
      ye = ys;
      if (!y2.empty()) (void)absl::SimpleAtoi(y2, &ye);
      const int ms = ParseDatePart(m1), me = ParseDatePart(m2);
      const int ds = d1.empty() ? 1 : ParseDatePart(d1);
      int de = d2.empty() ? 0 : ParseDatePart(d2);
      const bool whole_year = ms == 1 && ds == 1 && me == 12 && (de == 31 || de == 0);
      if (!(statistics || (whole_year && ys == report_year))) continue;
      if (!ValidDate(ys, ms, ds) || ye < ys || me < 1 || me > 12 || de < 0 || de > 31) continue;
      if (de == 0) {  // "至12月": the month's last day
        static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        de = kDays[me - 1];
        if (me == 2 && !((ye % 4 == 0 && ye % 100 != 0) || ye % 400 == 0)) de = 28;
      }
      SetDate(meta->mutable_period_start(), ys, ms, ds);
      SetDate(meta->mutable_period_end(), ye, me, de);
      const size_t b = OffsetIn(text, raw);
      AddEvidence(meta, "period", raw, b, b + raw.size(), line.number,
                  statistics ? "statistics period" : "whole-year period");
      return true;
    }
  }
  return false;
}

}  // namespace

void ReferenceReadMetadata(Report* report) {
  Metadata* meta = report->mutable_meta();
  const std::string& text = report->text();
  const std::vector<Line> lines = SplitLines(text);

  // Title.
  const int title_line = FindTitle(lines);
  if (title_line >= 0 && meta->title().empty()) {
    const absl::string_view t = Trim(lines[title_line].text);
    meta->set_title(std::string(t));
    const size_t b = OffsetIn(text, t);
    AddEvidence(meta, "title", t, b, b + t.size(), lines[title_line].number,
                "first line naming an annual report");
  }

  // Statistics period (also a source for the year).
  const int title_year =
      meta->title().empty() ? 0 : YearIn(meta->title(), nullptr);
  const bool has_period = ReadPeriod(lines, text, title_year, meta);

  // Report year: title, else statistics period, else the text's most named year.
  if (meta->report_year() == 0) {
    absl::string_view raw;
    if (title_year != 0) {
      meta->set_report_year(title_year);
      if (title_line >= 0 && YearIn(lines[title_line].text, &raw) == title_year) {
        const size_t b = OffsetIn(text, raw);
        AddEvidence(meta, "report_year", raw, b, b + raw.size(), lines[title_line].number,
                    "title year");
      } else {
        AddEvidence(meta, "report_year", meta->title(), 0, 0, 0, "title year");
      }
    } else if (has_period) {
      meta->set_report_year(meta->period_start().year());
      AddEvidence(meta, "report_year", std::to_string(meta->period_start().year()), 0, 0, 0,
                  "statistics period");
    }
  }

  // Years mentioned.
  {
    std::set<int> years;
    static const re2::RE2 kYear(R"((\d{4})\s*年)");
    re2::StringPiece in = SP(text);
    int y = 0;
    std::map<int, int> counts;
    while (RE2::FindAndConsume(&in, kYear, &y)) {
      if (y >= 1990 && y <= 2100) {
        years.insert(y);
        counts[y]++;
      }
    }
    meta->clear_years_mentioned();
    for (int v : years) meta->add_years_mentioned(v);
    if (meta->report_year() == 0 && !counts.empty()) {
      auto best = std::max_element(counts.begin(), counts.end(),
                                   [](auto& a, auto& b) { return a.second < b.second; });
      meta->set_report_year(best->first);
      AddEvidence(meta, "report_year", std::to_string(best->first), 0, 0, 0,
                  "most frequently named year");
    }
  }

  // Agency.
  std::string title_core;
  if (meta->agency().empty()) {
    if (auto a = ReadAgency(text, lines, title_line, &title_core)) {
      meta->set_agency(a->name);
      AddEvidence(meta, "agency", a->name, a->begin, a->end, a->line, a->method);
    }
  }

  // Region and province: places in the agency name first, then the text.
  const Gazetteer& g = Gazetteer::Default();
  const Division* region = nullptr;
  std::string region_method;
  bool region_in_agency = false;
  if (!meta->region_code().empty()) region = g.ByCode(meta->region_code());
  if (region == nullptr && !meta->agency().empty()) {
    auto m = g.MostSpecific(meta->agency());
    if (m && !m->ambiguous && !(m->short_form && m->division->level == 3)) {
      region = m->division;
      region_method = "place named in the agency";
      region_in_agency = true;
    } else if (m) {
      // Resolve a shared name with the rest of the text.
      auto t = g.MostSpecific(meta->agency() + "\n" + text);
      if (t && !t->ambiguous &&
          (t->division == m->division || g.IsAncestor(*m->division, *t->division) ||
           g.IsAncestor(*t->division, *m->division) ||
           t->division->name == m->division->name)) {
        region = t->division;
        region_method = "place named in the agency, resolved by the text";
        region_in_agency = true;
      }
    }
  }
  // A national department has no region, whatever places its text names.
  const bool national = !meta->agency().empty() &&
                        LevelOf(meta->agency(), nullptr) == xxgk::v1::NATIONAL_DEPARTMENT;
  if (region == nullptr && !national) {
    auto m = g.MostSpecific(text);
    if (m && !m->ambiguous) {
      region = m->division;
      region_method = "place named in the text";
    }
  }
  if (region != nullptr) {
    // Where the place is named (full name first, then the short form).
    size_t where = text.find(region->name);
    size_t where_len = region->name.size();
    if (where == std::string::npos && !region->short_name.empty()) {
      where = text.find(region->short_name);
      where_len = region->short_name.size();
    }
    const size_t rb = where == std::string::npos ? 0 : where;
    const size_t re = where == std::string::npos ? 0 : where + where_len;
    const int rl = where == std::string::npos ? 0 : LineOf(lines, where);
    if (meta->region_code().empty()) {
      meta->set_region_code(region->code);
      AddEvidence(meta, "region_code", region->name, rb, re, rl, region_method);
    }
    if (meta->province().empty()) {
      if (const Division* p = g.ProvinceOf(region->code)) {
        meta->set_province(p->name);
        AddEvidence(meta, "province", region->name, rb, re, rl,
                    region_method + " (gazetteer)");
      }
    }
  }

  // Agency level.
  if (meta->agency_level() == xxgk::v1::AGENCY_LEVEL_UNSPECIFIED && !meta->agency().empty()) {
    const AgencyLevel level = LevelOf(meta->agency(), region_in_agency ? region : region);
    if (level != xxgk::v1::AGENCY_LEVEL_UNSPECIFIED) {
      meta->set_agency_level(level);
      AddEvidence(meta, "agency_level", meta->agency(), 0, 0, 0,
                  region_in_agency ? "agency name" : "agency name and region named in the text");
    }
  }

  // Publication date.
  if (!meta->has_publish_date()) ReadPublishDate(lines, text, meta->agency(), meta);

  // Index number and source.
  if (meta->index_number().empty()) {
    if (auto hv = HeaderField(lines, {"索引号"}, 30)) {
      meta->set_index_number(hv->value);
      const size_t b = OffsetIn(text, hv->raw);
      AddEvidence(meta, "index_number", hv->line->text, b, b + hv->raw.size(), hv->line->number,
                  "索引号 header");
    }
  }
  if (meta->source().empty()) {
    if (auto hv = HeaderField(lines, {"来源", "信息来源"}, 30)) {
      meta->set_source(hv->value);
      const size_t b = OffsetIn(text, hv->raw);
      AddEvidence(meta, "source", hv->line->text, b, b + hv->raw.size(), hv->line->number,
                  "来源 header");
    }
  }

  // Format version from the year when no table layout decided it.
  if (meta->format_version() == xxgk::v1::FORMAT_VERSION_UNSPECIFIED && meta->report_year() > 0) {
    const int y = meta->report_year();
    meta->set_format_version(y >= 2021   ? xxgk::v1::FORMAT_2021
                             : y >= 2019 ? xxgk::v1::FORMAT_2019
                                         : xxgk::v1::FORMAT_LEGACY);
    AddEvidence(meta, "format_version", std::to_string(y), 0, 0, 0, "report year");
  }
}

}  // namespace xxgk::report::metadata_reference

namespace xxgk::report {
namespace {

using xxgk::v1::Report;

class HeaderGenerator {
 public:
  explicit HeaderGenerator(uint32_t seed) : rng_(seed) {}

  std::string Document() {
    std::string out;
    const int n = 6 + Below(20);
    for (int i = 0; i < n; ++i) {
      switch (Below(12)) {
        case 0: out += Title(); break;
        case 1: out += Header(); break;
        case 2: out += PipeHeader(); break;
        case 3: out += Pick(kDateLabels) + Pick(kSpaces) + Pick(kColons) + Pick(kSpaces) + Date(); break;
        case 4: out += Pick(kPeriodWords) + Period() + Pick(kProse); break;
        case 5: out += Pick(kAgencies) + Pick(kSpaces) + Date(); break;
        case 6: out += Date(); break;
        case 7: out += Pick(kAgencies); break;
        case 8: out += "| " + Pick(kProse) + " | " + std::to_string(Below(500)) + " |"; break;
        default: out += Prose(); break;
      }
      out += Below(8) == 0 ? "\n\n" : "\n";
    }
    return out;
  }

 private:
  int Below(int n) { return static_cast<int>(rng_() % static_cast<uint32_t>(n)); }
  const std::string& Pick(const std::vector<std::string>& v) { return v[Below(v.size())]; }

  std::string Year() {
    switch (Below(6)) {
      case 0: return "二〇二" + Pick({"三", "四", "一"});
      case 1: return std::to_string(1985 + Below(130));
      case 2: return "１２０２４";
      default: return std::to_string(2019 + Below(7));
    }
  }
  std::string Num(int max) {
    const int v = 1 + Below(max);
    if (Below(4) == 0) return Pick({"一", "二", "十", "十二", "三十一", "十五", "二十"});
    return std::to_string(v);
  }
  std::string Date() {
    const std::string sep = Pick({"年", "-", "/", ".", " 年 "});
    const std::string sep2 = sep == "年" || sep == " 年 " ? "月" : sep;
    return Year() + sep + Num(13) + sep2 + Num(32) + (sep2 == "月" ? "日" : "");
  }
  std::string Period() {
    const std::string y = Year();
    return y + Pick(kSpaces) + "年1月" + Pick({"1日", ""}) + Pick({"起", ""}) +
           Pick({"至", "到", "-", "—", "~"}) + Pick({y + "年", ""}) + Pick({"12", "6", "十二"}) +
           "月" + Pick({"31日", "30日", ""}) + Pick({"止", ""});
  }
  std::string Title() {
    return Pick({"", "关于"}) + Pick({Year() + "年", Year() + Pick(kSpaces) + "年度", ""}) +
           Pick({"", Pick(kAgencies)}) + Pick({"政府信息公开工作年度报告", "政府信息公开年报",
                                               "信息公开工作年度报告", "工作总结"});
  }
  std::string Header() {
    return Pick(kKeys) + Pick(kSpaces) + Pick(kColons) + Pick(kSpaces) +
           Pick({Pick(kAgencies), "ABC-2024-0001", "001234567/2024-00012"}) +
           Pick({"", " ", "浏览次数:12", "发布日期:2024-01-02", "作者:张三", "分享"});
  }
  std::string PipeHeader() {
    std::string key = Pick(kKeys);
    if (Below(3) == 0) {
      std::string spaced;
      for (size_t i = 0; i < key.size(); i += 3) spaced += key.substr(i, 3) + " ";
      key = spaced;
    }
    return "| " + key + Pick({"", ":", " :", "::", ": ", " : :"}) + " | " + Pick(kAgencies) + " | " + Pick(kKeys) + " | " +
           Date() + " |";
  }
  std::string Prose() {
    std::string s;
    const int n = 1 + Below(4);
    for (int i = 0; i < n; ++i) {
      s += Pick(kProse);
      if (Below(2)) s += Year() + Pick({"年", " 年", "\t年", "年度", "", "\u3000年"});
      if (Below(3) == 0) s += Pick(kAgencies);
      s += Pick({",", "。", ":", ";"});
    }
    return s;
  }

  std::mt19937 rng_;
  const std::vector<std::string> kAgencies = {
      "威海市文登区米山镇人民政府", "潜江市高场街道办事处", "高场街道办事处", "文登区交通运输局",
      "山东省人民政府办公厅", "国家统计局", "北京市朝阳区人民政府", "阿猛镇", "某县民政局",
      "杭州市西湖区卫生健康局", "广州市天河区人民政府", "服务大局", "中华人民共和国国务院",
      "米山鎮人民政府", "深圳市前海管理局"};
  const std::vector<std::string> kKeys = {"发布机构", "发文机关", "发布单位", "来源", "信息来源",
                                          "填报单位(盖章)", "填报单位", "索引号", "发布日期"};
  const std::vector<std::string> kDateLabels = {"发布日期", "发布时间", "成文日期", "发文日期",
                                                "印发日期", "公开日期", "发布于", "更新日期"};
  const std::vector<std::string> kColons = {":", "", "|"};
  const std::vector<std::string> kSpaces = {"", " ", "  ", "\t"};
  const std::vector<std::string> kPeriodWords = {"本报告统计期限为", "数据统计时限自", "", "从",
                                                 "期限"};
  const std::vector<std::string> kProse = {
      "本报告由本机关编制", "全年共收到申请", "报告中所列数据", "根据条例要求",
      "2024年度工作要点", "进一步加强政务公开", "电话:0631-8871088", "地址:中兴路49号"};
};

std::string Dump(const Report& r) { return r.meta().ShortDebugString(); }

TEST(MetadataEquivalence, GeneratedHeadersReadTheSameMetadataAsTheGeneralImplementation) {
  int with_agency = 0, with_date = 0, with_period = 0;
  for (uint32_t seed = 1; seed <= 300; ++seed) {
    HeaderGenerator gen(seed);
    const std::string raw = gen.Document();
    for (const bool normalized : {true, false}) {
      Report want;
      want.set_text(normalized ? NormalizeText(raw).text : raw);
      Report got = want;
      metadata_reference::ReferenceReadMetadata(&want);
      ReadMetadata(&got);
      ASSERT_EQ(Dump(got), Dump(want)) << "seed " << seed << " text:\n" << want.text();
      with_agency += !want.meta().agency().empty();
      with_date += want.meta().has_publish_date();
      with_period += want.meta().has_period_start();
    }
  }
  // The generator does reach each reader.
  EXPECT_GT(with_agency, 100);
  EXPECT_GT(with_date, 50);
  EXPECT_GT(with_period, 20);
}

}  // namespace
}  // namespace xxgk::report
