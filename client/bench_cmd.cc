// `xxgk bench FILE...`: throughput of validation through the chosen backend.
#include <algorithm>
#include <chrono>
#include <mutex>

#include "absl/strings/str_format.h"
#include "client/commands.h"
#include "client/inputs.h"

namespace xxgk::client {

int RunBench(Backend& backend, const std::vector<std::string>& args, const BenchFlags& flags,
             std::ostream& out, std::ostream& err) {
  if (args.empty() || flags.iterations < 1) {
    err << "xxgk bench: give one or more FILEs and --iterations >= 1\n";
    return kExitUsage;
  }
  std::vector<xxgk::v1::ValidateRequest> requests;
  for (const Input& in : ExpandInputs(args)) {
    absl::StatusOr<std::string> bytes =
        in.error.empty() ? ReadInput(in.source) : absl::NotFoundError(in.error);
    absl::StatusOr<xxgk::v1::ValidateRequest> r =
        bytes.ok() ? BuildValidateRequest(in.source, *std::move(bytes))
                   : absl::StatusOr<xxgk::v1::ValidateRequest>(bytes.status());
    if (!r.ok()) {
      err << in.source << ": " << r.status().message() << "\n";
      return kExitUsage;
    }
    requests.push_back(*std::move(r));
  }
  const size_t total = requests.size() * flags.iterations;
  using Clock = std::chrono::steady_clock;
  std::vector<Clock::time_point> started(total);
  std::vector<double> latency_ms(total, 0);
  std::mutex mu;
  size_t failures = 0;
  absl::Status first_failure;
  Clock::time_point t0 = Clock::now();
  backend.ValidateBatch(
      total,
      [&](size_t i) -> absl::StatusOr<xxgk::v1::ValidateRequest> {
        started[i] = Clock::now();
        return requests[i % requests.size()];
      },
      [&](size_t i, absl::StatusOr<xxgk::v1::ValidateResponse> r) {
        double ms = std::chrono::duration<double, std::milli>(Clock::now() - started[i]).count();
        std::lock_guard<std::mutex> lock(mu);
        latency_ms[i] = ms;
        if (!r.ok()) {
          if (failures++ == 0) first_failure = r.status();
        }
      });
  double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  if (failures > 0) {
    err << "xxgk bench: " << failures << " of " << total
        << " validations failed: " << first_failure.message() << "\n";
    return ExitCodeFor(first_failure);
  }
  std::sort(latency_ms.begin(), latency_ms.end());
  auto pct = [&](double p) { return latency_ms[std::min(total - 1, size_t(p * (total - 1)))]; };
  out << absl::StrFormat(
      "%zu validations of %zu file(s) in %.3f s: %.1f reports/s; latency p50 %.2f ms, p90 %.2f ms, "
      "p99 %.2f ms, max %.2f ms\n",
      total, requests.size(), seconds, seconds > 0 ? total / seconds : 0.0, pct(0.5), pct(0.9),
      pct(0.99), latency_ms.back());
  return kExitOk;
}

}  // namespace xxgk::client
