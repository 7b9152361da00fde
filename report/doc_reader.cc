// Word 97-2003 .doc reader ([MS-DOC] inside a compound file, report/cfb.h).
//
// The main document's characters are found through the piece table (the
// CLX in the table stream); paragraph properties come from the PAPX FKPs of
// the WordDocument stream, and say which paragraphs lie in tables, at what
// depth, and which end a table row (carrying the row's cell boundaries and
// merges, sprmTDefTable). Paragraphs become lines and table rows become
// grids, as the .docx reader makes them; a table holding another table is
// read as a layout container. A paragraph a list numbers (sprmPIlfo,
// sprmPIlvl, its own or its paragraph style's from the style sheet) gets
// its number from the list tables (report/doc_lists.h).
// Field instructions, text deleted with changes
// tracked and hidden text are dropped, field results kept. A text box's
// text (its own story, after the main text's) is read where its shape is
// anchored in the main text; headers, footers and notes are not read.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "report/cfb.h"
#include "report/doc_lists.h"
#include "report/doc_sprms.h"
#include "report/readers.h"
#include "report/readers_common.h"
#include "report/utf8.h"
#include "report/word_tables.h"

namespace xxgk::report {
namespace {

constexpr size_t kFkpBytes = 512;
constexpr uint32_t kMaxChars = 64u << 20;  // characters of main text read at most
constexpr int kMaxDepth = 64;              // table nesting read at most
constexpr size_t kMaxParagraphs = 1'000'000;  // a report has a few thousand
constexpr int kMaxGridColumns = static_cast<int>(kMaxTableColumns);

// Sprms that shape tables ([MS-DOC] 2.6.2, 2.6.4).
constexpr uint16_t kSprmPFInTable = 0x2416;
constexpr uint16_t kSprmPFTtp = 0x2417;
constexpr uint16_t kSprmPItap = 0x6649;
constexpr uint16_t kSprmPFInnerTableCell = 0x244B;
constexpr uint16_t kSprmPFInnerTtp = 0x244C;
constexpr uint16_t kSprmPHugePapx = 0x6646;
constexpr uint16_t kSprmTVertMerge = 0xD62B;
constexpr uint16_t kSprmCFRMarkDel = 0x0800;  // deleted with changes tracked
constexpr uint16_t kSprmCFVanish = 0x083C;    // hidden text

absl::Status Damaged(std::string_view what_in) {
  const absl::string_view what(what_in.data(), what_in.size());
  return absl::InvalidArgumentError(absl::StrCat(
      "the Word document is damaged (", what,
      "): open it in Word or WPS, save it again (as .docx if you can) and send that, or send a "
      "PDF"));
}

using RowDef = WordRowDef;  // itcMac + 1 boundaries

struct ParaProps {
  bool in_table = false;
  bool ttp = false;
  bool inner_cell = false;
  bool inner_ttp = false;
  int itap = 0;
  int ilfo = 0;  // 1-based list instance; 0 (or negative): not numbered
  int ilvl = 0;
  std::shared_ptr<const RowDef> row;  // on row ends
};

// The Data stream, read the first time a paragraph's modifiers are found
// there (sprmPHugePapx: more than a property page holds, as a table row's end
// with many cells has); most files never need it, and it holds their pictures.
class DataStream {
 public:
  explicit DataStream(const CompoundFile* cf) : cf_(cf) {}

  // The grpprl of the PrcData (a 2-byte size, then the sprms) at `offset`;
  // empty when the file has no Data stream or it is cut short there.
  std::string_view HugePapx(uint32_t offset) {
    if (!loaded_) {
      loaded_ = true;
      if (cf_ != nullptr && cf_->HasStream("Data")) {
        absl::StatusOr<std::string> d = cf_->ReadStream("Data");
        if (d.ok()) bytes_ = *std::move(d);  // without it, rows lose their cell layout
      }
    }
    const std::string_view data = bytes_;
    if (offset > data.size() || data.size() - offset < 2) return {};
    const size_t cb = Le16(data, offset);
    if (cb > data.size() - offset - 2) return {};
    return data.substr(offset + 2, cb);
  }

