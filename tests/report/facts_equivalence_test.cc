// Pins the fast paths of report/facts.cc (byte pre-filters before the
// regexes, literals a pattern needs, precomputed capture indices) to the
// general implementation they replaced: facts_reference below is that
// implementation, frozen; both must read the same facts, in the same order,
// from varied generated prose.
#include <random>

#include "gtest/gtest.h"
#include "report/facts.h"
#include "report/normalize.h"

#include "report/utf8.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "re2/re2.h"

namespace xxgk::report::facts_reference {

std::optional<std::string> ReferenceParseNumber(std::string_view text);
std::vector<xxgk::v1::ProseFact> ReferenceExtractFacts(const xxgk::v1::Report& report);
namespace {

using xxgk::v1::ProseFact;
using xxgk::v1::Report;
using xxgk::v1::Section;

re2::StringPiece SP(absl::string_view s) { return re2::StringPiece(s.data(), s.size()); }

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

// A sentence with the offsets (in Report.text) of each of its bytes; line
// breaks inside a paragraph are removed.
struct Sentence {
  std::string s;
  std::vector<uint32_t> off;
  Section::Kind kind = Section::KIND_UNSPECIFIED;
};

bool IsTableLine(absl::string_view line) {
  if (absl::StrContains(line, "|")) return true;
  // Flattened statistics rows: "2.政府网站公开政府信息数244" (no sentence punctuation).
  static const re2::RE2 kRow(R"(^[^。,;]{0,80}\d\s*$)");
  return RE2::FullMatch(SP(line), kRow);
}

bool IsHeadingLine(absl::string_view line) {
  static const re2::RE2 kHeading(
      R"(^\s*(?:[一二三四五六七八九十]+\s*[、.]|\(\s*[一二三四五六七八九十]+\s*\)|\d+\s*[、.]|第[一二三四五六七八九十]+[部分章节]))");
  return line.size() <= 120 && !absl::StrContains(line, "。") &&
         RE2::PartialMatch(SP(line), kHeading);
}

bool EndsSentence(absl::string_view line) {
  for (const char* p : {"。", ";", "!", "?", ":", ")", "”"}) {
    if (absl::EndsWith(line, p)) return true;
  }
  return false;
}

void SplitSentences(const std::string& buffer, const std::vector<uint32_t>& off, Section::Kind kind,
                    std::vector<Sentence>* out) {
  size_t start = 0;
  auto flush = [&](size_t end) {
    if (end > start) {
      Sentence s;
      s.s = buffer.substr(start, end - start);
      s.off.assign(off.begin() + start, off.begin() + end);
      s.off.push_back(end < off.size() ? off[end] : (off.empty() ? 0 : off.back() + 1));
      s.kind = kind;
      out->push_back(std::move(s));
    }
    start = end;
  };
  for (size_t i = 0; i < buffer.size();) {
    absl::string_view rest = absl::string_view(buffer).substr(i);
    size_t len = 0;
    if (absl::StartsWith(rest, "。")) len = 3;
    else if (rest[0] == ';' || rest[0] == '!' || rest[0] == '?') len = 1;
    if (len > 0) {
      flush(i + len);
      i += len;
    } else {
      ++i;
    }
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

std::vector<Sentence> Sentences(const Report& report) {
  std::vector<Sentence> out;
  auto process = [&](const std::string& text, uint32_t base, bool use_spans,
                     Section::Kind fixed_kind) {
    std::string buffer;
    std::vector<uint32_t> off;
    Section::Kind kind = fixed_kind;
    auto flush = [&]() {
      if (!buffer.empty()) SplitSentences(buffer, off, kind, &out);
      buffer.clear();
      off.clear();
    };
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      absl::string_view line = absl::string_view(text).substr(pos, end - pos);
      const bool table = IsTableLine(line);
      const bool heading = !table && IsHeadingLine(line);
      if (table || heading || line.empty()) flush();
      if (!table && !line.empty()) {
        if (buffer.empty()) {
          kind = use_spans ? KindAt(report, base + static_cast<uint32_t>(pos)) : fixed_kind;
        }
        buffer.append(line.data(), line.size());
        for (size_t k = 0; k < line.size(); ++k) off.push_back(base + static_cast<uint32_t>(pos + k));
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
  return out;
}

// Clauses: comma-separated parts of a sentence (thousands separators kept).
std::vector<std::pair<size_t, size_t>> Clauses(const std::string& s) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != ',') continue;
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
  return out;
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
    if (absl::StrContains(clause, w)) return true;
  }
  return false;
}

const std::vector<Rule>& Rules() {
  static const std::vector<Rule>* rules = [] {
    auto* r = new std::vector<Rule>;
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
      r->push_back(std::move(rule));
    };
    const std::string& N = NumBlock();
    const std::string F = kFill;
    // Applications.
    add("applications.received",
        R"((?P<verb>新收|收到|受理|收办|接收|接到|办理)[^\d,]{0,24}?申请(?:公开)?(?:事项|信息|件)?)" +
            F + N,
        kCountUnits,
        [](absl::string_view, absl::string_view c, size_t b, size_t e) {
          const absl::string_view m = c.substr(b, e - b);
          if (Preceded(c, b, {"不予", "不", "未", "没有", "无"})) return false;
          return !absl::StrContains(m, "复议") && !absl::StrContains(m, "诉讼") &&
                 !absl::StrContains(m, "结转") && !absl::StrContains(m, "举报") &&
                 !absl::StrContains(m, "投诉") && !absl::StrContains(m, "建议") &&
                 !absl::StrContains(m, "提案");
        },
        true);
    add("applications.carried_over", R"(上年(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?)" + F + N,
        kCountUnits);
    add("applications.carried_forward",
        R"(结转(?:至|到|入)?下(?:一)?年(?:度)?(?:继续办理)?(?:的)?(?:申请)?)" + F + N, kCountUnits);
    add("applications.carried_forward",
        N + R"((?:申请)?(?:需|将|已)?结转(?:至|到|入)?下(?:一)?年)", kCountUnits);
    add("applications.closed", R"(办结(?:的)?(?:申请)?)" + F + N, kCountUnits,
        [](absl::string_view, absl::string_view c, size_t b, size_t) {
          return !Preceded(c, b, {"未", "尚未", "没有"});
        });
    add("applications.closed", N + R"((?:申请)?(?:均已|已|均|全部)(?:按时|依法)?办结)", kCountUnits);
    add("applications.granted", R"((?:予以公开|同意公开|准予公开))" + F + N, kCountUnits,
        [](absl::string_view, absl::string_view c, size_t b, size_t) {
          return !Preceded(c, b, {"部分", "不"});
        });
    add("applications.partially_granted", R"(部分(?:予以)?公开)" + F + N, kCountUnits,
        [](absl::string_view, absl::string_view c, size_t b, size_t) {
          return !Preceded(c, b, {"及", "和", "、", "与", "以及"});
        });
    add("applications.granted_and_partial",
        R"((?:予以)?公开(?:及|和|、|与|以及)部分(?:予以)?公开)" + F + N, kCountUnits);
    add("applications.denied", R"(不予公开)" + F + N, kCountUnits);
    // Review and litigation.
    add("review.total", R"(行政复议(?:案件|申请)?)" + F + N, kCaseUnits,
        [](absl::string_view, absl::string_view c, size_t b, size_t) {
          return !Preceded(c, b, {"未经"});
        });
    add("litigation.total", R"(行政诉讼(?:案件)?)" + F + N, kCaseUnits);
    // Active disclosure.
    add("active.total",
        R"((?:主动公开(?:各类)?(?:政府|政务)?信息|(?:共|共计|累计|合计)(?:主动)?公开(?:各类)?(?:政府|政务)?信息))" +
            F + N,
        kItemUnits,
        [](absl::string_view, absl::string_view c, size_t, size_t) { return !HasChannelWord(c); });
    add("active.website",
        R"((?:网站|政务网)[^\d,]{0,20}?(?:公开|发布)(?:各类)?(?:政府|政务)?(?:信息)?)" + F + N,
        kItemUnits);
    // Documents.
    add("rules.issued", R"((?:制定|制发|出台|印发|新制定|新出台)(?:了)?(?:政府)?规章)" + F + N,
        kDocUnits);
    add("normative_documents.issued",
        R"((?:制定|制发|出台|印发|新制定|新出台)(?:了)?(?:各类|行政)?规范性文件)" + F + N, kDocUnits);
    // Fees.
    add("fees.info_processing", R"(信息处理费(?:用)?(?:金额)?)" + F + N, kMoneyUnits);
    add("fees.admin", R"(行政事业性收费(?:金额|总额)?)" + F + N, kMoneyUnits);
    return r;
  }();
  return *rules;
}

std::string ScopeOf(absl::string_view context) {
  static const re2::RE2 kScope(R"((全[市区县镇乡省州旗盟]|本级|备案|[全本各][^\d,;。]{0,6}?系统))");
  re2::StringPiece m;
  if (!RE2::PartialMatch(SP(context), kScope, &m)) return "";
  absl::string_view s(m.data(), m.size());
  if (absl::EndsWith(s, "系统")) return "系统";
  return std::string(s);
}

void SetSpan(const Sentence& sent, size_t b, size_t e, ProseFact* f) {
  f->mutable_span()->set_begin(sent.off[std::min(b, sent.off.size() - 1)]);
  const size_t last = e == 0 ? 0 : e - 1;
  f->mutable_span()->set_end(sent.off[std::min(last, sent.off.size() - 1)] + 1);
}

// Group text of a named capture; empty when it did not participate.
absl::string_view Group(const re2::RE2& re, const std::vector<re2::StringPiece>& g,
                        const char* name) {
  const auto& names = re.NamedCapturingGroups();
  auto it = names.find(name);
  if (it == names.end() || it->second >= static_cast<int>(g.size())) return {};
  return absl::string_view(g[it->second].data(), g[it->second].size());
}

void NumericFacts(const Sentence& sent, std::vector<ProseFact>* out) {
  const absl::string_view sentence = sent.s;
  for (const auto& [cb, ce] : Clauses(sent.s)) {
    const absl::string_view clause = sentence.substr(cb, ce - cb);
    for (const Rule& rule : Rules()) {
      const int ngroups = rule.re->NumberOfCapturingGroups() + 1;
      std::vector<re2::StringPiece> g(ngroups);
      size_t from = 0;
      while (from < clause.size() &&
             rule.re->Match(SP(clause), from, clause.size(), RE2::UNANCHORED, g.data(), ngroups)) {
        const size_t mb = g[0].data() - clause.data(), me = mb + g[0].size();
        from = std::max(me, mb + 1);
        const std::string unit(Group(*rule.re, g, "unit"));
        if (!rule.units.empty() && !rule.units.count(unit)) continue;
        if (rule.accept && !rule.accept(sentence, clause, mb, me)) continue;
        const absl::string_view num = Group(*rule.re, g, "num");
        std::optional<std::string> value = ReferenceParseNumber(std::string_view(num.data(), num.size()));
        if (!value) continue;
        ProseFact f;
        f.set_subject(rule.subject);
        std::string u = unit;
        const absl::string_view mult = Group(*rule.re, g, "mult");
        if (!mult.empty()) {
          if (u == "元") {
            u = mult == "万" ? "万元" : "亿元";
          } else {
            *value = ShiftDecimal(*value, mult == "万" ? 4 : 8);
          }
        }
        f.set_value(*value);
        f.set_unit(u);
        const absl::string_view pre = Group(*rule.re, g, "pre"),
                                more = Group(*rule.re, g, "more"),
                                more2 = Group(*rule.re, g, "more2"),
                                post = Group(*rule.re, g, "post");
        if (pre == "约" || pre == "大约" || pre == "近" || pre == "将近" || post == "左右") {
          f.set_approximation(ProseFact::ABOUT);
        } else if (pre == "不到" || pre == "不足" || post == "以下") {
          f.set_approximation(ProseFact::AT_MOST);
        } else if (!more.empty() || !more2.empty() || pre == "超过" || pre == "逾" || post == "以上" ||
                   post == "之多") {
          f.set_approximation(ProseFact::AT_LEAST);
        }
        if (rule.received_verb) {
          const absl::string_view verb = Group(*rule.re, g, "verb");
          const bool gong = absl::EndsWith(sentence.substr(0, cb + mb), "共");
          const bool mentions_carry = absl::StrContains(sentence, "结转");
          const bool says_included = absl::StrContains(sentence, "含上年结转") ||
                                     absl::StrContains(sentence, "包括上年结转") ||
                                     absl::StrContains(sentence, "含结转");
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

void AddClaim(const Sentence& sent, size_t b, size_t e, const std::string& subject,
              const std::string& claim, const std::string& value, const std::string& unit,
              std::vector<ProseFact>* out) {
  // Quote whole clauses: from the comma before the claim to the one after.
  const size_t comma_before = b == 0 ? std::string::npos : sent.s.rfind(',', b - 1);
  b = comma_before == std::string::npos ? 0 : comma_before + 1;
  const size_t comma_after = sent.s.find(',', e);
  e = comma_after == std::string::npos ? sent.s.size() : comma_after;
  ProseFact f;
  f.set_subject(subject);
  f.set_claim(claim);
  f.set_value(value);
  f.set_unit(unit);
  f.set_excerpt(sent.s.substr(b, e - b));
  f.set_scope(ScopeOf(absl::string_view(sent.s).substr(0, e)));
  SetSpan(sent, b, e, &f);
  f.set_section(sent.kind);
  out->push_back(std::move(f));
}

void ClaimFacts(const Sentence& sent, std::vector<ProseFact>* out) {
  const absl::string_view s = sent.s;
  auto find = [&](const re2::RE2& re, size_t* b, size_t* e) {
    re2::StringPiece m;
    if (!RE2::PartialMatch(SP(s), re, &m)) return false;
    *b = m.data() - s.data();
    *e = *b + m.size();
    return true;
  };
  size_t b = 0, e = 0;
  // No applications.
  static const re2::RE2 kNoApplications(
      R"(((?:未|没有|无)(?:收到|受理|接到|接收|发生)(?:任何)?[^。;\d]{0,24}?申请|无(?:依申请公开|政府信息公开申请)|依申请公开(?:政府信息)?(?:的)?(?:数量|件数)?为(?:0|零)))");
  if (find(kNoApplications, &b, &e)) {
    const absl::string_view m = s.substr(b, e - b);
    if (!absl::StrContains(m, "复议") && !absl::StrContains(m, "诉讼") &&
        !absl::StrContains(m, "举报") && !absl::StrContains(m, "投诉") &&
        !absl::StrContains(m, "建议") && !absl::StrContains(m, "提案")) {
      AddClaim(sent, b, e, "applications.received", "none", "0", "件", out);
    }
  }
  // No review / litigation.
  static const re2::RE2 kNoReview(
      R"(((?:未|没有|无)(?:发生|出现|收到|产生|涉及|被|接到)?[^。;\d]{0,30}?行政复议))");
  static const re2::RE2 kNoLitigation(
      R"(((?:未|没有|无)(?:发生|出现|收到|产生|涉及|被|接到)?[^。;\d]{0,36}?行政诉讼))");
  if (find(kNoReview, &b, &e) && !absl::StartsWith(s.substr(b), "未经")) {
    AddClaim(sent, b, e, "review.total", "none", "0", "件", out);
  }
  if (find(kNoLitigation, &b, &e) && !absl::StartsWith(s.substr(b), "未经") &&
      !absl::StrContains(s.substr(b, e - b), "未经")) {
    AddClaim(sent, b, e, "litigation.total", "none", "0", "件", out);
  }
  // All upheld: attach to the review/litigation named before it.
  static const re2::RE2 kUpheld(R"(((?:均|全部|都)(?:获|被|予以|已被|得到)?维持))");
  if (find(kUpheld, &b, &e)) {
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
  static const re2::RE2 kAllGranted(R"(((?:全部|均)(?:予以|已予)公开))");
  if (find(kAllGranted, &b, &e) && absl::StrContains(s, "申请") &&
      !absl::StrContains(s.substr(0, b), "部分")) {
    AddClaim(sent, 0, e, "applications.granted", "all_granted", "", "", out);
  }
  // No fee charged.
  static const re2::RE2 kNoFee(
      R"(((?:未|没有|无|不)(?:收取|产生|发生|收)(?:任何)?[^。;,\d]{0,20}?(?:信息处理费|处理费|费用)))");
  if (find(kNoFee, &b, &e)) {
    const absl::string_view m = s.substr(b, e - b);
    const bool specific = absl::StrContains(m, "处理费");
    if (specific || absl::StrContains(s, "申请") || absl::StrContains(s, "信息公开")) {
      AddClaim(sent, b, e, "fees.info_processing", "none", "0", "元", out);
    }
  }
}

}  // namespace

std::optional<std::string> ReferenceParseNumber(std::string_view text) {
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

std::vector<ProseFact> ReferenceExtractFacts(const Report& report) {
  std::vector<ProseFact> facts;
  for (const Sentence& sent : Sentences(report)) {
    if (sent.s.empty()) continue;
    NumericFacts(sent, &facts);
    ClaimFacts(sent, &facts);
  }
  // One fact per (subject, value, claim, span).
  std::vector<ProseFact> unique;
  std::set<std::string> seen;
  for (auto& f : facts) {
    const std::string key = absl::StrCat(f.subject(), "|", f.value(), "|", f.claim(), "|",
                                         f.span().begin(), "|", f.span().end());
    if (seen.insert(key).second) unique.push_back(std::move(f));
  }
  return unique;
}

}  // namespace xxgk::report::facts_reference

namespace xxgk::report {
namespace {

using xxgk::v1::ProseFact;
using xxgk::v1::Report;
using xxgk::v1::Section;

// Prose built from the wording the rules read, with figures in every
// notation (ASCII, full-width, thousands commas, decimals, Chinese numerals),
// units, approximation and scope words, odd whitespace, traditional script,
// table rows and headings, cut into sentences, clauses and lines at random.
class ProseGenerator {
 public:
  explicit ProseGenerator(uint32_t seed) : rng_(seed) {}

  std::string Document(int sentences) {
    std::string out;
    for (int i = 0; i < sentences; ++i) {
      const int kind = Below(20);
      if (kind == 0) {
        out += "| " + Pick(kWords) + " | " + Figure() + " |\n";
      } else if (kind == 1) {
        out += std::to_string(Below(9) + 1) + "." + Pick(kWords) + Figure() + Pick(kSpaces) + "\n";
      } else if (kind == 2) {
        out += Pick(kHeadings) + "\n";
      } else {
        out += Sentence();
        out += Pick(kEnds);
        const int br = Below(6);
        if (br == 0) out += "\n\n";
        else if (br <= 2) out += "\n";
      }
    }
    return out;
  }

 private:
  int Below(int n) { return static_cast<int>(rng_() % static_cast<uint32_t>(n)); }
  const std::string& Pick(const std::vector<std::string>& v) { return v[Below(v.size())]; }

  std::string Figure() {
    std::string n;
    switch (Below(8)) {
      case 0: n = std::to_string(Below(10)); break;
      case 1: n = std::to_string(Below(100000)); break;
      case 2: n = std::to_string(Below(9) + 1) + "," + std::to_string(100 + Below(900)); break;
      case 3: n = std::to_string(Below(100)) + "." + std::to_string(Below(100)); break;
      case 4: n = Pick(kChineseNumbers); break;
      case 5: n = "１２"; break;
      case 6: n = Pick(kChineseNumbers) + Pick(kChineseNumbers); break;
      default: n = std::to_string(Below(1000)); break;
    }
    return n;
  }

  std::string Clause() {
    std::string c;
    if (Below(3) == 0) c += Pick(kScopes);
    if (Below(4) == 0) c += Pick(kNegations);
    c += Pick(kWords);
    if (Below(3) == 0) c += Pick(kFills);
    if (Below(4) == 0) c += Pick(kSpaces);
    if (Below(3) == 0) c += Pick(kPre);
    c += Figure();
    if (Below(4) == 0) c += Pick(kSpaces);
    if (Below(4) == 0) c += Pick(kMore);
    if (Below(5) == 0) c += Below(2) ? "万" : "亿";
    if (Below(4) == 0) c += Pick(kMore);
    if (Below(8) != 0) c += Pick(kUnits);
    if (Below(3) == 0) c += Pick(kPost);
    if (Below(3) == 0) c += Pick(kTails);
    return c;
  }

  // A claim whose free part runs near the length its pattern allows, with
  // ideographs of 1 to 4 bytes, so the regex windows are pinned at their edges.
  std::string LongClaim() {
    std::string c = Pick(kClaimStarts) + Pick({"", "任何", "发生", "被"});
    const int n = 14 + Below(28);
    const bool wide = Below(3) == 0;  // only 4-byte characters
    for (int i = 0; i < n; ++i) c += wide ? "𠀀" : Pick(kFiller);
    return c + Pick(kClaimEnds);
  }

  std::string Sentence() {
    std::string s;
    const int clauses = 1 + Below(4);
    for (int i = 0; i < clauses; ++i) {
      if (i > 0) s += Below(6) == 0 ? "\n" : ",";
      const int what = Below(10);
      s += what < 2 ? Pick(kClaims) : what == 2 ? LongClaim() : Clause();
    }
    return s;
  }

  std::mt19937 rng_;
  const std::vector<std::string> kWords = {
      "本年新收政府信息公开申请", "收到申请", "共受理依申请公开事项", "共办理政府信息公开申请",
      "办理申请", "受理申请", "上年结转", "上年度结转的申请", "结转下年度继续办理",
      "申请需结转至下一年", "办结", "已办结", "均已按时办结", "予以公开", "同意公开",
      "部分公开", "部分予以公开", "公开及部分公开", "不予公开", "行政复议", "行政复议案件",
      "行政诉讼", "行政诉讼案件", "主动公开政府信息", "共计公开各类政务信息", "累计主动公开信息",
      "通过政府网站公开", "政务网发布信息", "微信公众号发布信息", "制定规章", "新出台了政府规章",
      "印发规范性文件", "制发行政规范性文件", "信息处理费", "信息处理费用金额", "行政事业性收费",
      "行政事业性收费总额", "收取", "本机关", "其中", "全年", "進一步", "收到政府資訊公開申請",
      "受理政府信息公开申请", "接到举报申请", "收到人大代表建议申请", "复议申请", "共"};
  const std::vector<std::string> kChineseNumbers = {
      "一", "二", "两", "三", "十", "十二", "二十一", "一百零五", "三千二百", "一万二千",
      "二〇二四", "零", "〇", "九", "百", "万", "亿", "十万"};
  const std::vector<std::string> kUnits = {"件", "条", "次", "个", "项", "起", "宗", "份",
                                           "篇", "部", "元", "万元", "亿元", "人", "天"};
  const std::vector<std::string> kPre = {"约", "大约", "近", "将近", "不到", "不足", "超过", "逾"};
  const std::vector<std::string> kMore = {"余", "多"};
  const std::vector<std::string> kPost = {"以上", "左右", "以下", "之多"};
  const std::vector<std::string> kFills = {"的", "了", "数量为", "总数", "件数共计", "合计",
                                           "累计", "达", "为"};
  const std::vector<std::string> kScopes = {"全市", "全区", "本级", "备案", "全市系统",
                                            "本系统", "各部门系统", "全县"};
  const std::vector<std::string> kNegations = {"未", "不", "没有", "无", "尚未", "未经", "部分",
                                               "及", "不予"};
  const std::vector<std::string> kTails = {"(含上年结转2件)", "(包括上年结转)", "含结转",
                                           "结转", "均获维持", "全部予以公开"};
  const std::vector<std::string> kClaims = {
      "未收到政府信息公开申请", "无依申请公开", "依申请公开数量为0", "没有发生行政复议",
      "未经行政复议", "未被提起行政诉讼", "行政复议和行政诉讼均获维持", "复议决定全部得到维持",
      "诉讼均被维持", "申请全部予以公开", "均已予公开", "未收取任何信息处理费",
      "不收取费用", "没有产生处理费", "未发生行政诉讼案件"};
  const std::vector<std::string> kClaimStarts = {"未收到", "没有受理", "无", "未", "不收取",
                                                 "没有产生", "均", "全部"};
  const std::vector<std::string> kFiller = {"关", "于", "本", "机", "a", "é", "𠀀", "的", "县"};
  const std::vector<std::string> kClaimEnds = {"申请", "行政复议", "行政诉讼", "信息处理费",
                                               "费用", "处理费", "维持", "予以公开",
                                               "依申请公开为零"};
  const std::vector<std::string> kSpaces = {" ", "  ", "\t", "\u3000", ""};
  const std::vector<std::string> kEnds = {"。", ";", "!", "?", ":", ")", "”", "", "。\n"};
  const std::vector<std::string> kHeadings = {"一、总体情况", "(二)主动公开政府信息情况",
                                              "3.收到和处理政府信息公开申请情况",
                                              "第四部分 行政复议"};
};

std::string Dump(const std::vector<ProseFact>& facts) {
  std::string out;
  for (const ProseFact& f : facts) out += f.ShortDebugString() + "\n";
  return out;
}

TEST(FactsEquivalence, GeneratedProseReadsTheSameFactsAsTheGeneralImplementation) {
  size_t total = 0;
  for (uint32_t seed = 1; seed <= 400; ++seed) {
    ProseGenerator gen(seed);
    const std::string raw = gen.Document(12);
    for (const bool normalized : {true, false}) {
      Report r;
      r.set_text(normalized ? NormalizeText(raw).text : raw);
      const auto want = facts_reference::ReferenceExtractFacts(r);
      const auto got = ExtractFacts(r);
      total += want.size();
      ASSERT_EQ(Dump(got), Dump(want)) << "seed " << seed << " text:\n" << r.text();
    }
  }
  EXPECT_GT(total, 2000u);  // the generator does exercise the rules
}

// Every claim wording at every length of its free part, in 1- to 4-byte
// characters, behind and before text of its own: the edges of the windows
// the claim patterns are searched in.
TEST(FactsEquivalence, ClaimsAtEveryLength) {
  const std::vector<std::string> starts = {"未收到", "没有受理", "无", "未", "不收取", "没有产生",
                                           "均", "全部", "没有", "无收"};
  const std::vector<std::string> middles = {"", "任何", "发生", "被", "获", "予以"};
  const std::vector<std::string> ends = {"申请", "行政复议", "行政诉讼", "信息处理费", "费用",
                                         "处理费", "维持", "予以公开", "依申请公开为零",
                                         "政府信息公开申请"};
  for (const char* filler : {"𠀀", "a"}) {
    for (const std::string& start : starts) {
      for (const std::string& middle : middles) {
        for (const std::string& end : ends) {
          std::string text;
          for (int n = 0; n <= 40; ++n) {
            std::string run;
            for (int i = 0; i < n; ++i) run += filler;
            text += "本机关" + run + "申请," + start + middle + run + end + ",其他" + run +
                    "收费。\n";
          }
          Report r;
          r.set_text(text);
          ASSERT_EQ(Dump(ExtractFacts(r)), Dump(facts_reference::ReferenceExtractFacts(r)))
              << start << middle << "…" << end << " with " << filler;
        }
      }
    }
  }
}

TEST(FactsEquivalence, SectionTextsWithoutReportText) {
  for (uint32_t seed = 1000; seed < 1100; ++seed) {
    ProseGenerator gen(seed);
    Report r;
    uint32_t at = 0;
    for (Section::Kind kind : {Section::APPLICATIONS, Section::REVIEW_LITIGATION,
                               Section::ACTIVE_DISCLOSURE}) {
      Section* s = r.add_sections();
      s->set_kind(kind);
      s->set_text(NormalizeText(gen.Document(5)).text);
      s->mutable_span()->set_begin(at);
      at += static_cast<uint32_t>(s->text().size()) + 1;
      s->mutable_span()->set_end(at - 1);
    }
    ASSERT_EQ(Dump(ExtractFacts(r)), Dump(facts_reference::ReferenceExtractFacts(r)))
        << "seed " << seed;
  }
}

TEST(FactsEquivalence, ParseNumberAgreesOnEveryNotation) {
  for (const char* s : {"21", "1,234", "12.50", "0", "00", "007.500", "二十一", "十二", "一百零五",
                        "两", "三千二百", "一万二千", "二〇二四", "万", "亿", "十万", "一亿亿亿亿",
                        "abc", "", " 1 2 ", "１２", "1.2.3", "〇〇", "九千九百九十九亿"}) {
    EXPECT_EQ(ParseNumber(s), facts_reference::ReferenceParseNumber(s)) << s;
  }
}

}  // namespace
}  // namespace xxgk::report
