// RTF reader. RTF is the text form of Word's binary model: the body is a run
// of paragraphs, tables are paragraphs marked \intbl whose cells end with
// \cell and whose rows end with \row, and each row's layout (\trowd, then a
// right boundary \cellx per cell, with merges \clmgf/\clmrg across and
// \clvmgf/\clvmrg down) is written beside it; nested tables use \itapN,
// \nestcell and \nestrow with their layout in {\*\nesttableprops}. The
// reader tokenises groups and control words, decodes text in the code page
// its font or the document declares (\ansicpgN, \fcharsetN, \cpgN) or from
// \uN, and hands the paragraphs to the walk the .doc reader uses
// (report/word_tables.h). Destinations holding no body text (font and
// style tables, document info, pictures, headers, footers, notes, field
// instructions, any unknown \* destination) are skipped, as are hidden and
// deleted text.
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "report/decode.h"
#include "report/readers.h"
#include "report/readers_common.h"
#include "report/refusal.h"
#include "report/utf8.h"
#include "report/word_tables.h"

namespace xxgk::report {
namespace {

constexpr size_t kMaxGroupDepth = 4096;        // Word nests a few dozen deep
constexpr size_t kMaxParagraphs = 1'000'000;   // a report has a few thousand
constexpr int kMaxTableDepth = 64;
constexpr int kMaxCellsPerRow = static_cast<int>(kMaxTableColumns);

// Destinations whose text is not the body's. A destination marked \* that is
// not read (below) is skipped too, as RTF asks.
bool IsSkippedDestination(std::string_view word) {
  static constexpr std::string_view kSkipped[] = {
      "aftncn", "aftnsep", "aftnsepc", "annotation", "atnauthor", "atndate", "atnicn", "atnid",
      "atnparent", "atnref", "atntime", "atrfend", "atrfstart", "author", "bkmkend", "bkmkstart",
      "buptim", "category", "colortbl", "comment", "company", "creatim", "do", "doccomm",
      "docvar", "falt", "fldinst", "footer", "footerf", "footerl", "footerr", "footnote",
      "ftncn", "ftnsep", "ftnsepc", "header", "headerf", "headerl", "headerr", "info",
      "keywords", "listoverridetable", "listtable", "manager", "nonesttables", "object",
      "operator", "panose", "pict", "printim", "private", "revtbl", "revtim", "rsidtbl", "rxe",
      "shprslt",  // a shape drawn for older readers: its text box is read from \shptxt
      "stylesheet", "subject", "tc", "template", "title", "txe", "xe", "xmlnstbl"};
  return std::find(std::begin(kSkipped), std::end(kSkipped), word) != std::end(kSkipped);
}

// The code page of a font character set (\fcharsetN); 0 for none (the
// document's own code page applies).
int CharsetCodePage(int charset) {
  switch (charset) {
    case 77: return 10000;
    case 128: return 932;
    case 129: return 949;
    case 130: return 1361;
    case 134: return 936;
    case 136: return 950;
    case 161: return 1253;
    case 162: return 1254;
    case 163: return 1258;
    case 177: return 1255;
    case 178: return 1256;
    case 186: return 1257;
    case 204: return 1251;
    case 222: return 874;
    case 238: return 1250;
    case 254: return 437;
    case 255: return 850;
    default: return 0;  // 0 ANSI, 1 default, 2 symbol and others: the document's
  }
}

// The specification's code page for a document that names none.
constexpr int kRtfDefaultCodePage = 1252;

// The code page of a document that names none. Word always writes
// \ansicpgN, but RTF from other tools may leave it out and still hold
// Chinese text in GBK or Big5 (escaped or raw), which the default, 1252,
// would turn into Latin letters. `bytes` are those the default would decode:
// when all of them read as GB18030, Big5 or UTF-8 without a flaw (the
// detection text files get), that is the code page; else the default.
// (Latin text's accented letters seldom pair up into valid double-byte
// characters throughout, and a report is not Latin text.)
int UndeclaredCodePage(std::string_view bytes) {
  if (bytes.size() < 2) return kRtfDefaultCodePage;
  absl::StatusOr<Decoded> decoded = DecodeBytes(bytes);
  if (!decoded.ok() || !decoded->notes.empty()) return kRtfDefaultCodePage;
  if (decoded->encoding == "GB18030") return 936;
  if (decoded->encoding == "Big5") return 950;
  if (decoded->encoding == "UTF-8") return 65001;
  return kRtfDefaultCodePage;
}

bool IsDoubleByte(int code_page) {
  return code_page == 932 || code_page == 936 || code_page == 949 || code_page == 950 ||
         code_page == 1361;
}

// ICU's converter name for a Windows code page; GB18030 reads all of 936.
std::string ConverterName(int code_page) {
  switch (code_page) {
    case 936: return "GB18030";
    case 65001: return "UTF-8";
    case 950: return "windows-950";
    case 932: return "windows-31j";
    case 949: return "windows-949";
    case 10000: return "macintosh";
    case 437: return "ibm-437";
    case 850: return "ibm-850";
    default: return absl::StrCat("windows-", code_page);
  }
}

// Decodes bytes of one code page at a time, keeping a converter per page.
class CodePages {
 public:
  ~CodePages() {
    for (auto& [cp, conv] : open_) {
      if (conv != nullptr) ucnv_close(conv);
    }
  }

