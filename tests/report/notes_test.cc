// The limit on reading notes per kind: what is listed, what is counted, and
// that spans of folded notes reach to the last place they stand for.
#include "report/notes.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace xxgk::report {
namespace {

using xxgk::v1::ReadingNote;

ReadingNote Note(ReadingNote::Kind kind, uint32_t at, const std::string& excerpt) {
  ReadingNote n;
  n.set_kind(kind);
  n.set_excerpt(excerpt);
  n.mutable_span()->set_source_begin(at);
  n.mutable_span()->set_source_end(at + 2);
  return n;
}

TEST(Notes, AddNoteListsTwentyOfAKindAndCountsTheRestInTheTwentieth) {
  std::vector<ReadingNote> notes;
  for (uint32_t i = 0; i < 25; ++i) {
    AddNote(Note(ReadingNote::INVALID_BYTES, 100 * i, std::to_string(i)), &notes);
    if (i % 10 == 0) AddNote(Note(ReadingNote::MOJIBAKE, 100 * i + 50, "m"), &notes);
  }
  int invalid = 0, mojibake = 0;
  const ReadingNote* twentieth = nullptr;
  for (const ReadingNote& n : notes) {
    if (n.kind() == ReadingNote::MOJIBAKE) {
      ++mojibake;
      EXPECT_EQ(n.more_places(), 0u);
      continue;
    }
    EXPECT_EQ(n.excerpt(), std::to_string(invalid)) << "listed in the order added";
    if (++invalid == kNotesListedPerKind) twentieth = &n;
  }
  EXPECT_EQ(invalid, 20);
  EXPECT_EQ(mojibake, 3);
  ASSERT_NE(twentieth, nullptr);
  EXPECT_EQ(twentieth->more_places(), 5u);
  EXPECT_EQ(twentieth->span().source_begin(), 1900u);
  EXPECT_EQ(twentieth->span().source_end(), 2402u);
  EXPECT_EQ(twentieth->excerpt(), "19") << "the excerpt stays the listed place's own";
}

TEST(Notes, CapNotesKeepsOrderAndCountsWhatWasFoldedBefore) {
  google::protobuf::RepeatedPtrField<ReadingNote> notes;
  for (uint32_t i = 0; i < 30; ++i) {
    *notes.Add() = Note(ReadingNote::UNPLACED_ROW, 10 * i, "row" + std::to_string(i));
    if (i < 3) *notes.Add() = Note(ReadingNote::SHAPE, 10 * i + 5, "shape");
  }
  ReadingNote already = Note(ReadingNote::UNPLACED_ROW, 400, "folded");
  already.set_more_places(4);
  already.mutable_span()->set_source_end(900);
  *notes.Add() = already;
  CapNotes(&notes);
  ASSERT_EQ(notes.size(), 23);
  // the first notes keep their places: rows 0..2 each followed by a SHAPE note
  EXPECT_EQ(notes[0].excerpt(), "row0");
  EXPECT_EQ(notes[1].kind(), ReadingNote::SHAPE);
  EXPECT_EQ(notes[6].excerpt(), "row3");
  int rows = 0;
  for (const ReadingNote& n : notes) {
    if (n.kind() != ReadingNote::UNPLACED_ROW) continue;
    ++rows;
    EXPECT_EQ(n.more_places(), rows == 20 ? 10u + 1u + 4u : 0u) << n.excerpt();
  }
  EXPECT_EQ(rows, 20);
  EXPECT_EQ(notes[22].excerpt(), "row19");
  EXPECT_EQ(notes[22].span().source_end(), 900u);
}

TEST(Notes, CapNotesLeavesShortListsAlone) {
  std::vector<ReadingNote> notes;
  for (uint32_t i = 0; i < 20; ++i) notes.push_back(Note(ReadingNote::MOJIBAKE, i, "m"));
  const std::vector<ReadingNote> before = notes;
  CapNotes(&notes);
  ASSERT_EQ(notes.size(), before.size());
  for (size_t i = 0; i < notes.size(); ++i) {
    EXPECT_EQ(notes[i].SerializeAsString(), before[i].SerializeAsString());
  }
}

TEST(Notes, FoldingStretchesTheTextSpanOnlyWhenOneIsPlaced) {
  ReadingNote unplaced = Note(ReadingNote::INVALID_BYTES, 0, "a");
  FoldNote(Note(ReadingNote::INVALID_BYTES, 50, "b"), &unplaced);
  EXPECT_EQ(unplaced.span().end(), 0u) << "placed later, by its source offset";
  EXPECT_EQ(unplaced.span().source_end(), 52u);
  ReadingNote placed = Note(ReadingNote::MOJIBAKE, 0, "a");
  placed.mutable_span()->set_begin(10);
  placed.mutable_span()->set_end(20);
  ReadingNote later = Note(ReadingNote::MOJIBAKE, 70, "b");
  later.mutable_span()->set_begin(80);
  later.mutable_span()->set_end(95);
  FoldNote(later, &placed);
  EXPECT_EQ(placed.span().begin(), 10u);
  EXPECT_EQ(placed.span().end(), 95u);
  EXPECT_EQ(placed.more_places(), 1u);
}

}  // namespace
}  // namespace xxgk::report
