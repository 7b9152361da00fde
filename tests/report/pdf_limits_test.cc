// ReadPdf on hostile PDFs written by hand: pages beyond the page cap are
// dropped with a note (not silently), and a long table-like run of value
// lines is read in bounded time.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/readers.h"
#include "tests/report/fixtures/read_view.h"

namespace xxgk::report {
namespace {

using ::testing::HasSubstr;

// A minimal PDF: `pages` pages; page contents given per page index (empty:
// no text). Objects: 1 catalog, 2 pages tree, 3 font, then page/content pairs.
std::string MakePdf(int pages, const std::vector<std::string>& contents) {
  std::vector<std::string> objects;
  std::string kids;
  for (int p = 0; p < pages; ++p) absl::StrAppend(&kids, 4 + 2 * p, " 0 R ");
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back(absl::StrCat("<< /Type /Pages /Kids [", kids, "] /Count ", pages, " >>"));
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (int p = 0; p < pages; ++p) {
    objects.push_back(absl::StrCat("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                                   "/Resources << /Font << /F1 3 0 R >> >> /Contents ",
                                   5 + 2 * p, " 0 R >>"));
    const std::string body = p < static_cast<int>(contents.size()) ? contents[p] : "";
    objects.push_back(absl::StrCat("<< /Length ", body.size(), " >>\nstream\n", body, "\nendstream"));
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    absl::StrAppend(&pdf, i + 1, " 0 obj\n", objects[i], "\nendobj\n");
  }
  const size_t xref = pdf.size();
  absl::StrAppend(&pdf, "xref\n0 ", objects.size() + 1, "\n0000000000 65535 f \n");
  for (size_t off : offsets) {
    std::string n = std::to_string(off);
    absl::StrAppend(&pdf, std::string(10 - n.size(), '0'), n, " 00000 n \n");
  }
  absl::StrAppend(&pdf, "trailer\n<< /Size ", objects.size() + 1, " /Root 1 0 R >>\nstartxref\n",
                  xref, "\n%%EOF\n");
  return pdf;
}

// The last table read, or nullptr.
const TableGrid* LastTable(const ReadResult& r) {
  const TableGrid* grid = nullptr;
  for (const Block& b : r.blocks) {
    if (b.kind == Block::Kind::kTable) grid = &b.table;
  }
  return grid;
}

TEST(PdfLimitsTest, PagesBeyondTheCapAreNoted) {
  const std::string text = "BT /F1 12 Tf 72 700 Td (Hello) Tj ET";
  absl::StatusOr<ReadResult> r = ReadPdf(MakePdf(5003, {text}));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source.pages(), 5003u);
  bool noted = false;
  for (const auto& n : r->notes) {
    if (n.kind() == xxgk::v1::ReadingNote::UNREADABLE &&
        n.message().find("only the first 5000") != std::string::npos) {
      noted = true;
    }
  }
  EXPECT_TRUE(noted);
}

TEST(PdfLimitsTest, FewPagesHaveNoCapNote) {
  absl::StatusOr<ReadResult> r = ReadPdf(MakePdf(2, {"BT /F1 12 Tf 72 700 Td (Hello) Tj ET"}));
  ASSERT_TRUE(r.ok()) << r.status();
  for (const auto& n : r->notes) EXPECT_THAT(n.message(), ::testing::Not(HasSubstr("only the first")));
}

TEST(PdfLimitsTest, LongRunOfValueRowsIsSplitIntoBoundedTables) {
  // 60 pages of 60 rows "label 1 2 3": one table-like run of 3600 rows
  std::vector<std::string> contents;
  for (int p = 0; p < 60; ++p) {
    std::string c = "BT /F1 10 Tf";
    for (int row = 0; row < 60; ++row) {
      const int y = 800 - row * 12;
      absl::StrAppend(&c, " 1 0 0 1 72 ", y, " Tm (item) Tj");
      for (int col = 0; col < 3; ++col) {
        absl::StrAppend(&c, " 1 0 0 1 ", 300 + col * 80, " ", y, " Tm (", row + col, ") Tj");
      }
    }
    c += " ET";
    contents.push_back(c);
  }
  absl::StatusOr<ReadResult> r = ReadPdf(MakePdf(60, contents));
  ASSERT_TRUE(r.ok()) << r.status();
  size_t tables = 0;
  for (const Block& b : r->blocks) {
    if (b.kind != Block::Kind::kTable) continue;
    ++tables;
    EXPECT_LE(b.table.rows.size(), 2100u);  // 2000 data rows plus a few header/extra rows
  }
  EXPECT_GE(tables, 2u);  // 3600 rows: split at the cap
}

// A table wider than its page: the last column's numbers start inside the
// page (595 pt wide) and run past its edge, where the glyphs that start
// beyond it are lost ("4321" keeps "43"). Such a number is read as text
// ("43…"), never as 43, and one note per page says so; the columns inside
// the page are read as they are.
TEST(PdfLimitsTest, NumbersCutAtThePageEdgeAreNoNumbers) {
  std::string c = "BT /F1 10 Tf";
  for (int row = 0; row < 4; ++row) {
    const int y = 700 - row * 14;
    absl::StrAppend(&c, " 1 0 0 1 72 ", y, " Tm (item", row + 1, ") Tj");
    absl::StrAppend(&c, " 1 0 0 1 300 ", y, " Tm (", 11 + row, ") Tj");
    absl::StrAppend(&c, " 1 0 0 1 420 ", y, " Tm (", 21 + row, ") Tj");
    absl::StrAppend(&c, " 1 0 0 1 585 ", y, " Tm (", 4321 + row, ") Tj");
  }
  c += " ET";
  absl::StatusOr<ReadResult> r = ReadPdf(MakePdf(1, {c}));
  ASSERT_TRUE(r.ok()) << r.status();
  const TableGrid* grid = LastTable(*r);
  ASSERT_NE(grid, nullptr);
  std::vector<std::string> last, middle;
  for (const auto& row : grid->rows) {
    if (row.size() < 4 || row[0].text.rfind("item", 0) != 0) continue;
    middle.push_back(row[2].text);
    last.push_back(row[3].text);
  }
  EXPECT_THAT(middle, ::testing::ElementsAre("21", "22", "23", "24"));
  EXPECT_THAT(last, ::testing::ElementsAre("43\u2026", "43\u2026", "43\u2026", "43\u2026"));
  int cut_notes = 0;
  for (const auto& n : r->notes) {
    if (n.kind() != xxgk::v1::ReadingNote::CUT_AT_EDGE) continue;
    ++cut_notes;
    EXPECT_EQ(n.span().page(), 1u);
    EXPECT_EQ(n.excerpt(), "43");
    EXPECT_THAT(n.message(), HasSubstr("4 numbers run past the page's right edge"));
  }
  EXPECT_EQ(cut_notes, 1);
}

// Rows of cells of one digit in columns only a digit wide, `gap` points
// apart (a cramped table of zeros), then a number of several digits set as
// one; each row as read.
std::vector<std::vector<std::string>> ReadDigitCells(double gap) {
  constexpr double kDigit = 5.56;  // Helvetica's digits at 10 pt
  std::string c = "BT /F1 10 Tf";
  for (int row = 0; row < 4; ++row) {
    const int y = 700 - row * 14;
    absl::StrAppend(&c, " 1 0 0 1 72 ", y, " Tm (item", row + 1, ") Tj");
    for (int col = 0; col < 5; ++col) {
      absl::StrAppend(&c, " 1 0 0 1 ", 300 + col * (kDigit + gap), " ", y, " Tm (", (row + col) % 2 * 7,
                      ") Tj");
    }
    absl::StrAppend(&c, " 1 0 0 1 420 ", y, " Tm (", 2021 + row, ") Tj");
  }
  c += " ET";
  std::vector<std::vector<std::string>> rows;
  absl::StatusOr<ReadResult> r = ReadPdf(MakePdf(1, {c}));
  EXPECT_TRUE(r.ok()) << r.status();
  if (!r.ok()) return rows;
  const TableGrid* grid = LastTable(*r);
  EXPECT_NE(grid, nullptr);
  if (grid == nullptr) return rows;
  for (size_t i = 0; i < grid->rows.size(); ++i) rows.push_back(xxgk::testing::RowTexts(*grid, i));
  return rows;
}

using Texts = std::vector<std::string>;
const std::vector<Texts> kDigitCells = {Texts{"item1", "0", "7", "0", "7", "0", "2021"},
                                        Texts{"item2", "7", "0", "7", "0", "7", "2022"},
                                        Texts{"item3", "0", "7", "0", "7", "0", "2023"},
                                        Texts{"item4", "7", "0", "7", "0", "7", "2024"}};

// Cells 3 pt apart: poppler joins the digits into one word ("07070"), which
// would read as one number in one cell and leave the other cells empty.
// Each digit is a cell of its own; a number of several digits set as one
// (the last column) stays whole.
TEST(PdfLimitsTest, DigitsOfNeighbouringCellsAreNoOneNumber) {
  EXPECT_EQ(ReadDigitCells(3.0), kDigitCells);
}

// 2 pt apart, as a web page's table with 1 px padding and borders prints:
// less than the gap two cells' words otherwise need, but no digit of one
// number stands apart from the next at all.
TEST(PdfLimitsTest, DigitsTwoPointsApartAreCellsOfTheirOwn) {
  EXPECT_EQ(ReadDigitCells(2.0), kDigitCells);
}

}  // namespace
}  // namespace xxgk::report