  void Decode(std::string_view bytes, int code_page, std::string* out) {
    UConverter* conv = Converter(code_page);
    if (conv == nullptr) conv = Converter(1252);
    if (conv == nullptr) return;
    std::vector<UChar> u16(bytes.size() + 1);
    UErrorCode status = U_ZERO_ERROR;
    ucnv_resetToUnicode(conv);
    const int32_t n = ucnv_toUChars(conv, u16.data(), static_cast<int32_t>(u16.size()),
                                    bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING) return;
    for (int32_t i = 0; i < n; ++i) {
      UChar32 c = u16[i];
      if (U16_IS_LEAD(c) && i + 1 < n && U16_IS_TRAIL(u16[i + 1])) {
        c = U16_GET_SUPPLEMENTARY(c, u16[i + 1]);
        ++i;
      } else if (U16_IS_SURROGATE(c) || c == 0x1A) {
        c = 0xFFFD;  // ICU's substitute for an unmapped single byte is SUB
      }
      AppendUtf8(c, out);
    }
  }

 private:
  UConverter* Converter(int code_page) {
    auto it = open_.find(code_page);
    if (it != open_.end()) return it->second;
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(ConverterName(code_page).c_str(), &status);
    if (U_FAILURE(status)) conv = nullptr;
    if (conv == nullptr && code_page == 950) {
      status = U_ZERO_ERROR;
      conv = ucnv_open("Big5", &status);
      if (U_FAILURE(status)) conv = nullptr;
    }
    open_[code_page] = conv;
    return conv;
  }

  std::map<int, UConverter*> open_;
};

// What each group sets; a closing brace restores the enclosing group's.
struct GroupState {
  // kShape: a drawing shape's instructions ({\*\shpinst}); only its text
  // box ({\shptxt}) is read, as body text where the shape is anchored.
  enum class Dest { kBody, kSkip, kFontTable, kNameOnly, kShape };
  Dest dest = Dest::kBody;
  bool hidden = false;       // \v, \deleted
  int uc = 1;                // fallback characters after \uN
  int font = -1;             // \fN
  bool in_table = false;     // \intbl
  int itap = 0;              // \itapN
  bool nest_props = false;   // inside {\*\nesttableprops}
  bool fallback = false;     // inside {\nonshppict} or {\shprslt}: a copy for older readers
};

class RtfParser {
 public:
  // `raw_utf8`: bytes the file holds unescaped are UTF-8 (a naive writer's
  // output), not the code page's.
  // `code_page` is the document's until it declares one.
  RtfParser(std::string_view rtf, bool raw_utf8, int code_page, std::vector<WordParagraph>* out)
      : s_(rtf), raw_utf8_(raw_utf8), out_(out), ansi_code_page_(code_page) {}

