// The format-conversion check of «2 — Read real reports»: seed-like reports
// (prose from the parsed seeds 002 and 003, the national tables with real
// spans and varied numbers) are rendered as scraped plain text and as HTML,
// converted by LibreOffice headless to .docx (also with its headings and
// table rows numbered by Word's lists instead of typed, as a .docx, as
// flat Word XML and as LibreOffice's .odt and .doc of it), Word 97 .doc, RTF (also as Word writes it, in code page
// 936), OpenDocument text and PDF, the PDF
// re-drawn as OFD (word by word, in runs under a CTM, glyph by glyph), and re-encoded as
// GB18030, traditional script (OpenCC s2t; UTF-8, Big5 and GB18030; and
// s2twp, with Taiwan's phrases) and
// full-width digits, and flattened to text without the tables' grid (a cell
// per line, or cells separated by single spaces; as plain text, as a web
// page of paragraphs and as the .docx LibreOffice makes of that page). Every
// rendition must parse to exactly the cells of the plain-text original, and
// those must be the numbers put in.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "report/cell_keys.h"
#include "report/parse.h"
#include "tests/report/fixtures/auto_numbered_docx.h"
#include "tests/report/fixtures/ofd_writer.h"
#include "tests/report/fixtures/recode.h"
#include "tests/report/fixtures/seed_like.h"
#include "tests/report/fixtures/single_file_word.h"
#include "tests/report/fixtures/soffice.h"
#include "xxgk/v1/service.pb.h"

namespace xxgk::report {
namespace {

namespace fs = std::filesystem;
using xxgk::testing::Recode;
using xxgk::testing::FlatStyle;
using xxgk::testing::ToFlatHtml;
using xxgk::testing::ToFlatText;
using xxgk::testing::ToTraditional;
using Cells = std::map<std::string, std::string>;

fs::path SeedPath(const std::string& prefix) {
  const fs::path dir = fs::path(XXGK_SOURCE_DIR) / ".." / "shared" / "corpus" / "seeds";
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) return entry.path();
  }
  return {};
}

absl::StatusOr<xxgk::v1::Report> Parse(const std::string& bytes, const std::string& format,
                                       const std::string& file_name) {
  xxgk::v1::Document doc;
  doc.set_content(bytes);
  doc.set_file_name(file_name);
  ParseOptions options;
  options.input_format = format;
  return ParseDocument(doc, options);
}

Cells CellsOf(const xxgk::v1::Report& report) {
  Cells cells;
  ForEachCell(report.tables(), [&](const std::string& key, const xxgk::v1::Cell& cell) {
    cells[key] = CellValueString(cell);
  });
  return cells;
}

// Lists the differences between two cell maps, for failure messages.
std::string Diff(const Cells& want, const Cells& got) {
  std::string out;
  int shown = 0;
  for (const auto& [key, value] : want) {
    auto it = got.find(key);
    const std::string g = it == got.end() ? "<missing>" : it->second;
    if (g != value && shown++ < 25) out += "  " + key + ": want " + value + ", got " + g + "\n";
  }
  for (const auto& [key, value] : got) {
    if (!want.count(key) && shown++ < 25) out += "  " + key + ": unexpected " + value + "\n";
  }
  return out;
}

std::string SectionText(const xxgk::v1::Report& r, xxgk::v1::Section::Kind kind) {
  for (const auto& s : r.sections()) {
    if (s.kind() == kind) return s.text();
  }
  return "";
}

