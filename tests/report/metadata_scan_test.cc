// The hand scans metadata.cc runs instead of regular expressions give the
// answers of the patterns they replaced, on generated lines built from the
// characters that matter to each pattern (and some that do not).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/numbers.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "report/metadata.h"
#include "tests/report/random_text.h"

namespace xxgk::report {
namespace {

class Pieces : public xxgk::testing::RandomText {
 public:
  explicit Pieces(uint32_t seed) : RandomText(seed) {}
  const std::string& One(const std::vector<std::string>& v) { return Pick(v); }
  std::string Line(const std::vector<std::string>& parts, int max_len) {
    std::string out;
    const int len = Below(max_len + 1);
    for (int k = 0; k < len; ++k) out += Pick(parts);
    return out;
  }
};

// 1990..2100 for four ASCII digits or four of 〇○零O一二三四五六七八九 read
// digit by digit.
bool ValidYear(std::string_view y) {
  int v = 0;
  if (!absl::SimpleAtoi(absl::string_view(y.data(), y.size()), &v)) {
    static const std::vector<std::string> kDigits = {"〇", "○", "零", "O", "一", "二", "三",
                                                     "四", "五", "六", "七", "八", "九"};
    v = 0;
    while (!y.empty()) {
      size_t k = 0;
      while (k < kDigits.size() && y.substr(0, kDigits[k].size()) != kDigits[k]) ++k;
      if (k == kDigits.size()) return false;
      v = v * 10 + static_cast<int>(k < 4 ? 0 : k - 3);
      y.remove_prefix(kDigits[k].size());
    }
  }
  return v >= 1990 && v <= 2100;
}

TEST(MetadataScan, FirstValidYearEqualsItsPattern) {
  static const re2::RE2 kYear(R"((\d{4}|[〇○零O一二三四五六七八九]{4})\s*年)");
  const std::vector<std::string> parts = {
      "1", "2", "0", "9", "20", "2024", "19", "二", "〇", "○", "零", "O", "一", "九", "四", "十",
      "年", "年", " ", "\t", "\n", "\v", "度", "月", "a", "\xB9", "工作", "二〇二四", "2100", "1990"};
  Pieces gen(21);
  int found = 0, none = 0;
  for (int n = 0; n < 80000; ++n) {
    const std::string line = gen.Line(parts, 12);
    std::optional<std::string_view> want;
    re2::StringPiece in(line), y;
    while (RE2::FindAndConsume(&in, kYear, &y)) {
      if (ValidYear(std::string_view(y.data(), y.size()))) {
        want = std::string_view(y.data(), y.size());
        break;
      }
    }
    const std::optional<std::string_view> got = internal::FirstValidYear(line);
    ASSERT_EQ(got.has_value(), want.has_value()) << "[" << line << "]";
    if (!want) {
      ++none;
      continue;
    }
    ++found;
    ASSERT_EQ(got->data() - line.data(), want->data() - line.data()) << "[" << line << "]";
    ASSERT_EQ(got->size(), want->size()) << "[" << line << "]";
  }
  EXPECT_GT(found, 2000);
  EXPECT_GT(none, 3000);
}

TEST(MetadataScan, PublishLabelEqualsItsPattern) {
  static const re2::RE2 kPublished(R"((发布日期|发布时间|公开日期|发布于)\s*[:|]?\s*\|?)");
  static const re2::RE2 kWritten(R"((成文日期|发文日期|印发日期)\s*[:|]?\s*\|?)");
  const std::vector<std::string> parts = {
      "发布", "发", "布", "日期", "日", "期", "时间", "时", "于", "成文", "发文", "印发", "公开",
      "文", ":", "|", " ", "\t", "\v", "2024", "-", "年", "a", "\xE5", "来源"};
  Pieces gen(22);
  int found = 0, none = 0;
  for (int n = 0; n < 80000; ++n) {
    const std::string line = gen.Line(parts, 10);
    for (const auto kind : {internal::DateLabel::kPublished, internal::DateLabel::kWritten}) {
      re2::StringPiece in(line), label;
      const bool want = RE2::FindAndConsume(
          &in, kind == internal::DateLabel::kPublished ? kPublished : kWritten, &label);
      size_t b = 0, e = 0, rest = 0;
      ASSERT_EQ(internal::FindPublishLabel(line, kind, &b, &e, &rest), want) << "[" << line << "]";
      if (!want) {
        ++none;
        continue;
      }
      ++found;
      ASSERT_EQ(b, static_cast<size_t>(label.data() - line.data())) << "[" << line << "]";
      ASSERT_EQ(e, b + label.size()) << "[" << line << "]";
      ASSERT_EQ(rest, static_cast<size_t>(in.data() - line.data())) << "[" << line << "]";
    }
  }
  EXPECT_GT(found, 3000);
  EXPECT_GT(none, 5000);
}

}  // namespace
}  // namespace xxgk::report