  absl::Status Run() {
    while (at_ < s_.size()) {
      const char c = s_[at_];
      if (c == '{') {
        ++at_;
        FlushBytes();
        skip_fallback_ = 0;
        if (stack_.size() >= kMaxGroupDepth) {
          return absl::InvalidArgumentError(absl::StrCat(
              "the RTF nests groups more than ", kMaxGroupDepth,
              " deep, which no document does: save it again as .docx or PDF and send that"));
        }
        stack_.push_back(state_);
        starred_ = false;
        group_start_ = true;
        continue;
      }
      if (c == '}') {
        ++at_;
        FlushBytes();
        skip_fallback_ = 0;
        if (stack_.empty()) break;  // the document's group is closed: trailing bytes are not read
        state_ = stack_.back();
        stack_.pop_back();
        group_start_ = false;
        continue;
      }
      if (c == '\\') {
        ControlWord();
      } else {
        PlainText();
      }
      if (paragraphs_full_) {
        return absl::InvalidArgumentError(absl::StrCat(
            "the document has more than ", kMaxParagraphs,
            " paragraphs, far more than any report: send the report itself"));
      }
    }
    FlushBytes();
    EndParagraph(/*cell_end=*/false, /*row_end=*/false, ParagraphDepth());
    return absl::OkStatus();
  }

  int code_page() const { return ansi_code_page_; }
  // Whether the document named its code page (\ansicpgN, \mac, \pc, \pca).
  bool declared_code_page() const { return declared_; }
  // How many pictures ({\pict}) the document holds.
  uint32_t pictures() const { return pictures_; }
  // The bytes of body text that were decoded in the document's code page
  // because their font names none, while the document named none either
  // (the first 64 KiB of them).
  const std::string& undeclared_bytes() const { return undeclared_bytes_; }

 private:
  // --- tokens -------------------------------------------------------------

  void ControlWord() {
    ++at_;  // the backslash
    if (at_ >= s_.size()) return;
    const char c = s_[at_];
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) {
      ++at_;
      ControlSymbol(c);
      group_start_ = false;
      return;
    }
    const size_t name_begin = at_;
    while (at_ < s_.size() && at_ - name_begin < 32 &&
           absl::ascii_isalpha(static_cast<unsigned char>(s_[at_]))) {
      ++at_;
    }
    const std::string_view name = s_.substr(name_begin, at_ - name_begin);
    bool has_param = false;
    bool negative = false;
    int64_t param = 0;
    if (at_ < s_.size() && s_[at_] == '-' && at_ + 1 < s_.size() &&
        absl::ascii_isdigit(static_cast<unsigned char>(s_[at_ + 1]))) {
      negative = true;
      ++at_;
    }
    for (int digits = 0; at_ < s_.size() && absl::ascii_isdigit(static_cast<unsigned char>(s_[at_]));
         ++at_, ++digits) {
      has_param = true;
      if (digits < 10) param = param * 10 + (s_[at_] - '0');
    }
    if (negative) param = -param;
    if (at_ < s_.size() && s_[at_] == ' ') ++at_;  // the delimiter belongs to the word
    const bool first_in_group = group_start_;
    group_start_ = false;
    Word(name, has_param, static_cast<int>(std::clamp<int64_t>(param, -(1 << 30), 1 << 30)),
         first_in_group);
  }

