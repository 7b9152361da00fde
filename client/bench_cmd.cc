// `xxgk bench FILE...`: throughput of validation through the chosen backend
// (in-process), or a load generator against a server (remote).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/commands.h"
#include "client/inputs.h"
#include "client/remote_channel.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "xxgk/v1/service.grpc.pb.h"

namespace xxgk::client {
namespace {

// The requests `xxgk validate` would send for the inputs; false (after
// naming the input on `err`) when one cannot be read.
bool LoadRequests(const std::vector<std::string>& args,
                  std::vector<xxgk::v1::ValidateRequest>* requests, std::ostream& err) {
  for (const Input& in : ExpandInputs(args)) {
    absl::StatusOr<std::string> bytes =
        in.error.empty() ? ReadInput(in.source) : absl::NotFoundError(in.error);
    absl::StatusOr<xxgk::v1::ValidateRequest> r =
        bytes.ok() ? BuildValidateRequest(in.source, *std::move(bytes))
                   : absl::StatusOr<xxgk::v1::ValidateRequest>(bytes.status());
    if (!r.ok()) {
      err << in.source << ": " << r.status().message() << "\n";
      return false;
    }
    requests->push_back(*std::move(r));
  }
  return true;
}

using Clock = std::chrono::steady_clock;

// What one phase (all Validate or all Echo calls) measured.
struct PhaseResult {
  size_t ok = 0;
  std::map<int, size_t> errors;  // by gRPC status code
  std::vector<double> latency_ms;
  double seconds = 0;
  double Throughput() const { return seconds > 0 ? ok / seconds : 0.0; }
};

// Drives one unary RPC with the callback API. `Start(i, done)` begins call i
// and arranges for `done(status)` to run when it completes.
class LoadPhase {
 public:
  using StartFn = std::function<void(size_t, std::function<void(const grpc::Status&)>)>;

  LoadPhase(const BenchFlags& flags, StartFn start) : flags_(flags), start_(std::move(start)) {}

  PhaseResult Run() {
    t0_ = Clock::now();
    deadline_ = t0_ + std::chrono::duration_cast<Clock::duration>(
                          std::chrono::duration<double>(flags_.duration));
    if (flags_.rate > 0) {
      RunOpenLoop();
    } else {
      const size_t n = static_cast<size_t>(std::max(1, flags_.concurrency));
      for (size_t k = 0; k < n; ++k) {
        if (!Issue(Clock::now())) break;
      }
    }
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return outstanding_ == 0 && !issuing_; });
    result_.seconds = std::chrono::duration<double>(last_done_ - t0_).count();
    return std::move(result_);
  }

 private:
  // Whether another call may start now.
  bool MayIssue(Clock::time_point now) {
    if (flags_.requests > 0) return issued_ < static_cast<size_t>(flags_.requests);
    return now < deadline_;
  }

  // Starts the next call, timed from `scheduled`; false when the phase is over.
  bool Issue(Clock::time_point scheduled) {
    size_t index;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!MayIssue(Clock::now())) return false;
      index = issued_++;
      ++outstanding_;
    }
    start_(index, [this, scheduled](const grpc::Status& status) { Done(scheduled, status); });
    return true;
  }

  void Done(Clock::time_point scheduled, const grpc::Status& status) {
    const Clock::time_point now = Clock::now();
    {
      std::lock_guard<std::mutex> lock(mu_);
      result_.latency_ms.push_back(std::chrono::duration<double, std::milli>(now - scheduled).count());
      if (status.ok()) {
        ++result_.ok;
      } else {
        ++result_.errors[static_cast<int>(status.error_code())];
      }
      last_done_ = std::max(last_done_, now);
    }
    // Closed loop: each completion starts the next call.
    if (flags_.rate <= 0) Issue(Clock::now());
    std::lock_guard<std::mutex> lock(mu_);
    if (--outstanding_ == 0 && !issuing_) cv_.notify_all();
  }

  // Open loop: calls start on a fixed schedule whatever the server's pace;
  // latency counts from the scheduled start (no coordinated omission).
  void RunOpenLoop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      issuing_ = true;
    }
    const auto interval = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(1.0 / flags_.rate));
    for (size_t k = 0;; ++k) {
      const Clock::time_point at = t0_ + interval * static_cast<long>(k);
      std::this_thread::sleep_until(at);
      if (!Issue(at)) break;
    }
    std::lock_guard<std::mutex> lock(mu_);
    issuing_ = false;
    if (outstanding_ == 0) cv_.notify_all();
  }

  const BenchFlags flags_;
  StartFn start_;
  Clock::time_point t0_, deadline_, last_done_;
  std::mutex mu_;
  std::condition_variable cv_;
  size_t issued_ = 0, outstanding_ = 0;
  bool issuing_ = false;
  PhaseResult result_;
};

// One RPC's requests, each serialized once up front: the load generator then
// spends its CPU on calls, not on encoding the same documents again. Only the
// first response to each request is decoded (a response that does not decode
// counts as a DATA_LOSS error); later ones are taken as bytes, so that with
// client and server on one machine the client's decoding does not compete
// with the server for the CPU it is measuring.
template <typename Request, typename Response>
class Payloads {
 public:
  // `rpc` is the method's full name, e.g. "/xxgk.v1.Validator/Validate".
  Payloads(std::string rpc, const std::vector<Request>& requests)
      : rpc_(std::move(rpc)), bytes_(requests.size()), checked_(requests.size()) {
    for (size_t i = 0; i < requests.size(); ++i) {
      bool own_buffer = false;
      grpc::Status s =
          grpc::SerializationTraits<Request>::Serialize(requests[i], &bytes_[i], &own_buffer);
      if (!s.ok()) bytes_[i].Clear();  // sent empty: the server answers INVALID_ARGUMENT
    }
  }