std::string FullWidthDigits(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      out += "\xEF\xBC";  // U+FF10.. U+FF19
      out.push_back(static_cast<char>(0x90 + (c - '0')));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

struct Rendition {
  std::string name;
  xxgk::testing::SeedLikeDoc doc;
  Cells original;  // cells of the plain-text rendition
  std::vector<std::string> headings;  // its section headings, numbers typed
};

std::vector<std::string> HeadingsOf(const xxgk::v1::Report& report) {
  std::vector<std::string> out;
  for (const auto& section : report.sections()) out.push_back(section.heading());
  return out;
}

// Builds the seed-like document for one seed, with numbers varied by `salt`
// so that cells are not all zero and differ between cells.
// With `blank`, the cells it names are left blank (read as BLANK).
xxgk::testing::SeedLikeDoc BuildFromSeed(const fs::path& seed, int salt,
                                         bool (*blank)(const std::string& key) = nullptr) {
  xxgk::testing::SeedLikeText text;
  auto parsed = Parse(xxgk::testing::ReadFileBytes(seed), "text", seed.filename().string());
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  Cells base;
  if (parsed.ok()) {
    const auto& meta = parsed->meta();
    text.title = meta.title().empty()
                     ? meta.agency() + std::to_string(meta.report_year()) + "年政府信息公开工作年度报告"
                     : meta.title();
    text.general = SectionText(*parsed, xxgk::v1::Section::GENERAL);
    text.problems = SectionText(*parsed, xxgk::v1::Section::PROBLEMS);
    text.other = SectionText(*parsed, xxgk::v1::Section::OTHER_MATTERS);
    base = CellsOf(*parsed);
  }
  int i = 0;
  xxgk::testing::SeedLikeDoc doc = xxgk::testing::BuildSeedLike(text, [&](const std::string& key) {
    if (blank != nullptr && blank(key)) return std::string();
    int b = 0;
    auto it = base.find(key);
    if (it != base.end() && !it->second.empty() &&
        it->second.find_first_not_of("0123456789") == std::string::npos) {
      b = std::stoi(it->second);
    }
    ++i;
    const int v = b + (i * 37 + salt * 11) % 97;
    if (key == "t2.fees.amount_wan_yuan") return std::to_string(v) + ".25";
    return std::to_string(v);
  });
  for (auto& [key, value] : doc.expected_cells) {
    if (value.empty()) value = "BLANK";
  }
  return doc;
}

TEST(Conversion, SeedLikeReportsParseToTheSameCellsInEveryFormat) {
  const std::string soffice = xxgk::testing::FindSoffice();
  ASSERT_FALSE(soffice.empty())
      << "LibreOffice (soffice) is required for the conversion test: apt-get install -y "
         "--no-install-recommends libreoffice-writer-nogui fonts-noto-cjk";
  xxgk::testing::TempDir dir;
  std::vector<Rendition> renditions;
  std::vector<fs::path> html_files;
  std::vector<fs::path> flat_html_files;  // the tables pasted as a paragraph per cell
  int salt = 1;
  for (const char* prefix : {"002_", "003_"}) {
    const fs::path seed = SeedPath(prefix);
    ASSERT_FALSE(seed.empty()) << "seed " << prefix << " not found";
    Rendition r;
    r.name = "seed" + std::string(prefix, 3);
    r.doc = BuildFromSeed(seed, salt++);
    ASSERT_EQ(r.doc.expected_cells.size(), 10u + 25u * 7u + 15u);
    auto text = Parse(xxgk::testing::ToPipeText(r.doc), "text", r.name + ".txt");
    ASSERT_TRUE(text.ok()) << text.status();
    r.original = CellsOf(*text);
    r.headings = HeadingsOf(*text);
    ASSERT_EQ(r.headings.size(), 6u);
    ASSERT_EQ(r.headings[0].rfind("一、", 0), 0u) << r.headings[0];
    EXPECT_EQ(r.original, r.doc.expected_cells)
        << r.name << ": the plain-text original does not hold the numbers put in:\n"
        << Diff(r.doc.expected_cells, r.original);
    const fs::path html = dir.path() / (r.name + ".html");
    xxgk::testing::WriteFileBytes(html, xxgk::testing::ToHtml(r.doc));
    html_files.push_back(html);
    const fs::path flat_html = dir.path() / (r.name + "-flat.html");
    xxgk::testing::WriteFileBytes(flat_html, ToFlatHtml(r.doc, FlatStyle::kCellPerLine));
    flat_html_files.push_back(flat_html);
    renditions.push_back(std::move(r));
  }

  const fs::path profile = dir.path() / "profile";
  // The .docx first: the auto-numbered .docx is made from it.
  ASSERT_EQ(
      xxgk::testing::ConvertWithSoffice(html_files, "docx:MS Word 2007 XML", dir.path() / "docx", profile), "");
  // The .docx with Word's list numbering, and LibreOffice's .odt (its lists
  // continue each other across the tables' cells), .doc and flat .fodt of it.
  std::vector<fs::path> auto_numbered_files;
  fs::create_directories(dir.path() / "auto-numbered");
  for (const Rendition& r : renditions) {
    const fs::path out = dir.path() / "auto-numbered" / (r.name + ".docx");
    xxgk::testing::WriteFileBytes(out, xxgk::testing::ToAutoNumberedDocx(xxgk::testing::ReadFileBytes(
                                           dir.path() / "docx" / (r.name + ".docx"))));
    auto_numbered_files.push_back(out);
  }
  struct Conversion {
    const std::vector<fs::path>& inputs;
    std::string target, out_dir, infilter;
  };
  const std::string html_filter = "HTML (StarWriter)";
  const std::vector<Conversion> conversions = {
      {html_files, "doc:MS Word 97", "doc", html_filter},
      {html_files, "pdf:writer_pdf_Export", "pdf", html_filter},
      {html_files, "odt:writer8", "odt", html_filter},
      {html_files, "rtf:Rich Text Format", "rtf", html_filter},
      {flat_html_files, "docx:MS Word 2007 XML", "flat-docx", html_filter},
      {auto_numbered_files, "odt:writer8", "auto-numbered-odt", ""},
      {auto_numbered_files, "doc:MS Word 97", "auto-numbered-doc", ""},
      {auto_numbered_files, "fodt:OpenDocument Text Flat XML", "auto-numbered-fodt", ""},
  };
  for (const Conversion& c : conversions) {
    ASSERT_EQ(xxgk::testing::ConvertWithSoffice(c.inputs, c.target, dir.path() / c.out_dir, profile, c.infilter),
              "")
        << c.out_dir;
  }

  for (const Rendition& r : renditions) {
    const std::string plain = xxgk::testing::ToPipeText(r.doc);
    const std::string html = xxgk::testing::ToHtml(r.doc);
    std::string gb_html = html;
    gb_html.replace(gb_html.find("charset=\"utf-8\""), 15, "charset=\"gb18030\"");
    const std::string pdf =
        xxgk::testing::ReadFileBytes(dir.path() / "pdf" / (r.name + ".pdf"));
    const std::string docx =
        xxgk::testing::ReadFileBytes(dir.path() / "docx" / (r.name + ".docx"));
    const std::string rtf = xxgk::testing::ReadFileBytes(dir.path() / "rtf" / (r.name + ".rtf"));
    const std::string word_rtf = xxgk::testing::ToWordStyleRtf(rtf);
    const std::string auto_numbered =
        xxgk::testing::ReadFileBytes(dir.path() / "auto-numbered" / (r.name + ".docx"));
    ASSERT_NE(word_rtf.find("\\ansicpg936"), std::string::npos);
    ASSERT_NE(word_rtf.find("\\row}"), std::string::npos);
    ASSERT_EQ(word_rtf.find("\\u20844\\'3f"), std::string::npos);  // 公 in GBK now
    ASSERT_NE(rtf.find("\\u20844\\'3f"), std::string::npos);
    using xxgk::testing::MimeEncoding;
    struct Variant {
      std::string name, format, bytes;
      // Sniffed from the bytes under this file name (format left empty), and
      // read as `read_as`: the one-file forms systems export as ".doc".
      std::string sniffed_as_doc_read_as = "";
    };
    const std::vector<Variant> variants = {
        {"html", "html", html},
        {"html-gb18030", "html", Recode(gb_html, "GB18030")},
        {"docx", "docx", docx},
        {"doc", "doc", xxgk::testing::ReadFileBytes(dir.path() / "doc" / (r.name + ".doc"))},
        {"pdf", "pdf", pdf},
        {"ofd", "ofd", xxgk::testing::PdfToOfd(pdf, xxgk::testing::OfdDrawing::kWords)},
        {"ofd-runs", "ofd", xxgk::testing::PdfToOfd(pdf, xxgk::testing::OfdDrawing::kRuns)},
        {"ofd-glyphs", "ofd", xxgk::testing::PdfToOfd(pdf, xxgk::testing::OfdDrawing::kGlyphs)},
        {"text-gb18030", "text", Recode(plain, "GB18030")},
        {"text-traditional", "text", ToTraditional(plain)},
        {"text-traditional-big5", "text", Recode(ToTraditional(plain), "Big5")},
        // Taiwan's phrases too (信息 → 資訊, 文件 → 檔案), as some sites' script
        // switches convert
        {"text-traditional-taiwan-phrases", "text", ToTraditional(plain, "s2twp.json")},
        {"text-traditional-gb18030", "text", Recode(ToTraditional(plain), "GB18030")},
        {"text-fullwidth-digits", "text", FullWidthDigits(plain)},
        {"text-cell-per-line", "text", ToFlatText(r.doc, FlatStyle::kCellPerLine)},
        {"text-single-spaces", "text", ToFlatText(r.doc, FlatStyle::kSingleSpaces)},
        {"html-cell-per-paragraph", "html", ToFlatHtml(r.doc, FlatStyle::kCellPerLine)},
        {"html-single-spaces", "html", ToFlatHtml(r.doc, FlatStyle::kSingleSpaces)},
        {"docx-cell-per-paragraph", "docx",
         xxgk::testing::ReadFileBytes(dir.path() / "flat-docx" / (r.name + "-flat.docx"))},
        {"html-named-doc", "", html, "html"},
        {"mhtml-gb2312-quoted-printable", "", xxgk::testing::ToMhtml(Recode(gb_html, "GB18030"), "gb2312",
                                                                    MimeEncoding::kQuotedPrintable), "mhtml"},
        {"mhtml-browser-base64", "", xxgk::testing::ToMhtml(html, "utf-8", MimeEncoding::kBase64, true), "mhtml"},
        {"word-2003-xml", "", xxgk::testing::ToWord2003Xml(docx), "word-xml"},
        {"word-flat-xml", "", xxgk::testing::ToFlatWordXml(docx), "word-xml"},
        // Headings and table rows numbered by Word's lists, not typed
        {"docx-auto-numbered", "docx", auto_numbered},
        {"word-flat-xml-auto-numbered", "", xxgk::testing::ToFlatWordXml(auto_numbered), "word-xml"},
        {"odt-auto-numbered", "odt",
         xxgk::testing::ReadFileBytes(dir.path() / "auto-numbered-odt" / (r.name + ".odt"))},
        {"doc-auto-numbered", "doc",
         xxgk::testing::ReadFileBytes(dir.path() / "auto-numbered-doc" / (r.name + ".doc"))},
        // the same as one flat OpenDocument XML file (.fodt)
        {"fodt-auto-numbered", "", xxgk::testing::ReadFileBytes(dir.path() / "auto-numbered-fodt" / (r.name + ".fodt")),
         "odt"},
        {"rtf", "", rtf, "rtf"},
        {"odt", "", xxgk::testing::ReadFileBytes(dir.path() / "odt" / (r.name + ".odt")), "odt"},
        {"rtf-as-word-writes-it", "", word_rtf, "rtf"},
    };
    for (const Variant& v : variants) {
      SCOPED_TRACE(r.name + " as " + v.name);
      ASSERT_FALSE(v.bytes.empty());
      const bool sniffed = !v.sniffed_as_doc_read_as.empty();
      auto parsed = Parse(v.bytes, v.format, r.name + "." + (sniffed ? "doc" : v.format));
      ASSERT_TRUE(parsed.ok()) << parsed.status();
      if (sniffed) {
        EXPECT_EQ(parsed->source().input_format(), v.sniffed_as_doc_read_as);
      }
      const Cells got = CellsOf(*parsed);
      EXPECT_EQ(got, r.original) << Diff(r.original, got);
      // Numbers a list adds are read as if typed.
      if (v.name.find("auto-numbered") != std::string::npos) {
        EXPECT_EQ(HeadingsOf(*parsed), r.headings);
      }
    }
  }
}

// PDFs as reports reach the service: printed from a web page by a browser,
// or exported by an office suite, with the table laid out as its author
// left it (no cell padding, labels wrapped round values set level with
// their middle, a narrower table, a smaller font). The reading of tables
// from word positions must hold for each: every cell read is the number
// put in, never another row's or column's. Layouts it reads whole are
// pinned exactly (a table at 60 % of the page too, where labels wrap over
// three or four lines round their values and group labels fall between
// rows); for the most cramped ones (45 %, no padding, where a cell's text
// touches the next cell's) cells it cannot place are left out, with a
// reading note, and the rest must still be right.
TEST(Conversion, PdfLayoutsOfSeedLikeTablesNeverMisplaceAValue) {
  ASSERT_FALSE(xxgk::testing::FindSoffice().empty()) << "LibreOffice (soffice) is required";
  xxgk::testing::TempDir dir;
  const fs::path seed = SeedPath("003_");
  ASSERT_FALSE(seed.empty());
  const xxgk::testing::SeedLikeDoc doc = BuildFromSeed(seed, 5);
  const std::string html = xxgk::testing::ToHtml(doc);
  auto edit = [](std::string h, const std::string& from, const std::string& to) {
    for (size_t at = h.find(from); at != std::string::npos; at = h.find(from, at + to.size())) {
      h.replace(at, from.size(), to);
    }
    return h;
  };
  const std::string no_padding = edit(edit(html, "cellpadding=\"3\"", "cellpadding=\"0\""),
                                      "padding:2px", "padding:0");
  const std::string top = edit(html, "<td", "<td valign=\"top\"");
  const std::string centred = edit(html, "<td", "<td align=\"center\"");
  const std::string right = edit(html, "<td", "<td align=\"right\"");
  const std::string small = edit(html, "td{", "td{font-size:9pt;");
  const std::string narrow = edit(html, "width=\"100%\"", "width=\"60%\"");
  const std::string narrower = edit(no_padding, "width=\"100%\"", "width=\"45%\"");
  // centred in narrow cells, the labels wrap every few characters, and
  // table 三's group label (三、本年度办理结果, three short lines) stands
  // on the same lines as (一)予以公开 and (二)部分公开
  const std::string centred_narrow = edit(centred, "width=\"100%\"", "width=\"60%\"");
  const std::string centred_narrower = edit(centred, "width=\"100%\"", "width=\"45%\"");
  struct Layout {
    std::string name, html;
    bool chromium;  // printed by the browser, else exported by LibreOffice
    bool whole;     // every cell must be read
  };
  const std::vector<Layout> layouts = {
      {"browser", html, true, true},
      {"browser-no-padding", no_padding, true, true},
      {"browser-top", top, true, true},
      {"browser-centred", centred, true, true},
      {"browser-right", right, true, true},
      {"browser-9pt", small, true, true},
      {"browser-60pct", narrow, true, true},
      {"browser-45pct-no-padding", narrower, true, false},
      {"office-top", top, false, true},
      {"office-centred", centred, false, true},
      {"office-right", right, false, true},
      {"office-9pt", small, false, true},
      {"office-no-padding", no_padding, false, false},
      {"office-60pct", narrow, false, true},
      {"office-45pct-no-padding", narrower, false, false},
      {"browser-centred-45pct", centred_narrower, true, true},
      {"office-centred-60pct", centred_narrow, false, true},
      {"office-centred-45pct", centred_narrower, false, true},
  };
  std::vector<fs::path> office_inputs;
  for (const Layout& l : layouts) {
    const fs::path in = dir.path() / (l.name + ".html");
    xxgk::testing::WriteFileBytes(in, l.html);
    if (!l.chromium) office_inputs.push_back(in);
  }
  ASSERT_EQ(xxgk::testing::ConvertWithSoffice(office_inputs, "pdf:writer_pdf_Export", dir.path() / "pdf",
                                              dir.path() / "profile"),
            "");
  for (const Layout& l : layouts) {
    SCOPED_TRACE(l.name);
    const fs::path pdf = dir.path() / "pdf" / (l.name + ".pdf");
    if (l.chromium) {
      ASSERT_EQ(xxgk::testing::PrintWithChromium(dir.path() / (l.name + ".html"), pdf,
                                                 dir.path() / "chromium-profile"),
                "");
    }
    auto parsed = Parse(xxgk::testing::ReadFileBytes(pdf), "pdf", l.name + ".pdf");
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    const Cells got = CellsOf(*parsed);
    if (l.whole) {
      EXPECT_EQ(got, doc.expected_cells) << Diff(doc.expected_cells, got);
      continue;
    }
    Cells read_right;
    for (const auto& [key, value] : got) {
      auto it = doc.expected_cells.find(key);
      if (it != doc.expected_cells.end() && it->second == value) read_right[key] = value;
    }
    EXPECT_EQ(got, read_right) << "cells read with another value than was put in:\n"
                               << Diff(read_right, got);
    // most of the table is still read
    EXPECT_GE(got.size(), doc.expected_cells.size() * 2 / 3) << Diff(doc.expected_cells, got);
  }
}

// A PDF shows a blank cell as nothing, so a column left blank on every row
// is placed by its heading alone: table 三 with only 总计 filled in (as
// many agencies fill it), table 四 with 行政复议 · 结果维持 and table 二 with
// 本年制发件数 blank, each the first column of its table. Printed by the
// browser and exported by LibreOffice, every cell reads as put in.
TEST(Conversion, PdfColumnsLeftBlankOnEveryRowKeepTheirPlaces) {
  ASSERT_FALSE(xxgk::testing::FindSoffice().empty()) << "LibreOffice (soffice) is required";
  xxgk::testing::TempDir dir;
  const fs::path seed = SeedPath("003_");
  ASSERT_FALSE(seed.empty());
  const xxgk::testing::SeedLikeDoc doc = BuildFromSeed(seed, 7, [](const std::string& key) {
    return (key.rfind("t3.", 0) == 0 && !key.ends_with(".total")) ||
           key == "t4.review.upheld" || key.ends_with(".issued");
  });
  ASSERT_EQ(doc.expected_cells.at("t3.new_received.natural_person"), "BLANK");
  const fs::path html = dir.path() / "blank-columns.html";
  xxgk::testing::WriteFileBytes(html, xxgk::testing::ToHtml(doc));
  ASSERT_EQ(xxgk::testing::ConvertWithSoffice({html}, "pdf:writer_pdf_Export",
                                              dir.path() / "office", dir.path() / "profile"),
            "");
  const fs::path browser = dir.path() / "browser.pdf";
  ASSERT_EQ(xxgk::testing::PrintWithChromium(html, browser, dir.path() / "chromium-profile"), "");
  for (const fs::path& pdf : {browser, dir.path() / "office" / "blank-columns.pdf"}) {
    SCOPED_TRACE(pdf.filename().string());
    auto parsed = Parse(xxgk::testing::ReadFileBytes(pdf), "pdf", pdf.filename().string());
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    const Cells got = CellsOf(*parsed);
    EXPECT_EQ(got, doc.expected_cells) << Diff(doc.expected_cells, got);
  }
}

}  // namespace
}  // namespace xxgk::report
