// A Word 97-2003 .doc's list definitions ([MS-DOC] 2.9.147 PlfLst with the
// LVLs after it, 2.9.149 PlfLfo) as WordNumbering definitions, so that a
// .doc's automatically numbered paragraphs (sprmPIlfo, sprmPIlvl, set on the
// paragraph or on its paragraph style) get the labels Word shows, as a
// .docx's do.
#ifndef XXGK_REPORT_DOC_LISTS_H_
#define XXGK_REPORT_DOC_LISTS_H_

#include <string_view>
#include <vector>

#include "report/word_numbering.h"

namespace xxgk::report {

// Reads the lists (`table`: the table stream from the PlfLst on, whose
// `lst_size` bytes the FIB gives it; its LVLs follow) and the list
// instances (`lfo`: the PlfLfo). Abstract lists are named by their lsid, instances by their
// 1-based index (sprmPIlfo's value). What is cut off or malformed is left
// out: its paragraphs are read without numbers.
WordNumbering ReadDocLists(std::string_view table, size_t lst_size, std::string_view lfo);

// What numbers a paragraph style's paragraphs: a list instance (sprmPIlfo;
// 0: none) and level (sprmPIlvl), which a paragraph's own properties
// override.
struct DocStyleList {
  int ilfo = 0;
  int ilvl = 0;
};

// The list numbering of each paragraph style of a .doc's style sheet (the
// STSH, [MS-DOC] 2.9.271), indexed by style (istd), each with what it
// inherits from the styles it is based on. Styles that are cut off,
// malformed, or not paragraph styles number nothing.
std::vector<DocStyleList> ReadDocStyleLists(std::string_view stsh);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_DOC_LISTS_H_