  void ControlSymbol(char c) {
    switch (c) {
      case '\\': case '{': case '}': TextByte(static_cast<unsigned char>(c)); return;
      case '\'': {
        if (at_ + 2 > s_.size()) return;
        int value = 0;
        for (int k = 0; k < 2; ++k) {
          const char h = s_[at_ + k];
          const int d = absl::ascii_isdigit(static_cast<unsigned char>(h)) ? h - '0'
                        : (h >= 'a' && h <= 'f')                           ? h - 'a' + 10
                        : (h >= 'A' && h <= 'F')                           ? h - 'A' + 10
                                                                           : -1;
          if (d < 0) return;
          value = value * 16 + d;
        }
        at_ += 2;
        TextByte(static_cast<unsigned char>(value));
        return;
      }
      case '*': starred_ = true; return;
      case '~': Text(" "); return;            // non-breaking space
      case '_': Text("-"); return;            // non-breaking hyphen
      case '-': return;                       // optional hyphen
      case '\n': case '\r': Paragraph(); return;  // an escaped line end is \par
      case '\t': Text("\t"); return;
      default: return;                        // \| \: and others: formula and index marks
    }
  }

  void PlainText() {
    const auto b = static_cast<unsigned char>(s_[at_++]);
    if (b == '\r' || b == '\n') return;  // line ends in the file are not text
    if (b == '\t') {
      Text("\t");
      return;
    }
    if (b < 0x20) return;
    if (b >= 0x80 && raw_utf8_) {
      const size_t begin = at_ - 1;
      while (at_ < s_.size() && (static_cast<unsigned char>(s_[at_]) & 0xC0) == 0x80) ++at_;
      Text(s_.substr(begin, at_ - begin));
      return;
    }
    TextByte(b);
    // A double-byte character written raw: its trail byte may be '\\', '{'
    // or '}', which are not syntax then.
    if (b >= 0x81 && b != 0xFF && IsDoubleByte(CurrentCodePage()) && at_ < s_.size() &&
        static_cast<unsigned char>(s_[at_]) >= 0x40 && skip_fallback_ == 0) {
      TextByte(static_cast<unsigned char>(s_[at_++]));
    }
  }

  // --- control words ------------------------------------------------------