 private:
  const CompoundFile* cf_;
  bool loaded_ = false;
  std::string bytes_;
};

// Applies the sprms of `grpprl` to `props`; `data` (null: none) is the Data
// stream that sprmPHugePapx points into.
void ApplySprms(std::string_view grpprl, DataStream* data, ParaProps* props) {
  ForEachSprm(grpprl, [props, data](uint16_t sprm, std::string_view op) {
    switch (sprm) {
      case kSprmPHugePapx:
        // (the modifiers there hold no further sprmPHugePapx)
        if (data != nullptr) ApplySprms(data->HugePapx(Le32(op, 0)), nullptr, props);
        break;
      case kSprmPFInTable: props->in_table = op[0] != 0; break;
      case kSprmPFTtp: props->ttp = op[0] != 0; break;
      case kSprmPFInnerTableCell: props->inner_cell = op[0] != 0; break;
      case kSprmPFInnerTtp: props->inner_ttp = op[0] != 0; break;
      case kSprmPIlfo: props->ilfo = static_cast<int16_t>(Le16(op, 0)); break;
      case kSprmPIlvl: props->ilvl = static_cast<uint8_t>(op[0]); break;
      case kSprmPItap: props->itap = static_cast<int>(std::min<uint32_t>(Le32(op, 0), kMaxDepth)); break;
      case kSprmTDefTable: {
        if (op.size() < 3) break;
        const size_t cells = static_cast<uint8_t>(op[2]);
        if (op.size() < 3 + 2 * (cells + 1)) break;
        auto def = std::make_shared<RowDef>();
        for (size_t i = 0; i <= cells; ++i) {
          def->bounds.push_back(static_cast<int16_t>(Le16(op, 3 + 2 * i)));
        }
        def->horz.assign(cells, 0);
        def->vert.assign(cells, 0);
        const size_t tc = 3 + 2 * (cells + 1);
        for (size_t i = 0; i < cells && tc + 20 * (i + 1) <= op.size(); ++i) {
          const uint16_t flags = Le16(op, tc + 20 * i);
          def->horz[i] = flags & 0x3;
          def->vert[i] = (flags >> 5) & 0x3;
        }
        props->row = std::move(def);
        break;
      }
      case kSprmTVertMerge: {
        // cb, itc, vertMerge: a later change of one cell's vertical merge.
        if (op.size() < 3 || props->row == nullptr) break;
        const size_t itc = static_cast<uint8_t>(op[1]);
        if (itc >= props->row->vert.size()) break;
        auto def = std::make_shared<RowDef>(*props->row);
        def->vert[itc] = static_cast<uint8_t>(op[2]) & 0x3;
        props->row = std::move(def);
        break;
      }
      default: break;
    }
  });
}

// The 512-byte property pages (FKPs) a PlcBtePapx or PlcBteChpx lists, in
// order: `page(bytes)` for each, or `page({})` for one that lies beyond the
// WordDocument stream.
template <typename Fn>
void ForEachFkp(std::string_view word, std::string_view plc, Fn page) {
  if (plc.size() < 4) return;
  const size_t n = (plc.size() - 4) / 8;
  for (size_t i = 0; i < n; ++i) {
    const size_t at = static_cast<size_t>(Le32(plc, 4 * (n + 1) + 4 * i) & 0x3FFFFF) * kFkpBytes;
    page(at + kFkpBytes > word.size() ? std::string_view() : word.substr(at, kFkpBytes));
  }
}

// Paragraph properties by file offset of the paragraph's last character.
class ParagraphMap {
 public:
  struct Run {
    uint32_t begin, end;  // [begin, end) offsets in the WordDocument stream
    ParaProps props;
  };