  // Starts call i through `stub` and reports its status to `done`.
  void Start(grpc::GenericStub& stub, std::chrono::milliseconds timeout, size_t i,
             std::function<void(const grpc::Status&)> done) {
    const size_t at = i % bytes_.size();
    auto* call = new Call;
    call->context.set_deadline(std::chrono::system_clock::now() + timeout);
    stub.UnaryCall(&call->context, rpc_, grpc::StubOptions(), &bytes_[at], &call->response,
                   [this, call, at, done = std::move(done)](grpc::Status status) {
                     if (status.ok() && !checked_[at].exchange(true)) status = Check(&call->response);
                     delete call;
                     done(status);
                   });
  }

 private:
  struct Call {
    grpc::ClientContext context;
    grpc::ByteBuffer response;
  };

  grpc::Status Check(grpc::ByteBuffer* response) const {
    Response decoded;
    grpc::Status s = grpc::SerializationTraits<Response>::Deserialize(response, &decoded);
    if (s.ok()) return s;
    return grpc::Status(grpc::StatusCode::DATA_LOSS,
                        rpc_ + " answered bytes that are not its response message");
  }

  const std::string rpc_;
  std::vector<grpc::ByteBuffer> bytes_;
  std::vector<std::atomic<bool>> checked_;
};

std::string MethodName(const char* method) {
  return absl::StrCat("/", xxgk::v1::Validator::service_full_name(), "/", method);
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const size_t i = static_cast<size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(sorted.size() - 1, i)];
}

void PrintPhase(const std::string& name, PhaseResult& r, std::ostream& out) {
  std::sort(r.latency_ms.begin(), r.latency_ms.end());
  size_t errors = 0;
  for (const auto& [code, n] : r.errors) errors += n;
  out << absl::StrFormat("%s: %zu ok, %zu errors in %.3f s: %.1f calls/s\n", name, r.ok, errors,
                         r.seconds, r.Throughput());
  for (const auto& [label, p] : std::vector<std::pair<const char*, double>>{
           {"p50", 0.5}, {"p90", 0.9}, {"p99", 0.99}, {"p99.9", 0.999}}) {
    out << absl::StrFormat("%s latency %s: %.3f ms\n", name, label, Percentile(r.latency_ms, p));
  }
  for (const auto& [code, n] : r.errors) {
    out << absl::StrFormat("%s errors %s: %zu\n", name,
                           absl::StatusCodeToString(static_cast<absl::StatusCode>(code)), n);
  }
}

}  // namespace

int RunRemoteBench(const RemoteOptions& remote, const std::vector<std::string>& args,
                   const BenchFlags& flags, std::ostream& out, std::ostream& err) {
  if (args.empty() || flags.concurrency < 1 || flags.rate < 0 ||
      (flags.requests <= 0 && flags.duration <= 0)) {
    err << "xxgk bench: give one or more FILEs, --concurrency >= 1, --rate >= 0 and a positive "
           "--duration or --requests\n";
    return kExitUsage;
  }
  std::vector<xxgk::v1::ValidateRequest> requests;
  if (!LoadRequests(args, &requests, err)) return kExitUsage;
  if (requests.empty()) {
    err << "xxgk bench: no input files\n";
    return kExitUsage;
  }
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel = MakeRemoteChannel(remote);
  if (!channel.ok()) {
    err << "xxgk: " << channel.status().message() << "\n";
    return ExitCodeFor(channel.status());
  }
  grpc::GenericStub stub(*channel);
  const auto timeout = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::duration<double>(remote.call_timeout_seconds));

  Payloads<xxgk::v1::ValidateRequest, xxgk::v1::ValidateResponse> validates(
      MethodName("Validate"), requests);
  LoadPhase validate(flags, [&](size_t i, std::function<void(const grpc::Status&)> done) {
    validates.Start(stub, timeout, i, std::move(done));
  });
  PhaseResult v = validate.Run();
  PrintPhase("validate", v, out);
  if (!flags.compare_echo) return v.ok > 0 ? kExitOk : kExitUnreachable;

  std::vector<xxgk::v1::EchoRequest> echo_requests(requests.size());
  for (size_t i = 0; i < requests.size(); ++i) *echo_requests[i].mutable_request() = requests[i];
  Payloads<xxgk::v1::EchoRequest, xxgk::v1::EchoResponse> echoes(MethodName("Echo"),
                                                                  echo_requests);
  LoadPhase echo(flags, [&](size_t i, std::function<void(const grpc::Status&)> done) {
    echoes.Start(stub, timeout, i, std::move(done));
  });
  PhaseResult e = echo.Run();
  PrintPhase("echo", e, out);
  const double ratio = e.Throughput() > 0 ? v.Throughput() / e.Throughput() : 0.0;
  out << absl::StrFormat("validate/echo throughput ratio: %.3f\n", ratio);
  return v.ok > 0 && e.ok > 0 ? kExitOk : kExitUnreachable;
}

int RunBench(Backend& backend, const std::vector<std::string>& args, const BenchFlags& flags,
             std::ostream& out, std::ostream& err) {
  if (args.empty() || flags.iterations < 1) {
    err << "xxgk bench: give one or more FILEs and --iterations >= 1\n";
    return kExitUsage;
  }
  std::vector<xxgk::v1::ValidateRequest> requests;
  if (!LoadRequests(args, &requests, err)) return kExitUsage;
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