  void Word(std::string_view w, bool has_param, int param, bool first_in_group) {
    const bool starred = starred_;
    starred_ = false;
    // A destination names itself first in its group.
    if (first_in_group || starred) {
      // Pictures are counted once each (they are not read): older readers'
      // copies of a picture or drawing are not counted again.
      if (w == "nonshppict" || w == "shprslt") state_.fallback = true;
      if (w == "pict" && !state_.fallback) ++pictures_;
      if (w == "fonttbl") {
        state_.dest = GroupState::Dest::kFontTable;
        return;
      }
      if (w == "nesttableprops") {
        state_.nest_props = true;
        return;
      }
      if (w == "upr") {  // an ANSI form, then {\*\ud} with the Unicode form
        state_.dest = GroupState::Dest::kNameOnly;
        return;
      }
      if (w == "shpinst" && state_.dest == GroupState::Dest::kBody) {
        state_.dest = GroupState::Dest::kShape;
        return;
      }
      if (w == "shptxt" && state_.dest == GroupState::Dest::kShape) {
        state_.dest = GroupState::Dest::kBody;
        return;
      }
      if (w == "ud") {
        state_.dest = stack_.size() >= 2 ? stack_[stack_.size() - 2].dest : GroupState::Dest::kBody;
        return;
      }
      if (starred || IsSkippedDestination(w)) {
        if (state_.dest != GroupState::Dest::kFontTable) state_.dest = GroupState::Dest::kSkip;
        return;
      }
    }
    if (w == "bin") {  // binary data: skipped whatever group it is in
      const size_t n = has_param && param > 0 ? static_cast<size_t>(param) : 0;
      at_ = std::min(s_.size(), at_ + n);
      return;
    }
    if (state_.dest == GroupState::Dest::kFontTable) {
      FontTableWord(w, has_param, param);
      return;
    }
    if (state_.dest == GroupState::Dest::kSkip || state_.dest == GroupState::Dest::kShape) return;

    // Fallback characters after \uN are counted by control words too.
    if (skip_fallback_ > 0 && w != "u") {
      --skip_fallback_;
      return;
    }
    if (w == "u" && has_param) {
      Unicode(param < 0 ? param + 65536 : param);
      skip_fallback_ = state_.uc;
    } else if (w == "uc" && has_param) {
      state_.uc = std::clamp(param, 0, 16);
    } else if (w == "par" || w == "sect") {
      Paragraph();
    } else if (w == "line") {
      Text("\n");
    } else if (w == "tab") {
      Text("\t");
    } else if (w == "cell") {
      EndParagraph(/*cell_end=*/true, false, 1);
    } else if (w == "nestcell") {
      EndParagraph(/*cell_end=*/true, false, std::max(2, state_.itap));
    } else if (w == "row") {
      EndParagraph(false, /*row_end=*/true, 1);
    } else if (w == "nestrow") {
      EndParagraph(false, /*row_end=*/true, std::max(2, state_.itap));
    } else if (w == "pard") {
      state_.in_table = false;
      state_.itap = 0;
    } else if (w == "intbl") {
      state_.in_table = true;
    } else if (w == "itap" && has_param) {
      state_.itap = std::clamp(param, 0, kMaxTableDepth);
    } else if (w == "plain") {
      state_.font = default_font_;
      state_.hidden = false;
    } else if (w == "f" && has_param) {
      state_.font = param;
    } else if (w == "v" || w == "deleted") {
      state_.hidden = !has_param || param != 0;
    } else if (w == "trowd") {
      RowDefinition() = std::make_shared<WordRowDef>();
      RowDefinition()->bounds.push_back(0);
      pending_merge_ = {};
    } else if (w == "trleft" && has_param) {
      auto& def = RowDefinition();
      if (def != nullptr && def->bounds.size() == 1) def->bounds[0] = param;
    } else if (w == "clmgf" || w == "clmrg" || w == "clvmgf" || w == "clvmrg") {
      if (w == "clmgf") pending_merge_.horz = 1;
      if (w == "clmrg") pending_merge_.horz = 2;
      if (w == "clvmgf") pending_merge_.vert = 3;
      if (w == "clvmrg") pending_merge_.vert = 1;
    } else if (w == "cellx" && has_param) {
      auto& def = RowDefinition();
      if (def == nullptr) {
        def = std::make_shared<WordRowDef>();
        def->bounds.push_back(0);
      }
      if (def->horz.size() < static_cast<size_t>(kMaxCellsPerRow)) {
        def->bounds.push_back(param);
        def->horz.push_back(pending_merge_.horz);
        def->vert.push_back(pending_merge_.vert);
      }
      pending_merge_ = {};
    } else if (w == "ansicpg" && has_param) {
      ansi_code_page_ = param;
      declared_ = true;
    } else if (w == "mac" || w == "pc" || w == "pca") {
      ansi_code_page_ = w == "mac" ? 10000 : w == "pc" ? 437 : 850;
      declared_ = true;
    } else if (w == "deff" && has_param) {
      default_font_ = param;
      state_.font = param;
    } else if (w == "emdash") {
      Text("\u2014");
    } else if (w == "endash") {
      Text("\u2013");
    } else if (w == "emspace" || w == "enspace" || w == "qmspace") {
      Text(" ");
    } else if (w == "lquote") {
      Text("\u2018");
    } else if (w == "rquote") {
      Text("\u2019");
    } else if (w == "ldblquote") {
      Text("\u201C");
    } else if (w == "rdblquote") {
      Text("\u201D");
    } else if (w == "bullet") {
      Text("\u2022");
    }
  }

  void FontTableWord(std::string_view w, bool has_param, int param) {
    if (!has_param) return;
    if (w == "f") {
      table_font_ = param;
    } else if (w == "fcharset" && table_font_ >= 0) {
      if (int cp = CharsetCodePage(param); cp != 0) font_code_page_[table_font_] = cp;
    } else if (w == "cpg" && table_font_ >= 0 && param > 0) {
      font_code_page_[table_font_] = param;
    }
  }

