#include "report/facts.h"

#include "report/re_scan.h"
#include "report/utf8.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "re2/re2.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace xxgk::report {
namespace {

using xxgk::v1::ProseFact;
using xxgk::v1::Report;
using xxgk::v1::Section;

re2::StringPiece SP(absl::string_view s) { return re2::StringPiece(s.data(), s.size()); }

// absl::StrContains and s.find(needle, from) through report::FindByLastByte
// (utf8.h): the words looked for here end in a continuation byte, much rarer
// in Chinese text than the lead byte find() would stop at.
bool Contains(absl::string_view hay, absl::string_view needle) {
  return ContainsByLastByte(std::string_view(hay.data(), hay.size()),
                            std::string_view(needle.data(), needle.size()));
}

size_t FindFrom(absl::string_view s, absl::string_view needle, size_t from) {
  return FindByLastByte(std::string_view(s.data(), s.size()),
                        std::string_view(needle.data(), needle.size()), from);
}

// ------------------------------------------------------------------ numbers

std::optional<uint64_t> ParseChineseInteger(std::string_view s) {
  static const std::map<std::string, int, std::less<>> kDigit = {
      {"零", 0}, {"〇", 0}, {"○", 0}, {"一", 1}, {"二", 2}, {"两", 2}, {"三", 3}, {"四", 4},
      {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}};
  static const std::map<std::string, int, std::less<>> kSmall = {
      {"十", 10}, {"百", 100}, {"千", 1000}};
  static const std::map<std::string, uint64_t, std::less<>> kBig = {
      {"万", 10000}, {"亿", 100000000}};
  // No count in a report is written with more than a few dozen characters;
  // longer runs (and anything past uint64) are not numbers, not wrapped ones.
  constexpr size_t kMaxChars = 40;
  const std::vector<std::string> chars = Utf8Chars(s);
  if (chars.empty() || chars.size() > kMaxChars) return std::nullopt;
  bool has_unit = false;
  for (const auto& c : chars) {
    if (kSmall.count(c) || kBig.count(c)) has_unit = true;
    else if (!kDigit.count(c)) return std::nullopt;
  }
  auto mul = [](uint64_t a, uint64_t b, uint64_t* out) { return !__builtin_mul_overflow(a, b, out); };
  auto add = [](uint64_t a, uint64_t b, uint64_t* out) { return !__builtin_add_overflow(a, b, out); };
  if (!has_unit) {  // digit by digit: 二〇二四
    uint64_t v = 0;
    for (const auto& c : chars) {
      if (!mul(v, 10, &v) || !add(v, kDigit.find(c)->second, &v)) return std::nullopt;
    }
    return v;
  }
  uint64_t total = 0, section = 0, digit = 0;
  bool have_digit = false;
  for (const auto& c : chars) {
    if (auto d = kDigit.find(c); d != kDigit.end()) {
      digit = d->second;
      have_digit = true;
    } else if (auto u = kSmall.find(c); u != kSmall.end()) {
      uint64_t part = 0;
      if (!mul(have_digit ? digit : 1, u->second, &part) || !add(section, part, &section)) {
        return std::nullopt;
      }
      digit = 0;
      have_digit = false;
    } else {
      const uint64_t big = kBig.find(c)->second;
      if (!add(section, digit, &section)) return std::nullopt;
      if (section == 0) return std::nullopt;
      if (!add(total, section, &total) || !mul(total, big, &total)) return std::nullopt;
      section = 0;
      digit = 0;
      have_digit = false;
    }
  }
  uint64_t out = 0;
  if (!add(total, section, &out) || !add(out, digit, &out)) return std::nullopt;
  return out;
}

std::string TrimDecimal(std::string v) {
  if (v.find('.') != std::string::npos) {
    while (!v.empty() && v.back() == '0') v.pop_back();
    if (!v.empty() && v.back() == '.') v.pop_back();
  }
  // Leading zeros of the integer part.
  size_t nz = 0;
  while (nz + 1 < v.size() && v[nz] == '0' && v[nz + 1] != '.') ++nz;
  return v.substr(nz);
}

// Multiplies a decimal string by 10^k.
std::string ShiftDecimal(const std::string& v, int k) {
  std::string intpart = v, frac;
  if (size_t dot = v.find('.'); dot != std::string::npos) {
    intpart = v.substr(0, dot);
    frac = v.substr(dot + 1);
  }
  while (k > 0) {
    if (!frac.empty()) {
      intpart += frac[0];
      frac.erase(0, 1);
    } else {
      intpart += '0';
    }
    --k;
  }
  return TrimDecimal(frac.empty() ? intpart : intpart + "." + frac);
}

// ------------------------------------------------------------------ text model

// Where each stretch of a sentence copied from one line starts: (byte in
// the sentence, offset in the text); the stretch runs to the next one.
using Segs = std::vector<std::pair<uint32_t, uint32_t>>;

// A sentence with the offsets (in Report.text) of each of its bytes; line
// breaks inside a paragraph are removed.
struct Sentence {
  // A view into the paragraph buffer Sentences() fills (which outlives it).
  absl::string_view s;
  // The sentence's stretches: entries [seg_begin, seg_end) of `segs`, one
  // list Sentences() fills for all sentences (no list per sentence).
  // `tail` is the offset of what follows the sentence.
  const Segs* segs = nullptr;
  uint32_t seg_begin = 0, seg_end = 0;
  uint32_t tail = 0;
  Section::Kind kind = Section::KIND_UNSPECIFIED;

  // Offset in the text of byte i of `s` (i == s.size(): `tail`).
  uint32_t Off(size_t i) const {
    if (i >= s.size()) return tail;
    size_t k = seg_end - 1;
    while (k > seg_begin && (*segs)[k].first > i) --k;
    return (*segs)[k].second + static_cast<uint32_t>(i - (*segs)[k].first);
  }
};

// A paragraph's lines, joined: each line's first byte in the buffer and its
// offset in the text.
using LineStarts = std::vector<std::pair<size_t, uint32_t>>;

// `has_pipe`: whether `line` holds a '|'.
bool IsTableLine(absl::string_view line, bool has_pipe) {
  if (has_pipe) return true;
  // Flattened statistics rows: "2.政府网站公开政府信息数244" (no sentence punctuation).
  // The row pattern ends in a digit and whitespace: test that byte first.
  size_t n = line.size();
  while (n > 0 && absl::ascii_isspace(static_cast<unsigned char>(line[n - 1]))) --n;
  if (n == 0 || !absl::ascii_isdigit(static_cast<unsigned char>(line[n - 1]))) return false;
  static const re2::RE2 kRow(R"(^[^。,;]{0,80}\d\s*$)");
  return RE2::FullMatch(SP(line), kRow);
}

bool IsHeadingLine(absl::string_view line) {
  return line.size() <= 120 && internal::StartsLikeHeading(std::string_view(line.data(), line.size())) &&
         !Contains(line, "。");
}

bool EndsSentence(absl::string_view line) {
  for (const char* p : {"。", ";", "!", "?", ":", ")", "”"}) {
    if (absl::EndsWith(line, p)) return true;
  }
  return false;
}

// Where any of a few words (at most kMax) occurs in a text at or after a
// point, in increasing order: the next occurrence of each is found by
// FindByLastByte and kept until passed.
class WordCursor {
 public:
  static constexpr size_t kMax = 8;
  WordCursor(std::string_view text, const std::string_view* words, size_t count, size_t from)
      : text_(text), words_(words), count_(count) {
    for (size_t k = 0; k < count_; ++k) next_[k] = FindByLastByte(text_, words_[k], from);
  }
  // The nearest occurrence not passed; npos when none.
  size_t Nearest() const {
    size_t at = std::string_view::npos;
    for (size_t k = 0; k < count_; ++k) at = std::min(at, next_[k]);
    return at;
  }
  // Passes the occurrences at `at` (the nearest).
  void Pass(size_t at) {
    for (size_t k = 0; k < count_; ++k) {
      if (next_[k] == at) next_[k] = FindByLastByte(text_, words_[k], at + 1);
    }
  }

