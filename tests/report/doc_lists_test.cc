// A .doc's list tables (PlfLst with its LVLs, PlfLfo) read into list
// definitions: level formats and number text, restarts an instance orders,
// and tables cut off anywhere read without failing.
#include "report/doc_lists.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/report/fixtures/doc_writer.h"

namespace xxgk::report {
namespace {

using xxgk::testing::AddU16;
using xxgk::testing::AddU32;

// An LVL: LVLF (28 bytes), no property groups, the number text as UTF-16
// with level placeholders as the characters 0-8.
std::string Lvl(int start, uint8_t nfc, const std::u16string& text, uint8_t follow = 0) {
  std::string out;
  AddU32(&out, static_cast<uint32_t>(start));
  out.push_back(static_cast<char>(nfc));
  out.push_back(0);                       // jc, fLegal, fNoRestart, ...
  out.append(9, '\0');                    // rgbxchNums
  out.push_back(static_cast<char>(follow));  // ixchFollow
  out.append(8, '\0');                    // dxaIndentSav, unused
  out.append(4, '\0');                    // cbGrpprlChpx, cbGrpprlPapx, ilvlRestartLim, grfhic
  AddU16(&out, static_cast<uint32_t>(text.size()));
  for (char16_t c : text) AddU16(&out, c);
  return out;
}

// The table stream from the PlfLst on: one list of nine levels (一、, then
// (1), then "3." and so on), its LVLs after it. Returns the PlfLst's size
// in `lst_size`.
std::string Lists(size_t* lst_size) {
  std::string out;
  AddU16(&out, 1);    // cLst
  AddU32(&out, 77);   // lsid
  AddU32(&out, 0);    // tplc
  out.append(18, '\xFF');  // rgistdPara
  out.push_back(0);   // not a simple list
  out.push_back(0);
  *lst_size = out.size();
  out += Lvl(1, 37, std::u16string(u"\u0000\u3001", 2));  // chineseCounting "%1、"
  out += Lvl(1, 0, u"(\u0001)", /*follow=*/2);    // decimal "(%2)", nothing after
  for (int l = 2; l < 9; ++l) out += Lvl(1, 0, std::u16string(1, static_cast<char16_t>(l)) + u".");
  return out;
}

// Two instances of list 77; the second restarts level 0 at 5.
std::string Lfos() {
  std::string out;
  AddU32(&out, 2);
  for (int i = 0; i < 2; ++i) {
    AddU32(&out, 77);
    out.append(8, '\0');
    out.push_back(static_cast<char>(i == 1 ? 1 : 0));  // clfolvl
    out.append(3, '\0');
  }
  AddU32(&out, 0);  // first LFOData: cp
  AddU32(&out, 0);  // second: cp, one LFOLVL
  AddU32(&out, 5);  // iStartAt
  AddU32(&out, 0x10);  // level 0, fStartAt
  return out;
}

TEST(ReadDocLists, LevelsInstancesAndRestartsAsWordCountsThem) {
  size_t lst_size = 0;
  const std::string table = Lists(&lst_size);
  WordNumbering lists = ReadDocLists(table, lst_size, Lfos());
  ASSERT_FALSE(lists.empty());
  EXPECT_EQ(lists.Label("1", 0), "一、");
  EXPECT_EQ(lists.Label("1", 1), "(1)");
  EXPECT_EQ(lists.Label("1", 1), "(2)");
  EXPECT_EQ(lists.Label("1", 0), "二、");
  EXPECT_EQ(lists.Label("1", 1), "(1)");    // restarted under a new parent
  EXPECT_EQ(lists.Label("2", 0), "五、");   // the second instance restarts the list at 5
  EXPECT_EQ(lists.Label("1", 0), "六、");   // and the first goes on from there
  EXPECT_EQ(lists.Label("3", 0), "");       // no such instance
}

TEST(ReadDocLists, TablesCutOffAnywhereAreReadAsFarAsTheyGo) {
  size_t lst_size = 0;
  const std::string table = Lists(&lst_size);
  const std::string lfo = Lfos();
  for (size_t cut = 0; cut <= table.size(); ++cut) {
    WordNumbering lists = ReadDocLists(std::string_view(table).substr(0, cut), std::min(lst_size, cut), lfo);
    const std::string label = lists.Label("1", 0);
    // Either the first level was read whole, or the paragraph is unnumbered.
    EXPECT_TRUE(label.empty() || label == "一、") << cut << ": " << label;
  }
  for (size_t cut = 0; cut <= lfo.size(); ++cut) {
    WordNumbering lists = ReadDocLists(table, lst_size, std::string_view(lfo).substr(0, cut));
    (void)lists.Label("2", 0);
    const std::string label = lists.Label("1", 0);
    EXPECT_TRUE(label.empty() || label == "一、" || label == "二、" || label == "六、") << cut << ": " << label;
  }
}

}  // namespace
}  // namespace xxgk::report
