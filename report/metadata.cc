#include "report/metadata.h"

#include "report/re_scan.h"
#include "report/utf8.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <map>
#include <optional>
#include <span>
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

namespace xxgk::report {
namespace {

using xxgk::v1::AgencyLevel;
using xxgk::v1::Date;
using xxgk::v1::Metadata;
using xxgk::v1::Report;

struct Line {
  absl::string_view text;
  size_t begin = 0;  // byte offset in Report.text
  int number = 0;    // 1-based
  bool pipe = false;   // IsPipeRow(text)
  bool colon = false;  // text holds a ':'
};

bool IsPipeRow(absl::string_view line);

std::vector<Line> SplitLines(const std::string& text) {
  std::vector<Line> lines;
  lines.reserve(text.size() / 64 + 8);
  size_t start = 0;
  int number = 1;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    Line line{absl::string_view(text).substr(start, end - start), start, number++};
    line.pipe = IsPipeRow(line.text);
    line.colon = !line.text.empty() && memchr(line.text.data(), ':', line.text.size()) != nullptr;
    lines.push_back(line);
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

// Whether Trim(line) starts with '|' (without trimming the end).
bool IsPipeRow(absl::string_view line) {
  size_t i = 0;
  while (i < line.size() && absl::ascii_isspace(static_cast<unsigned char>(line[i]))) ++i;
  while (line.size() - i >= 3 && line[i] == '\xE3' && line[i + 1] == '\x80' && line[i + 2] == '\x80') {
    i += 3;  // U+3000
  }
  return i < line.size() && line[i] == '|';
}

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

// text.find(needle, from) through report::FindByLastByte (utf8.h).
size_t FastFind(absl::string_view text, absl::string_view needle, size_t from = 0) {
  return FindByLastByte(std::string_view(text.data(), text.size()),
                        std::string_view(needle.data(), needle.size()), from);
}

// Digits (ASCII or Chinese) for date patterns.
constexpr char kNum[] = R"((\d{1,4}|[〇○零O一二三四五六七八九十两]{1,4}))";

// ---------------------------------------------------------------- title/year

bool NamesAnnualReport(absl::string_view t) {
  return absl::StrContains(t, "年度报告") || absl::StrContains(t, "年报") ||
         (absl::StrContains(t, "政府信息公开") && absl::StrContains(t, "报告"));
}

int YearIn(absl::string_view s, absl::string_view* raw);
std::string AgencyFromTitle(absl::string_view title);
const std::vector<std::string>& AgencySuffixes();
bool IsHanChar(absl::string_view ch);

// The lines the title takes: one, or two when it wraps.
struct TitleLines {
  int first = -1;
  int last = -1;
  bool named_below = false;  // chosen over an earlier title by its organ
};

// A line that may be part of a title: no sentence, no table row, short.
bool MayBeTitlePart(absl::string_view t, size_t max_bytes) {
  return !t.empty() && t.size() <= max_bytes && !IsPipeRow(t) && !absl::StrContains(t, "。");
}

bool AllHan(absl::string_view t) {
  for (size_t i = 0; i < t.size();) {
    const unsigned char lead = static_cast<unsigned char>(t[i]);
    const size_t n = std::min<size_t>(t.size() - i, lead >= 0xF0 ? 4 : 3);
    if (lead < 0xE0 || !IsHanChar(t.substr(i, n))) return false;
    i += n;
  }
  return !t.empty();
}

// A title wrapped after its start: "…政府信息公开工作年度" then "报告". The
// first part says what the report is about; the rest, a few characters,
// completes the name of the report. `*joined` gets the two lines as one.
bool WrappedTitle(absl::string_view head, absl::string_view tail, std::string* joined) {
  if (!MayBeTitlePart(head, 150) || !MayBeTitlePart(tail, 36)) return false;
  // (the break may fall inside 信息公开: "…2024年政府信" / "息公开工作年度报告")
  if (!absl::StrContains(head, "信息公开") && !absl::StrContains(head, "政务公开") &&
      YearIn(head, nullptr) == 0) {
    return false;
  }
  if (!absl::StrContains(tail, "报告") && !absl::StrContains(tail, "年报")) return false;
  *joined = absl::StrCat(head, tail);
  return NamesAnnualReport(*joined);
}

// The organ on a line of its own above a title that names none:
// "2024年政府信息公开工作年度报告", "关于2024年度政务公开工作的年度报告".
bool OrganAboveTitle(absl::string_view organ, absl::string_view title) {
  if (!MayBeTitlePart(organ, 90) || !AllHan(organ)) return false;
  absl::string_view year;
  if (YearIn(title, &year) == 0) return false;
  absl::string_view before = title.substr(0, year.data() - title.data());
  absl::ConsumePrefix(&before, "关于");
  absl::string_view after = title.substr(year.data() + year.size() - title.data());
  after = Trim(after);
  if (!Trim(before).empty()) return false;
  if (!absl::ConsumePrefix(&after, "年度") && !absl::ConsumePrefix(&after, "年")) return false;
  absl::ConsumePrefix(&after, "的");
  if (!absl::StartsWith(after, "政府信息公开") && !absl::StartsWith(after, "信息公开") &&
      !absl::StartsWith(after, "政务公开")) {
    return false;
  }
  return std::any_of(AgencySuffixes().begin(), AgencySuffixes().end(),
                     [&](const std::string& s) { return absl::EndsWith(organ, s); });
}

// The titles near the top: the lines naming an annual report with its year
// (at most `max_titles`); when none has a year, the first naming an annual
// report (navigation links such as "政府信息公开年报" carry no year). A title
// set large wraps: its two lines are read as one.
std::vector<TitleLines> TitleCandidates(const std::vector<Line>& lines, size_t max_titles) {
  const int limit = std::min<int>(static_cast<int>(lines.size()), 40);
  std::vector<TitleLines> with_year;
  TitleLines without_year;
  for (int i = 0; i < limit && with_year.size() < max_titles; ++i) {
    absl::string_view t = Trim(lines[i].text);
    // the report's first part begins: what follows is its body
    if (!with_year.empty() && absl::StartsWith(t, "一、")) break;
    if (t.empty() || IsPipeRow(t) || t.size() > 240) continue;
    TitleLines at{i, i};
    std::string joined;
    if (!NamesAnnualReport(t)) {
      if (i + 1 >= limit || !WrappedTitle(t, Trim(lines[i + 1].text), &joined)) continue;
      at.last = i + 1;
      t = joined;
    }
    // a sentence about the report (根据《条例》编制本报告。...) is no title
    if (absl::StrContains(t, "。")) continue;
    if (YearIn(t, nullptr) != 0) {
      if (at.first == at.last && i > 0 && OrganAboveTitle(Trim(lines[i - 1].text), t)) {
        at.first = i - 1;
      }
      with_year.push_back(at);
      i = at.last;
      continue;
    }
    if (without_year.first < 0 && i < 15) without_year = at;
  }
  if (with_year.empty() && without_year.first >= 0) with_year.push_back(without_year);
  return with_year;
}

// A title line without the label a page's information box sets before it
// ("名称：…", or "名称…" when a PDF printed the box without a gap).
absl::string_view TitleLineText(absl::string_view line) {
  absl::string_view t = Trim(line);
  for (const char* label : {"文件名称", "信息名称", "名称", "标题", "题名"}) {
    if (absl::ConsumePrefix(&t, label)) {
      if (!absl::ConsumePrefix(&t, ":")) absl::ConsumePrefix(&t, "：");
      return Trim(t);
    }
  }
  return t;
}

// The title's lines joined (a wrapped title has no break in its text).
std::string TitleText(const std::vector<Line>& lines, TitleLines title) {
  std::string out;
  for (int i = title.first; i >= 0 && i <= title.last; ++i) {
    absl::StrAppend(&out, i == title.first ? TitleLineText(lines[i].text) : Trim(lines[i].text));
  }
  return out;
}

// The report's title. A page may set links to other agencies' reports
// above its own title ("济南市历城区教育和体育局2023年…报告" in a sidebar):
// when the first title names an organ that is nowhere in the text after the
// titles and a later title's organ is there, the later one is the report's.
// Otherwise the first.
TitleLines FindTitle(const std::vector<Line>& lines) {
  const std::vector<TitleLines> titles = TitleCandidates(lines, 4);
  if (titles.empty()) return TitleLines{};
  if (titles.size() == 1) return titles.front();
  const Line& after = lines[titles.back().last];
  const Line& end = lines.back();
  const absl::string_view rest(after.text.data() + after.text.size(),
                               end.text.data() + end.text.size() -
                                   (after.text.data() + after.text.size()));
  auto named_after = [&](TitleLines t) {
    const std::string organ = AgencyFromTitle(TitleText(lines, t));
    return !organ.empty() && absl::StrContains(rest, organ);
  };
  const std::string first = AgencyFromTitle(TitleText(lines, titles.front()));
  if (first.empty() || absl::StrContains(rest, first)) return titles.front();
  for (size_t k = 1; k < titles.size(); ++k) {
    if (!named_after(titles[k])) continue;
    TitleLines chosen = titles[k];
    chosen.named_below = true;
    return chosen;
  }
  return titles.front();
}

int YearIn(absl::string_view s, absl::string_view* raw) {
  const std::optional<std::string_view> y =
      internal::FirstValidYear(std::string_view(s.data(), s.size()));
  if (!y) return 0;
  if (raw) *raw = absl::string_view(y->data(), y->size());
  return ParseDatePart(absl::string_view(y->data(), y->size()));
}

// ---------------------------------------------------------------- headers

// Value of a header field (发布机构, 来源, 索引号, 发布日期 ...) in the first
// lines: "| 发布机构 | X |" rows or "来源:X" text.
struct HeaderValue {
  std::string value;
  const Line* line = nullptr;
  absl::string_view raw;
  size_t key = 0;  // which of the keys named it
};

// Whether `cell` with its spaces removed, less one trailing ':', is `key`
// (keys hold no space and do not end in ':').
bool LabelIs(absl::string_view cell, absl::string_view key) {
  size_t k = 0;
  size_t i = 0;
  for (; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == ' ') continue;
    if (k == key.size()) break;
    if (c != key[k]) return false;
    ++k;
  }
  if (k != key.size()) return false;
  // The rest, spaces aside, is empty or one ':'.
  bool colon = false;
  for (; i < cell.size(); ++i) {
    if (cell[i] == ' ') continue;
    if (cell[i] != ':' || colon) return false;
    colon = true;
  }
  return true;
}

// A header field's keys (at most kMax) with the characters HeaderField
// looks for in a pipe row before splitting it: a label cell (spaces
// removed) equal to a key holds the key's first and last characters.
// Prepared once per key set.
struct HeaderKeys {
  static constexpr size_t kMax = 4;
  HeaderKeys(std::initializer_list<absl::string_view> list) {
    auto index_of = [this](absl::string_view ch) {
      for (size_t d = 0; d < char_count; ++d) {
        if (chars[d] == ch) return d;
      }
      chars[char_count] = ch;
      return char_count++;
    };
    for (absl::string_view k : list) {
      if (count == kMax || k.empty()) abort();
      size_t last = k.size() - 1;
      while (last > 0 && (static_cast<unsigned char>(k[last]) & 0xC0) == 0x80) --last;
      const unsigned char lead = static_cast<unsigned char>(k[0]);
      const size_t first_len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      first_of[count] = index_of(k.substr(0, first_len));
      last_of[count] = index_of(k.substr(last));
      keys[count++] = k;
    }
  }
  absl::string_view keys[kMax];
  size_t count = 0;
  // The distinct first and last characters: key k's are chars[first_of[k]]
  // and chars[last_of[k]].
  absl::string_view chars[2 * kMax];
  size_t char_count = 0;
  size_t first_of[kMax] = {}, last_of[kMax] = {};
};

std::optional<HeaderValue> HeaderField(const std::vector<Line>& lines, const HeaderKeys& keys,
                                       size_t max_lines) {
  signed char found[2 * HeaderKeys::kMax];  // per row: -1 not looked for yet
  for (size_t i = 0; i < lines.size() && i < max_lines; ++i) {
    const Line& line = lines[i];
    if (line.pipe) {
      // A label cell equal to a key holds the key's first and last
      // characters; each character is looked for once per row.
      std::fill(found, found + keys.char_count, static_cast<signed char>(-1));
      auto holds = [&](size_t d) {
        if (found[d] < 0) found[d] = FastFind(line.text, keys.chars[d]) != absl::string_view::npos;
        return found[d] > 0;
      };
      bool may = false;
      for (size_t k = 0; k < keys.count && !may; ++k) {
        may = holds(keys.first_of[k]) && holds(keys.last_of[k]);
      }
      if (!may) continue;
      std::vector<absl::string_view> cells = PipeCells(line.text);
      for (size_t c = 0; c + 1 < cells.size(); ++c) {
        for (size_t k = 0; k < keys.count; ++k) {
          if (!cells[c + 1].empty() && LabelIs(cells[c], keys.keys[k])) {
            return HeaderValue{std::string(cells[c + 1]), &line, cells[c + 1], k};
          }
        }
      }
      continue;
    }
    if (!line.colon) continue;
    const absl::string_view t = line.text;
    for (size_t key = 0; key < keys.count; ++key) {
      const absl::string_view k = keys.keys[key];
      // The key's first occurrence counts only when whitespace and a ':'
      // follow it. Such an occurrence ends (spaces aside) right before the
      // first ':' that has the key (spaces aside) right before it; the
      // occurrence found so is the first unless an earlier one has no ':'.
      size_t pos = absl::string_view::npos;
      for (const void* c = memchr(t.data(), ':', t.size()); c != nullptr;) {
        const size_t at = static_cast<size_t>(static_cast<const char*>(c) - t.data());
        size_t j = at;
        while (j > 0 && absl::ascii_isspace(static_cast<unsigned char>(t[j - 1]))) --j;
        if (j >= k.size() && t[j - 1] == k.back() &&
            memcmp(t.data() + j - k.size(), k.data(), k.size()) == 0) {
          pos = j - k.size();
          break;
        }
        c = at + 1 < t.size() ? memchr(t.data() + at + 1, ':', t.size() - at - 1) : nullptr;
      }
      if (pos == absl::string_view::npos || FastFind(t, k) != pos) continue;
      absl::string_view rest = line.text.substr(pos + k.size());
      rest = absl::StripLeadingAsciiWhitespace(rest);
      if (!absl::ConsumePrefix(&rest, ":")) continue;
      rest = absl::StripLeadingAsciiWhitespace(rest);
      size_t stop = rest.find_first_of(" \t|");
      // The next field may follow without a space (spaces between ideographs
      // are collapsed): cut at the next known label.
      for (const char* next : {"阅读次数", "浏览次数", "访问次数", "点击数", "点击量", "浏览量",
                               "发布时间", "发布日期", "作者", "字号", "字体", "责任编辑",
                               "编辑", "来源", "信息来源", "分享", "时间", "日期"}) {
        const size_t at = rest.find(next);
        if (at != absl::string_view::npos && at > 0 && at < stop) stop = at;
      }
      absl::string_view v = rest.substr(0, stop);
      if (!v.empty()) return HeaderValue{std::string(v), &line, v, key};
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

// The organ a title names before its year, or between the year and
// 政府信息公开 ("2024年XX局政府信息公开工作年度报告").
std::string OrganAroundYear(absl::string_view title) {
  const std::string_view t(title.data(), title.size());
  std::optional<std::string_view> a = internal::TitleOrganBeforeYear(t);
  // ("关于2024年…" names no organ: the pattern's 关于 is optional.)
  if (a && *a == "关于") a.reset();
  if (a && a->find("报告") == std::string_view::npos) {
    absl::string_view v(a->data(), a->size());
    absl::ConsumeSuffix(&v, "的");
    // "XX局政府信息公开工作2024年度报告": the organ is what precedes the
    // work it reports on (XX县人民政府信息公开工作: the organ keeps its 政府).
    const absl::string_view whole = v;
    absl::ConsumeSuffix(&v, "工作");
    // (in 人民政府信息公开 the organ and the work share one 政府)
    const bool shared = absl::EndsWith(v, "人民政府信息公开");
    if (absl::ConsumeSuffix(&v, "政务公开") || absl::ConsumeSuffix(&v, shared ? "信息公开" : "政府信息公开") ||
        absl::ConsumeSuffix(&v, "信息公开")) {
      if (v.size() >= 6) return std::string(v);
    }
    return std::string(whole);
  }
  // "2023年度XX局政府信息公开…" (the organ before 政府信息公开, which may
  // itself end in 政府: "XX县人民政府政府信息公开"), else before 信息公开.
  for (const bool government : {true, false}) {
    a = internal::TitleOrganAfterYear(t, government ? "政府信息公开" : "信息公开");
    if (!a) continue;
    absl::string_view v(a->data(), a->size());
    absl::ConsumeSuffix(&v, "的");
    if (v.size() < 6 || (absl::EndsWith(v, "政府") && !government)) continue;
    if (absl::StrContains(v, "年度") || absl::StrContains(v, "报告")) continue;
    // "XX镇人民政府信息公开": the organ and the work share one 政府.
    if (government && absl::EndsWith(v, "人民")) return absl::StrCat(v, "政府");
    return std::string(v);
  }
  return "";
}

bool EndsLikeAnOrgan(absl::string_view name) {
  return name.size() >= 6 &&
         std::any_of(AgencySuffixes().begin(), AgencySuffixes().end(),
                     [&](const std::string& s) { return absl::EndsWith(name, s); });
}

// The organ of a title whose year is not where OrganAroundYear looks: in
// brackets at its end ("2024年度政府信息公开工作年度报告（XX局）"), or before
// the work when the year comes last ("XX局政府信息公开工作年度报告（2024年）").
// Only a name ending as an organ's does (no year anchors it).
std::string OrganWithoutYear(absl::string_view title) {
  absl::string_view head = title;
  for (const auto& [open, close] : {std::pair<const char*, const char*>{"（", "）"}, {"(", ")"}}) {
    if (!absl::EndsWith(head, close)) continue;
    const size_t at = head.rfind(open);
    if (at == absl::string_view::npos) continue;
    const size_t inner_at = at + strlen(open);
    const absl::string_view inner =
        Trim(head.substr(inner_at, head.size() - strlen(close) - inner_at));
    if (YearIn(inner, nullptr) == 0 && EndsLikeAnOrgan(inner)) return std::string(inner);
    head = head.substr(0, at);
    break;
  }
  absl::ConsumePrefix(&head, "关于");
  for (const char* work : {"人民政府信息公开", "政府信息公开", "政务公开", "信息公开"}) {
    const size_t at = head.find(work);
    if (at == absl::string_view::npos) continue;
    // (in 人民政府信息公开 the organ and the work share one 政府)
    const size_t end = strcmp(work, "人民政府信息公开") == 0 ? at + strlen("人民政府") : at;
    absl::string_view organ = Trim(head.substr(0, end));
    absl::ConsumeSuffix(&organ, "的");
    // (a year there, in whatever digits, is one OrganAroundYear did not take)
    if (absl::StrContains(organ, "年")) return "";
    return EndsLikeAnOrgan(organ) ? std::string(organ) : "";
  }
  return "";
}

// The agency named in the title, without the brackets or colon a title may
// set around it ("【XX局】2024年…", "XX局：2024年…").
std::string AgencyFromTitle(absl::string_view title) {
  std::string organ = OrganAroundYear(title);
  if (organ.empty()) organ = OrganWithoutYear(title);
  absl::string_view v = organ;
  bool trimmed = true;
  while (trimmed) {
    trimmed = false;
    for (const char* open : {"【", "[", "「", "〔", "《"}) trimmed |= absl::ConsumePrefix(&v, open);
    for (const char* close : {"】", "]", "」", "〕", "》", ":", "：", ",", "，"}) {
      trimmed |= absl::ConsumeSuffix(&v, close);
    }
    const absl::string_view t = Trim(v);
    trimmed |= t.size() != v.size();
    v = t;
  }
  return v.size() >= 6 ? std::string(v) : "";
}

// Extends a name found at [b, e) of `text` to the left over adjacent place
// names (潜江市 + 高场街道办事处) and to the right with 人民政府 when the
// document writes it there.
std::pair<size_t, size_t> ExtendName(absl::string_view text, size_t b, size_t e) {
  const Gazetteer& g = Gazetteer::Default();
  for (int guard = 0; guard < 4; ++guard) {
    bool grown = false;
    // No name ends with the two characters before b: nothing to grow by.
    if (!g.MayEndName(std::string_view(text.data(), b))) break;
    // Try the longest place name (up to 12 characters) ending at b.
    for (size_t len = std::min<size_t>(b, 48); len >= 6 && !grown; --len) {
      const size_t start = b - len;
      if ((static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) continue;
      absl::string_view cand = text.substr(start, len);
      if (g.FirstByNameIsFull(std::string_view(cand.data(), cand.size()))) {  // full names only
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

// An AgencyChoice while ReadAgency compares them: views into the text (or
// the core) and a literal method, no strings per statement.
struct AgencyVariant {
  absl::string_view name;
  absl::string_view method;
  size_t begin = 0, end = 0;
  int line = 0;
};

int LineOf(const std::vector<Line>& lines, size_t offset) {
  // Lines tile the text (each runs to its '\n', the next starts after it),
  // so the only line that can hold `offset` is the last one starting at or
  // before it.
  auto it = std::upper_bound(lines.begin(), lines.end(), offset,
                             [](size_t o, const Line& l) { return o < l.begin; });
  if (it == lines.begin()) return 0;
  --it;
  return offset <= it->begin + it->text.size() ? it->number : 0;
}

// Organisation names ending with an agency suffix, as found in the text.
std::map<std::string, int> OrgNamesInText(absl::string_view text,
                                          std::map<std::string, size_t>* first_pos) {
  std::map<std::string, int> counts;
  for (const std::string& suffix : {std::string("人民政府"), std::string("街道办事处"),
                                    std::string("办事处"), std::string("局")}) {
    size_t pos = 0;
    while ((pos = FastFind(text, suffix, pos)) != absl::string_view::npos) {
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

// The organ that signs the report: the last lines (signature, then date)
// hold its name on a line of its own, or with the date after it. A name
// the text mentions in passing ("县人民政府网站") is not the signature.
std::string SignOffOrgan(const std::vector<Line>& lines, TitleLines title) {
  int seen = 0;
  const size_t after_title = static_cast<size_t>(title.last + 1);  // 0 with no title
  for (size_t i = lines.size(); i-- > after_title && seen < 4;) {
    const absl::string_view t = Trim(lines[i].text);
    if (t.empty()) continue;
    ++seen;
    if (t.size() > 120 || lines[i].pipe || lines[i].colon) continue;
    std::map<std::string, size_t> first;
    for (const auto& [name, n] : OrgNamesInText(t, &first)) {
      if (!absl::StartsWith(t, name)) continue;
      absl::string_view rest = Trim(t.substr(name.size()));
      if (rest.empty() || YearIn(rest, nullptr) != 0) return name;
    }
  }
  return "";
}

// The source header (来源, 信息来源, 填报单位(盖章), 填报单位) as ReadAgency
// read it over every line; the source field reads the first two on the
// first kSourceMaxLines lines.
constexpr size_t kSourceMaxLines = 30;
struct SourceField {
  bool read = false;
  std::optional<HeaderValue> value;
};

// `*source`: what HeaderField found for the source keys (read = true).
std::optional<AgencyChoice> ReadAgency(const std::string& text, const std::vector<Line>& lines,
                                       TitleLines title, std::string* title_core,
                                       SourceField* source) {
  std::vector<AgencyVariant> variants;
  const absl::string_view all(text);
  std::string core;
  if (title.first >= 0) core = AgencyFromTitle(TitleText(lines, title));
  *title_core = core;
  // Header fields.
  static const HeaderKeys kPublisherKeys = {"发布机构", "发文机关", "发布单位"};
  static const HeaderKeys kSourceKeys = {"来源", "信息来源", "填报单位(盖章)", "填报单位"};
  for (const HeaderKeys* keys : {&kPublisherKeys, &kSourceKeys}) {
    const bool source_keys = keys == &kSourceKeys;
    auto hv = HeaderField(lines, *keys, lines.size());
    if (source_keys) {
      source->read = true;
      source->value = hv;
    }
    if (!hv || hv->value.size() < 6) continue;
    const bool org = std::any_of(AgencySuffixes().begin(), AgencySuffixes().end(),
                                 [&](const std::string& s) { return absl::EndsWith(hv->value, s); });
    if (!org) continue;
    const size_t b = OffsetIn(all, hv->raw);
    // hv->raw holds the value's text (hv->value is its copy)
    variants.push_back(AgencyVariant{hv->raw, source_keys ? "来源 header" : "发布机构 header", b,
                                     b + hv->value.size(), hv->line->number});
  }
  if (core.empty() && !variants.empty()) core = std::string(variants[0].name);
  if (core.empty()) core = SignOffOrgan(lines, title);
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
  while ((pos = FastFind(all, core, pos)) != absl::string_view::npos) {
    auto [b, e] = ExtendName(all, pos, pos + core.size());
    variants.push_back(AgencyVariant{all.substr(b, e - b), "fullest form in text", b, e, LineOf(lines, b)});
    pos += core.size();
  }
  // A core without suffix (阿猛镇) may be written with one elsewhere.
  if (variants.empty()) {
    const size_t b = title.first >= 0 ? lines[title.first].begin : 0;
    variants.push_back(AgencyVariant{core, "title", b, b + core.size(), LineOf(lines, b)});
  }
  // The fullest: longest; among equals the first stated.
  auto best = variants.begin();
  for (auto it = variants.begin(); it != variants.end(); ++it) {
    if (it->name.size() > best->name.size()) best = it;
  }
  // Keep only variants that contain the core (a header may name another organ).
  if (best->name.find(core) == absl::string_view::npos) {
    for (auto it = variants.begin(); it != variants.end(); ++it) {
      if (it->name.find(core) != absl::string_view::npos &&
          (best->name.find(core) == absl::string_view::npos || it->name.size() > best->name.size())) {
        best = it;
      }
    }
  }
  return AgencyChoice{std::string(best->name), std::string(best->method), best->begin, best->end,
                      best->line};
}

AgencyLevel LevelOf(const std::string& agency, const Division* region) {
  absl::string_view a = agency;
  if (absl::EndsWith(a, "街道办事处") || absl::EndsWith(a, "街道") ||
      (absl::EndsWith(a, "办事处") && absl::StrContains(a, "街道"))) {
    return xxgk::v1::STREET_OFFICE;
  }
  // (镇|乡)(人民)?政府$|(镇|乡)$
  for (const char* end : {"镇", "乡", "镇政府", "乡政府", "镇人民政府", "乡人民政府"}) {
    if (absl::EndsWith(a, end)) return xxgk::v1::TOWNSHIP_GOVERNMENT;
  }
  // A report named for a place alone (杭州市2025年…年度报告, 浙江省杭州市)
  // is that place's government's report.
  const bool place_itself = region != nullptr && !region->name.empty() && absl::EndsWith(a, region->name);
  const bool government = absl::EndsWith(a, "人民政府") ||
                          (absl::EndsWith(a, "政府") && !absl::EndsWith(a, "办公室")) || place_itself;
  // 国家税务总局杭州市税务局 (a local office of a vertically managed agency)
  // is a department of the place it names, not a national one.
  if (absl::StartsWith(a, "国务院") || (absl::StartsWith(a, "国家") && region == nullptr) ||
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

// Whether `t` ends with what kNum or 日 can end with: an ASCII digit, 日 or
// one of 〇○零O一二三四五六七八九十两.
bool EndsLikeDate(absl::string_view t) {
  if (t.empty()) return false;
  const unsigned char last = t.back();
  if (absl::ascii_isdigit(last) || last == 'O') return true;
  if (t.size() < 3) return false;
  const absl::string_view tail = t.substr(t.size() - 3);
  for (const char* ch : {"日", "〇", "○", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九",
                         "十", "两"}) {
    if (tail[0] == ch[0] && tail[1] == ch[1] && tail[2] == ch[2]) return true;
  }
  return false;
}

bool ReadPublishDate(const std::vector<Line>& lines, const std::string& text,
                     const std::string& agency, Metadata* meta) {
  const size_t header_lines = std::min<size_t>(lines.size(), 25);
  // Records the date `d` read on `line` after the label `label`.
  auto publish = [&](const Line& line, const FoundDate& d, absl::string_view label) {
    SetDate(meta->mutable_publish_date(), d.y, d.m, d.d);
    const size_t b = OffsetIn(text, d.raw);
    AddEvidence(meta, "publish_date", line.text, b, b + d.raw.size(), line.number,
                absl::StrCat(label, " header"));
    return true;
  };
  // A page's catalogue header often gives both the date the document was
  // written (成文日期) and the date it went online (发布日期), in that order.
  // The deadlines are about publication, so a publication label anywhere in
  // the header wins; a written-date label is the fallback.
  struct Written {
    const Line* line;
    FoundDate date;
    absl::string_view label;
  };
  std::optional<Written> written;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    // Only headers near the top or bottom (not prose mentioning a date):
    // other lines are not searched at all.
    if (i >= header_lines && i + 8 < lines.size()) continue;
    const std::string_view t(line.text.data(), line.text.size());
    size_t lb = 0, le = 0, rest = 0;
    if (internal::FindPublishLabel(t, internal::DateLabel::kPublished, &lb, &le, &rest)) {
      if (auto d = DateAt(line.text.substr(rest), /*anchored=*/true)) {
        return publish(line, *d, line.text.substr(lb, le - lb));
      }
    }
    if (written || !internal::FindPublishLabel(t, internal::DateLabel::kWritten, &lb, &le, &rest)) {
      continue;
    }
    if (auto d = DateAt(line.text.substr(rest), /*anchored=*/true)) {
      written = Written{&line, *d, line.text.substr(lb, le - lb)};
    }
  }
  if (written) return publish(*written->line, written->date, written->label);
  // A bare 时间: or 日期: field in the page header (来源:… 时间:2017-01-12
  // 10:01; 日期:2024-01-15 字体:…), when no line has a fuller label: the
  // date must follow the colon, and words that make it another date
  // (统计时间, 截止日期, 会议时间 …) rule it out.
  for (size_t i = 0; i < header_lines; ++i) {
    const Line& line = lines[i];
    const absl::string_view t = line.text;
    for (const char* word : {"时间", "日期"}) {
      for (size_t p = FastFind(t, word); p != absl::string_view::npos; p = FastFind(t, word, p + 3)) {
        bool other = false;
        if (p >= 6) {
          const absl::string_view before = t.substr(p - 6, 6);
          for (const char* x : {"统计", "截止", "截至", "办理", "受理", "答复", "会议", "培训", "检查",
                                "期限", "生效", "实施", "施行", "有效", "开始", "结束", "起止", "申请",
                                "登记", "更新", "修改", "访问"}) {
            if (before == x) other = true;
          }
        }
        if (other) continue;
        size_t q = re_scan::SkipSpace(std::string_view(t.data(), t.size()), p + 6);
        if (q >= t.size() || t[q] != ':') continue;
        q = re_scan::SkipSpace(std::string_view(t.data(), t.size()), q + 1);
        auto d = DateAt(t.substr(q), /*anchored=*/true);
        if (d) return publish(line, *d, word);
      }
    }
  }
  // A page header line that starts with the date the page went online and
  // goes on with the page's other fields, with no label before the date
  // ("2025-01-15 09:30 来源:某县民政局 浏览次数:12"). A date alone, or one
  // followed by a weekday ("2023年11月5日 星期天": the day the page was
  // viewed), is no such line.
  static const re2::RE2 kDateThenField(
      R"(^(\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*)"
      R"((?:来源|信息来源|作者|浏览|阅读|点击|访问量|字体|字号|发布者|发布人|编辑|责任编辑)\s*:)");
  for (size_t i = 0; i < header_lines; ++i) {
    const Line& line = lines[i];
    const absl::string_view t = line.text;
    if (t.empty() || t[0] < '0' || t[0] > '9') continue;
    re2::StringPiece date;
    if (!RE2::PartialMatch(SP(t), kDateThenField, &date)) continue;
    if (auto d = DateAt(absl::string_view(date.data(), date.size()), /*anchored=*/true)) {
      return publish(line, *d, "page date");
    }
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
    // Both patterns end in a date: 日, a digit or a Chinese numeral, then
    // only whitespace (which Trim removed). Other lines match neither.
    if (!EndsLikeDate(t)) continue;
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
  for (const Line& line : lines) {
    // A period names a year (年) and two months (月): skip lines without them.
    const size_t month = FastFind(line.text, "月", 0);
    if (month == absl::string_view::npos ||
        FastFind(line.text, "月", month + 3) == absl::string_view::npos ||
        FastFind(line.text, "年", 0) == absl::string_view::npos) {
      continue;
    }
    const std::string_view lt(line.text.data(), line.text.size());
    internal::PeriodMatch pm;
    for (size_t from = 0; internal::FindPeriod(lt, from, &pm); from = pm.end) {
      auto part = [&](std::string_view v) { return absl::string_view(v.data(), v.size()); };
      const absl::string_view raw = line.text.substr(pm.begin, pm.end - pm.begin);
      const absl::string_view y1 = part(pm.y1), m1 = part(pm.m1), d1 = part(pm.d1),
                              y2 = part(pm.y2), m2 = part(pm.m2), d2 = part(pm.d2);
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

namespace internal {
namespace {

using re_scan::At3;
using re_scan::IsSpace;
using re_scan::SkipSpace;

// The length of the character of [〇○零O一二三四五六七八九] ending at byte
// `end`; 0 when none does.
size_t YearDigitBefore(std::string_view s, size_t end) {
  if (end >= 1 && s[end - 1] == 'O') return 1;
  if (end < 3) return 0;
  for (const char* ch : {"〇", "○", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}) {
    if (At3(s, end - 3, ch)) return 3;
  }
  return 0;
}

}  // namespace

std::optional<std::string_view> FirstValidYear(std::string_view s) {
  // Each match ends at its 年 and its four digits end right before the
  // whitespace before that 年: matches are found 年 by 年, left to right.
  const absl::string_view all(s.data(), s.size());
  for (size_t at = FastFind(all, "年", 0); at != absl::string_view::npos;
       at = FastFind(all, "年", at + 3)) {
    size_t j = at;
    while (j > 0 && IsSpace(s[j - 1])) --j;
    size_t b = j;
    bool ok = j >= 4;
    for (size_t k = 0; ok && k < 4; ++k) ok = absl::ascii_isdigit(static_cast<unsigned char>(s[--b]));
    if (!ok) {
      b = j;
      ok = true;
      for (int k = 0; ok && k < 4; ++k) {
        const size_t len = YearDigitBefore(s, b);
        ok = len > 0;
        b -= len;
      }
    }
    if (!ok) continue;
    const std::string_view y = s.substr(b, j - b);
    const int v = ParseDatePart(absl::string_view(y.data(), y.size()));
    if (v >= 1990 && v <= 2100) return y;
  }
  return std::nullopt;
}

namespace {

// The length of one of [〇○零O一二三四五六七八九十两] at byte i; 0 when none.
size_t DateNumeralAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == 'O') return 1;
  for (const char* ch :
       {"〇", "○", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "两"}) {
    if (At3(s, i, ch)) return 3;
  }
  return 0;
}

// kNum at byte i: a run of one to four ASCII digits, or of one to four
// numerals, that the next part can follow (neither run can stop early:
// what follows it is whitespace or an ideograph). Returns the run's end;
// npos when there is no run or it is longer than four.
size_t DateNumberAt(std::string_view s, size_t i) {
  size_t j = i;
  int count = 0;
  if (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') {
      ++j;
      ++count;
    }
  } else {
    for (size_t len = DateNumeralAt(s, j); len > 0; len = DateNumeralAt(s, j)) {
      j += len;
      ++count;
    }
  }
  return count >= 1 && count <= 4 ? j : std::string_view::npos;
}

// kNum then \s* and `ch`: the number's end and the end past `ch`.
bool NumberThen(std::string_view s, size_t i, const char* ch, size_t* num_end, size_t* end) {
  const size_t e = DateNumberAt(s, i);
  if (e == std::string_view::npos) return false;
  const size_t c = SkipSpace(s, e);
  if (!At3(s, c, ch)) return false;
  *num_end = e;
  *end = c + 3;
  return true;
}

// Four ASCII digits at byte i, then \s*年: the end past 年 (npos if not).
size_t FourDigitYearAt(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return std::string_view::npos;
  for (size_t k = i; k < i + 4; ++k) {
    if (!absl::ascii_isdigit(s[k])) return std::string_view::npos;
  }
  const size_t j = SkipSpace(s, i + 4);
  return At3(s, j, "年") ? j + 3 : std::string_view::npos;
}

// A title's year at byte i, then \s*年: four ASCII digits, or the year in
// numerals as titles write it (二〇二四: 二, then 〇, ○ or 零, then two of
// 〇○零一二三四五六七八九). The end past 年, or npos.
size_t TitleYearAt(std::string_view s, size_t i) {
  const size_t digits = FourDigitYearAt(s, i);
  if (digits != std::string_view::npos) return digits;
  auto one_of = [&](size_t at, std::initializer_list<const char*> chars) {
    for (const char* ch : chars) {
      if (At3(s, at, ch)) return true;
    }
    return false;
  };
  if (!At3(s, i, "二") || !one_of(i + 3, {"〇", "○", "零"})) return std::string_view::npos;
  size_t j = i + 6;
  for (int k = 0; k < 2; ++k, j += 3) {
    if (!one_of(j, {"〇", "○", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九"})) {
      return std::string_view::npos;
    }
  }
  j = SkipSpace(s, j);
  return At3(s, j, "年") ? j + 3 : std::string_view::npos;
}

// The whole pattern from byte `start` (where its four-digit year starts).
bool PeriodAt(std::string_view s, size_t start, PeriodMatch* m) {
  size_t i = FourDigitYearAt(s, start), num_end = 0;
  if (i == std::string_view::npos) return false;
  *m = PeriodMatch{};
  m->y1 = s.substr(start, 4);
  i = SkipSpace(s, i);
  const size_t m1 = i;
  if (!NumberThen(s, m1, "月", &num_end, &i)) return false;
  m->m1 = s.substr(m1, num_end - m1);
  i = SkipSpace(s, i);
  size_t day_end = 0;
  if (NumberThen(s, i, "日", &num_end, &day_end)) {  // (kNum\s*日)? is taken when it can be
    m->d1 = s.substr(i, num_end - i);
    i = day_end;
  }
  i = SkipSpace(s, i);
  if (At3(s, i, "起")) i += 3;
  i = SkipSpace(s, i);
  const size_t separators = i;
  while (true) {
    if (At3(s, i, "至") || At3(s, i, "到") || At3(s, i, "—")) {
      i += 3;
    } else if (i < s.size() && (s[i] == '-' || s[i] == '~')) {
      ++i;
    } else {
      break;
    }
  }
  if (i == separators) return false;
  i = SkipSpace(s, i);
  const size_t after_year = FourDigitYearAt(s, i);
  if (after_year != std::string_view::npos) {  // (?:(\d{4})\s*年)? is taken when it can be
    m->y2 = s.substr(i, 4);
    i = SkipSpace(s, after_year);
  }
  const size_t m2 = i;
  if (!NumberThen(s, m2, "月", &num_end, &i)) return false;
  m->m2 = s.substr(m2, num_end - m2);
  i = SkipSpace(s, i);  // part of the match even when no day follows
  if (NumberThen(s, i, "日", &num_end, &day_end)) {
    m->d2 = s.substr(i, num_end - i);
    i = day_end;
  }
  m->begin = start;
  m->end = i;
  return true;
}

// The fewest characters (2 to 40) from byte `from` that `in_class` accepts
// and after which `rest` holds at the end of the run; the run's end, or
// npos.
template <typename InClass, typename Rest>
size_t LazyRun(std::string_view s, size_t from, bool strict, InClass in_class, Rest rest) {
  size_t e = from;
  for (int n = 1; n <= 40; ++n) {
    if (e >= s.size()) return std::string_view::npos;
    const size_t len = re_scan::CharLen(s, e, strict);
    if (len == 0 || !in_class(s.substr(e, len))) return std::string_view::npos;
    e += len;
    if (n >= 2 && rest(e)) return e;
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<std::string_view> TitleOrganBeforeYear(std::string_view title) {
  auto in_class = [](std::string_view ch) {
    if (ch.size() == 1) return !absl::ascii_isdigit(ch[0]) && !IsSpace(ch[0]);
    for (const char* no : {"〇", "○", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "《"}) {
      if (ch == no) return false;
    }
    return true;
  };
  // \s*(?:关于)?\s*\d{4}\s*年 from byte i.
  auto rest = [&](size_t i) {
    i = SkipSpace(title, i);
    if (At3(title, i, "关") && At3(title, i + 3, "于")) {
      i += 6;
      i = SkipSpace(title, i);
    }
    return TitleYearAt(title, i) != std::string_view::npos;
  };
  // ^(?:关于)? is taken first when it can be.
  const bool guanyu = At3(title, 0, "关") && At3(title, 3, "于");
  for (size_t start : {size_t{6}, size_t{0}}) {
    if (start == 6 && !guanyu) continue;
    const size_t e = LazyRun(title, start, /*strict=*/true, in_class, rest);
    if (e != std::string_view::npos) return title.substr(start, e - start);
  }
  return std::nullopt;
}

std::optional<std::string_view> TitleOrganAfterYear(std::string_view title,
                                                    std::string_view literal) {
  auto in_class = [](std::string_view ch) {
    return ch.size() > 1 || (!absl::ascii_isdigit(ch[0]) && !IsSpace(ch[0]));
  };
  auto rest = [&](size_t i) { return title.substr(i, literal.size()) == literal; };
  // Every match starts with the year (four digits, or four numerals of
  // twelve bytes) right before the whitespace before a 年; later 年 give
  // later starts.
  const absl::string_view t(title.data(), title.size());
  for (size_t at = FastFind(t, "年", 0); at != absl::string_view::npos;
       at = FastFind(t, "年", at + 3)) {
    size_t j = at;
    while (j > 0 && IsSpace(title[j - 1])) --j;
    const bool year = (j >= 4 && FourDigitYearAt(title, j - 4) == at + 3) ||
                      (j >= 12 && TitleYearAt(title, j - 12) == at + 3);
    if (!year) continue;
    // 度? is taken first when it can be; the capture starts past \s*.
    for (bool du : {true, false}) {
      size_t i = at + 3;
      if (du) {
        if (!At3(title, i, "度")) continue;
        i += 3;
      }
      i = SkipSpace(title, i);
      const size_t e = LazyRun(title, i, /*strict=*/false, in_class, rest);
      if (e != std::string_view::npos) return title.substr(i, e - i);
    }
  }
  return std::nullopt;
}

bool FindPeriod(std::string_view line, size_t from, PeriodMatch* m) {
  // Every match starts with the four digits right before the whitespace
  // before a 年; later 年 give later starts, so the first that matches is
  // the leftmost match.
  const absl::string_view t(line.data(), line.size());
  for (size_t at = FastFind(t, "年", from); at != absl::string_view::npos;
       at = FastFind(t, "年", at + 3)) {
    size_t j = at;
    while (j > from && IsSpace(line[j - 1])) --j;
    if (j < from + 4) continue;
    if (PeriodAt(line, j - 4, m)) return true;
  }
  return false;
}

bool FindPublishLabel(std::string_view line, DateLabel kind, size_t* label_begin,
                      size_t* label_end, size_t* rest) {
  const absl::string_view t(line.data(), line.size());
  size_t best = absl::string_view::npos, best_len = 0;
  // X日期 for the kind's X, and (published only) 发布时间 / 发布于: the
  // leftmost wins (no two start at one byte).
  static constexpr const char* kPublishedX[] = {"发布", "公开"};
  static constexpr const char* kWrittenX[] = {"成文", "发文", "印发"};
  const bool published = kind == DateLabel::kPublished;
  const std::span<const char* const> xs =
      published ? std::span<const char* const>(kPublishedX) : std::span<const char* const>(kWrittenX);
  for (size_t p = FastFind(t, "日期"); p != absl::string_view::npos && p < best;
       p = FastFind(t, "日期", p + 3)) {
    if (p < 6) continue;
    for (const char* x : xs) {
      if (memcmp(t.data() + p - 6, x, 6) == 0) {
        best = p - 6;
        best_len = 12;
        break;
      }
    }
  }
  for (size_t p = published ? FastFind(t, "发布") : absl::string_view::npos;
       p != absl::string_view::npos && p < best; p = FastFind(t, "发布", p + 3)) {
    if (At3(line, p + 6, "时") && At3(line, p + 9, "间")) {
      best = p;
      best_len = 12;
    } else if (At3(line, p + 6, "于")) {
      best = p;
      best_len = 9;
    }
  }
  if (best == absl::string_view::npos) return false;
  *label_begin = best;
  *label_end = best + best_len;
  // \s*[:|]?\s*\|? after it, each part as long as it can be.
  size_t i = *label_end;
  i = SkipSpace(line, i);
  if (i < line.size() && (line[i] == ':' || line[i] == '|')) ++i;
  i = SkipSpace(line, i);
  if (i < line.size() && line[i] == '|') ++i;
  *rest = i;
  return true;
}

}  // namespace internal

void ReadMetadata(Report* report) {
  Metadata* meta = report->mutable_meta();
  const std::string& text = report->text();
  const std::vector<Line> lines = SplitLines(text);

  // Title.
  const TitleLines title_lines = FindTitle(lines);
  if (title_lines.first >= 0 && meta->title().empty()) {
    const std::string t = TitleText(lines, title_lines);
    meta->set_title(t);
    const absl::string_view first = TitleLineText(lines[title_lines.first].text);
    const absl::string_view last = Trim(lines[title_lines.last].text);
    const size_t b = OffsetIn(text, first);
    AddEvidence(meta, "title", t, b, OffsetIn(text, last) + last.size(),
                lines[title_lines.first].number,
                title_lines.named_below ? "title whose organ the text names"
                : title_lines.first == title_lines.last ? "first line naming an annual report"
                                                        : "first lines naming an annual report");
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
      int year_line = -1;
      for (int i = title_lines.first; i >= 0 && i <= title_lines.last && year_line < 0; ++i) {
        if (YearIn(lines[i].text, &raw) == title_year) year_line = i;
      }
      if (year_line >= 0) {
        const size_t b = OffsetIn(text, raw);
        AddEvidence(meta, "report_year", raw, b, b + raw.size(), lines[year_line].number,
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
    // How often each valid year (1990 to 2100) is named, by year.
    constexpr int kFirstYear = 1990, kLastYear = 2100;
    int counts[kLastYear - kFirstYear + 1] = {};
    // Each "(\d{4})\s*年" in the text (RE2's \s: [\t\n\f\r ]): a 年 preceded
    // by whitespace and, before it, four ASCII digits. Matches end at their
    // 年, so they never overlap and are found 年 by 年.
    const absl::string_view all(text);
    for (size_t at = FastFind(all, "年", 0); at != absl::string_view::npos;
         at = FastFind(all, "年", at + 3)) {
      size_t j = at;
      while (j > 0 && re_scan::IsSpace(all[j - 1])) --j;
      if (j < 4) continue;
      int y = 0;
      bool digits = true;
      for (size_t k = j - 4; k < j; ++k) {
        if (!absl::ascii_isdigit(static_cast<unsigned char>(all[k]))) {
          digits = false;
          break;
        }
        y = y * 10 + (all[k] - '0');
      }
      if (!digits) continue;
      if (y >= kFirstYear && y <= kLastYear) counts[y - kFirstYear]++;
    }
    meta->clear_years_mentioned();
    int best = 0;  // the most named year; among equals the earliest
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      const int n = counts[y - kFirstYear];
      if (n == 0) continue;
      meta->add_years_mentioned(y);
      if (best == 0 || n > counts[best - kFirstYear]) best = y;
    }
    if (meta->report_year() == 0 && best != 0) {
      meta->set_report_year(best);
      AddEvidence(meta, "report_year", std::to_string(best), 0, 0, 0,
                  "most frequently named year");
    }
  }

  // Agency.
  std::string title_core;
  SourceField source_field;
  if (meta->agency().empty()) {
    if (auto a = ReadAgency(text, lines, title_lines, &title_core, &source_field)) {
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
    // A county's short form alone is too weak: many are everyday words
    // (共和 in 中华人民共和国, 开平 in 公开平台, 振兴 in 乡村振兴, 资源 in
    // 公共资源, 威信 in 权威信息); it counts when the text also names a
    // place above it.
    if (m && !m->ambiguous && !(m->short_form && m->division->level == 3 && !m->supported)) {
      region = m->division;
      region_method = "place named in the text";
    }
  }
  if (region != nullptr) {
    // Where the place is named (full name first, then the short form); by
    // the names' last bytes (FastFind), not their first, a lead byte most
    // characters of the text share.
    size_t where = FastFind(text, region->name);
    size_t where_len = region->name.size();
    if (where == std::string::npos && !region->short_name.empty()) {
      where = FastFind(text, region->short_name);
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
    static const HeaderKeys kIndexKeys = {"索引号"};
    if (auto hv = HeaderField(lines, kIndexKeys, 30)) {
      meta->set_index_number(hv->value);
      const size_t b = OffsetIn(text, hv->raw);
      AddEvidence(meta, "index_number", hv->line->text, b, b + hv->raw.size(), hv->line->number,
                  "索引号 header");
    }
  }
  if (meta->source().empty()) {
    // ReadAgency's source keys start with these two, in this order, over
    // every line: where it found none on the first 30 lines, neither is
    // there; where it found one of these two there, that is the answer.
    // Otherwise (填报单位 found first, or no ReadAgency) the lines are read.
    std::optional<HeaderValue> found;
    const SourceField& sf = source_field;
    const bool none_early =
        sf.read && (!sf.value || static_cast<size_t>(sf.value->line - lines.data()) >= kSourceMaxLines);
    if (none_early) {
      found = std::nullopt;
    } else if (sf.read && sf.value->key < 2) {
      found = sf.value;
    } else {
      static const HeaderKeys kOwnSourceKeys = {"来源", "信息来源"};
      found = HeaderField(lines, kOwnSourceKeys, kSourceMaxLines);
    }
    if (auto& hv = found) {
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

}  // namespace xxgk::report