  // `styles`: the list numbering each paragraph style gives its paragraphs.
  // `data`: the Data stream, read when a paragraph needs it.
  static absl::StatusOr<ParagraphMap> Read(std::string_view word, std::string_view plc,
                                           DataStream* data,
                                           const std::vector<DocStyleList>& styles) {
    ParagraphMap map;
    absl::Status status;
    ForEachFkp(word, plc, [&](std::string_view page) {
      if (!status.ok()) return;
      if (page.empty()) {
        status = Damaged("a paragraph-property page is missing");
        return;
      }
      const size_t runs = static_cast<uint8_t>(page[kFkpBytes - 1]);
      if (4 * (runs + 1) + 13 * runs > kFkpBytes - 1) {
        status = Damaged("a paragraph-property page is malformed");
        return;
      }
      for (size_t r = 0; r < runs; ++r) {
        Run run{Le32(page, 4 * r), Le32(page, 4 * (r + 1)), {}};
        const size_t offset = 2 * static_cast<size_t>(static_cast<uint8_t>(page[4 * (runs + 1) + 13 * r]));
        if (offset != 0 && offset < kFkpBytes - 1) {
          size_t cb = static_cast<uint8_t>(page[offset]);
          size_t at = offset + 1;
          size_t len = 2 * cb - 1;
          if (cb == 0) {
            cb = static_cast<uint8_t>(page[offset + 1]);
            at = offset + 2;
            len = 2 * cb;
          }
          if (len >= 2 && at + len <= kFkpBytes - 1) {
            // The paragraph's style, then its own modifiers over the style's.
            if (const size_t istd = Le16(page, at); istd < styles.size()) {
              run.props.ilfo = styles[istd].ilfo;
              run.props.ilvl = styles[istd].ilvl;
            }
            ApplySprms(page.substr(at + 2, len - 2), data, &run.props);
          }
        }
        if (run.end > run.begin) map.runs_.push_back(std::move(run));
      }
    });
    if (!status.ok()) return status;
    std::stable_sort(map.runs_.begin(), map.runs_.end(),
                     [](const Run& a, const Run& b) { return a.begin < b.begin; });
    return map;
  }

  // The properties of the paragraph whose mark is at file offset `fc`.
  const ParaProps& At(uint32_t fc) const {
    static const ParaProps kNone;
    auto it = std::upper_bound(runs_.begin(), runs_.end(), fc,
                               [](uint32_t v, const Run& r) { return v < r.begin; });
    if (it == runs_.begin()) return kNone;
    --it;
    return fc < it->end ? it->props : kNone;
  }

 private:
  std::vector<Run> runs_;
};

// The character runs that are not shown: text deleted while changes were
// tracked and hidden text, from the CHPX pages (PlcBteChpx), as [begin, end)
// offsets in the WordDocument stream. A toggle operand of 1 or 0x81 sets the
// property (0x81: the opposite of the style's, and styles leave both off).
class HiddenText {
 public:
  static HiddenText Read(std::string_view word, std::string_view plc) {
    HiddenText hidden;
    ForEachFkp(word, plc, [&](std::string_view page) {
      if (page.empty()) return;  // text shown rather than lost
      const size_t runs = static_cast<uint8_t>(page[kFkpBytes - 1]);
      if (5 * runs + 4 > kFkpBytes - 1) return;
      for (size_t r = 0; r < runs; ++r) {
        const size_t offset = 2 * static_cast<size_t>(static_cast<uint8_t>(page[4 * (runs + 1) + r]));
        if (offset == 0 || offset >= kFkpBytes - 1) continue;
        const size_t cb = static_cast<uint8_t>(page[offset]);
        if (offset + 1 + cb > kFkpBytes - 1) continue;
        bool not_shown = false;
        ForEachSprm(page.substr(offset + 1, cb), [&](uint16_t sprm, std::string_view op) {
          if (sprm == kSprmCFRMarkDel || sprm == kSprmCFVanish) {
            not_shown = not_shown || (static_cast<uint8_t>(op[0]) & 0x7F) == 1;
          }
        });
        const uint32_t begin = Le32(page, 4 * r), end = Le32(page, 4 * (r + 1));
        if (not_shown && end > begin) hidden.runs_.emplace_back(begin, end);
      }
    });
    std::sort(hidden.runs_.begin(), hidden.runs_.end());
    return hidden;
  }

  // Whether the character at file offset `fc` is not shown. Offsets asked
  // in increasing order within a piece are answered from the last run found.
  bool At(uint32_t fc) {
    if (runs_.empty()) return false;
    if (last_ < runs_.size() && runs_[last_].first <= fc && fc < runs_[last_].second) return true;
    auto it = std::upper_bound(runs_.begin(), runs_.end(), std::make_pair(fc, UINT32_MAX));
    if (it == runs_.begin()) return false;
    --it;
    last_ = static_cast<size_t>(it - runs_.begin());
    return fc < it->second;
  }

 private:
  std::vector<std::pair<uint32_t, uint32_t>> runs_;
  size_t last_ = 0;
};

// Windows-1252's characters for bytes 0x80..0x9F (8-bit pieces); the other
// bytes are Latin-1.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// The piece table (PlcPcd): where the characters of each run of character
// positions (CPs) are stored in the WordDocument stream, 8- or 16-bit.
class PieceTable {
 public:
  PieceTable(std::string_view plc_pcd, std::string_view word)
      : plc_(plc_pcd), word_(word), pieces_((plc_pcd.size() - 4) / 12) {}

