// A reader of Compound File Binary files ([MS-CFB]), the container of Word
// 97-2003 (.doc), Excel 97-2003 and WPS binary documents: a small FAT file
// system inside one file. Only what reading a document needs: the streams
// directly under the root storage, by name. Every sector number, chain and
// size is checked against the file, so damaged or hostile input yields a
// status, never a read out of bounds or an endless loop.
#ifndef XXGK_REPORT_CFB_H_
#define XXGK_REPORT_CFB_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace xxgk::report {

// Little-endian integers at byte `at` of `b`; the caller checks the bounds.
// The compound file and the formats stored in it are little-endian.
inline uint16_t Le16(std::string_view b, size_t at) {
  return static_cast<uint16_t>(static_cast<uint8_t>(b[at]) | (static_cast<uint8_t>(b[at + 1]) << 8));
}
inline uint32_t Le32(std::string_view b, size_t at) {
  return static_cast<uint32_t>(Le16(b, at)) | (static_cast<uint32_t>(Le16(b, at + 2)) << 16);
}

class CompoundFile {
 public:
  // The eight bytes every compound file starts with.
  static bool HasSignature(std::string_view bytes);

  // Reads the header, the FAT, the mini FAT and the directory of `bytes`,
  // which must outlive the returned object.
  static absl::StatusOr<CompoundFile> Open(std::string_view bytes);

  // Whether the root storage holds a stream of this name (compared without
  // regard to ASCII case, as the format does).
  bool HasStream(std::string_view name) const;

  // The whole stream of that name under the root storage; NotFound when there
  // is none, InvalidArgument when its sectors are damaged.
  absl::StatusOr<std::string> ReadStream(std::string_view name) const;

 private:
  struct Entry {
    std::string name;  // UTF-8
    uint8_t type = 0;  // 1 storage, 2 stream, 5 root
    uint32_t left = 0, right = 0, child = 0;
    uint32_t start = 0;
    uint64_t size = 0;
  };

  explicit CompoundFile(std::string_view bytes) : bytes_(bytes) {}

  // Follows the chain from sector `start` through the FAT (or, `mini`, the
  // mini FAT over the mini stream) until `size` bytes are read, or to the
  // chain's end when `size` is UINT64_MAX.
  absl::StatusOr<std::string> ReadChain(uint32_t start, uint64_t size, bool mini) const;
  const Entry* FindRootChild(std::string_view name) const;

  std::string_view bytes_;
  uint32_t sector_size_ = 512;
  uint32_t mini_cutoff_ = 4096;
  uint64_t sector_count_ = 0;   // whole or partial sectors after the header
  std::vector<uint32_t> fat_;
  std::vector<uint32_t> mini_fat_;
  std::string mini_stream_;
  std::vector<Entry> entries_;
  std::vector<uint32_t> root_children_;  // indexes into entries_
};

}  // namespace xxgk::report

#endif  // XXGK_REPORT_CFB_H_