 private:
  std::string_view text_;
  const std::string_view* words_;
  size_t count_;
  size_t next_[kMax];
};

// The stop bytes SplitSentences looks for: the last byte of "。" (E3 80
// 82; a continuation byte) and ; ! ?. One WordCursor over the whole arena
// serves every paragraph (it keeps the next of each until passed), so a
// byte missing from many paragraphs is looked for once.
constexpr std::string_view kStopBytes[] = {"\x82", ";", "!", "?"};

// Splits the paragraph at bytes [begin, end) of `arena` (all paragraphs
// written) into sentences; `lines` holds where its lines start in it.
void SplitSentences(absl::string_view arena, size_t begin, size_t end,
                    std::span<const std::pair<size_t, uint32_t>> lines,
                    Section::Kind kind, std::vector<Sentence>* out, Segs* segs,
                    WordCursor* stops) {
  const absl::string_view buffer = arena.substr(begin, end - begin);
  size_t start = 0;
  size_t line = 0;  // the line holding `start`
  auto off_at = [&](size_t j, size_t k) {  // offset of buffer byte j, on line k or later
    while (k + 1 < lines.size() && lines[k + 1].first <= j) ++k;
    return lines[k].second + static_cast<uint32_t>(j - lines[k].first);
  };
  auto flush = [&](size_t end) {
    if (end > start) {
      while (line + 1 < lines.size() && lines[line + 1].first <= start) ++line;
      Sentence s;
      s.s = buffer.substr(start, end - start);
      s.segs = segs;
      s.seg_begin = static_cast<uint32_t>(segs->size());
      segs->emplace_back(0, off_at(start, line));
      for (size_t k = line + 1; k < lines.size() && lines[k].first < end; ++k) {
        segs->emplace_back(static_cast<uint32_t>(lines[k].first - start), lines[k].second);
      }
      s.seg_end = static_cast<uint32_t>(segs->size());
      s.tail = end < buffer.size() ? off_at(end, line) : off_at(buffer.size() - 1, line) + 1;
      s.kind = kind;
      out->push_back(std::move(s));
    }
    start = end;
  };
  // Stops: "。" (E3 80 82) and ; ! ?, the nearest of kStopBytes ending the
  // sentence. `stops` runs over the whole arena, which the paragraphs tile
  // in order from byte 0: each paragraph begins where the one before ended,
  // which the cursor has reached (the loop below runs until it is past).
  size_t i = 0;  // stops are looked for at or after byte i of the paragraph
  while (true) {
    const size_t at = stops->Nearest();
    if (at == std::string_view::npos || at >= end) break;
    stops->Pass(at);
    const size_t q = at - begin;
    if (arena[at] == '\x82') {  // 0x82 ends 。 only after E3 80 (and not inside one already taken)
      if (q < i + 2 || buffer[q - 1] != '\x80' || buffer[q - 2] != '\xE3') continue;
    }
    flush(q + 1);
    i = q + 1;
  }
  flush(buffer.size());
}

Section::Kind KindAt(const Report& report, uint32_t offset) {
  Section::Kind best = Section::KIND_UNSPECIFIED;
  int best_level = 1 << 20;
  for (const Section& s : report.sections()) {
    if (s.kind() == Section::KIND_UNSPECIFIED) continue;
    if (offset >= s.span().begin() && offset < s.span().end()) {
      const int level = s.level() == 0 ? 1 : s.level();
      if (level < best_level) {
        best = s.kind();
        best_level = level;
      }
    }
  }
  return best;
}

// Sentences view into `*arena`, which holds every paragraph (its lines
// joined) one after another; it is reserved to the text's size up front, so
// it never moves. Their stretches are in `*segs`.
std::vector<Sentence> Sentences(const Report& report, std::string* arena, Segs* segs) {
  std::vector<Sentence> out;
  size_t total = report.text().size();
  if (report.text().empty()) {
    for (const Section& s : report.sections()) total += s.text().size();
  }
  arena->clear();
  arena->reserve(total);
  out.reserve(total / 64 + 8);  // about one sentence per 20 characters
  segs->clear();
  segs->reserve(total / 48 + 8);
  // Paragraphs are split into sentences once the arena is written (the
  // stop searches look past a paragraph's end): each paragraph's bytes in
  // the arena, its kind and its lines (entries of `starts`).
  struct Paragraph {
    size_t begin, end;
    uint32_t lines_begin, lines_end;
    Section::Kind kind;
  };
  std::vector<Paragraph> paragraphs;
  paragraphs.reserve(total / 256 + 8);
  LineStarts starts;
  starts.reserve(total / 48 + 8);
  auto process = [&](const std::string& text, uint32_t base, bool use_spans,
                     Section::Kind fixed_kind) {
    size_t para = arena->size();  // where the current paragraph starts
    size_t para_lines = starts.size();
    Section::Kind kind = fixed_kind;
    auto flush = [&]() {
      if (arena->size() > para) {
        paragraphs.push_back({para, arena->size(), static_cast<uint32_t>(para_lines),
                              static_cast<uint32_t>(starts.size()), kind});
      } else {
        starts.resize(para_lines);
      }
      para = arena->size();
      para_lines = starts.size();
    };
    // The next '|' at or after the current line (text.size(): none), looked
    // for again only once passed.
    auto find_pipe = [&](size_t from) {
      const void* hit = from < text.size() ? memchr(text.data() + from, '|', text.size() - from) : nullptr;
      return hit == nullptr ? text.size() : static_cast<size_t>(static_cast<const char*>(hit) - text.data());
    };
    size_t next_pipe = find_pipe(0);
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      absl::string_view line = absl::string_view(text).substr(pos, end - pos);
      if (next_pipe < pos) next_pipe = find_pipe(pos);
      const bool table = IsTableLine(line, next_pipe < end);
      const bool heading = !table && IsHeadingLine(line);
      if (table || heading || line.empty()) flush();
      if (!table && !line.empty()) {
        if (arena->size() == para) {
          kind = use_spans ? KindAt(report, base + static_cast<uint32_t>(pos)) : fixed_kind;
        }
        starts.emplace_back(arena->size() - para, base + static_cast<uint32_t>(pos));
        arena->append(line.data(), line.size());
        if (heading || EndsSentence(line)) flush();
      }
      if (end == text.size()) break;
      pos = end + 1;
    }
    flush();
  };
  if (!report.text().empty()) {
    process(report.text(), 0, true, Section::KIND_UNSPECIFIED);
  } else {
    for (const Section& s : report.sections()) {
      process(s.text(), s.span().begin(), false, s.kind());
    }
  }
  WordCursor stops(*arena, kStopBytes, std::size(kStopBytes), 0);
  for (const Paragraph& p : paragraphs) {
    SplitSentences(*arena, p.begin, p.end,
                   std::span<const std::pair<size_t, uint32_t>>(starts).subspan(
                       p.lines_begin, p.lines_end - p.lines_begin),
                   p.kind, &out, segs, &stops);
  }
  return out;
}

// Clauses: comma-separated parts of a sentence (thousands separators kept).
void Clauses(absl::string_view s, std::vector<std::pair<size_t, size_t>>* clauses) {
  std::vector<std::pair<size_t, size_t>>& out = *clauses;
  out.clear();
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const void* comma = memchr(s.data() + i, ',', s.size() - i);
    if (comma == nullptr) break;
    i = static_cast<size_t>(static_cast<const char*>(comma) - s.data());
    const bool thousands = i > 0 && isdigit(static_cast<unsigned char>(s[i - 1])) &&
                           i + 3 < s.size() + 0 && isdigit(static_cast<unsigned char>(s[i + 1])) &&
                           isdigit(static_cast<unsigned char>(s[i + 2])) &&
                           isdigit(static_cast<unsigned char>(s[i + 3])) &&
                           (i + 4 >= s.size() || !isdigit(static_cast<unsigned char>(s[i + 4])));
    if (thousands) continue;
    out.emplace_back(start, i);
    start = i + 1;
  }
  out.emplace_back(start, s.size());
}

// ------------------------------------------------------------------ rules

// The figure part of a pattern. Named groups: pre, num, more, mult, unit, post.
const std::string& NumBlock() {
  static const std::string* k = new std::string(
      R"((?P<pre>约|大约|近|将近|不到|不足|超过|逾)?\s*)"
      R"((?P<num>\d[\d,]*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)\s*)"
      R"((?P<more>余|多)?\s*(?P<mult>万|亿)?\s*(?P<more2>余|多)?\s*)"
      R"((?P<unit>万元|亿元|元|件|条|次|个|项|起|宗|份|篇|部))"
      R"((?P<post>以上|左右|以下|之多)?)");
  return *k;
}

constexpr char kFill[] = R"((?:的|了)?(?:数量?|总数|件数)?(?:为|共|共计|合计|累计|计|达)?\s*)";

struct Rule {
  std::string subject;
  std::unique_ptr<re2::RE2> re;
  std::set<std::string> units;  // allowed units; empty = any
  // Returns false to reject a match (sentence, clause, match begin, match end).
  std::function<bool(absl::string_view sentence, absl::string_view clause, size_t b, size_t e)>
      accept;
  bool received_verb = false;  // applications.received: look at the verb
  // Literals the pattern needs, each group as a mask of bits k for word k of
  // NeedWords(): at least one of each group. A clause lacking a group cannot
  // match, so the regex is not run on it.
  std::vector<uint64_t> need_masks;
  // Capture group indices (0 when the pattern has no such group).
  int g_pre = 0, g_num = 0, g_more = 0, g_mult = 0, g_more2 = 0, g_unit = 0, g_post = 0,
      g_verb = 0;
  int ngroups = 1;
  // The pattern ends in NumBlock: RE2 finds the match alone and
  // internal::LastFigure reads the figure's groups from its end (a verb
  // group, when there is one, is the match's first six bytes).
  bool figure_last = false;
  // Words every match starts with (empty: not known): matches are looked
  // for only where one of them starts, by a search anchored there. Each
  // one's index in NeedWords() (-1: none): a clause lacking it has none.
  std::vector<std::string> starts;
  std::vector<int> start_need_ids;
};

bool Preceded(absl::string_view clause, size_t b, std::initializer_list<const char*> words) {
  const absl::string_view before = clause.substr(0, b);
  for (const char* w : words) {
    if (absl::EndsWith(before, w)) return true;
  }
  return false;
}

const std::set<std::string> kCountUnits = {"件", "条", "个", "项", "宗", "份", "次", "起"};
const std::set<std::string> kCaseUnits = {"件", "起", "宗", "个", "次"};
const std::set<std::string> kMoneyUnits = {"元", "万元", "亿元"};
const std::set<std::string> kItemUnits = {"条", "件", "项", "个", "篇", "份"};
const std::set<std::string> kDocUnits = {"件", "个", "部", "项", "份", "篇"};

bool HasChannelWord(absl::string_view clause) {
  for (const char* w : {"网站", "政务网", "微信", "微博", "公众号", "新媒体", "公示栏", "公开栏",
                        "平台", "客户端", "抖音", "报纸", "电视", "广播", "公报"}) {
    if (Contains(clause, w)) return true;
  }
  return false;
}

