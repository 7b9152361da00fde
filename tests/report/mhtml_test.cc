// MHTML: finding the saved page in a MIME message, and the report it holds.
#include "report/mhtml.h"

#include <string>

#include "absl/strings/escaping.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/cell_keys.h"
#include "report/parse.h"
#include "tests/report/fixtures/recode.h"
#include "tests/report/fixtures/single_file_word.h"

namespace xxgk::report {
namespace {

using ::testing::HasSubstr;

TEST(DecodeQuotedPrintable, BytesSoftBreaksAndStrayEquals) {
  EXPECT_EQ(internal::DecodeQuotedPrintable("a=3Db"), "a=b");
  EXPECT_EQ(internal::DecodeQuotedPrintable("=C4=EA=b6=c8"), "\xC4\xEA\xB6\xC8");  // 年度 in GBK, any case
  EXPECT_EQ(internal::DecodeQuotedPrintable("<td>12=\r\n34</td>"), "<td>1234</td>");
  EXPECT_EQ(internal::DecodeQuotedPrintable("12=\n34"), "1234");
  EXPECT_EQ(internal::DecodeQuotedPrintable("12= \t\r\n34"), "1234");  // blanks after a soft break
  EXPECT_EQ(internal::DecodeQuotedPrintable("line\r\nnext"), "line\r\nnext");
  EXPECT_EQ(internal::DecodeQuotedPrintable("x=ZZ y=4"), "x=ZZ y=4");
  EXPECT_EQ(internal::DecodeQuotedPrintable("end="), "end");
  EXPECT_EQ(internal::DecodeQuotedPrintable(""), "");
}

TEST(DecodeQuotedPrintable, UndoesTheFixturesEncoding) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  const std::string text = "一、总体情况 a=b \n" + bytes + std::string(300, 'x') + "\n";
  std::string expected;  // the encoder writes every line break as CRLF
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      expected += "\r\n";
    } else {
      expected.push_back(c);
    }
  }
  EXPECT_EQ(internal::DecodeQuotedPrintable(xxgk::testing::QuotedPrintable(text)), expected);
}

TEST(LooksLikeMhtml, SavedPagesOnly) {
  const std::string page = "<html><body><p>年报</p></body></html>";
  using xxgk::testing::MimeEncoding;
  EXPECT_TRUE(LooksLikeMhtml(xxgk::testing::ToMhtml(page, "utf-8", MimeEncoding::kQuotedPrintable)));
  EXPECT_TRUE(LooksLikeMhtml(xxgk::testing::ToMhtml(page, "utf-8", MimeEncoding::kBase64, true)));
  EXPECT_TRUE(LooksLikeMhtml("\xEF\xBB\xBFMIME-Version: 1.0\nContent-Type: text/html\n\n<p>x</p>"));
  // text/html without MIME-Version is a header someone pasted, not a message
  EXPECT_FALSE(LooksLikeMhtml("Content-Type: text/html\n\n<p>x</p>"));
  EXPECT_FALSE(LooksLikeMhtml("MIME-Version: 1.0\nContent-Type: image/png\n\n"));
  EXPECT_FALSE(LooksLikeMhtml("一、总体情况\nContent-Type: multipart/related\n\n"));
  EXPECT_FALSE(LooksLikeMhtml("Subject: 年报\nno colon here\nContent-Type: multipart/related\n\n"));
  EXPECT_FALSE(LooksLikeMhtml(page));
  EXPECT_FALSE(LooksLikeMhtml(""));
  // headers that run on past the sniffing window without a blank line
  EXPECT_FALSE(LooksLikeMhtml("Content-Type: multipart/related\n" + std::string(9000, 'X') + ": y\n\n"));
}

TEST(HtmlPartOfMhtml, ThePageAndItsCharset) {
  const std::string page = "<html><body><p>一、总体情况</p></body></html>";
  auto qp = HtmlPartOfMhtml(
      xxgk::testing::ToMhtml(page, "gb2312", xxgk::testing::MimeEncoding::kQuotedPrintable));
  ASSERT_TRUE(qp.ok()) << qp.status();
  EXPECT_EQ(qp->body, page);
  EXPECT_EQ(qp->charset, "gb2312");
  auto b64 = HtmlPartOfMhtml(
      xxgk::testing::ToMhtml(page, "utf-8", xxgk::testing::MimeEncoding::kBase64, true));
  ASSERT_TRUE(b64.ok()) << b64.status();
  EXPECT_EQ(b64->body, page);
  EXPECT_EQ(b64->charset, "utf-8");
}

