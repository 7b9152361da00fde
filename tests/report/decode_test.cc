#include "report/decode.h"

#include <unicode/utf8.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/report/fixtures/recode.h"

namespace xxgk::report {
namespace {

using ::testing::HasSubstr;

// Encodes UTF-8 text into `charset` with ICU (the reverse of what is tested).
std::string Encode(const std::string& utf8, const char* charset) {
  return xxgk::testing::Recode(utf8, charset);
}

bool IsValidUtf8(const std::string& s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

const std::string kText =
    "江门市蓬江区民政局2023年度政府信息公开工作年度报告\n"
    "一、总体情况\n2023年,本机关共收到政府信息公开申请21件,全部予以公开。"
    "二、主动公开政府信息情况。三、收到和处理政府信息公开申请情况。";

TEST(DecodeBytes, EmptyInputIsEmptyText) {
  auto d = DecodeBytes("");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, "");
  EXPECT_TRUE(d->notes.empty());
}

TEST(DecodeBytes, ValidUtf8PassesThrough) {
  auto d = DecodeBytes(kText);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, kText);
  EXPECT_EQ(d->encoding, "UTF-8");
}

TEST(DecodeBytes, Utf8BomIsRemoved) {
  auto d = DecodeBytes("\xEF\xBB\xBF" + kText);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, kText);
}

TEST(DecodeBytes, Gb18030RoundTrip) {
  const std::string gbk = Encode(kText, "GB18030");
  ASSERT_NE(gbk, kText);
  auto d = DecodeBytes(gbk);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, kText);
  EXPECT_EQ(d->encoding, "GB18030");
  EXPECT_TRUE(d->notes.empty());
}

TEST(DecodeBytes, GbkDeclaredRoundTrip) {
  auto d = DecodeBytes(Encode(kText, "GBK"), "gbk");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, kText);
}

TEST(DecodeBytes, Utf16WithBom) {
  for (const char* cs : {"UTF-16LE", "UTF-16BE"}) {
    std::string bom = std::string(cs) == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
    auto d = DecodeBytes(bom + Encode(kText, cs));
    ASSERT_TRUE(d.ok()) << cs;
    EXPECT_EQ(d->utf8, kText) << cs;
    EXPECT_EQ(d->encoding, cs);
  }
}

// UTF-32's little-endian mark starts with UTF-16's: read as UTF-16, every
// other character would be a NUL.
TEST(DecodeBytes, Utf32WithBom) {
  for (const char* cs : {"UTF-32LE", "UTF-32BE"}) {
    const std::string bom = std::string(cs) == "UTF-32LE" ? std::string("\xFF\xFE\0\0", 4)
                                                          : std::string("\0\0\xFE\xFF", 4);
    auto d = DecodeBytes(bom + Encode(kText, cs));
    ASSERT_TRUE(d.ok()) << cs << ": " << d.status();
    EXPECT_EQ(d->utf8, kText) << cs;
    EXPECT_EQ(d->encoding, cs);
  }
}

TEST(DecodeBytes, Utf16WithoutBomIsRecognised) {
  auto d = DecodeBytes(Encode(kText, "UTF-16LE"));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, kText);
  EXPECT_EQ(d->encoding, "UTF-16LE");
}

TEST(DecodeBytes, Big5RoundTrip) {
  const std::string trad =
      "政府資訊公開工作年度報告。本機關全年共收到申請二十一件,均已依法辦結。"
      "主動公開政府資訊情況良好,網站發佈資訊多條,請民眾踴躍參與監督與討論。";
  auto d = DecodeBytes(Encode(trad, "Big5"), "big5");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, trad);
}

TEST(DecodeBytes, Big5DetectedWithoutDeclaration) {
  const std::string trad =
      "政府資訊公開工作年度報告。本機關全年共收到申請二十一件,均已依法辦結。"
      "主動公開政府資訊情況良好,網站發佈資訊多條,請民眾踴躍參與監督與討論。"
      "本年度無行政復議及行政訴訟案件,亦未收取任何費用。對於民眾關切的議題,"
      "本機關均於規定期限內答覆,並持續檢討改進資訊公開的品質與效率。";
  auto d = DecodeBytes(Encode(trad, "Big5"));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->encoding, "Big5");
  EXPECT_EQ(d->utf8, trad);
}