// Every literal some rule needs, once (Rule::need_masks and
// Rule::start_need_ids index it).
std::vector<std::string>& NeedWords() {
  static auto* words = new std::vector<std::string>;
  return *words;
}

const std::vector<Rule>& Rules() {
  static const std::vector<Rule>* rules = [] {
    auto* r = new std::vector<Rule>;
    std::vector<std::vector<std::string>> needs;  // for the next add()
    std::vector<std::string> starts;               // for the next add()
    auto add = [&](std::string subject, const std::string& pattern, std::set<std::string> units,
                   std::function<bool(absl::string_view, absl::string_view, size_t, size_t)>
                       accept = nullptr,
                   bool received_verb = false) {
      Rule rule;
      rule.subject = std::move(subject);
      rule.re = std::make_unique<re2::RE2>(pattern);
      rule.units = std::move(units);
      rule.accept = std::move(accept);
      rule.received_verb = received_verb;
      for (const auto& group : needs) {
        uint64_t mask = 0;
        for (const std::string& w : group) {
          std::vector<std::string>& words = NeedWords();
          auto it = std::find(words.begin(), words.end(), w);
          if (it == words.end()) it = words.insert(words.end(), w);
          const size_t id = static_cast<size_t>(it - words.begin());
          if (id >= 64) abort();  // NeedWordsIn answers in 64 bits
          mask |= uint64_t{1} << id;
        }
        rule.need_masks.push_back(mask);
      }
      needs.clear();
      rule.starts = std::move(starts);
      starts.clear();
      for (const std::string& w : rule.starts) {
        const std::vector<std::string>& words = NeedWords();
        auto it = std::find(words.begin(), words.end(), w);
        rule.start_need_ids.push_back(it == words.end() ? -1 : static_cast<int>(it - words.begin()));
      }
      const auto& names = rule.re->NamedCapturingGroups();
      auto index = [&](const char* name) {
        auto it = names.find(name);
        return it == names.end() ? 0 : it->second;
      };
      rule.g_pre = index("pre");
      rule.g_num = index("num");
      rule.g_more = index("more");
      rule.g_mult = index("mult");
      rule.g_more2 = index("more2");
      rule.g_unit = index("unit");
      rule.g_post = index("post");
      rule.g_verb = index("verb");
      rule.ngroups = rule.re->NumberOfCapturingGroups() + 1;
      rule.figure_last = absl::EndsWith(pattern, NumBlock());
      r->push_back(std::move(rule));
    };
    const std::string& N = NumBlock();
    const std::string F = kFill;
    // Applications.
    needs = {{"申请"}, {"新收", "收到", "受理", "收办", "接收", "接到", "办理"}};
    starts = {"新收", "收到", "受理", "收办", "接收", "接到", "办理"};
    add("applications.received",
        R"((?P<verb>新收|收到|受理|收办|接收|接到|办理)[^\d,]{0,24}?申请(?:公开)?(?:事项|信息|件)?)" +
            F + N,
        kCountUnits,
        [](absl::string_view, absl::string_view c, size_t b, size_t e) {
          const absl::string_view m = c.substr(b, e - b);
          if (Preceded(c, b, {"不予", "不", "未", "没有", "无"})) return false;
          return !Contains(m, "复议") && !Contains(m, "诉讼") &&
                 !Contains(m, "结转") && !Contains(m, "举报") &&
                 !Contains(m, "投诉") && !Contains(m, "建议") &&
                 !Contains(m, "提案");
        },
        true);
    needs = {{"结转"}, {"上年"}};
    starts = {"上年"};
    add("applications.carried_over", R"(上年(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?)" + F + N,
        kCountUnits);
    needs = {{"结转"}, {"下"}};
    starts = {"结转"};
    add("applications.carried_forward",
        R"(结转(?:至|到|入)?下(?:一)?年(?:度)?(?:继续办理)?(?:的)?(?:申请)?)" + F + N, kCountUnits);
    needs = {{"结转"}, {"下"}};
    add("applications.carried_forward",
        N + R"((?:申请)?(?:需|将|已)?结转(?:至|到|入)?下(?:一)?年)", kCountUnits);
    needs = {{"办结"}};
    starts = {"办结"};
    add("applications.closed", R"(办结(?:的)?(?:申请)?)" + F + N, kCountUnits,
        [](absl::string_view, absl::string_view c, size_t b, size_t) {
          return !Preceded(c, b, {"未", "尚未", "没有"});
        });
    needs = {{"办结"}};
    add("applications.closed", N + R"((?:申请)?(?:均已|已|均|全部)(?:按时|依法)?办结)", kCountUnits);
    needs = {{"予以公开", "同意公开", "准予公开"}};
    starts = {"予以公开", "同意公开", "准予公开"};
    add("applications.granted", R"((?:予以公开|同意公开|准予公开))" + F + N, kCountUnits,
        [](absl::string_view, absl::string_view c, size_t b, size_t) {
          return !Preceded(c, b, {"部分", "不"});
        });
    needs = {{"部分"}, {"公开"}};
    starts = {"部分"};
    add("applications.partially_granted", R"(部分(?:予以)?公开)" + F + N, kCountUnits,
        [](absl::string_view, absl::string_view c, size_t b, size_t) {
          return !Preceded(c, b, {"及", "和", "、", "与", "以及"});
        });
    needs = {{"部分"}, {"公开"}};
    starts = {"予以", "公开"};
    add("applications.granted_and_partial",
        R"((?:予以)?公开(?:及|和|、|与|以及)部分(?:予以)?公开)" + F + N, kCountUnits);
    needs = {{"不予公开"}};
    starts = {"不予公开"};
    add("applications.denied", R"(不予公开)" + F + N, kCountUnits);
    // Review and litigation.
    needs = {{"行政复议"}};
    starts = {"行政复议"};
    add("review.total", R"(行政复议(?:案件|申请)?)" + F + N, kCaseUnits,
        [](absl::string_view, absl::string_view c, size_t b, size_t) {
          return !Preceded(c, b, {"未经"});
        });
    needs = {{"行政诉讼"}};
    starts = {"行政诉讼"};
    add("litigation.total", R"(行政诉讼(?:案件)?)" + F + N, kCaseUnits);
    // Active disclosure.
    needs = {{"公开"}, {"信息"}};
    starts = {"主动公开", "共", "累计", "合计"};
    add("active.total",
        R"((?:主动公开(?:各类)?(?:政府|政务)?信息|(?:共|共计|累计|合计)(?:主动)?公开(?:各类)?(?:政府|政务)?信息))" +
            F + N,
        kItemUnits,
        [](absl::string_view, absl::string_view c, size_t, size_t) { return !HasChannelWord(c); });
    needs = {{"网站", "政务网"}, {"公开", "发布"}};
    starts = {"网站", "政务网"};
    add("active.website",
        R"((?:网站|政务网)[^\d,]{0,20}?(?:公开|发布)(?:各类)?(?:政府|政务)?(?:信息)?)" + F + N,
        kItemUnits);
    // Documents.
    needs = {{"规章"}, {"制定", "制发", "出台", "印发"}};
    starts = {"制定", "制发", "出台", "印发", "新制定", "新出台"};
    add("rules.issued", R"((?:制定|制发|出台|印发|新制定|新出台)(?:了)?(?:政府)?规章)" + F + N,
        kDocUnits);
    needs = {{"规范性文件"}, {"制定", "制发", "出台", "印发"}};
    starts = {"制定", "制发", "出台", "印发", "新制定", "新出台"};
    add("normative_documents.issued",
        R"((?:制定|制发|出台|印发|新制定|新出台)(?:了)?(?:各类|行政)?规范性文件)" + F + N, kDocUnits);
    // Fees.
    needs = {{"信息处理费"}};
    starts = {"信息处理费"};
    add("fees.info_processing", R"(信息处理费(?:用)?(?:金额)?)" + F + N, kMoneyUnits);
    needs = {{"行政事业性收费"}};
    starts = {"行政事业性收费"};
    add("fees.admin", R"(行政事业性收费(?:金额|总额)?)" + F + N, kMoneyUnits);
    return r;
  }();
  return *rules;
}

std::string ScopeOf(absl::string_view context) {
  return internal::ScopeOf(std::string_view(context.data(), context.size()));
}

void SetSpan(const Sentence& sent, size_t b, size_t e, ProseFact* f) {
  f->mutable_span()->set_begin(sent.Off(std::min(b, sent.s.size())));
  const size_t last = e == 0 ? 0 : e - 1;
  f->mutable_span()->set_end(sent.Off(std::min(last, sent.s.size())) + 1);
}

// A 3-byte UTF-8 character as one integer, for cheap comparisons.
constexpr uint32_t Code3(const char* p) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(p[0])) << 16) |
         (static_cast<uint32_t>(static_cast<unsigned char>(p[1])) << 8) |
         static_cast<uint32_t>(static_cast<unsigned char>(p[2]));
}

// Whether the character ending at byte `j` (exclusive) of `clause` can end
// the figure part of NumBlock right before its unit: a digit, a Chinese
// numeral, 万/亿 (the multiplier) or 余/多 (the "more" words); a thousands
// comma too, to be safe.
constexpr uint32_t kFigureEnds[] = {
    Code3("零"), Code3("〇"), Code3("一"), Code3("二"), Code3("两"), Code3("三"), Code3("四"),
    Code3("五"), Code3("六"), Code3("七"), Code3("八"), Code3("九"), Code3("十"), Code3("百"),
    Code3("千"), Code3("万"), Code3("亿"), Code3("余"), Code3("多")};

constexpr uint32_t kUnits[] = {Code3("元"), Code3("件"), Code3("条"), Code3("次"),
                               Code3("个"), Code3("项"), Code3("起"), Code3("宗"),
                               Code3("份"), Code3("篇"), Code3("部")};

