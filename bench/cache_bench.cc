// One seed-sized text report read and checked (rules::Validate on its bytes)
// with warm caches, and again right after range(0) MiB were written
// elsewhere, alternating in one loop so both halves see the same machine.
// The counter cold_over_warm is their ratio. It is why a server spends more
// per call than `xxgk bench --jobs=1` suggests (between calls gRPC, the
// kernel and other processes take the caches), and it grows with what one
// call touches: allocations, lookup tables, code.
#include <benchmark/benchmark.h>

#include <chrono>
#include <string>
#include <vector>

#include "bench/seed_like_doc.h"
#include "rules/loader.h"
#include "rules/validator.h"
#include "xxgk/v1/service.pb.h"

namespace {

void BM_ValidateWarmThenCold(benchmark::State& state) {
  absl::StatusOr<std::shared_ptr<const xxgk::rules::Snapshot>> snapshot =
      xxgk::rules::LoadSnapshot("");
  if (!snapshot.ok()) {
    state.SkipWithError(std::string(snapshot.status().message()).c_str());
    return;
  }
  xxgk::v1::ValidateRequest request;
  request.mutable_document()->set_content(
      xxgk::testing::ToPipeText(xxgk::bench::MakeSeedLikeDoc(20)));
  request.mutable_document()->set_file_name("bench.txt");
  // Seconds for one call, the response freed inside the measured time.
  auto one_call = [&] {
    const auto start = std::chrono::steady_clock::now();
    {
      absl::StatusOr<xxgk::v1::ValidateResponse> response =
          xxgk::rules::Validate(**snapshot, request);
      benchmark::DoNotOptimize(response);
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  std::vector<unsigned char> elsewhere(static_cast<size_t>(state.range(0)) << 20);
  double warm = 0, cold = 0;
  int64_t rounds = 0;
  for (auto _ : state) {
    one_call();  // brings this document's working set in
    const double w = one_call();
    for (size_t i = 0; i < elsewhere.size(); i += 64) ++elsewhere[i];  // one write per line
    benchmark::ClobberMemory();
    const double c = one_call();
    state.SetIterationTime(w + c);
    warm += w;
    cold += c;
    ++rounds;
  }
  if (rounds == 0 || warm <= 0) return;
  state.counters["warm_us"] = warm / static_cast<double>(rounds) * 1e6;
  state.counters["cold_us"] = cold / static_cast<double>(rounds) * 1e6;
  state.counters["cold_over_warm"] = cold / warm;
  state.counters["input_bytes"] = static_cast<double>(request.document().content().size());
}
BENCHMARK(BM_ValidateWarmThenCold)
    ->Arg(1)
    ->Arg(4)
    ->Arg(32)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);

}  // namespace