// Short simplified-Chinese phrases as a report's lines hold them.
const char* const kShortLines[] = {
    "规范和完善政府信息公开的内容,要按照州、县",
    "贫困户民主评议结果,各类扶贫补助资金发放",
    "本机关全年共收到政府信息公开申请21件",
    "行政复议和行政诉讼情况",
};

// GB2312 puts every trail byte at 0xA1 or above; Big5 puts about two in five
// below 0x7F. A damaged byte in a short GB18030 line must not make it Big5.
TEST(DecodeBytes, ShortGb18030LineWithADamagedByteStaysGb18030) {
  for (const char* line : kShortLines) {
    const std::string gb = Encode(line, "GB18030");
    for (size_t at = 0; at <= gb.size(); ++at) {
      for (const std::string& damaged :
           {gb.substr(0, at) + "\xFF" + gb.substr(at),
            at < gb.size() ? gb.substr(0, at) + gb.substr(at + 1) : gb}) {
        auto d = DecodeBytes(damaged);
        ASSERT_TRUE(d.ok()) << line << " at " << at;
        EXPECT_EQ(d->encoding, "GB18030") << line << " damaged at byte " << at;
      }
    }
  }
}

// The same check keeps short Big5 lines Big5.
TEST(DecodeBytes, ShortBig5LinesAreStillBig5) {
  for (const char* line : {"政府資訊公開工作年度報告,本機關全年共收到申請二十一件。",
                           "貧困戶民主評議結果,各類扶貧補助資金發放情況",
                           "規範和完善政府資訊公開的內容,要按照州、縣的要求"}) {
    auto d = DecodeBytes(Encode(line, "Big5"));
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->encoding, "Big5") << line;
    EXPECT_EQ(d->utf8, line);
  }
}

const char kTraditional[] =
    "政府資訊公開工作年度報告。本機關全年共收到申請二十一件,均已依法辦結。"
    "主動公開政府資訊情況良好,網站發佈資訊多條,請民眾踴躍參與監督與討論。";

// A damaged byte in a Big5 report costs one U+FFFD, not the whole reading:
// read as GB18030 the same bytes give kana, Greek and private-use letters.
TEST(DecodeBytes, Big5WithADamagedByteIsStillBig5) {
  const std::string big5 = Encode(kTraditional, "Big5");
  // A lead byte followed by a digit is no Big5 character; the places are
  // character boundaries: the start, after each ASCII comma, the end.
  std::vector<size_t> places = {0, big5.size()};
  for (size_t at = big5.find(','); at != std::string::npos; at = big5.find(',', at + 1)) {
    places.push_back(at + 1);
  }
  ASSERT_EQ(places.size(), 5u);
  for (size_t at : places) {
    auto d = DecodeBytes(big5.substr(0, at) + "\xA4" + "0" + big5.substr(at));
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->encoding, "Big5") << "damaged at byte " << at;
    EXPECT_EQ(d->notes.size(), 1u) << "damaged at byte " << at;
  }
}

// Traditional characters in GB18030 share Big5's trail bytes, but read as
// Big5 they fall on lead bytes Big5 leaves to private use.
TEST(DecodeBytes, TraditionalTextInGb18030IsGb18030) {
  auto d = DecodeBytes(Encode(kTraditional, "GB18030"));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->encoding, "GB18030");
  EXPECT_EQ(d->utf8, kTraditional);
}

// Every sample report's text, and the same in traditional script.
std::vector<std::string> SampleTexts() {
  std::vector<std::string> out;
  const std::filesystem::path dir =
      std::filesystem::path(XXGK_SOURCE_DIR) / ".." / "shared" / "corpus" / "seeds";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!IsValidUtf8(text)) continue;
    out.push_back(xxgk::testing::ToTraditional(text));
    out.push_back(std::move(text));
  }
  return out;
}