// Membership of a three-byte character in a small set by one lookup: the
// lead byte of the member whose last two bytes are the index (0: none).
// Built only for sets whose members differ in their last two bytes.
struct Char3Set {
  std::vector<unsigned char> lead = std::vector<unsigned char>(1 << 16);
  template <size_t N>
  explicit Char3Set(const uint32_t (&codes)[N]) {
    for (uint32_t c : codes) {
      unsigned char& l = lead[c & 0xFFFF];
      if (l != 0) abort();  // two members share their last two bytes
      l = static_cast<unsigned char>(c >> 16);
    }
  }
  // Whether the three bytes at p are a member.
  bool Has(const char* p) const {
    const size_t key = (static_cast<size_t>(static_cast<unsigned char>(p[1])) << 8) |
                       static_cast<unsigned char>(p[2]);
    return lead[key] != 0 && lead[key] == static_cast<unsigned char>(p[0]);
  }
};

bool EndsFigure(absl::string_view clause, size_t j) {
  const unsigned char last = clause[j - 1];
  if (last < 0x80) return absl::ascii_isdigit(last) || last == ',';
  if (j < 3) return false;
  static const Char3Set* kChars = new Char3Set(kFigureEnds);
  return kChars->Has(clause.data() + j - 3);
}

// Where a unit may end in `s`: every byte q >= 2 such that bytes q - 1 and
// q are the last two bytes of one of kUnits, in order. The reference for
// ScanPath::kGeneral (its only user), kept plain: one byte at a time.
void UnitEnds(absl::string_view s, std::vector<uint32_t>* out) {
  out->clear();
  const size_t n = s.size();
  const char* d = s.data();
  static const std::array<bool, 256> kUnitLastByte = [] {
    std::array<bool, 256> t{};
    for (uint32_t u : kUnits) t[u & 0xFF] = true;
    return t;
  }();
  auto unit_tail_at = [&](size_t q) {
    if (!kUnitLastByte[static_cast<unsigned char>(d[q])]) return false;
    const uint32_t tail = (static_cast<uint32_t>(static_cast<unsigned char>(d[q - 1])) << 8) |
                          static_cast<unsigned char>(d[q]);
    for (uint32_t u : kUnits) {
      if ((u & 0xFFFF) == tail) return true;
    }
    return false;
  };
  for (size_t q = 2; q < n; ++q) {
    if (unit_tail_at(q)) out->push_back(static_cast<uint32_t>(q));
  }
}

// The byte pairs ScanText looks for: each unit's last two bytes and each
// scan word's (ids: bit 0 a unit, bit 1 + k word k), as a table by pair and
// as nibble masks for a sixteen-byte test (PSHUFB, SSSE3): pair i sets bit
// i % 8 in the masks of its bytes' nibbles, so a byte pair whose four
// nibble masks share a bit may be one (the table decides).
struct PairTables {
  std::vector<unsigned char> id = std::vector<unsigned char>(1 << 16);
  alignas(16) unsigned char last_lo[16] = {}, last_hi[16] = {}, mid_lo[16] = {}, mid_hi[16] = {};
};

const PairTables& ScanTables() {
  static const PairTables* t = [] {
    auto* tables = new PairTables;
    int i = 0;
    auto add = [&](unsigned char mid, unsigned char last, unsigned char flag) {
      tables->id[(mid << 8) | last] |= flag;
      const unsigned char bit = static_cast<unsigned char>(1u << (i++ % 8));
      tables->last_lo[last & 15] |= bit;
      tables->last_hi[last >> 4] |= bit;
      tables->mid_lo[mid & 15] |= bit;
      tables->mid_hi[mid >> 4] |= bit;
    };
    for (uint32_t u : kUnits) add((u >> 8) & 0xFF, u & 0xFF, 1);
    for (size_t k = 0; k < std::size(internal::kScanWords); ++k) {
      const std::string_view w = internal::kScanWords[k];
      add(static_cast<unsigned char>(w[w.size() - 2]), static_cast<unsigned char>(w.back()),
          static_cast<unsigned char>(2u << k));
    }
    return tables;
  }();
  return *t;
}

// What the pair ending at byte q (>= 1) of `s` is, from the table.
inline void TakePair(std::string_view s, size_t q, const PairTables& t, internal::TextScan* out) {
  const unsigned char id = t.id[(static_cast<unsigned char>(s[q - 1]) << 8) |
                                static_cast<unsigned char>(s[q])];
  if (id == 0) return;
  if (id & 1) out->unit_ends.push_back(static_cast<uint32_t>(q));
  for (unsigned rest = id >> 1; rest != 0; rest &= rest - 1) {  // the words' bits
    const size_t k = static_cast<size_t>(__builtin_ctz(rest));
    const std::string_view w = internal::kScanWords[k];
    if (q + 1 >= w.size() && s.substr(q + 1 - w.size(), w.size()) == w) {
      out->words[k].push_back(static_cast<uint32_t>(q + 1 - w.size()));
    }
  }
}

#if defined(__x86_64__) || defined(__i386__)
#define XXGK_FACTS_PSHUFB 1
// Bytes q >= `from` whose pair may be one of ScanTables' (sixteen at a time),
// then the table; returns where it stopped (fewer than sixteen bytes left).
__attribute__((target("ssse3"))) size_t ScanPairsSsse3(std::string_view s, size_t from,
                                                       const PairTables& t,
                                                       internal::TextScan* out) {
  const __m128i nibble = _mm_set1_epi8(0x0F);
  const __m128i zero = _mm_setzero_si128();
  const __m128i last_lo = _mm_load_si128(reinterpret_cast<const __m128i*>(t.last_lo));
  const __m128i last_hi = _mm_load_si128(reinterpret_cast<const __m128i*>(t.last_hi));
  const __m128i mid_lo = _mm_load_si128(reinterpret_cast<const __m128i*>(t.mid_lo));
  const __m128i mid_hi = _mm_load_si128(reinterpret_cast<const __m128i*>(t.mid_hi));
  const char* d = s.data();
  size_t q = from;
  for (; q + 16 <= s.size(); q += 16) {
    const __m128i last = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + q));
    const __m128i mid = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + q - 1));
    __m128i m = _mm_and_si128(_mm_shuffle_epi8(last_lo, _mm_and_si128(last, nibble)),
                              _mm_shuffle_epi8(last_hi, _mm_and_si128(_mm_srli_epi16(last, 4), nibble)));
    m = _mm_and_si128(m, _mm_shuffle_epi8(mid_lo, _mm_and_si128(mid, nibble)));
    m = _mm_and_si128(m, _mm_shuffle_epi8(mid_hi, _mm_and_si128(_mm_srli_epi16(mid, 4), nibble)));
    unsigned bits = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(m, zero))) & 0xFFFFu;
    while (bits != 0) {
      TakePair(s, q + static_cast<size_t>(__builtin_ctz(bits)), t, out);
      bits &= bits - 1;
    }
  }
  return q;
}

// The same, thirty-two bytes at a time (AVX2's PSHUFB looks up each
// sixteen-byte half in its own copy of the masks).
__attribute__((target("avx2"))) size_t ScanPairsAvx2(std::string_view s, size_t from,
                                                     const PairTables& t,
                                                     internal::TextScan* out) {
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i zero = _mm256_setzero_si256();
  // (No lambda here: it would not inherit the target.)
#define XXGK_MASKS(m) _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(m)))
  const __m256i last_lo = XXGK_MASKS(t.last_lo), last_hi = XXGK_MASKS(t.last_hi);
  const __m256i mid_lo = XXGK_MASKS(t.mid_lo), mid_hi = XXGK_MASKS(t.mid_hi);
#undef XXGK_MASKS
  const char* d = s.data();
  size_t q = from;
  for (; q + 32 <= s.size(); q += 32) {
    const __m256i last = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(d + q));
    const __m256i mid = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(d + q - 1));
    __m256i m = _mm256_and_si256(
        _mm256_shuffle_epi8(last_lo, _mm256_and_si256(last, nibble)),
        _mm256_shuffle_epi8(last_hi, _mm256_and_si256(_mm256_srli_epi16(last, 4), nibble)));
    m = _mm256_and_si256(m, _mm256_shuffle_epi8(mid_lo, _mm256_and_si256(mid, nibble)));
    m = _mm256_and_si256(
        m, _mm256_shuffle_epi8(mid_hi, _mm256_and_si256(_mm256_srli_epi16(mid, 4), nibble)));
    uint32_t bits = ~static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(m, zero)));
    while (bits != 0) {
      TakePair(s, q + static_cast<size_t>(__builtin_ctz(bits)), t, out);
      bits &= bits - 1;
    }
  }
  return q;
}
#endif

// A necessary condition for any rule to match in the clause [cb, ce) of
// `sentence`: every pattern ends in NumBlock, whose unit (元 ends 万元/亿元
// too; 件条次个项起宗份篇部) follows, past whitespace, a character for which
// EndsFigure holds. `units` (UnitEnds of the sentence) are where units may
// end; `*next` is the first of them not before the clause (advanced here).
bool MayHoldFigure(absl::string_view sentence, size_t cb, size_t ce,
                   const std::vector<uint32_t>& units, size_t* next) {
  const absl::string_view clause = sentence.substr(cb, ce - cb);
  const char* d = clause.data();
  while (*next < units.size() && units[*next] < cb) ++*next;
  // A unit at byte i >= 1 of the clause ends at byte q = i + 2 <= size - 1.
  for (size_t k = *next; k < units.size() && units[k] < ce; ++k) {
    if (units[k] < cb + 3) continue;
    const size_t i = units[k] - cb - 2;
    static const Char3Set* kUnitChars = new Char3Set(kUnits);
    if (!kUnitChars->Has(d + i)) continue;
    size_t j = i;
    while (j > 0 && absl::ascii_isspace(static_cast<unsigned char>(d[j - 1]))) --j;
    if (j > 0 && EndsFigure(clause, j)) return true;
  }
  return false;
}