  // Calls `fn(c, fc, cp)` for each character of the CPs [begin, end), in
  // order: c a code point, fc its offset in the stream. Pieces are in CP
  // order; the walk starts at the piece holding `begin`.
  template <typename Fn>
  absl::Status Walk(uint32_t begin, uint32_t end, Fn fn) const {
    size_t lo = 0, hi = pieces_;  // the first piece ending after `begin`
    while (lo < hi) {
      const size_t mid = lo + (hi - lo) / 2;
      if (Le32(plc_, 4 * (mid + 1)) <= begin) lo = mid + 1; else hi = mid;
    }
    for (size_t p = lo; p < pieces_; ++p) {
      const uint32_t cp_piece = Le32(plc_, 4 * p);
      if (cp_piece >= end) break;
      const uint32_t cp_begin = std::max(cp_piece, begin);
      const uint32_t cp_end = std::min(Le32(plc_, 4 * (p + 1)), end);
      if (cp_begin >= cp_end) continue;
      const uint32_t fc_raw = Le32(plc_, 4 * (pieces_ + 1) + 8 * p + 2);
      const bool compressed = (fc_raw & 0x40000000) != 0;
      const size_t unit = compressed ? 1 : 2;
      const size_t fc = (compressed ? (fc_raw & 0x3FFFFFFF) / 2 : fc_raw & 0x3FFFFFFF) +
                        unit * (cp_begin - cp_piece);
      const size_t chars = cp_end - cp_begin;
      if (fc > word_.size() || chars > (word_.size() - fc) / unit) {
        return Damaged("a text piece lies beyond the file");
      }
      for (size_t k = 0; k < chars; ++k) {
        const uint32_t pos = static_cast<uint32_t>(fc + unit * k);
        const uint32_t cp = static_cast<uint32_t>(cp_begin + k);
        if (compressed) {
          const uint8_t b = static_cast<uint8_t>(word_[pos]);
          fn(b >= 0x80 && b < 0xA0 ? kCp1252High[b - 0x80] : b, pos, cp);
          continue;
        }
        uint32_t c = Le16(word_, pos);
        if (c >= 0xD800 && c < 0xDC00 && k + 1 < chars) {
          const uint32_t low = Le16(word_, pos + 2);
          if (low >= 0xDC00 && low < 0xE000) {
            fn(0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00), pos, cp);
            ++k;
            continue;
          }
        }
        if (c >= 0xD800 && c < 0xE000) c = 0xFFFD;  // an unpaired surrogate
        fn(c, pos, cp);
      }
    }
    return absl::OkStatus();
  }

 private:
  std::string_view plc_;
  std::string_view word_;
  size_t pieces_;
};

// The text boxes anchored in the main text ([MS-DOC] 2.3.6). Their text is
// a story of its own; PlcftxbxTxt cuts it into boxes, each naming the shape
// (lid) that shows it, the first of a linked chain; PlcSpaMom gives each
// shape's id (spid) and the CP of its anchor, a 0x08 in the main text.
class TextBoxes {
 public:
  // `plc_txbx`, `plc_spa`: the two PLCs; the story is the CPs
  // [story_begin, story_begin + story_size).
  static TextBoxes Read(std::string_view plc_txbx, std::string_view plc_spa,
                        uint32_t story_begin, uint32_t story_size) {
    TextBoxes boxes;
    std::vector<std::pair<uint32_t, size_t>> by_lid;  // (lid, index in ranges_)
    const size_t n = plc_txbx.size() < 4 ? 0 : (plc_txbx.size() - 4) / 26;
    // The last FTXBXS is never a box, only room for a new one. Boxes that
    // overlap the one before (a damaged PLC) are left out, so that no
    // character of the story is read twice.
    uint32_t read_to = 0;
    for (size_t i = 0; i + 1 < n; ++i) {
      const uint32_t begin = Le32(plc_txbx, 4 * i);
      const uint32_t end = std::min(Le32(plc_txbx, 4 * (i + 1)), story_size);
      const size_t ftxbxs = 4 * (n + 1) + 22 * i;
      const bool reusable = Le16(plc_txbx, ftxbxs + 8) != 0;
      if (reusable || begin >= end || begin < read_to) continue;
      read_to = end;
      by_lid.emplace_back(Le32(plc_txbx, ftxbxs + 14), boxes.ranges_.size());
      boxes.ranges_.emplace_back(story_begin + begin, story_begin + end);
    }
    std::sort(by_lid.begin(), by_lid.end());
    boxes.taken_.assign(boxes.ranges_.size(), false);
    const size_t m = plc_spa.size() < 4 ? 0 : (plc_spa.size() - 4) / 30;
    for (size_t j = 0; j < m; ++j) {
      const uint32_t spid = Le32(plc_spa, 4 * (m + 1) + 26 * j);
      auto it = std::lower_bound(by_lid.begin(), by_lid.end(), std::make_pair(spid, size_t{0}));
      if (it != by_lid.end() && it->first == spid) {
        boxes.anchors_.emplace_back(Le32(plc_spa, 4 * j), it->second);
      }
    }
    std::sort(boxes.anchors_.begin(), boxes.anchors_.end());
    return boxes;
  }

