// The place of a cell, table or section in the format's own words, in
// Chinese and English, for finding messages and locations.
//
//   CellLabel("t3.result.denied.state_secret.natural_person", Lang::kZh)
//     → "表三 · （三）不予公开 · 1.属于国家秘密 · 自然人列"
//   CellLabel(..., Lang::kEn)
//     → "Table 3 · (3) Not disclosed · 1. State secret · natural persons"
//
// Unknown components fall back to the key component itself, so a label is
// never empty for a non-empty key.
#ifndef XXGK_RULES_LABELS_H_
#define XXGK_RULES_LABELS_H_

#include <string>
#include <string_view>
#include <vector>

#include "xxgk/v1/report.pb.h"

namespace xxgk::rules {

enum class Lang { kZh, kEn };

// "表二" / "Table 2", "表三", "表四", "统计表" / "Statistics table" (legacy).
std::string TableLabel(std::string_view table, Lang lang);

// The full place of one cell key (table · row group · row · column).
std::string CellLabel(std::string_view key, Lang lang);

// Computes the labels of every canonical cell key now (they are computed
// once per process, on first use otherwise); the loader calls it so that no
// validation pays for it.
void PrecomputeCellLabels();

// Only the part below the table: "（三）不予公开 · 1.属于国家秘密 · 自然人列".
std::string CellLabelInTable(std::string_view key, Lang lang);

// CellLabel and CellLabelInTable of the canonical cell `id` (0 <= id <
// CellCount()), from the labels computed once: no key lookup, no copy.
const std::string& CellLabelOf(int id, Lang lang);
const std::string& CellLabelInTableOf(int id, Lang lang);

// The place shared by a set of cell keys: the table, the row path they have
// in common and, when they all lie in the same column, that column; e.g. the
// four keys of T3-A for natural persons → "表三 · 自然人列"; the seven cells of
// the 新收 row → "表三 · 一、本年新收政府信息公开申请数量". Empty input → "".
std::string PlaceOfKeys(const std::vector<std::string>& keys, Lang lang);

namespace internal {
// PlaceOfKeys the straightforward way (every key split into strings), kept to
// pin the equivalence of the fast one (tests/rules/place_of_keys_test.cc).
std::string PlaceOfKeysBySplit(const std::vector<std::string>& keys, Lang lang);
}  // namespace internal

// "一、总体情况" / "1. General"; "收费及减免" for FEES.
std::string SectionLabel(xxgk::v1::Section::Kind kind, Lang lang);

// "2021年版格式" / "2021 format", "2019年版格式", "2019年以前格式" / "pre-2019 format".
std::string FormatLabel(xxgk::v1::FormatVersion format, Lang lang);

}  // namespace xxgk::rules

#endif  // XXGK_RULES_LABELS_H_