// Whether a clause holding the words `present` (internal::NeedWordsIn)
// holds one word of each of a rule's need groups.
bool HasNeeds(uint64_t present, const std::vector<uint64_t>& need_masks) {
  for (uint64_t group : need_masks) {
    if ((present & group) == 0) return false;
  }
  return true;
}

absl::string_view GroupAt(const std::vector<re2::StringPiece>& g, int index) {
  if (index <= 0 || index >= static_cast<int>(g.size())) return {};
  return absl::string_view(g[index].data(), g[index].size());
}

// Buffers NumericFacts reuses from sentence to sentence.
struct NumericScratch {
  std::vector<re2::StringPiece> groups;
  std::vector<std::pair<size_t, size_t>> clauses;
  std::vector<uint32_t> units;
};

// Where units may end in the sentence at byte `at` of the arena, from
// `unit_ends` (UnitEnds of the whole arena; `*next` is the first not before
// the sentence, advanced here): UnitEnds(sentence), without scanning it.
void SentenceUnitEnds(const std::vector<uint32_t>& unit_ends, size_t at, size_t size, size_t* next,
                      std::vector<uint32_t>* out) {
  out->clear();
  while (*next < unit_ends.size() && unit_ends[*next] < at + 2) ++*next;
  for (size_t k = *next; k < unit_ends.size() && unit_ends[k] < at + size; ++k) {
    out->push_back(static_cast<uint32_t>(unit_ends[k] - at));
  }
}

// `units`: UnitEnds(sent.s).
void NumericFacts(const Sentence& sent, std::vector<ProseFact>* out, NumericScratch* scratch) {
  const absl::string_view sentence = sent.s;
  std::vector<re2::StringPiece>& g = scratch->groups;
  if (scratch->units.empty()) return;  // no clause can hold a figure
  Clauses(sent.s, &scratch->clauses);
  size_t next_unit = 0;
  for (const auto& [cb, ce] : scratch->clauses) {
    const absl::string_view clause = sentence.substr(cb, ce - cb);
    if (!MayHoldFigure(sentence, cb, ce, scratch->units, &next_unit)) continue;
    const std::vector<Rule>& rules = Rules();
    const uint64_t present = internal::NeedWordsIn(std::string_view(clause.data(), clause.size()));
    for (const Rule& rule : rules) {
      if (!HasNeeds(present, rule.need_masks)) continue;
      const int ngroups = rule.ngroups;
      size_t from = 0;
      // The match and its groups: from internal::LastFigure when the rule's
      // figure ends its pattern (RE2 then only finds the match: much
      // cheaper than capturing), else from RE2's captures.
      internal::FigureParts parts;
      absl::string_view verb;
      auto next_match = [&](size_t* mb, size_t* me) {
        if (rule.figure_last) {
          re2::StringPiece m;
          const std::string_view text(clause.data(), clause.size());
          bool found = false;
          if (rule.starts.empty() || rule.starts.size() > internal::kMaxStartWords) {
            found = internal::FindStartingWith(*rule.re, rule.starts, text, from, &m);
          } else {
            // The start words the clause holds (a need word it lacks cannot
            // start a match).
            std::string_view words[internal::kMaxStartWords];
            size_t count = 0;
            for (size_t k = 0; k < rule.starts.size(); ++k) {
              const int id = rule.start_need_ids[k];
              if (id >= 0 && ((present >> id) & 1) == 0) continue;
              words[count++] = rule.starts[k];
            }
            found = internal::FindStartingWith(*rule.re, words, count, text, from, &m);
          }
          if (!found) return false;
          const std::string_view match(m.data(), m.size());
          if (internal::LastFigure(match, &parts)) {
            *mb = m.data() - clause.data();
            *me = *mb + m.size();
            verb = rule.g_verb > 0 ? clause.substr(*mb, 6) : absl::string_view();
            return true;
          }
        }
        g.assign(ngroups, re2::StringPiece());
        if (!rule.re->Match(SP(clause), from, clause.size(), RE2::UNANCHORED, g.data(), ngroups)) {
          return false;
        }
        *mb = g[0].data() - clause.data();
        *me = *mb + g[0].size();
        auto view = [&](int index) {
          const absl::string_view v = GroupAt(g, index);
          return std::string_view(v.data(), v.size());
        };
        parts = {view(rule.g_pre), view(rule.g_num), view(rule.g_more), view(rule.g_mult),
                 view(rule.g_more2), view(rule.g_unit), view(rule.g_post)};
        verb = GroupAt(g, rule.g_verb);
        return true;
      };
      size_t mb = 0, me = 0;
      while (from < clause.size() && next_match(&mb, &me)) {
        from = std::max(me, mb + 1);
        auto as_absl = [](std::string_view v) { return absl::string_view(v.data(), v.size()); };
        const std::string unit(parts.unit);
        if (!rule.units.empty() && !rule.units.count(unit)) continue;
        if (rule.accept && !rule.accept(sentence, clause, mb, me)) continue;
        const absl::string_view num = as_absl(parts.num);
        std::optional<std::string> value = ParseNumber(std::string_view(num.data(), num.size()));
        if (!value) continue;
        ProseFact f;
        f.set_subject(rule.subject);
        std::string u = unit;
        const absl::string_view mult = as_absl(parts.mult);
        if (!mult.empty()) {
          if (u == "元") {
            u = mult == "万" ? "万元" : "亿元";
          } else {
            *value = ShiftDecimal(*value, mult == "万" ? 4 : 8);
          }
        }
        f.set_value(*value);
        f.set_unit(u);
        const absl::string_view pre = as_absl(parts.pre), more = as_absl(parts.more),
                                more2 = as_absl(parts.more2), post = as_absl(parts.post);
        if (pre == "约" || pre == "大约" || pre == "近" || pre == "将近" || post == "左右") {
          f.set_approximation(ProseFact::ABOUT);
        } else if (pre == "不到" || pre == "不足" || post == "以下") {
          f.set_approximation(ProseFact::AT_MOST);
        } else if (!more.empty() || !more2.empty() || pre == "超过" || pre == "逾" || post == "以上" ||
                   post == "之多") {
          f.set_approximation(ProseFact::AT_LEAST);
        }
        if (rule.received_verb) {
          const bool gong = absl::EndsWith(sentence.substr(0, cb + mb), "共");
          const bool mentions_carry = Contains(sentence, "结转");
          const bool says_included = Contains(sentence, "含上年结转") ||
                                     Contains(sentence, "包括上年结转") ||
                                     Contains(sentence, "含结转");
          if (verb == "办理") {
            if (!(gong && mentions_carry) && !says_included) continue;  // cannot tell
            f.set_includes_carried_over(true);
          } else if (says_included || (verb == "受理" && gong && mentions_carry)) {
            f.set_includes_carried_over(true);
          }
        }
        f.set_scope(ScopeOf(sentence.substr(0, ce)));
        f.set_excerpt(std::string(clause));
        SetSpan(sent, cb, ce, &f);
        f.set_section(sent.kind);
        out->push_back(std::move(f));
      }
    }
  }
}

void AddClaim(const Sentence& sent, size_t b, size_t e, std::string_view subject,
              std::string_view claim, std::string_view value, std::string_view unit,
              std::vector<ProseFact>* out) {
  // Quote whole clauses: from the comma before the claim to the one after.
  const size_t comma_before = b == 0 ? std::string::npos : sent.s.rfind(',', b - 1);
  b = comma_before == std::string::npos ? 0 : comma_before + 1;
  const size_t comma_after = sent.s.find(',', e);
  e = comma_after == std::string::npos ? sent.s.size() : comma_after;
  // Written from views (no temporary string per field).
  ProseFact f;
  f.set_subject(subject.data(), subject.size());
  f.set_claim(claim.data(), claim.size());
  f.set_value(value.data(), value.size());
  f.set_unit(unit.data(), unit.size());
  f.set_excerpt(sent.s.data() + b, e - b);
  f.set_scope(ScopeOf(sent.s.substr(0, e)));
  SetSpan(sent, b, e, &f);
  f.set_section(sent.kind);
  out->push_back(std::move(f));
}

// Whether a sentence holds 申请, 行政, 维持 and 费 (ClaimFacts' first tests,
// answered for every sentence by one search of the arena per word).
struct ClaimWords {
  bool application = false, administrative = false, upheld = false, fee = false;
};

