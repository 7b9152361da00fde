// Reading notes kept to a readable number. A damaged or mislabelled file can
// hold an undecodable run every few bytes; one note (and one finding) per run
// would bury the few that matter and make the answer larger than the file.
// Each kind lists its first kNotesListedPerKind notes; every later note of
// that kind is folded into the last one listed (ReadingNote.more_places).
#ifndef XXGK_REPORT_NOTES_H_
#define XXGK_REPORT_NOTES_H_

#include <vector>

#include "google/protobuf/repeated_ptr_field.h"
#include "xxgk/v1/report.pb.h"

namespace xxgk::report {

inline constexpr int kNotesListedPerKind = 20;

// Counts `extra` (and the places it already stood for) in `into`, and
// stretches into's span to the end of extra's.
void FoldNote(const xxgk::v1::ReadingNote& extra, xxgk::v1::ReadingNote* into);

// Appends `note`, or folds it into the last listed note of its kind when
// kNotesListedPerKind of that kind are listed already. Costs at most one
// look at each note listed, so a producer of one kind pays
// kNotesListedPerKind steps per note however many it adds.
void AddNote(xxgk::v1::ReadingNote note, std::vector<xxgk::v1::ReadingNote>* notes);

// Brings a list gathered from several producers to the same limit, in one
// pass, keeping the order of the notes it lists.
void CapNotes(std::vector<xxgk::v1::ReadingNote>* notes);
void CapNotes(google::protobuf::RepeatedPtrField<xxgk::v1::ReadingNote>* notes);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_NOTES_H_
