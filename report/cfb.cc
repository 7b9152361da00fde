#include "report/cfb.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "report/refusal.h"

namespace xxgk::report {
namespace {

constexpr std::string_view kSignature("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
constexpr uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr uint32_t kMaxRegular = 0xFFFFFFFA;
constexpr uint32_t kNoStream = 0xFFFFFFFF;
constexpr size_t kHeaderDifat = 109;
constexpr size_t kEntryBytes = 128;
constexpr size_t kMiniSectorSize = 64;
constexpr uint64_t kWholeChain = UINT64_MAX;  // ReadChain: to the chain's end

absl::Status Damaged(std::string_view what_in) {
  const absl::string_view what(what_in.data(), what_in.size());
  return absl::InvalidArgumentError(absl::StrCat(
      "the compound file is damaged (", what,
      "): open it in Word or WPS, save it again and send that, or send a PDF"));
}

// A directory entry's name: UTF-16LE, `bytes` long including the final NUL.
// Only the names of root streams are compared, and those are ASCII; other
// characters are kept as '?' (never matched).
std::string EntryName(std::string_view raw, uint16_t bytes) {
  std::string name;
  const size_t units = std::min<size_t>(bytes / 2, 32);
  for (size_t i = 0; i < units; ++i) {
    const uint16_t u = Le16(raw, 2 * i);
    if (u == 0) break;
    name.push_back(u < 0x80 ? static_cast<char>(u) : '?');
  }
  return name;
}

}  // namespace

bool CompoundFile::HasSignature(std::string_view bytes) {
  return bytes.substr(0, kSignature.size()) == kSignature;
}

absl::StatusOr<CompoundFile> CompoundFile::Open(std::string_view bytes) {
  if (!HasSignature(bytes)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "not a compound file, as every Word 97-2003 (.doc) and WPS file is", ResendAdvice("doc")));
  }
  if (bytes.size() < 512) return Damaged("shorter than its 512-byte header");
  CompoundFile cf(bytes);
  const uint16_t shift = Le16(bytes, 0x1E);
  if (shift != 9 && shift != 12) return Damaged("sector size is neither 512 nor 4096 bytes");
  cf.sector_size_ = 1u << shift;
  if (Le16(bytes, 0x20) != 6) return Damaged("mini sector size is not 64 bytes");
  cf.mini_cutoff_ = Le32(bytes, 0x38);
  if (bytes.size() <= cf.sector_size_) return Damaged("no sectors after the header");
  cf.sector_count_ = (bytes.size() - 1) / cf.sector_size_;  // the last one may be cut short

  // The FAT's own sectors: 109 listed in the header, the rest in a chain of
  // DIFAT sectors (each ends with the number of the next).
  const uint32_t fat_sectors = Le32(bytes, 0x2C);
  if (fat_sectors > cf.sector_count_) return Damaged("more FAT sectors than the file holds");
  std::vector<uint32_t> fat_at;
  fat_at.reserve(fat_sectors);
  for (size_t i = 0; i < kHeaderDifat && fat_at.size() < fat_sectors; ++i) {
    fat_at.push_back(Le32(bytes, 0x4C + 4 * i));
  }
  const uint32_t per_difat = cf.sector_size_ / 4 - 1;
  uint32_t difat = Le32(bytes, 0x44);
  uint64_t difat_steps = 0;
  while (fat_at.size() < fat_sectors) {
    if (difat >= cf.sector_count_ || ++difat_steps > cf.sector_count_) {
      return Damaged("the list of FAT sectors is broken");
    }
    const size_t base = (static_cast<size_t>(difat) + 1) * cf.sector_size_;
    if (base + cf.sector_size_ > bytes.size()) return Damaged("a DIFAT sector is cut off");
    for (uint32_t i = 0; i < per_difat && fat_at.size() < fat_sectors; ++i) {
      fat_at.push_back(Le32(bytes, base + 4 * i));
    }
    difat = Le32(bytes, base + 4 * per_difat);
  }
  const uint32_t per_sector = cf.sector_size_ / 4;
  cf.fat_.reserve(static_cast<size_t>(fat_sectors) * per_sector);
  for (uint32_t s : fat_at) {
    if (s >= cf.sector_count_) return Damaged("a FAT sector lies beyond the end of the file");
    const size_t base = (static_cast<size_t>(s) + 1) * cf.sector_size_;
    if (base + cf.sector_size_ > bytes.size()) return Damaged("a FAT sector is cut off");
    for (uint32_t i = 0; i < per_sector; ++i) cf.fat_.push_back(Le32(bytes, base + 4 * i));
  }

