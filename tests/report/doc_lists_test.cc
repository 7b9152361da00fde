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

using xxgk::testing::DocListInstances;
using xxgk::testing::DocOutlineLists;

TEST(ReadDocLists, LevelsInstancesAndRestartsAsWordCountsThem) {
  size_t lst_size = 0;
  const std::string table = DocOutlineLists(&lst_size);
  WordNumbering lists = ReadDocLists(table, lst_size, DocListInstances());
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
  const std::string table = DocOutlineLists(&lst_size);
  const std::string lfo = DocListInstances();
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