void ClaimFacts(const Sentence& sent, const ClaimWords& words, std::vector<ProseFact>* out) {
  const absl::string_view s = sent.s;
  // Each pattern below is run only when the sentence holds the literals it
  // needs (`may`): most sentences hold none of them. Its start words (the
  // negations ...) are left to FindClaim, which looks for them first.
  auto has = [&](absl::string_view w) { return Contains(s, w); };
  const bool application = words.application;
  // 行政复议 and 行政诉讼 are looked for only in sentences holding 行政.
  const bool administrative = words.administrative;
  // Each pattern is found by internal::FindClaim (a hand scan pinned to its
  // pattern, internal::ClaimPattern), only where its literals are present.
  using internal::Claim;
  auto find = [&](bool may, Claim claim, size_t* b, size_t* e) {
    return may && internal::FindClaim(claim, std::string_view(s.data(), s.size()), b, e);
  };
  size_t b = 0, e = 0;
  // No applications.
  if (find(application, Claim::kNoApplications, &b, &e)) {
    const absl::string_view m = s.substr(b, e - b);
    if (!Contains(m, "复议") && !Contains(m, "诉讼") &&
        !Contains(m, "举报") && !Contains(m, "投诉") &&
        !Contains(m, "建议") && !Contains(m, "提案")) {
      AddClaim(sent, b, e, "applications.received", "none", "0", "件", out);
    }
  }
  // No review / litigation.
  if (find(administrative && has("行政复议"), Claim::kNoReview, &b, &e) &&
      !absl::StartsWith(s.substr(b), "未经")) {
    AddClaim(sent, b, e, "review.total", "none", "0", "件", out);
  }
  if (find(administrative && has("行政诉讼"), Claim::kNoLitigation, &b, &e) &&
      !absl::StartsWith(s.substr(b), "未经") &&
      !Contains(s.substr(b, e - b), "未经")) {
    AddClaim(sent, b, e, "litigation.total", "none", "0", "件", out);
  }
  // All upheld: attach to the review/litigation named before it.
  if (find(words.upheld, Claim::kUpheld, &b, &e)) {
    const absl::string_view before = s.substr(0, b);
    const size_t r = before.rfind("复议"), l = before.rfind("诉讼");
    const bool has_r = r != absl::string_view::npos, has_l = l != absl::string_view::npos;
    // Named together ("行政复议和行政诉讼均获维持") → both.
    const bool together = has_r && has_l && (r > l ? r - l : l - r) <= 18;
    if (has_r && (together || !has_l || r > l)) {
      AddClaim(sent, 0, e, "review.total", "all_upheld", "", "", out);
    }
    if (has_l && (together || !has_r || l > r)) {
      AddClaim(sent, 0, e, "litigation.total", "all_upheld", "", "", out);
    }
  }
  // All granted.
  if (find(application, Claim::kAllGranted, &b, &e) &&
      !Contains(s.substr(0, b), "部分")) {
    AddClaim(sent, 0, e, "applications.granted", "all_granted", "", "", out);
  }
  // No fee charged.
  if (find(words.fee, Claim::kNoFee, &b, &e)) {
    const absl::string_view m = s.substr(b, e - b);
    const bool specific = Contains(m, "处理费");
    if (specific || Contains(s, "申请") || Contains(s, "信息公开")) {
      AddClaim(sent, b, e, "fees.info_processing", "none", "0", "元", out);
    }
  }
}

}  // namespace

namespace internal {
namespace {

using re_scan::At3;

// Whether byte i starts one of 一二三四五六七八九十.
bool NumeralAt(std::string_view s, size_t i) {
  if (i + 3 > s.size()) return false;
  for (const char* ch : {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}) {
    if (At3(s, i, ch)) return true;
  }
  return false;
}

}  // namespace

bool StartsLikeHeading(std::string_view line) {
  size_t i = 0;
  const size_t n = line.size();
  auto skip_space = [&](size_t j) {
    while (j < n && re_scan::IsSpace(line[j])) ++j;
    return j;
  };
  i = skip_space(i);
  if (i >= n) return false;
  auto numerals = [&](size_t j) {
    while (NumeralAt(line, j)) j += 3;
    return j;
  };
  auto comma_or_dot = [&](size_t j) { return j < n && (line[j] == '.' || At3(line, j, "、")); };
  if (NumeralAt(line, i)) return comma_or_dot(skip_space(numerals(i)));
  if (line[i] == '(') {
    const size_t b = skip_space(i + 1);
    const size_t e = numerals(b);
    if (e == b) return false;
    const size_t c = skip_space(e);
    return c < n && line[c] == ')';
  }
  if (line[i] >= '0' && line[i] <= '9') {
    size_t j = i;
    while (j < n && line[j] >= '0' && line[j] <= '9') ++j;
    return comma_or_dot(skip_space(j));
  }
  if (At3(line, i, "第")) {
    const size_t e = numerals(i + 3);
    if (e == i + 3) return false;
    for (const char* ch : {"部", "分", "章", "节"}) {
      if (At3(line, e, ch)) return true;
    }
  }
  return false;
}

std::string ScopeOf(std::string_view context) {
  // Every match starts with 全, 本, 备 or 各: candidates are where one
  // starts, nearest first.
  static constexpr std::string_view kStarts[] = {"全", "本", "备", "各"};
  const size_t n = context.size();
  WordCursor cursor(context, kStarts, std::size(kStarts), 0);
  for (size_t i = cursor.Nearest(); i != std::string_view::npos; i = cursor.Nearest()) {
    cursor.Pass(i);
    const bool quan = At3(context, i, "全"), ben = !quan && At3(context, i, "本");
    if (quan) {
      for (const char* ch : {"市", "区", "县", "镇", "乡", "省", "州", "旗", "盟"}) {
        if (At3(context, i + 3, ch)) return std::string(context.substr(i, 6));
      }
    } else if (ben) {
      if (At3(context, i + 3, "级")) return "本级";
    } else if (At3(context, i, "备")) {
      if (At3(context, i + 3, "案")) return "备案";
      continue;
    } else if (!At3(context, i, "各")) {
      continue;
    }
    // [全本各] then at most six characters other than a digit, ',', ';' or
    // 。 (the fewest first), then 系统.
    size_t j = i + 3;
    for (int k = 0; k <= 6 && j < n; ++k) {
      if (At3(context, j, "系") && At3(context, j + 3, "统")) return "系统";
      if (k == 6) break;
      const char c = context[j];
      if ((c >= '0' && c <= '9') || c == ',' || c == ';' || At3(context, j, "。")) break;
      const size_t len = re_scan::CharLen(context, j, /*strict=*/true);
      if (len == 0) break;
      j += len;
    }
  }
  return "";
}

}  // namespace internal