  // The directory: a chain of 128-byte entries.
  absl::StatusOr<std::string> dir = cf.ReadChain(Le32(bytes, 0x30), kWholeChain, /*mini=*/false);
  if (!dir.ok()) return dir.status();
  for (size_t at = 0; at + kEntryBytes <= dir->size(); at += kEntryBytes) {
    std::string_view raw(dir->data() + at, kEntryBytes);
    Entry e;
    e.type = static_cast<uint8_t>(raw[0x42]);
    e.name = EntryName(raw, Le16(raw, 0x40));
    e.left = Le32(raw, 0x44);
    e.right = Le32(raw, 0x48);
    e.child = Le32(raw, 0x4C);
    e.start = Le32(raw, 0x74);
    e.size = Le32(raw, 0x78);
    // Version 3 files may leave garbage in the high half of the size.
    if (cf.sector_size_ == 4096) e.size |= static_cast<uint64_t>(Le32(raw, 0x7C)) << 32;
    cf.entries_.push_back(std::move(e));
  }
  if (cf.entries_.empty() || cf.entries_[0].type != 5) return Damaged("no root entry");

  // The root's children form a tree through left and right siblings.
  std::vector<bool> seen(cf.entries_.size(), false);
  std::vector<uint32_t> pending = {cf.entries_[0].child};
  while (!pending.empty()) {
    const uint32_t i = pending.back();
    pending.pop_back();
    if (i == kNoStream || i >= cf.entries_.size() || seen[i]) continue;
    seen[i] = true;
    cf.root_children_.push_back(i);
    pending.push_back(cf.entries_[i].left);
    pending.push_back(cf.entries_[i].right);
  }

  // The mini stream (held by the root entry) and its FAT, for small streams.
  const Entry& root = cf.entries_[0];
  if (root.size > 0 && root.start <= kMaxRegular) {
    absl::StatusOr<std::string> mini = cf.ReadChain(root.start, root.size, /*mini=*/false);
    if (!mini.ok()) return mini.status();
    cf.mini_stream_ = *std::move(mini);
    const uint32_t mini_fat_start = Le32(bytes, 0x3C);
    const uint64_t mini_fat_bytes = static_cast<uint64_t>(Le32(bytes, 0x40)) * cf.sector_size_;
    if (mini_fat_start <= kMaxRegular && mini_fat_bytes > 0) {
      absl::StatusOr<std::string> mf = cf.ReadChain(mini_fat_start, mini_fat_bytes, false);
      if (!mf.ok()) return mf.status();
      for (size_t at = 0; at + 4 <= mf->size(); at += 4) cf.mini_fat_.push_back(Le32(*mf, at));
    }
  }
  return cf;
}

absl::StatusOr<std::string> CompoundFile::ReadChain(uint32_t start, uint64_t size, bool mini) const {
  const std::vector<uint32_t>& fat = mini ? mini_fat_ : fat_;
  const size_t unit = mini ? kMiniSectorSize : sector_size_;
  const std::string_view area = mini ? std::string_view(mini_stream_) : bytes_;
  const size_t base = mini ? 0 : sector_size_;
  const bool whole = size == kWholeChain;
  if (whole) {
    size = area.size();
  } else if (size > area.size()) {
    return Damaged("a stream is larger than the file");
  }
  std::string out;
  out.reserve(static_cast<size_t>(size));
  uint32_t s = start;
  std::vector<bool> visited(fat.size(), false);
  while (out.size() < size) {
    if (s == kEndOfChain) break;  // a chain shorter than the size: cut below
    if (s > kMaxRegular || s >= fat.size() || visited[s]) {
      return Damaged(mini ? "a small stream's chain is broken" : "a stream's chain is broken");
    }
    visited[s] = true;
    const size_t at = base + static_cast<size_t>(s) * unit;
    if (at >= area.size()) return Damaged("a sector lies beyond the end of the file");
    const size_t want = std::min<size_t>(unit, static_cast<size_t>(size) - out.size());
    const size_t have = std::min(want, area.size() - at);
    out.append(area.data() + at, have);
    if (have < want) break;  // the file is cut off inside this sector
    s = fat[s];
  }
  if (!whole && out.size() < size) return Damaged("a stream is shorter than its recorded size");
  return out;
}

const CompoundFile::Entry* CompoundFile::FindRootChild(std::string_view name) const {
  for (uint32_t i : root_children_) {
    const Entry& e = entries_[i];
    if (e.type == 2 && absl::EqualsIgnoreCase(absl::string_view(e.name.data(), e.name.size()),
                                               absl::string_view(name.data(), name.size()))) {
      return &e;
    }
  }
  return nullptr;
}

bool CompoundFile::HasStream(std::string_view name) const { return FindRootChild(name) != nullptr; }

absl::StatusOr<std::string> CompoundFile::ReadStream(std::string_view name) const {
  const Entry* e = FindRootChild(name);
  if (e == nullptr) {
    return absl::NotFoundError(absl::StrCat("the compound file has no stream ", std::string(name)));
  }
  if (e->size == 0) return std::string();
  return ReadChain(e->start, e->size, /*mini=*/e->size < mini_cutoff_);
}

}  // namespace xxgk::report