  // The CPs [first, second) of the box anchored at `cp`, the first time
  // it is asked for; an empty range otherwise, so that no box is read twice.
  std::pair<uint32_t, uint32_t> Take(uint32_t cp) {
    auto it = std::lower_bound(anchors_.begin(), anchors_.end(), std::make_pair(cp, size_t{0}));
    if (it == anchors_.end() || it->first != cp || taken_[it->second]) return {0, 0};
    taken_[it->second] = true;
    return ranges_[it->second];
  }

 private:
  std::vector<std::pair<uint32_t, uint32_t>> ranges_;  // each box's CPs
  std::vector<bool> taken_;                            // per box: read already
  std::vector<std::pair<uint32_t, size_t>> anchors_;   // (anchor CP, box), by CP
};

// One paragraph of the main text: its characters (UTF-8, line breaks as
// '\n') and properties; `cell_mark` when it ends with a cell mark (0x07).
struct Paragraph {
  std::string text;
  bool cell_mark = false;
  ParaProps props;

  int Depth() const {
    if (props.itap > 0) return props.itap;
    return props.in_table ? 1 : 0;
  }
};

// Walks a story's characters and cuts them into paragraphs, keeping field
// results and dropping field instructions. In the main text, a text box's
// paragraphs are read where its anchor stands (`boxes`: null in a box).
class TextWalker {
 public:
  TextWalker(const ParagraphMap& map, HiddenText* hidden, const PieceTable& pieces,
             TextBoxes* boxes, std::vector<Paragraph>* out)
      : map_(map), hidden_(hidden), pieces_(pieces), boxes_(boxes), out_(out) {}

  // Takes the character `c` at file offset `fc` and position `cp`.
  void Char(uint32_t c, uint32_t fc, uint32_t cp) {
    // Paragraph and cell marks keep the structure whatever their format.
    if (c != 0x0D && c != 0x07 && hidden_->At(fc)) return;
    switch (c) {
      case 0x13:  // field begin: its instruction follows
        fields_.push_back(true);
        ++in_instruction_;
        return;
      case 0x14:  // field separator: the result follows
        if (!fields_.empty() && fields_.back()) {
          fields_.back() = false;
          --in_instruction_;
        }
        return;
      case 0x15:  // field end
        if (!fields_.empty()) {
          in_instruction_ -= fields_.back() ? 1 : 0;
          fields_.pop_back();
        }
        return;
      case 0x0D:
      case 0x07:
        current_.cell_mark = c == 0x07;
        current_.props = map_.At(fc);
        // The rest of a paragraph a text box cut has no number of its own.
        if (continued_) current_.props.ilfo = 0;
        continued_ = false;
        // An empty paragraph outside tables carries nothing.
        if (!current_.text.empty() || current_.cell_mark || current_.Depth() > 0) Push();
        current_ = Paragraph();
        return;
      default: break;
    }
    if (in_instruction_ > 0) return;
    if (c == 0x08 && boxes_ != nullptr) {
      const auto [begin, end] = boxes_->Take(cp);
      if (begin < end) {
        TextBox(begin, end, fc);
      } else {
        ++pictures_;  // a drawing holding no text box: a floating picture
      }
      return;
    }
    if (c == 0x01) ++pictures_;  // an inline picture
    if (c == 0x0B || c == 0x0C || c == 0x0E) {
      current_.text.push_back('\n');  // line, page/section and column breaks
    } else if (c == 0x09) {
      current_.text.push_back('\t');
    } else if (c == 0x1E) {
      current_.text.push_back('-');  // non-breaking hyphen
    } else if (c >= 0x20) {
      AppendUtf8(static_cast<UChar32>(c), &current_.text);
    }
    // Other control characters (pictures, note references, optional
    // hyphens) carry no text.
  }