  // --- text ---------------------------------------------------------------

  // The current font's code page; a font whose character set is ANSI or
  // default (Western fonts in a Chinese document, which Word runs Chinese
  // text in with the double-byte font only associated) takes the
  // document's (\ansicpg936: GBK).
  int CurrentCodePage() const {
    auto it = font_code_page_.find(state_.font);
    return it != font_code_page_.end() ? it->second : ansi_code_page_;
  }

  bool Reading() const { return state_.dest == GroupState::Dest::kBody && !state_.hidden; }

  void TextByte(unsigned char b) {
    if (skip_fallback_ > 0) {
      --skip_fallback_;
      return;
    }
    if (!Reading()) return;
    const auto font = font_code_page_.find(state_.font);
    const bool font_names_page = font != font_code_page_.end();
    const int cp = font_names_page ? font->second : ansi_code_page_;
    if (!font_names_page && !declared_ && undeclared_bytes_.size() < kMaxUndeclaredBytes) {
      undeclared_bytes_.push_back(static_cast<char>(b));
    }
    if (!bytes_.empty() && cp != bytes_code_page_) FlushBytes();
    bytes_code_page_ = cp;
    bytes_.push_back(static_cast<char>(b));
  }

  // Decodes the bytes gathered so far in the code page they were read under.
  void FlushBytes() {
    if (bytes_.empty()) return;
    LoneSurrogate();
    pages_.Decode(bytes_, bytes_code_page_, &text_);
    bytes_.clear();
  }

  // A high surrogate followed by anything but its low one stands alone.
  void LoneSurrogate() {
    if (high_surrogate_ == 0) return;
    AppendUtf8(0xFFFD, &text_);
    high_surrogate_ = 0;
  }

  // One UTF-16 code unit (\uN): a pair of surrogates is one character, a
  // lone surrogate or a unit out of range U+FFFD.
  void Unicode(int unit) {
    if (!Reading()) return;
    FlushBytes();
    if (unit < 0 || unit > 0xFFFF) unit = 0xFFFD;
    if (!U16_IS_TRAIL(unit)) LoneSurrogate();
    if (U16_IS_LEAD(unit)) {
      high_surrogate_ = unit;
      return;
    }
    UChar32 c = unit;
    if (U16_IS_TRAIL(unit)) {
      c = high_surrogate_ != 0 ? U16_GET_SUPPLEMENTARY(high_surrogate_, unit) : 0xFFFD;
    }
    high_surrogate_ = 0;
    AppendUtf8(c, &text_);
  }

  void Text(std::string_view utf8) {
    if (skip_fallback_ > 0) {
      --skip_fallback_;
      return;
    }
    if (!Reading()) return;
    FlushBytes();
    LoneSurrogate();
    text_.append(utf8);
  }

  // --- paragraphs and tables ---------------------------------------------

  int ParagraphDepth() const {
    if (state_.itap > 0) return state_.itap;
    return state_.in_table ? 1 : 0;
  }

  std::shared_ptr<WordRowDef>& RowDefinition() {
    const size_t depth = state_.nest_props ? static_cast<size_t>(std::max(2, state_.itap)) : 1;
    if (row_defs_.size() <= depth) row_defs_.resize(depth + 1);
    return row_defs_[depth];
  }

  void Paragraph() {
    if (state_.dest != GroupState::Dest::kBody) return;
    EndParagraph(false, false, ParagraphDepth());
  }

