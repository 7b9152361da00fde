// A Word 97-2003 .doc's list definitions ([MS-DOC] 2.9.147 PlfLst with the
// LVLs after it, 2.9.149 PlfLfo) as WordNumbering definitions, so that a
// .doc's automatically numbered paragraphs (sprmPIlfo, sprmPIlvl) get the
// labels Word shows, as a .docx's do.
#ifndef XXGK_REPORT_DOC_LISTS_H_
#define XXGK_REPORT_DOC_LISTS_H_

#include <string_view>

#include "report/word_numbering.h"

namespace xxgk::report {

// Reads the lists (`table`: the table stream from the PlfLst on, whose
// `lst_size` bytes the FIB gives it; its LVLs follow) and the list
// instances (`lfo`: the PlfLfo). Abstract lists are named by their lsid, instances by their
// 1-based index (sprmPIlfo's value). What is cut off or malformed is left
// out: its paragraphs are read without numbers.
WordNumbering ReadDocLists(std::string_view table, size_t lst_size, std::string_view lfo);

}  // namespace xxgk::report

#endif  // XXGK_REPORT_DOC_LISTS_H_