namespace internal {

std::string ClaimPattern(Claim claim) {
  // In the order of Claim.
  static constexpr const char* kPatterns[] = {
      R"(((?:未|没有|无)(?:收到|受理|接到|接收|发生)(?:任何)?[^。;\d]{0,24}?申请|无(?:依申请公开|政府信息公开申请)|依申请公开(?:政府信息)?(?:的)?(?:数量|件数)?为(?:0|零)))",
      R"(((?:未|没有|无)(?:发生|出现|收到|产生|涉及|被|接到)?[^。;\d]{0,30}?行政复议))",
      R"(((?:未|没有|无)(?:发生|出现|收到|产生|涉及|被|接到)?[^。;\d]{0,36}?行政诉讼))",
      R"(((?:均|全部|都)(?:获|被|予以|已被|得到)?维持))",
      R"(((?:全部|均)(?:予以|已予)公开))",
      R"(((?:未|没有|无|不)(?:收取|产生|发生|收)(?:任何)?[^。;,\d]{0,20}?(?:信息处理费|处理费|费用)))"};
  return kPatterns[static_cast<size_t>(claim)];
}

namespace {

// A claim pattern's main form: a start word, a verb (optional or not),
// an optional 任何, at most `max_gap` characters (lazily; none a digit, 。
// or ';', nor ',' when `no_comma`), then an end word. Alternatives in the
// order the pattern lists them.
struct ClaimShape {
  std::initializer_list<std::string_view> starts, verbs;
  bool verb_optional = false, any = false, no_comma = false;
  int max_gap = 0;
  std::initializer_list<std::string_view> ends;
};

const ClaimShape& ShapeOf(Claim claim) {
  static const ClaimShape kNoApplications = {{"未", "没有", "无"}, {"收到", "受理", "接到", "接收", "发生"},
                                             false, true, false, 24, {"申请"}};
  static const ClaimShape kNoReview = {{"未", "没有", "无"},
                                       {"发生", "出现", "收到", "产生", "涉及", "被", "接到"},
                                       true, false, false, 30, {"行政复议"}};
  static const ClaimShape kNoLitigation = {{"未", "没有", "无"},
                                           {"发生", "出现", "收到", "产生", "涉及", "被", "接到"},
                                           true, false, false, 36, {"行政诉讼"}};
  static const ClaimShape kUpheld = {{"均", "全部", "都"}, {"获", "被", "予以", "已被", "得到"},
                                     true, false, false, 0, {"维持"}};
  static const ClaimShape kAllGranted = {{"全部", "均"}, {"予以", "已予"}, false, false, false, 0,
                                         {"公开"}};
  static const ClaimShape kNoFee = {{"未", "没有", "无", "不"}, {"收取", "产生", "发生", "收"},
                                    false, true, true, 20, {"信息处理费", "处理费", "费用"}};
  switch (claim) {
    case Claim::kNoApplications: return kNoApplications;
    case Claim::kNoReview: return kNoReview;
    case Claim::kNoLitigation: return kNoLitigation;
    case Claim::kUpheld: return kUpheld;
    case Claim::kAllGranted: return kAllGranted;
    case Claim::kNoFee: return kNoFee;
  }
  return kNoFee;
}

bool StartsWithAt(std::string_view s, size_t i, std::string_view w) {
  return s.size() - i >= w.size() && s.compare(i, w.size(), w) == 0;
}

// The end of the gap-and-end part of `c` from byte i (lazily: the fewest
// gap characters first); npos when it does not match there. The nearest
// end word at or after i is found by a search per word; the characters
// before it are then checked (each a gap character, at most max_gap).
size_t GapThenEnd(std::string_view s, size_t i, const ClaimShape& c) {
  size_t pos = i;
  int count = 0;
  while (true) {
    size_t p = std::string_view::npos;
    std::string_view end_word;
    for (std::string_view w : c.ends) {
      const size_t at = FindByLastByte(s, w, pos);
      if (at < p) {
        p = at;
        end_word = w;
      }
    }
    if (p == std::string_view::npos) return p;
    // Each character is at most four bytes: too far to reach.
    if (p - pos > 4 * static_cast<size_t>(c.max_gap - count)) return std::string_view::npos;
    while (pos < p) {
      const char ch = s[pos];
      if (absl::ascii_isdigit(ch) || ch == ';' || (c.no_comma && ch == ',') ||
          StartsWithAt(s, pos, "。")) {
        return std::string_view::npos;
      }
      const size_t len = re_scan::CharLen(s, pos, /*strict=*/true);
      if (len == 0 || count == c.max_gap) return std::string_view::npos;
      pos += len;
      ++count;
    }
    // At p the first end word (in the pattern's order) that starts there.
    if (pos == p) {
      for (std::string_view w : c.ends) {
        if (StartsWithAt(s, p, w)) return p + w.size();
      }
      return p + end_word.size();
    }
    // A character ran past p (p inside it): look on from where it ended.
  }
}

// The end of the match of `c` starting at byte i, trying its choices in
// the pattern's order; npos when none.
size_t ShapeAt(std::string_view s, size_t i, const ClaimShape& c) {
  size_t j = std::string_view::npos;
  for (std::string_view w : c.starts) {
    if (StartsWithAt(s, i, w)) {
      j = i + w.size();
      break;  // the start words begin with different characters
    }
  }
  if (j == std::string_view::npos) return j;
  auto after_verb = [&](size_t v) {
    if (c.any && StartsWithAt(s, v, "任何")) {
      const size_t e = GapThenEnd(s, v + 6, c);
      if (e != std::string_view::npos) return e;
    }
    return GapThenEnd(s, v, c);
  };
  for (std::string_view w : c.verbs) {
    if (StartsWithAt(s, j, w)) {
      const size_t e = after_verb(j + w.size());
      if (e != std::string_view::npos) return e;
    }
  }
  return c.verb_optional ? after_verb(j) : std::string_view::npos;
}

// kNoApplications' other two forms at byte i: 无(?:依申请公开|政府信息公开申请)
// and 依申请公开(?:政府信息)?(?:的)?(?:数量|件数)?为(?:0|零) (each optional
// part taken where it is: what follows it starts differently).
size_t NoApplicationFormsAt(std::string_view s, size_t i) {
  if (StartsWithAt(s, i, "无")) {
    for (std::string_view w : {"依申请公开", "政府信息公开申请"}) {
      if (StartsWithAt(s, i + 3, w)) return i + 3 + w.size();
    }
    return std::string_view::npos;
  }
  if (!StartsWithAt(s, i, "依申请公开")) return std::string_view::npos;
  size_t j = i + 15;
  for (std::initializer_list<std::string_view> part :
       {std::initializer_list<std::string_view>{"政府信息"}, {"的"}, {"数量", "件数"}}) {
    for (std::string_view w : part) {
      if (StartsWithAt(s, j, w)) {
        j += w.size();
        break;
      }
    }
  }
  if (!StartsWithAt(s, j, "为")) return std::string_view::npos;
  j += 3;
  if (StartsWithAt(s, j, "0")) return j + 1;
  if (StartsWithAt(s, j, "零")) return j + 3;
  return std::string_view::npos;
}

}  // namespace

bool FindClaim(Claim claim, std::string_view s, size_t* b, size_t* e) {
  const ClaimShape& c = ShapeOf(claim);
  // Every match starts with one of the start words (or 依): candidates are
  // where one starts, nearest first.
  std::string_view firsts[WordCursor::kMax];
  size_t count = 0;
  for (std::string_view w : c.starts) firsts[count++] = w;
  if (claim == Claim::kNoApplications) firsts[count++] = "依";
  WordCursor cursor(s, firsts, count, 0);
  for (size_t i = cursor.Nearest(); i != std::string_view::npos; i = cursor.Nearest()) {
    cursor.Pass(i);
    size_t end = ShapeAt(s, i, c);
    if (end == std::string_view::npos && claim == Claim::kNoApplications) {
      end = NoApplicationFormsAt(s, i);
    }
    if (end != std::string_view::npos) {
      *b = i;
      *e = end;
      return true;
    }
  }
  return false;
}

std::vector<NumericRulePattern> NumericRulePatterns() {
  std::vector<NumericRulePattern> out;
  for (const Rule& rule : Rules()) {
    out.push_back({rule.re->pattern(), rule.figure_last, rule.starts});
  }
  return out;
}

bool FindStartingWith(const re2::RE2& re, const std::vector<std::string>& starts,
                      std::string_view text, size_t from, re2::StringPiece* match) {
  if (starts.empty() || starts.size() > kMaxStartWords) {
    const re2::StringPiece sp(text.data(), text.size());
    return re.Match(sp, from, text.size(), RE2::UNANCHORED, match, 1);
  }
  std::string_view words[kMaxStartWords];
  for (size_t k = 0; k < starts.size(); ++k) words[k] = starts[k];
  return FindStartingWith(re, words, starts.size(), text, from, match);
}

bool FindStartingWith(const re2::RE2& re, const std::string_view* starts, size_t count,
                      std::string_view text, size_t from, re2::StringPiece* match) {
  static_assert(kMaxStartWords <= WordCursor::kMax);
  // Each occurrence of a start word, nearest first (anchored: the DFA
  // stops where the pattern can no longer go on).
  const re2::StringPiece sp(text.data(), text.size());
  WordCursor cursor(text, starts, std::min(count, kMaxStartWords), from);
  for (size_t at = cursor.Nearest(); at != std::string_view::npos; at = cursor.Nearest()) {
    if (re.Match(sp, at, text.size(), RE2::ANCHOR_START, match, 1)) return true;
    cursor.Pass(at);
  }
  return false;
}

namespace {

// The length of the UTF-8 word of `words` at byte i of `s`, the first
// that is there; 0 when none.
template <typename Words>
size_t WordAt(std::string_view s, size_t i, const Words& words) {
  for (std::string_view w : words) {
    if (StartsWithAt(s, i, w)) return w.size();
  }
  return 0;
}

// NumBlock read forward from byte i of `s` (see NumBlock()): true when it
// ends exactly at the end of `s`, with its groups. Each optional part is
// taken where it is (its words start nothing that may follow it, so
// leaving one out never lets the rest match), and the figure is the
// longest run of its characters: what RE2's preferences choose.
bool FigureAt(std::string_view s, size_t i, FigureParts* out) {
  const size_t n = s.size();
  auto part = [&](size_t* j, std::initializer_list<std::string_view> words) {
    const size_t len = *j < n ? WordAt(s, *j, words) : 0;
    const std::string_view v = len > 0 ? s.substr(*j, len) : std::string_view();
    *j += len;
    return v;
  };
  FigureParts p;
  p.pre = part(&i, {"约", "大约", "近", "将近", "不到", "不足", "超过", "逾"});
  i = re_scan::SkipSpace(s, i);
  if (i >= n) return false;
  const size_t num_begin = i;
  if (absl::ascii_isdigit(s[i])) {
    ++i;
    while (i < n && (absl::ascii_isdigit(s[i]) || s[i] == ',')) ++i;
    if (i + 1 < n && s[i] == '.' && absl::ascii_isdigit(s[i + 1])) {
      i += 2;
      while (i < n && absl::ascii_isdigit(s[i])) ++i;
    }
  } else {
    static constexpr std::string_view kNumerals[] = {
        "零", "〇", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "亿"};
    while (i < n && WordAt(s, i, kNumerals) > 0) i += 3;
  }
  if (i == num_begin) return false;
  p.num = s.substr(num_begin, i - num_begin);
  i = re_scan::SkipSpace(s, i);
  p.more = part(&i, {"余", "多"});
  i = re_scan::SkipSpace(s, i);
  p.mult = part(&i, {"万", "亿"});
  i = re_scan::SkipSpace(s, i);
  p.more2 = part(&i, {"余", "多"});
  i = re_scan::SkipSpace(s, i);
  p.unit = part(&i, {"万元", "亿元", "元", "件", "条", "次", "个", "项", "起", "宗", "份", "篇", "部"});
  if (p.unit.empty()) return false;
  p.post = part(&i, {"以上", "左右", "以下", "之多"});
  if (i != n) return false;
  *out = p;
  return true;
}

// Every character FigureAt may read as part of a figure: the three-byte
// ones (by their last two bytes, with their lead) and the ASCII ones.
struct FigureChars {
  std::array<unsigned char, 1 << 16> lead{};  // 0: none
  std::array<bool, 128> ascii{};
  bool ok = true;  // no two characters share their last two bytes
};

const FigureChars& FigureCharTable() {
  static const FigureChars* t = [] {
    auto* x = new FigureChars;
    // pre, the numerals, more, mult, the units and post, a character each.
    const std::string_view chars =
        "约大近将不到足超过逾零〇一二两三四五六七八九十百千万亿余多元件条次个项起宗份篇部以上左右下之";
    for (size_t i = 0; i + 3 <= chars.size(); i += 3) {
      const size_t key = (static_cast<size_t>(static_cast<unsigned char>(chars[i + 1])) << 8) |
                         static_cast<unsigned char>(chars[i + 2]);
      const unsigned char lead = static_cast<unsigned char>(chars[i]);
      if (x->lead[key] != 0 && x->lead[key] != lead) x->ok = false;
      x->lead[key] = lead;
    }
    for (char c : std::string_view("0123456789,. \t\n\f\r")) x->ascii[static_cast<unsigned char>(c)] = true;
    return x;
  }();
  return *t;
}

}  // namespace

bool LastFigure(std::string_view match, FigureParts* out) {
  // A figure ending the match holds only FigureChars: it starts inside the
  // longest run of them ending the match.
  const FigureChars& t = FigureCharTable();
  const unsigned char* d = reinterpret_cast<const unsigned char*>(match.data());
  size_t run = match.size();
  while (t.ok && run > 0) {
    const unsigned char c = d[run - 1];
    if (c < 0x80) {
      if (!t.ascii[c]) break;
      --run;
    } else if (run >= 3 && t.lead[(static_cast<size_t>(d[run - 2]) << 8) | c] == d[run - 3]) {
      run -= 3;
    } else {
      break;
    }
  }
  if (!t.ok) run = 0;
  for (size_t i = run; i < match.size(); ++i) {
    if (FigureAt(match, i, out)) return true;
  }
  return false;
}

const std::vector<std::string>& NeedWordList() {
  Rules();  // fills NeedWords()
  return NeedWords();
}

namespace {

// NeedWords() by their first three bytes: `group` maps the second and third
// byte to an entry of `ids` (0: none) listing the words whose first three
// bytes end so (each verified whole). Words not starting with a three-byte
// character (none today) are looked for one by one (`others`).
struct NeedIndex {
  std::vector<unsigned char> group = std::vector<unsigned char>(1 << 16);
  std::vector<std::vector<unsigned char>> ids = std::vector<std::vector<unsigned char>>(1);
  std::vector<unsigned char> others;
};

const NeedIndex& NeedWordIndex() {
  static const NeedIndex* index = [] {
    auto* x = new NeedIndex;
    const std::vector<std::string>& words = NeedWordList();
    for (size_t k = 0; k < words.size(); ++k) {
      const std::string& w = words[k];
      const unsigned char lead = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
      if (w.size() < 3 || (lead & 0xF0) != 0xE0) {
        x->others.push_back(static_cast<unsigned char>(k));
        continue;
      }
      const size_t key = (static_cast<size_t>(static_cast<unsigned char>(w[1])) << 8) |
                         static_cast<unsigned char>(w[2]);
      if (x->group[key] == 0) {
        if (x->ids.size() > 255) abort();
        x->group[key] = static_cast<unsigned char>(x->ids.size());
        x->ids.emplace_back();
      }
      x->ids[x->group[key]].push_back(static_cast<unsigned char>(k));
    }
    return x;
  }();
  return *index;
}

}  // namespace

uint64_t NeedWordsIn(std::string_view text) {
  const NeedIndex& x = NeedWordIndex();
  const std::vector<std::string>& words = NeedWords();
  const unsigned char* d = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  uint64_t found = 0;
  // A word starting with a three-byte character's lead can start only at a
  // byte E0..EF: each such byte's next two pick the candidates. When those
  // two are continuation bytes, neither starts a word: the next candidate
  // is past them.
  for (size_t p = 0; p + 3 <= n;) {
    if ((d[p] & 0xF0) != 0xE0) {
      ++p;
      continue;
    }
    const unsigned char g = x.group[(static_cast<size_t>(d[p + 1]) << 8) | d[p + 2]];
    const size_t at = p;
    p += ((d[p + 1] & 0xC0) == 0x80 && (d[p + 2] & 0xC0) == 0x80) ? 3 : 1;
    if (g == 0) continue;
    for (unsigned char k : x.ids[g]) {
      const std::string& w = words[k];
      if (w.size() <= n - at && d[at] == static_cast<unsigned char>(w[0]) &&
          std::memcmp(d + at + 3, w.data() + 3, w.size() - 3) == 0) {
        found |= uint64_t{1} << k;
      }
    }
  }
  for (unsigned char k : x.others) {
    if (text.find(words[k]) != std::string_view::npos) found |= uint64_t{1} << k;
  }
  return found;
}

bool ScanPathRuns(ScanPath path) {
#ifdef XXGK_FACTS_PSHUFB
  static const bool kSsse3 = __builtin_cpu_supports("ssse3");
  static const bool kAvx2 = __builtin_cpu_supports("avx2");
#else
  constexpr bool kSsse3 = false, kAvx2 = false;
#endif
  switch (path) {
    case ScanPath::kSsse3:
      return kSsse3;
    case ScanPath::kAvx2:
      return kAvx2;
    default:
      return true;
  }
}

void ScanText(std::string_view text, ScanPath path, TextScan* out) {
  out->unit_ends.clear();
  for (auto& w : out->words) w.clear();
  // About one unit in 60 bytes of a report, each word rarer (no regrowth).
  out->unit_ends.reserve(text.size() / 32 + 8);
  for (auto& w : out->words) w.reserve(text.size() / 128 + 8);
  if (path == ScanPath::kBest) {
    path = ScanPathRuns(ScanPath::kAvx2)    ? ScanPath::kAvx2
           : ScanPathRuns(ScanPath::kSsse3) ? ScanPath::kSsse3
                                            : ScanPath::kTable;
  }
  if (!ScanPathRuns(path)) path = ScanPath::kTable;
  if (path == ScanPath::kGeneral) {
    UnitEnds(absl::string_view(text.data(), text.size()), &out->unit_ends);
    const absl::string_view a(text.data(), text.size());
    for (size_t k = 0; k < std::size(kScanWords); ++k) {
      const absl::string_view w(kScanWords[k].data(), kScanWords[k].size());
      for (size_t p = FindFrom(a, w, 0); p != absl::string_view::npos; p = FindFrom(a, w, p + 1)) {
        out->words[k].push_back(static_cast<uint32_t>(p));
      }
    }
    return;
  }
  const PairTables& t = ScanTables();
  size_t q = 2;  // as UnitEnds; every scan word is at least three bytes long
#ifdef XXGK_FACTS_PSHUFB
  if (path == ScanPath::kAvx2) q = ScanPairsAvx2(text, q, t, out);
  if (path != ScanPath::kTable) q = ScanPairsSsse3(text, q, t, out);
#endif
  for (; q < text.size(); ++q) TakePair(text, q, t, out);
}

}  // namespace internal