  void EndParagraph(bool cell_end, bool row_end, int depth) {
    if (state_.dest != GroupState::Dest::kBody) return;
    FlushBytes();
    LoneSurrogate();
    // An empty paragraph outside tables carries nothing.
    if (text_.empty() && !cell_end && !row_end && depth == 0) return;
    if (out_->size() >= kMaxParagraphs) {
      paragraphs_full_ = true;
      return;
    }
    WordParagraph& p = out_->emplace_back();
    p.text = std::move(text_);
    text_.clear();
    p.depth = depth;
    p.cell_end = cell_end;
    p.row_end = row_end;
    if (row_end) {
      const size_t d = static_cast<size_t>(depth);
      if (d < row_defs_.size() && row_defs_[d] != nullptr) {
        p.row = std::make_shared<const WordRowDef>(*row_defs_[d]);
      }
    }
  }

  struct Merge {
    uint8_t horz = 0;
    uint8_t vert = 0;
  };

  static constexpr size_t kMaxUndeclaredBytes = 64 << 10;

  std::string_view s_;
  bool raw_utf8_;
  size_t at_ = 0;
  std::vector<WordParagraph>* out_;
  std::vector<GroupState> stack_;
  GroupState state_;
  bool starred_ = false;
  bool group_start_ = false;
  int skip_fallback_ = 0;
  int ansi_code_page_;
  uint32_t pictures_ = 0;
  bool declared_ = false;
  std::string undeclared_bytes_;
  int default_font_ = -1;
  int table_font_ = -1;
  std::map<int, int> font_code_page_;
  CodePages pages_;
  std::string bytes_;
  int bytes_code_page_ = 1252;
  std::string text_;
  UChar32 high_surrogate_ = 0;
  std::vector<std::shared_ptr<WordRowDef>> row_defs_;  // by table depth
  Merge pending_merge_;
  bool paragraphs_full_ = false;
};

}  // namespace

bool LooksLikeRtf(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  while (!bytes.empty() && absl::ascii_isspace(static_cast<unsigned char>(bytes.front()))) {
    bytes.remove_prefix(1);
  }
  return bytes.substr(0, 5) == "{\\rtf";
}

absl::StatusOr<ReadResult> ReadRtf(std::string_view bytes) {
  if (!LooksLikeRtf(bytes)) {
    return absl::InvalidArgumentError(
        absl::StrCat("this is not an RTF file (it does not begin with {\\rtf)", ResendAdvice("rtf")));
  }
  while (bytes.front() != '{') bytes.remove_prefix(1);
  // RTF is ASCII, characters beyond it escaped; a file that holds other
  // bytes and is valid UTF-8 has them in UTF-8 (a legacy code page's text is
  // practically never valid UTF-8).
  const bool raw_utf8 = std::any_of(bytes.begin(), bytes.end(),
                                    [](char c) { return static_cast<unsigned char>(c) >= 0x80; }) &&
                        IsValidUtf8(bytes);
  std::vector<WordParagraph> paragraphs;
  RtfParser parser(bytes.substr(1), raw_utf8, kRtfDefaultCodePage, &paragraphs);
  if (absl::Status s = parser.Run(); !s.ok()) return s;
  const uint32_t pictures = parser.pictures();
  int code_page = parser.code_page();
  if (!raw_utf8 && !parser.declared_code_page()) {
    // Read again in the code page the text turned out to be in.
    if (const int guess = UndeclaredCodePage(parser.undeclared_bytes()); guess != code_page) {
      paragraphs.clear();
      RtfParser again(bytes.substr(1), raw_utf8, guess, &paragraphs);
      if (absl::Status s = again.Run(); !s.ok()) return s;
      code_page = again.code_page();
    }
  }

  ReadResult result;
  result.source.set_input_format("rtf");
  result.source.set_encoding(ConverterName(code_page));
  result.source.set_size_bytes(bytes.size());
  TextCleaner cleaner;
  AppendWordParagraphs(paragraphs, "rtf", &cleaner, &result);
  result.script = cleaner.script();
  // a document of nothing but pictures is a scan pasted into Word
  result.images = pictures;
  return result;
}

}  // namespace xxgk::report