// Slices of the sample reports holding at least 20 Chinese characters, in
// GB18030 and in Big5, clean or with one byte inserted or deleted, are read
// in the encoding they were written in (at most one in a hundred is not).
TEST(DecodeBytes, SlicesOfTheSampleReportsAreReadInTheirEncoding) {
  const std::vector<std::string> texts = SampleTexts();
  ASSERT_GE(texts.size(), 2u);
  std::mt19937 rng(20261122);
  int tried = 0;
  int wrong = 0;
  std::string examples;
  for (int k = 0; k < 900; ++k) {
    const std::string& text = texts[rng() % texts.size()];
    std::vector<size_t> starts;  // character boundaries
    for (size_t i = 0; i < text.size(); ++i) {
      if ((static_cast<uint8_t>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    starts.push_back(text.size());
    const size_t chars = 20 + rng() % 81;
    if (starts.size() <= chars + 1) continue;
    const size_t first = rng() % (starts.size() - chars - 1);
    const std::string slice = text.substr(starts[first], starts[first + chars] - starts[first]);
    int han = 0;
    for (size_t i = 0; i + 2 < slice.size(); ++i) {
      han += static_cast<uint8_t>(slice[i]) >= 0xE3 && static_cast<uint8_t>(slice[i]) <= 0xE9;
    }
    if (han < 20) continue;
    const char* charset = k % 2 ? "Big5" : "GB18030";
    std::string bytes = Encode(slice, charset);
    const size_t at = rng() % bytes.size();
    if (k % 3 == 1) bytes.insert(at, "\xFF");
    if (k % 3 == 2) bytes.erase(at, 1);
    auto d = DecodeBytes(bytes);
    ASSERT_TRUE(d.ok()) << d.status();
    ++tried;
    if (d->encoding != charset) {
      ++wrong;
      absl::StrAppend(&examples, charset, " read as ", d->encoding, ": ", slice, "\n");
    }
  }
  EXPECT_GE(tried, 300);
  EXPECT_LE(wrong * 100, tried) << examples;
}

TEST(DecodeBytes, ShortGbkTextIsNotTakenForUtf16) {
  for (const std::string s : {"一、总体情况", "政府信息公开", "行政复议", "本年度共收到申请5件。"}) {
    auto d = DecodeBytes(Encode(s, "GB18030"));
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->utf8, s);
    EXPECT_EQ(d->encoding, "GB18030");
  }
}

TEST(DecodeBytes, InvalidBytesAreReplacedAndReportedWithOffsets) {
  std::string gbk = Encode(kText, "GB18030");
  const size_t at = 10;  // after five two-byte characters
  // Insert an invalid run (0xFF bytes are never valid GB18030 lead bytes).
  std::string broken = gbk.substr(0, at) + "\xFF\xFF" + gbk.substr(at);
  auto d = DecodeBytes(broken, "GB18030");
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->notes.size(), 1u);
  const auto& note = d->notes[0];
  EXPECT_EQ(note.kind(), xxgk::v1::ReadingNote::INVALID_BYTES);
  // the span is the U+FFFD in the decoded text, after five characters
  EXPECT_EQ(note.span().source_begin(), 15u);
  EXPECT_EQ(note.span().source_end(), 18u);
  EXPECT_EQ(d->utf8.substr(15, 3), "\xEF\xBF\xBD");
  EXPECT_EQ(note.excerpt(), "FF FF");
  EXPECT_THAT(note.message(), HasSubstr("at byte 10 of the file"));
  EXPECT_NE(d->utf8.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(d->utf8.find("政府信息公开工作年度报告"), std::string::npos);
}

TEST(DecodeBytes, BrokenUtf8AfterBomIsRepaired) {
  std::string s = "\xEF\xBB\xBF" "abc\xC3(def";
  auto d = DecodeBytes(s);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->notes.size(), 1u);
  EXPECT_EQ(d->notes[0].span().source_begin(), 3u);
  EXPECT_EQ(d->notes[0].span().source_end(), 6u);
  EXPECT_THAT(d->notes[0].message(), HasSubstr("at byte 6 of the file"));
  EXPECT_EQ(d->utf8, "abc\xEF\xBF\xBD(def");
}

TEST(DecodeBytes, NeverCrashesOnArbitraryBytes) {
  uint32_t x = 12345;
  for (int round = 0; round < 200; ++round) {
    std::string s;
    const int len = round % 37 + (round * 7) % 300;
    for (int i = 0; i < len; ++i) {
      x = x * 1103515245u + 12345u;
      s.push_back(static_cast<char>(x >> 24));
    }
    for (const char* declared : {"", "gbk", "utf-16", "big5", "nonsense-charset"}) {
      auto d = DecodeBytes(s, declared);
      if (!d.ok()) {  // noise is not text: said so, never another kind of error
        EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument) << d.status();
        EXPECT_THAT(std::string(d.status().message()), HasSubstr("not text"));
        continue;
      }
      EXPECT_TRUE(IsValidUtf8(d->utf8));
    }
  }
}