std::optional<std::string> ParseNumber(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (c != ',' && c != ' ') s.push_back(c);
  }
  if (s.empty()) return std::nullopt;
  static const re2::RE2 kDecimal(R"(\d+(?:\.\d+)?)");
  if (RE2::FullMatch(s, kDecimal)) return TrimDecimal(s);
  if (auto v = ParseChineseInteger(s)) return std::to_string(*v);
  return std::nullopt;
}

std::vector<ProseFact> ExtractFacts(const Report& report) {
  std::vector<ProseFact> facts;
  facts.reserve(16);  // a document states a few
  std::string arena;
  Segs segs;
  NumericScratch scratch;
  const std::vector<Sentence> sentences = Sentences(report, &arena, &segs);
  // Searched once in the whole arena rather than once per sentence: where
  // units may end, and where ClaimFacts' first words start (sentences are
  // views into the arena, in order, so a cursor per list walks it once).
  internal::TextScan scan;
  internal::ScanText(arena, internal::ScanPath::kBest, &scan);
  size_t next_unit = 0;
  // kScanWords, in order, as ClaimWords' fields.
  static constexpr bool ClaimWords::*kFlags[] = {&ClaimWords::application,
                                                 &ClaimWords::administrative, &ClaimWords::upheld,
                                                 &ClaimWords::fee};
  static_assert(std::size(kFlags) == std::size(internal::kScanWords));
  // Which words each sentence holds whole: each word's occurrences walked
  // once with a cursor over the sentences (both in arena order).
  std::vector<ClaimWords> present(sentences.size());
  for (size_t k = 0; k < std::size(kFlags); ++k) {
    const size_t len = internal::kScanWords[k].size();
    size_t si = 0;
    for (uint32_t p : scan.words[k]) {
      auto end_of = [&](size_t i) {
        return static_cast<size_t>(sentences[i].s.data() - arena.data()) + sentences[i].s.size();
      };
      while (si < sentences.size() && end_of(si) <= p) ++si;
      if (si == sentences.size()) break;
      const size_t at = static_cast<size_t>(sentences[si].s.data() - arena.data());
      if (p >= at && p + len <= end_of(si)) present[si].*kFlags[k] = true;
    }
  }
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& sent = sentences[si];
    if (sent.s.empty()) continue;
    const size_t at = static_cast<size_t>(sent.s.data() - arena.data());
    SentenceUnitEnds(scan.unit_ends, at, sent.s.size(), &next_unit, &scratch.units);
    NumericFacts(sent, &facts, &scratch);
    ClaimFacts(sent, present[si], &facts);
  }
  // One fact per (subject, value, claim, span). A document states a few:
  // each is compared with those kept; many go through a set of keys (the
  // same answer: no subject, value or claim holds a '|').
  std::vector<ProseFact> unique;
  unique.reserve(facts.size());
  auto same = [](const ProseFact& a, const ProseFact& b) {
    return a.span().begin() == b.span().begin() && a.span().end() == b.span().end() &&
           a.subject() == b.subject() && a.value() == b.value() && a.claim() == b.claim();
  };
  constexpr size_t kFew = 16;
  if (facts.size() <= kFew) {
    for (auto& f : facts) {
      if (std::none_of(unique.begin(), unique.end(), [&](const ProseFact& u) { return same(u, f); })) {
        unique.push_back(std::move(f));
      }
    }
    return unique;
  }
  std::set<std::string> seen;
  for (auto& f : facts) {
    const std::string key = absl::StrCat(f.subject(), "|", f.value(), "|", f.claim(), "|",
                                         f.span().begin(), "|", f.span().end());
    if (seen.insert(key).second) unique.push_back(std::move(f));
  }
  return unique;
}

}  // namespace xxgk::report