  void Finish() {
    if (!current_.text.empty() && out_->size() < kMaxParagraphs) out_->push_back(std::move(current_));
  }

  // More paragraphs than kMaxParagraphs: no report has them.
  bool too_many() const { return too_many_; }

  // How many pictures (inline, or floating drawings without text) were met.
  uint32_t pictures() const { return pictures_; }

  // Why a text box could not be read (OK when every box was).
  const absl::Status& status() const { return status_; }

 private:
  // Ends the paragraph being read, unless there are too many already.
  void Push() {
    if (out_->size() == kMaxParagraphs) {
      too_many_ = true;
      return;
    }
    out_->push_back(std::move(current_));
  }

  // Reads the text box whose text is the CPs [begin, end), anchored at file
  // offset `fc`. Its paragraphs (tables included) come between the anchor
  // paragraph's text before and after the anchor. In a table cell, a box of
  // text joins the cell's text as lines, as in a .docx; a box holding a
  // table has its paragraphs put in the cell, its table nested there (the
  // table around it then lays out the page).
  void TextBox(uint32_t begin, uint32_t end, uint32_t fc) {
    std::vector<Paragraph> inside;
    TextWalker box(map_, hidden_, pieces_, nullptr, &inside);
    status_.Update(pieces_.Walk(
        begin, end, [&box](uint32_t c, uint32_t at, uint32_t cp) { box.Char(c, at, cp); }));
    box.Finish();
    too_many_ = too_many_ || box.too_many();
    pictures_ += box.pictures();
    const ParaProps& anchor = map_.At(fc);
    const int cell_depth = anchor.itap > 0 ? anchor.itap : anchor.in_table ? 1 : 0;
    const bool has_table = std::any_of(inside.begin(), inside.end(),
                                       [](const Paragraph& p) { return p.Depth() > 0; });
    if (cell_depth > 0 && !has_table) {
      for (const Paragraph& p : inside) {
        if (p.text.empty()) continue;
        if (!current_.text.empty()) current_.text.push_back('\n');
        current_.text += p.text;
      }
      return;
    }
    if (!current_.text.empty()) {
      current_.props = anchor;
      current_.props.ttp = current_.props.inner_cell = current_.props.inner_ttp = false;
      Push();
      current_ = Paragraph();
      continued_ = true;
    }
    for (Paragraph& p : inside) {
      current_ = std::move(p);
      if (cell_depth > 0) NestInCell(cell_depth, &current_);
      Push();
    }
    current_ = Paragraph();
  }

  // Moves a text box's paragraph `p` into the table cell at `depth` its box
  // is anchored in: text outside the box's tables becomes the cell's text,
  // and the box's tables nest in the cell, their cell and row marks made
  // inner tables' marks.
  static void NestInCell(int depth, Paragraph* p) {
    ParaProps& props = p->props;
    const int own = p->Depth();
    const bool cell_end =
        own == 1 ? p->cell_mark && !props.ttp : props.inner_cell && !props.inner_ttp;
    const bool row_end = own == 1 ? p->cell_mark && props.ttp : props.inner_ttp;
    props.in_table = true;
    props.itap = depth + own;
    props.ttp = false;
    props.inner_cell = own > 0 && cell_end;
    props.inner_ttp = own > 0 && row_end;
    p->cell_mark = false;
  }

