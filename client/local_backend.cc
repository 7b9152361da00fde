// The in-process backend: rule sets compiled into a snapshot, validation on a
// small pool of worker threads.
#include <algorithm>
#include <atomic>
#include <thread>

#include "client/backend.h"
#include "report/parse.h"
#include "rules/validator.h"

namespace xxgk::client {
namespace {

class LocalBackend : public Backend {
 public:
  LocalBackend(std::shared_ptr<const rules::Snapshot> snapshot, int jobs)
      : snapshot_(std::move(snapshot)), jobs_(jobs) {}

  absl::StatusOr<xxgk::v1::ValidateResponse> Validate(
      const xxgk::v1::ValidateRequest& request) override {
    return rules::Validate(*snapshot_, request);
  }

  void ValidateBatch(size_t count, const RequestFactory& make,
                     const BatchCallback& done) override {
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < count; i = next++) {
        absl::StatusOr<xxgk::v1::ValidateRequest> request = make(i);
        if (!request.ok()) {
          done(i, request.status());
          continue;
        }
        done(i, rules::Validate(*snapshot_, *request));
      }
    };
    size_t threads = jobs_ > 0 ? static_cast<size_t>(jobs_)
                               : std::max(1u, std::thread::hardware_concurrency());
    threads = std::min(threads, std::max<size_t>(count, 1));
    if (threads <= 1) {
      work();
      return;
    }
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (size_t t = 0; t < threads; ++t) pool.emplace_back(work);
    for (auto& t : pool) t.join();
  }

  absl::StatusOr<xxgk::v1::Report> Parse(const xxgk::v1::ParseRequest& request) override {
    // The same reading, and the same refusal text, as validation and the
    // server's Parse.
    xxgk::v1::Report report;
    absl::Status read = rules::ReadRequestDocument(
        request.document(), "document", &report,
        [&request](const xxgk::v1::Document& doc, xxgk::v1::Report* out) {
          report::ParseOptions options;
          options.input_format = request.input_format();
          return report::ParseDocumentInto(doc, options, out);
        });
    if (!read.ok()) return read;
    return report;
  }

  absl::StatusOr<std::vector<xxgk::v1::RuleSetInfo>> ListRuleSets() override {
    return rules::ListRuleSets(*snapshot_);
  }

  absl::StatusOr<xxgk::v1::DescribeRuleResponse> DescribeRule(const std::string& rule_id,
                                                              const std::string& ruleset) override {
    return rules::DescribeRule(*snapshot_, rule_id, ruleset);
  }

 private:
  std::shared_ptr<const rules::Snapshot> snapshot_;
  int jobs_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Backend>> MakeLocalBackend(const std::string& rules_dir, int jobs) {
  absl::StatusOr<std::shared_ptr<const rules::Snapshot>> snapshot = rules::LoadSnapshot(rules_dir);
  if (!snapshot.ok()) return snapshot.status();
  return std::unique_ptr<Backend>(new LocalBackend(*std::move(snapshot), jobs));
}

}  // namespace xxgk::client
