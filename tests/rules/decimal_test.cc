#include "rules/decimal.h"

#include <string>

#include "gtest/gtest.h"

namespace xxgk::rules {
namespace {

TEST(DecimalTest, ParsesAndPrintsCanonically) {
  EXPECT_EQ(Decimal::Parse("12")->ToString(), "12");
  EXPECT_EQ(Decimal::Parse("7730.28")->ToString(), "7730.28");
  EXPECT_EQ(Decimal::Parse("7730.280")->ToString(), "7730.28");
  EXPECT_EQ(Decimal::Parse("-3")->ToString(), "-3");
  EXPECT_EQ(Decimal::Parse("007")->ToString(), "7");
  EXPECT_EQ(Decimal::Parse("0.5")->ToString(), "0.5");
  EXPECT_EQ(Decimal::Parse(".5")->ToString(), "0.5");
  EXPECT_EQ(Decimal::Parse("-0")->ToString(), "0");
}

TEST(DecimalTest, RejectsMalformed) {
  for (const char* bad : {"", "-", ".", "1e5", "1,000", "abc", "1.2.3", " 1", "--1"}) {
    EXPECT_FALSE(Decimal::Parse(bad).ok()) << bad;
  }
}

TEST(DecimalTest, TwentyFiveDigitsIsAnErrorNotUndefinedBehaviour) {
  auto d = Decimal::Parse("1234567890123456789012345");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(std::string(d.status().message()).find("too large"), std::string::npos);
  // Eighteen digits are the limit; leading zeros do not count.
  EXPECT_TRUE(Decimal::Parse("999999999999999999").ok());
  EXPECT_TRUE(Decimal::Parse("000000000999999999999999999").ok());
  EXPECT_FALSE(Decimal::Parse("9999999999999999999").ok());
  EXPECT_FALSE(Decimal::Parse("0.1234567").ok());
}

TEST(DecimalTest, ArithmeticAndComparison) {
  Decimal a = *Decimal::Parse("21"), b = *Decimal::Parse("0.5"), c = *Decimal::Parse("21.5");
  EXPECT_EQ(*a.Add(b), c);
  EXPECT_EQ(*c.Sub(b), a);
  EXPECT_LT(b, a);
  EXPECT_TRUE(a.is_integer());
  EXPECT_FALSE(b.is_integer());
  EXPECT_TRUE(Decimal::Parse("-1")->is_negative());
  Decimal max = *Decimal::Parse("999999999999999999.999999");
  Decimal sum;
  for (int i = 0; i < 1000; ++i) sum = *sum.Add(max);  // far from int128 overflow
  EXPECT_EQ(sum.ToString(), "999999999999999999999.999");
}

TEST(DecimalTest, WholeNumbersBeyondSixtyFourBits) {
  // Units (millionths) of these no longer fit in 64 bits.
  EXPECT_TRUE(Decimal::Parse("123456789012345678")->is_integer());
  EXPECT_TRUE(Decimal::Parse("-123456789012345678")->is_integer());
  EXPECT_FALSE(Decimal::Parse("123456789012345678.000001")->is_integer());
  EXPECT_FALSE(Decimal::Parse("-123456789012345678.5")->is_integer());
  EXPECT_TRUE(Decimal::Parse("9223372036854")->is_integer());    // about the 64-bit limit
  EXPECT_FALSE(Decimal::Parse("9223372036854.775807")->is_integer());
  EXPECT_FALSE(Decimal::Parse("-9223372036854.775808")->is_integer());
}

TEST(DecimalTest, CellNumbers) {
  xxgk::v1::Cell cell;
  EXPECT_EQ(ReadCellNumber(nullptr).kind, CellNumber::Kind::kMissing);
  cell.set_presence(xxgk::v1::Cell::BLANK);
  EXPECT_EQ(ReadCellNumber(&cell).kind, CellNumber::Kind::kBlank);
  EXPECT_TRUE(ReadCellNumber(&cell).value.is_zero());
  cell.set_presence(xxgk::v1::Cell::NA);
  EXPECT_EQ(ReadCellNumber(&cell).kind, CellNumber::Kind::kBlank);
  cell.set_presence(xxgk::v1::Cell::TEXT);
  cell.set_raw("见附件");
  EXPECT_EQ(ReadCellNumber(&cell).kind, CellNumber::Kind::kInvalid);
  cell.set_presence(xxgk::v1::Cell::NUMBER);
  cell.set_value("1234567890123456789012345");
  EXPECT_EQ(ReadCellNumber(&cell).kind, CellNumber::Kind::kInvalid);
  cell.set_value("42");
  EXPECT_EQ(ReadCellNumber(&cell).kind, CellNumber::Kind::kNumber);
  EXPECT_EQ(ReadCellNumber(&cell).value.ToString(), "42");
}

// Plain integers take a shortcut in Parse; it must agree with the general
// path (the same number written with a fraction) at every length.
TEST(DecimalTest, PlainIntegersAsTheGeneralPath) {
  std::string digits;
  for (int n = 1; n <= 20; ++n) {
    digits.push_back(static_cast<char>('0' + (n * 7) % 10));
    for (const std::string& s : {digits, "0" + digits, "000" + digits}) {
      absl::StatusOr<Decimal> plain = Decimal::Parse(s);
      absl::StatusOr<Decimal> general = Decimal::Parse(s + ".0");
      ASSERT_EQ(plain.ok(), general.ok()) << s;
      if (plain.ok()) {
        EXPECT_EQ(*plain, *general) << s;
      } else {
        EXPECT_EQ(plain.status().message(), general.status().message()) << s;
      }
    }
  }
  EXPECT_EQ(Decimal::Parse("999999999999999999")->ToString(), "999999999999999999");
  EXPECT_FALSE(Decimal::Parse("9999999999999999999").ok());
  EXPECT_EQ(Decimal::Parse("0")->ToString(), "0");
  EXPECT_FALSE(Decimal::Parse("１２").ok());  // full-width digits are not normalised here
  EXPECT_FALSE(Decimal::Parse("1 2").ok());
}

}  // namespace
}  // namespace xxgk::rules