  const ParagraphMap& map_;
  HiddenText* hidden_;
  const PieceTable& pieces_;
  TextBoxes* boxes_;
  std::vector<Paragraph>* out_;
  Paragraph current_;
  std::vector<bool> fields_;  // open fields: true while in the instruction
  size_t in_instruction_ = 0;  // how many of them are
  bool continued_ = false;     // current_ follows a text box in its paragraph
  uint32_t pictures_ = 0;
  bool too_many_ = false;
  absl::Status status_;
};

// The main text's text boxes; `lw` is the FIB's FibRgLw97, whose counts of
// characters place the textbox story after the main, footnote, header,
// comment and endnote stories. None when it is too short to say.
TextBoxes ReadTextBoxes(std::string_view lw, std::string_view plc_txbx, std::string_view plc_spa) {
  if (lw.size() < 4 * 10) return {};
  uint64_t story_begin = 0;
  for (size_t k : {3, 4, 5, 6, 7, 8}) story_begin += Le32(lw, 4 * k);  // ccpText ... ccpEdn
  const uint32_t story_size = std::min(Le32(lw, 4 * 9), kMaxChars);     // ccpTxbx
  if (story_begin + story_size > UINT32_MAX) return {};
  return TextBoxes::Read(plc_txbx, plc_spa, static_cast<uint32_t>(story_begin), story_size);
}

// What a compound file without a WordDocument stream is, and what to send.
std::string NotAWordFile(const CompoundFile& cf) {
  if (cf.HasStream("Workbook") || cf.HasStream("Book")) {
    return "this is an Excel 97-2003 workbook (.xls), not a report: send the report as text, "
           "HTML, .doc, .docx or PDF";
  }
  if (cf.HasStream("PowerPoint Document")) {
    return "this is a PowerPoint 97-2003 file (.ppt), not a report: send the report as text, "
           "HTML, .doc, .docx or PDF";
  }
  return "this compound file holds no Word document (no WordDocument stream): send the report "
         "as text, HTML, .doc, .docx or PDF";
}

}  // namespace