// Bytes from a fixed generator: reproducible noise.
std::string Noise(size_t n, uint32_t seed) {
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    seed = seed * 1103515245u + 12345u;
    s.push_back(static_cast<char>(seed >> 24));
  }
  return s;
}

TEST(DecodeBytes, RandomBytesAreNotText) {
  auto d = DecodeBytes(Noise(4000, 7));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
  const std::string msg(d.status().message());
  EXPECT_THAT(msg, HasSubstr("not text"));
  EXPECT_THAT(msg, HasSubstr("undecodable bytes or control codes"));
  EXPECT_THAT(msg, HasSubstr("Send the report itself"));
}

TEST(DecodeBytes, AFileOfNulBytesIsNotText) {
  auto d = DecodeBytes(std::string(3000, '\0'));
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(std::string(d.status().message()), HasSubstr("read as UTF-8, the likeliest, 3000 of 3000 characters (100%) are control codes"));
}

// More than a tenth of the characters, and at least 16, make a file binary.
TEST(DecodeBytes, TheShareOfControlCodesThatMakesAFileBinary) {
  // (valid UTF-8 is counted when it holds a NUL byte, as no text does)
  const std::string nul(1, '\0');
  const std::string tenth = std::string(180, 'a') + std::string(19, '\x01') + nul;
  EXPECT_TRUE(DecodeBytes(tenth).ok());
  const std::string more = std::string(179, 'a') + std::string(20, '\x01') + nul;
  EXPECT_FALSE(DecodeBytes(more).ok());
  EXPECT_TRUE(DecodeBytes(std::string(400, '\x01')).ok()) << "no NUL: not counted";
  EXPECT_TRUE(DecodeBytes(std::string(15, '\0')).ok()) << "too few to judge";
  // Tabs, line and page breaks are text.
  EXPECT_TRUE(
      DecodeBytes(std::string(500, '\t') + std::string(500, '\f') + "\r\n\v" + nul).ok());
  // The same share in a legacy encoding, where undecodable bytes count too.
  std::string gbk = Encode(kText, "GB18030");
  std::string noisy;
  for (int i = 0; i < 40; ++i) noisy += gbk + "\xFF" + std::string(12, '\x02');
  auto d = DecodeBytes(noisy);
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(std::string(d.status().message()), HasSubstr("read as GB18030"));
}

TEST(DecodeBytes, ManyInvalidRunsAreListedTwentyAndCountedInTheTwentieth) {
  const std::string gbk = Encode(kText, "GB18030");
  std::string broken;
  for (int i = 0; i < 100; ++i) broken += gbk + "\xFF";
  broken += gbk;
  auto d = DecodeBytes(broken);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->encoding, "GB18030");
  // Every bad byte is still replaced in the text.
  std::vector<size_t> replaced;
  for (size_t at = d->utf8.find("\xEF\xBF\xBD"); at != std::string::npos;
       at = d->utf8.find("\xEF\xBF\xBD", at + 1)) {
    replaced.push_back(at);
  }
  ASSERT_EQ(replaced.size(), 100u);
  ASSERT_EQ(d->notes.size(), 20u);
  for (size_t i = 0; i + 1 < d->notes.size(); ++i) {
    EXPECT_EQ(d->notes[i].more_places(), 0u);
    EXPECT_EQ(d->notes[i].span().source_begin(), replaced[i]);
    EXPECT_EQ(d->notes[i].span().source_end(), replaced[i] + 3);
    EXPECT_THAT(d->notes[i].message(),
                HasSubstr(absl::StrCat("at byte ", (i + 1) * gbk.size() + i, " of the file")));
  }
  const auto& last = d->notes.back();
  EXPECT_EQ(last.more_places(), 80u);
  EXPECT_EQ(last.excerpt(), "FF");
  EXPECT_FALSE(last.message().empty());
  EXPECT_EQ(last.span().source_begin(), replaced[19]);
  EXPECT_EQ(last.span().source_end(), replaced[99] + 3);
}

}  // namespace
}  // namespace xxgk::report
