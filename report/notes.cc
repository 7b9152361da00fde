#include "report/notes.h"

#include <algorithm>
#include <array>
#include <utility>

namespace xxgk::report {
namespace {

using xxgk::v1::ReadingNote;

constexpr int kKinds = xxgk::v1::ReadingNote_Kind_Kind_ARRAYSIZE;

int KindIndex(const ReadingNote& n) {
  const int k = static_cast<int>(n.kind());
  return k >= 0 && k < kKinds ? k : 0;
}

ReadingNote& At(std::vector<ReadingNote>& v, int i) { return v[i]; }
ReadingNote& At(google::protobuf::RepeatedPtrField<ReadingNote>& v, int i) { return *v.Mutable(i); }

void Truncate(std::vector<ReadingNote>& v, int n) { v.resize(n); }
void Truncate(google::protobuf::RepeatedPtrField<ReadingNote>& v, int n) {
  v.DeleteSubrange(n, v.size() - n);
}

template <typename Notes>
void CapInPlace(Notes& notes) {
  std::array<int, kKinds> listed{};
  std::array<int, kKinds> last{};
  int kept = 0;
  const int n = static_cast<int>(notes.size());
  for (int i = 0; i < n; ++i) {
    const int k = KindIndex(At(notes, i));
    if (listed[k] < kNotesListedPerKind) {
      if (kept != i) std::swap(At(notes, kept), At(notes, i));
      last[k] = kept++;
      ++listed[k];
    } else {
      FoldNote(At(notes, i), &At(notes, last[k]));
    }
  }
  if (kept < n) Truncate(notes, kept);
}

}  // namespace

void FoldNote(const ReadingNote& extra, ReadingNote* into) {
  into->set_more_places(into->more_places() + 1 + extra.more_places());
  xxgk::v1::Span* s = into->mutable_span();
  const xxgk::v1::Span& e = extra.span();
  s->set_source_end(std::max(s->source_end(), e.source_end()));
  if (s->end() != 0 || e.end() != 0) s->set_end(std::max(s->end(), e.end()));
}

void AddNote(ReadingNote note, std::vector<ReadingNote>* notes) {
  ReadingNote* newest = nullptr;  // of note's kind: the last one listed
  int same = 0;
  for (auto it = notes->rbegin(); it != notes->rend(); ++it) {
    if (it->kind() != note.kind()) continue;
    if (newest == nullptr) newest = &*it;
    if (++same == kNotesListedPerKind) {
      FoldNote(note, newest);
      return;
    }
  }
  notes->push_back(std::move(note));
}

void CapNotes(std::vector<ReadingNote>* notes) { CapInPlace(*notes); }
void CapNotes(google::protobuf::RepeatedPtrField<ReadingNote>* notes) { CapInPlace(*notes); }

}  // namespace xxgk::report