namespace xxgk::report {
namespace {

TEST(MetadataScan, PeriodEqualsItsPattern) {
  const std::string num = R"((\d{1,4}|[〇○零O一二三四五六七八九十两]{1,4}))";
  static const re2::RE2 kPeriod(std::string(R"(((\d{4})\s*年\s*)") + num + R"(\s*月\s*(?:)" + num +
                                R"(\s*日)?\s*(?:起)?\s*(?:至|到|-|—|~)+\s*(?:(\d{4})\s*年)?\s*)" +
                                num + R"(\s*月\s*(?:)" + num + R"(\s*日)?))");
  const std::vector<std::string> parts = {
      "2024", "2024年", "2017年1月", "1", "12", "31", "123", "20245", "年", "月", "日", "起", "至",
      "到", "-", "—", "~", " ", "\t", "\v", "一", "十二", "两", "O", "〇", "○", "零", "三十一",
      "统计", "a", "\xE8", "年度"};
  // Period-shaped lines: each slot of the pattern filled with a fitting
  // piece, nothing, or a misfit; then and before it random pieces.
  const std::vector<std::vector<std::string>> slots = {
      {"", "统计期限", "2023", "自"},
      {"2024", "2017", "12024", "202", "二〇二四", ""},
      {"", " ", "\t", "\v"},
      {"年", "年", "年度", "月"},
      {"", " "},
      {"1", "01", "一", "十二", "O", "12345", "两", "", "1二"},
      {"", " "},
      {"月", "月", "日"},
      {"", " "},
      {"", "1日", "一日", "31 日", "三十一日", "1", "12345日"},
      {"", " ", "起", " 起 ", "起起"},
      {"至", "到", "-", "—", "~", "--", "至 至", "", "止"},
      {"", " "},
      {"", "2024年", "2024 年", "20245年", "2024", "二〇二四年"},
      {"12", "十二", "2024", "", "一二三四五"},
      {"", " "},
      {"月", "月", "日"},
      {"", " ", "31日", "三十一日", "31", "31 日 "},
      {"", "止", "。", "2024年1月至2月"}};
  Pieces gen(23);
  int found = 0, none = 0;
  for (int n = 0; n < 120000; ++n) {
    std::string line = gen.Line(parts, 3);
    if (n % 4 != 0) {
      for (const auto& slot : slots) line += gen.One(slot);
      line += gen.Line(parts, 3);
    } else {
      line += gen.Line(parts, 11);
    }
    re2::StringPiece in(line), whole, y1, m1, d1, y2, m2, d2;
    internal::PeriodMatch pm;
    size_t from = 0;
    int matches = 0;
    while (RE2::FindAndConsume(&in, kPeriod, &whole, &y1, &m1, &d1, &y2, &m2, &d2)) {
      ASSERT_TRUE(internal::FindPeriod(line, from, &pm)) << "[" << line << "] from " << from;
      ASSERT_EQ(pm.begin, static_cast<size_t>(whole.data() - line.data())) << "[" << line << "]";
      ASSERT_EQ(pm.end, pm.begin + whole.size()) << "[" << line << "]";
      auto same = [&](std::string_view got, const re2::StringPiece& want) {
        return got == std::string_view(want.data(), want.size()) &&
               (got.empty() || got.data() == want.data());
      };
      ASSERT_TRUE(same(pm.y1, y1) && same(pm.m1, m1) && same(pm.d1, d1) && same(pm.y2, y2) &&
                  same(pm.m2, m2) && same(pm.d2, d2))
          << "[" << line << "]";
      from = pm.end;
      ++matches;
    }
    ASSERT_FALSE(internal::FindPeriod(line, from, &pm)) << "[" << line << "] from " << from;
    ++(matches > 0 ? found : none);
  }
  EXPECT_GT(found, 2000);
  EXPECT_GT(none, 2000);
}

}  // namespace
}  // namespace xxgk::report