absl::StatusOr<ReadResult> ReadDoc(std::string_view bytes) {
  absl::StatusOr<CompoundFile> cf = CompoundFile::Open(bytes);
  if (!cf.ok()) return cf.status();
  if (!cf->HasStream("WordDocument")) return absl::InvalidArgumentError(NotAWordFile(*cf));
  absl::StatusOr<std::string> word = cf->ReadStream("WordDocument");
  if (!word.ok()) return absl::InvalidArgumentError(word.status().message());
  const std::string_view wd = *word;

  // The FIB: base, then counted arrays of shorts, longs and (fc, lcb) pairs.
  if (wd.size() < 0x22 || Le16(wd, 0) != 0xA5EC) return Damaged("no Word file header");
  const uint16_t nfib = Le16(wd, 2);
  if (nfib < 0x00C0) {
    return absl::InvalidArgumentError(
        "this is a Word 6.0/95 document, which xxgk cannot read: open it in Word or WPS, save it "
        "as .docx and send that");
  }
  const uint16_t flags = Le16(wd, 0x0A);
  if ((flags & 0x0100) != 0 || (flags & 0x8000) != 0) {
    return absl::InvalidArgumentError(
        "this Word document is password-protected or encrypted: remove the protection, save it "
        "again and send that");
  }
  size_t at = 0x20;
  const size_t csw = Le16(wd, at);
  at += 2 + 2 * csw;
  if (at + 2 > wd.size()) return Damaged("its header is cut off");
  const size_t cslw = Le16(wd, at);
  const size_t lw = at + 2;
  at = lw + 4 * cslw;
  if (cslw < 4 || at + 2 > wd.size()) return Damaged("its header is cut off");
  const uint32_t ccp_text = Le32(wd, lw + 12);
  const size_t pairs = Le16(wd, at);
  const size_t fc_lcb = at + 2;
  if (pairs < 34 || fc_lcb + 8 * 34 > wd.size()) return Damaged("its header is cut off");
  auto pair = [&](size_t k) { return std::make_pair(Le32(wd, fc_lcb + 8 * k), Le32(wd, fc_lcb + 8 * k + 4)); };
  const auto [fc_clx, lcb_clx] = pair(33);
  const auto [fc_chpx, lcb_chpx] = pair(12);
  const auto [fc_papx, lcb_papx] = pair(13);
  // The list tables (PlfLst, PlfLfo) are in FibRgFcLcb97, after the 2000 part.
  const bool has_lists = pairs > 74 && fc_lcb + 8 * 75 <= wd.size();
  const auto [fc_lst, lcb_lst] = has_lists ? pair(73) : std::make_pair(0u, 0u);
  const auto [fc_lfo, lcb_lfo] = has_lists ? pair(74) : std::make_pair(0u, 0u);

  absl::StatusOr<std::string> table = cf->ReadStream((flags & 0x0200) != 0 ? "1Table" : "0Table");
  if (!table.ok()) return Damaged("its table stream is missing");
  const std::string_view ts = *table;
  auto slice = [&](uint32_t fc, uint32_t lcb) -> std::string_view {
    if (fc > ts.size() || lcb > ts.size() - fc) return {};
    return ts.substr(fc, lcb);
  };

  // The piece table: after any Prc records, one Pcdt.
  const std::string_view clx = slice(fc_clx, lcb_clx);
  std::string_view plc_pcd;
  for (size_t c = 0; c < clx.size();) {
    if (clx[c] == 0x01 && c + 3 <= clx.size()) {
      c += 3 + Le16(clx, c + 1);
    } else if (clx[c] == 0x02 && c + 5 <= clx.size()) {
      const uint32_t lcb = Le32(clx, c + 1);
      if (lcb > clx.size() - c - 5) return Damaged("its piece table is cut off");
      plc_pcd = clx.substr(c + 5, lcb);
      break;
    } else {
      return Damaged("its piece table is malformed");
    }
  }
  if (plc_pcd.size() < 4 + 12) return Damaged("it has no piece table");

  const auto [fc_stsh, lcb_stsh] = pair(1);
  DataStream data_stream(&*cf);
  absl::StatusOr<ParagraphMap> papx = ParagraphMap::Read(
      wd, slice(fc_papx, lcb_papx), &data_stream, ReadDocStyleLists(slice(fc_stsh, lcb_stsh)));
  if (!papx.ok()) return papx.status();

  HiddenText hidden = HiddenText::Read(wd, slice(fc_chpx, lcb_chpx));
  const PieceTable pieces(plc_pcd, wd);
  // PlcSpaMom and PlcftxbxTxt are in FibRgFcLcb97 too.
  const bool has_boxes = pairs > 56 && fc_lcb + 8 * 57 <= wd.size();
  const auto [fc_spa, lcb_spa] = has_boxes ? pair(40) : std::make_pair(0u, 0u);
  const auto [fc_txbx, lcb_txbx] = has_boxes ? pair(56) : std::make_pair(0u, 0u);
  TextBoxes boxes = ReadTextBoxes(wd.substr(lw, 4 * cslw), slice(fc_txbx, lcb_txbx),
                                  slice(fc_spa, lcb_spa));
  std::vector<Paragraph> paragraphs;
  TextWalker walker(*papx, &hidden, pieces, &boxes, &paragraphs);
  const absl::Status walked =
      pieces.Walk(0, std::min(ccp_text, kMaxChars),
                  [&walker](uint32_t c, uint32_t fc, uint32_t cp) { walker.Char(c, fc, cp); });
  if (!walked.ok()) return walked;
  if (!walker.status().ok()) return walker.status();
  walker.Finish();
  if (walker.too_many()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the document has more than ", kMaxParagraphs,
        " paragraphs, far more than any report: send the report itself"));
  }

  ReadResult result;
  result.source.set_input_format("doc");
  result.source.set_encoding("UTF-16LE");
  result.source.set_size_bytes(bytes.size());
  // Where each paragraph stands in tables: a cell mark with the table
  // trailing paragraph property ends an outer row; inner tables have marks
  // of their own.
  WordNumbering lists;
  if (lcb_lst >= 2 && fc_lst < ts.size() && lcb_lst <= ts.size() - fc_lst) {
    lists = ReadDocLists(ts.substr(fc_lst), lcb_lst, slice(fc_lfo, lcb_lfo));
  }
  std::vector<WordParagraph> paras;
  paras.reserve(paragraphs.size());
  for (Paragraph& p : paragraphs) {
    WordParagraph& w = paras.emplace_back();
    // Automatic numbers, counted in reading order; a row's end mark has none.
    if (p.props.ilfo > 0 && !lists.empty() && !(p.cell_mark && p.props.ttp)) {
      w.text = lists.Label(std::to_string(p.props.ilfo), p.props.ilvl);
    }
    w.text += p.text;
    w.depth = p.Depth();
    w.row_end = w.depth == 1 ? p.cell_mark && p.props.ttp : p.props.inner_ttp;
    w.cell_end = w.depth == 1 ? p.cell_mark && !p.props.ttp : p.props.inner_cell && !p.props.inner_ttp;
    w.row = std::move(p.props.row);
  }
  paragraphs = {};
  TextCleaner cleaner;
  AppendWordParagraphs(paras, "doc", &cleaner, &result);
  result.script = cleaner.script();
  // a document of nothing but pictures is a scan pasted into Word
  result.images = walker.pictures();
  return result;
}

}  // namespace xxgk::report