TEST(HtmlPartOfMhtml, TheStartPartThenTheFirstPageThenANestedOne) {
  const std::string two_pages =
      "MIME-Version: 1.0\r\n"
      "Content-Type: multipart/related; boundary=\"b1\"; start=\"<main@x>\"; type=\"text/html\"\r\n\r\n"
      "--b1\r\nContent-Type: text/html\r\nContent-ID: <frame@x>\r\n\r\n<p>frame</p>\r\n"
      "--b1\r\nContent-Type: text/html; charset=GBK\r\nContent-ID: <main@x>\r\n\r\n<p>main</p>\r\n"
      "--b1--\r\n";
  auto start = HtmlPartOfMhtml(two_pages);
  ASSERT_TRUE(start.ok()) << start.status();
  EXPECT_EQ(start->body, "<p>main</p>");
  EXPECT_EQ(start->charset, "GBK");

  const std::string first = "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b1\n\n"
                            "preamble\n--b1\nContent-Type: text/css\n\np{}\n"
                            "--b1\nContent-Type: text/html\n\n<p>page</p>\n--b1--\nepilogue\n";
  auto page = HtmlPartOfMhtml(first);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->body, "<p>page</p>");

  const std::string nested =
      "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=outer\n\n"
      "--outer\nContent-Type: text/plain\n\nhello\n"
      "--outer\nContent-Type: multipart/alternative;\n boundary=\"inner\"\n\n"
      "--inner\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n<p>a=3Db</p>\n"
      "--inner--\n--outer--\n";
  auto inner = HtmlPartOfMhtml(nested);
  ASSERT_TRUE(inner.ok()) << inner.status();
  EXPECT_EQ(inner->body, "<p>a=b</p>");

  // a file cut before its closing boundary keeps its last part
  auto cut = HtmlPartOfMhtml("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n"
                             "--b\nContent-Type: text/html\n\n<p>cut");
  ASSERT_TRUE(cut.ok()) << cut.status();
  EXPECT_EQ(cut->body, "<p>cut");
}

TEST(HtmlPartOfMhtml, NoPageSaysWhatTheFileHoldsAndWhatToDo) {
  auto images = HtmlPartOfMhtml(
      "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n"
      "--b\nContent-Type: image/png\n\nxx\n--b\nContent-Type: image/jpeg\n\nyy\n--b--\n");
  ASSERT_FALSE(images.ok());
  EXPECT_THAT(images.status().message(), HasSubstr("2 parts: image/png, image/jpeg"));
  EXPECT_THAT(images.status().message(), HasSubstr("save it as"));
  auto no_boundary = HtmlPartOfMhtml("MIME-Version: 1.0\nContent-Type: multipart/related\n\n<p>x</p>");
  ASSERT_FALSE(no_boundary.ok());
  EXPECT_THAT(no_boundary.status().message(), HasSubstr("no boundary"));
  auto damaged = HtmlPartOfMhtml("MIME-Version: 1.0\nContent-Type: text/html\n"
                                 "Content-Transfer-Encoding: base64\n\n@@not base64@@\n");
  ASSERT_FALSE(damaged.ok());
  EXPECT_THAT(damaged.status().message(), HasSubstr("base64"));
}

// A report saved by Word as a single-file web page in GB2312 and named .doc,
// as many sites publish it: read as the page it holds, with the part's charset.
TEST(ReadMhtml, AWordSavedPageNamedDocIsReadAsItsPage) {
  const std::string html =
      "<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"></head><body>"
      "<p>某县民政局2024年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p>"
      "<table><tr><td colspan=4>第二十条第（一）项</td></tr>"
      "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
      "<tr><td>规章</td><td>3</td><td>1</td><td>12</td></tr></table></body></html>";
  xxgk::v1::Document doc;
  doc.set_content(xxgk::testing::ToMhtml(xxgk::testing::Recode(html, "GB18030"), "gb2312",
                                         xxgk::testing::MimeEncoding::kQuotedPrintable));
  doc.set_file_name("2024年度报告.doc");
  EXPECT_EQ(SniffFormat(doc), "mhtml");
  auto report = ParseDocument(doc);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->source().input_format(), "mhtml");
  EXPECT_EQ(report->source().encoding(), "GB18030");
  EXPECT_EQ(report->meta().agency(), "某县民政局");
  const auto* c = FindCell(report->tables(), "t2.rules.in_force");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(CellValueString(*c), "12");
}

}  // namespace
}  // namespace xxgk::report