namespace xxgk::report {
namespace {

TEST(MetadataScan, TitleOrganEqualsItsPatterns) {
  const std::string year = R"((?:\d{4}|二[〇○零][〇○零一二三四五六七八九]{2}))";
  static const re2::RE2 kBefore(
      R"(^(?:关于)?([^\d〇○零一二三四五六七八九\s《]{2,40}?)\s*(?:关于)?\s*)" + year + R"(\s*年)");
  static const re2::RE2 kAfterGov(year + R"(\s*年度?\s*([^\d\s]{2,40}?)政府信息公开)");
  static const re2::RE2 kAfter(year + R"(\s*年度?\s*([^\d\s]{2,40}?)信息公开)");
  const std::vector<std::string> parts = {
      "关于", "关", "于", "2023", "2024", "12024", "年", "年度", "度", " ", "\t", "\v", "XX局",
      "威海市", "人民政府", "政府", "信息公开", "政府信息公开", "工作", "报告", "的", "《", "》",
      "一", "〇", "二〇二四", "二零二三", "〇二四", "二〇二", "1", "\xE5", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "a", "镇"};
  // Title-shaped lines: each slot filled with a fitting piece, nothing, or
  // a misfit.
  const std::vector<std::vector<std::string>> slots = {
      {"", "关于", "关于 ", "《"},
      {"", "威海市", "XX局", "一", "阿猛镇", "的"},
      {"", "人民政府", "报告", " ", "\xE0\x80\x80"},
      {"", " ", "关于", "\t"},
      {"2023", "2024", "12024", "202", "", "二〇二四", "二○二三", "二零二四", "二二〇二四", "〇二四",
       "二〇二"},
      {"", " "},
      {"年", "年", "年度", "月"},
      {"", " ", "度"},
      {"", "XX局", "威海市", "人民政府", "1", "报告", "\xED\xA0\x80"},
      {"", "人民政府", "政府", "的", "年度"},
      {"信息公开", "政府信息公开", "政府政府信息公开", "", "公开"},
      {"", "工作年度报告", "年报"}};
  Pieces gen(24);
  int before = 0, after = 0;
  for (int n = 0; n < 120000; ++n) {
    std::string title;
    if (n % 3 != 0) {
      for (const auto& slot : slots) title += gen.One(slot);
    } else {
      title = gen.Line(parts, 9);
    }
    auto check = [&](const re2::RE2& re, std::optional<std::string_view> got) {
      re2::StringPiece a;
      const bool want = RE2::PartialMatch(title, re, &a);
      EXPECT_EQ(got.has_value(), want) << "[" << title << "] " << re.pattern();
      if (!want || !got) return false;
      EXPECT_EQ(got->data() - title.data(), a.data() - title.data()) << "[" << title << "]";
      EXPECT_EQ(got->size(), a.size()) << "[" << title << "] " << re.pattern();
      return true;
    };
    before += check(kBefore, internal::TitleOrganBeforeYear(title));
    after += check(kAfterGov, internal::TitleOrganAfterYear(title, "政府信息公开"));
    after += check(kAfter, internal::TitleOrganAfterYear(title, "信息公开"));
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GT(before, 2000);
  EXPECT_GT(after, 2000);
}

}  // namespace
}  // namespace xxgk::report
