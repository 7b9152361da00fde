// The server's own behaviour, with a fake engine behind the seam so it is
// pinned independently of the rule catalogue: errors vs findings, the
// concurrency limit, ValidateStream bookkeeping and flow control, per-item
// deadlines, and reload bookkeeping.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>

#include <unistd.h>

#include <grpcpp/grpcpp.h>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "prometheus/text_serializer.h"
#include "rules/validator.h"
#include "server/errors.h"
#include "server/rules_state.h"
#include "server/server.h"
#include "xxgk/v1/service.grpc.pb.h"

namespace xxgk::server {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A fake engine. Validate returns one finding per request; a report titled
// "sleep:N" takes N ms. It records the highest number of validations running
// at once.
struct FakeEngine {
  std::atomic<int> running{0};
  std::atomic<int> max_running{0};
  std::atomic<int> loads{0};
  std::atomic<int> warm_ups{0};
  std::atomic<int> loads_before_warm_up{-1};

  Engine Make() {
    Engine e;
    e.load = [this](const std::string& dir) -> absl::StatusOr<SnapshotPtr> {
      ++loads;
      if (!dir.empty()) {
        for (const auto& entry : fs::directory_iterator(dir)) {
          std::ifstream in(entry.path());
          std::string content((std::istreambuf_iterator<char>(in)), {});
          if (content.find("broken") != std::string::npos) {
            return absl::InvalidArgumentError(entry.path().filename().string() +
                                              ":1: syntax error");
          }
        }
      }
      return SnapshotPtr();
    };
    e.list = [this](const xxgk::rules::Snapshot*) {
      xxgk::v1::RuleSetInfo info;
      info.set_id("fake");
      info.set_content_hash(std::to_string(loads.load()));
      return std::vector<xxgk::v1::RuleSetInfo>{info};
    };
    e.content_hash = [this](const xxgk::rules::Snapshot*) { return std::to_string(loads.load()); };
    e.validate = [this](const xxgk::rules::Snapshot*, const xxgk::v1::ValidateRequest& r)
        -> absl::StatusOr<xxgk::v1::ValidateResponse> {
      if (r.report().meta().title() == "throw") throw std::runtime_error("engine bug");
      int now = ++running;
      int prev = max_running.load();
      while (now > prev && !max_running.compare_exchange_weak(prev, now)) {
      }
      const std::string& title = r.report().meta().title();
      if (title.rfind("sleep:", 0) == 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(std::stoi(title.substr(6))));
      }
      --running;
      if (title == "unknown-set") return absl::NotFoundError("no rule set named x");
      xxgk::v1::ValidateResponse resp;
      auto* f = resp.add_findings();
      f->set_rule_id("T3-A");
      f->set_severity(xxgk::v1::ERROR);
      f->set_category(xxgk::v1::ARITHMETIC);
      return resp;
    };
    e.describe = [](const xxgk::rules::Snapshot*, std::string_view, std::string_view)
        -> absl::StatusOr<xxgk::v1::DescribeRuleResponse> {
      return absl::NotFoundError("no such rule");
    };
    e.parse = [](const xxgk::v1::Document& doc, const std::string&,
                 xxgk::v1::Report* out) -> absl::Status {
      if (doc.content() == "unreadable") return absl::InvalidArgumentError("not a report");
      if (doc.content() == "throw") throw std::runtime_error("reader bug");
      out->mutable_meta()->set_title(doc.content());
      return absl::OkStatus();
    };
    e.sniff = [](const xxgk::v1::Document&) { return std::string("text"); };
    e.warm_up = [this] {
      if (warm_ups++ == 0) loads_before_warm_up = loads.load();
    };
    return e;
  }
};

class ServerServiceTest : public ::testing::Test {
 protected:
  void StartServer(ServerConfig config) {
    config.host = "127.0.0.1";
    config.port = 0;
    config.metrics_port = 0;
    config.workers = 4;
    config.rules_poll_seconds = 0;
    server_ = std::make_unique<Server>(config, fake_.Make());
    ASSERT_TRUE(server_->Start().ok());
    channel_ = grpc::CreateChannel("127.0.0.1:" + std::to_string(server_->grpc_port()),
                                   grpc::InsecureChannelCredentials());
    stub_ = xxgk::v1::Validator::NewStub(channel_);
  }

  std::string Scrape() {
    return prometheus::TextSerializer().Serialize(server_->metrics()->registry()->Collect());
  }

  using Stream = grpc::ClientReaderWriter<xxgk::v1::ValidateStreamRequest,
                                          xxgk::v1::ValidateStreamResponse>;
  // After WritesDone: every answer by id, and the stream's own status.
  static std::map<std::string, xxgk::v1::ValidateStreamResponse> AnswersById(
      Stream* stream, grpc::Status* finished) {
    std::map<std::string, xxgk::v1::ValidateStreamResponse> got;
    xxgk::v1::ValidateStreamResponse resp;
    while (stream->Read(&resp)) got[resp.id()] = resp;
    *finished = stream->Finish();
    return got;
  }

  static xxgk::v1::ValidateRequest ReportRequest(const std::string& title) {
    xxgk::v1::ValidateRequest r;
    r.mutable_report()->mutable_meta()->set_title(title);
    return r;
  }

  FakeEngine fake_;
  std::unique_ptr<Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<xxgk::v1::Validator::Stub> stub_;
};

TEST_F(ServerServiceTest, FindingsAreResultsAndMalformedRequestsAreInvalidArgument) {
  StartServer({});
  grpc::ClientContext ctx;
  xxgk::v1::ValidateResponse resp;
  grpc::Status s = stub_->Validate(&ctx, ReportRequest("ok"), &resp);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(resp.findings_size(), 1);
  EXPECT_EQ(resp.findings(0).rule_id(), "T3-A");

  grpc::ClientContext ctx2;
  s = stub_->Validate(&ctx2, xxgk::v1::ValidateRequest(), &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("set `report`"));
  EXPECT_THAT(FieldViolations(s), ::testing::ElementsAre(HasSubstr("input: ")));

  grpc::ClientContext ctx3;
  xxgk::v1::ValidateRequest doc;
  doc.mutable_document()->set_content("unreadable");
  s = stub_->Validate(&ctx3, doc, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("not a report"));
  EXPECT_THAT(FieldViolations(s), ::testing::ElementsAre(HasSubstr("document: ")));

  grpc::ClientContext ctx4;
  s = stub_->Validate(&ctx4, ReportRequest("unknown-set"), &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);

  std::string text = Scrape();
  EXPECT_THAT(text, HasSubstr("grpc_server_handled_total{grpc_code=\"OK\",grpc_method=\"Validate\""));
  EXPECT_THAT(text, HasSubstr("grpc_code=\"InvalidArgument\",grpc_method=\"Validate\""));
  EXPECT_THAT(text, HasSubstr("xxgk_documents_total{input_format=\"report\",outcome=\"failed\"} 1"));
  EXPECT_THAT(text, HasSubstr("xxgk_documents_total{input_format=\"text\",outcome=\"rejected\"} 1"));
  EXPECT_THAT(text, HasSubstr("xxgk_findings_total{rule_id=\"T3-A\",severity=\"ERROR\"} 1"));
}

// The readers' tables are built once at start, after the rule sets loaded and
// before the health service reports SERVING (Start returns then).
TEST_F(ServerServiceTest, StartWarmsUpOnceAfterLoadingRules) {
  StartServer({});
  EXPECT_EQ(fake_.warm_ups.load(), 1);
  EXPECT_EQ(fake_.loads_before_warm_up.load(), 1);
  grpc::ClientContext ctx;
  xxgk::v1::ValidateResponse resp;
  ASSERT_TRUE(stub_->Validate(&ctx, ReportRequest("x"), &resp).ok());
  EXPECT_EQ(fake_.warm_ups.load(), 1);  // requests do not warm up again
}

TEST_F(ServerServiceTest, ConcurrencyLimitAnswersResourceExhausted) {
  ServerConfig config;
  config.service.max_concurrent_requests = 1;
  StartServer(config);
  std::thread slow([&] {
    grpc::ClientContext ctx;
    xxgk::v1::ValidateResponse resp;
    EXPECT_TRUE(stub_->Validate(&ctx, ReportRequest("sleep:1500"), &resp).ok());
  });
  // Wait (bounded) until the slow call is being validated.
  for (int i = 0; i < 200 && fake_.running.load() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(fake_.running.load(), 1);
  grpc::ClientContext ctx;
  xxgk::v1::ValidateResponse resp;
  grpc::Status s = stub_->Validate(&ctx, ReportRequest("fast"), &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(s.error_message(), HasSubstr("--max_concurrent_requests"));
  {
    // A stream is one request too.
    grpc::ClientContext sctx;
    auto stream = stub_->ValidateStream(&sctx);
    xxgk::v1::ValidateStreamResponse r;
    EXPECT_FALSE(stream->Read(&r));
    EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  }
  slow.join();
  grpc::ClientContext ctx2;
  EXPECT_TRUE(stub_->Validate(&ctx2, ReportRequest("fast"), &resp).ok());
}

// The held-bytes budget: a request that would go beyond it is refused while
// others are held (a stream item gets an ItemError and the stream goes on);
// alone, even a request above the limit gets through; answered requests
// give their bytes back.
TEST_F(ServerServiceTest, HeldBytesLimitAnswersResourceExhausted) {
  ServerConfig config;
  config.service.max_held_bytes = 8000;
  StartServer(config);
  auto sized = [](const std::string& title, size_t pad) {
    xxgk::v1::ValidateRequest r = ReportRequest(title);
    r.mutable_report()->set_text(std::string(pad, 'x'));
    return r;
  };
  xxgk::v1::ValidateResponse resp;
  {
    grpc::ClientContext ctx;
    EXPECT_TRUE(stub_->Validate(&ctx, sized("fast", 20000), &resp).ok()) << "alone";
  }
  std::thread slow([&] {
    grpc::ClientContext ctx;
    xxgk::v1::ValidateResponse r;
    EXPECT_TRUE(stub_->Validate(&ctx, sized("sleep:1500", 6000), &r).ok());
  });
  for (int i = 0; i < 200 && fake_.running.load() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(fake_.running.load(), 1);
  {
    grpc::ClientContext ctx;
    grpc::Status s = stub_->Validate(&ctx, sized("fast", 3000), &resp);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
    EXPECT_THAT(s.error_message(), HasSubstr("--max_held_bytes"));
  }
  {
    grpc::ClientContext ctx;
    EXPECT_TRUE(stub_->Validate(&ctx, sized("fast", 100), &resp).ok()) << "room for a small one";
  }
  {
    grpc::ClientContext ctx;
    auto stream = stub_->ValidateStream(&ctx);
    xxgk::v1::ValidateStreamRequest big, small;
    big.set_id("big");
    *big.mutable_request() = sized("fast", 3000);
    small.set_id("small");
    *small.mutable_request() = sized("fast", 10);
    ASSERT_TRUE(stream->Write(big));
    ASSERT_TRUE(stream->Write(small));
    stream->WritesDone();
    grpc::Status finished;
    auto answers = AnswersById(stream.get(), &finished);
    EXPECT_TRUE(finished.ok());
    ASSERT_EQ(answers.size(), 2u);
    EXPECT_EQ(answers["big"].error().code(), static_cast<int>(grpc::StatusCode::RESOURCE_EXHAUSTED));
    EXPECT_THAT(answers["big"].error().message(), HasSubstr("--max_held_bytes"));
    EXPECT_TRUE(answers["small"].has_result());
  }
  slow.join();
  grpc::ClientContext ctx;
  EXPECT_TRUE(stub_->Validate(&ctx, sized("fast", 3000), &resp).ok()) << "the bytes were given back";
}

TEST_F(ServerServiceTest, StreamAnswersEveryIdExactlyOnceWithBoundedConcurrency) {
  ServerConfig config;
  config.service.stream_window = 2;
  StartServer(config);
  grpc::ClientContext ctx;
  auto stream = stub_->ValidateStream(&ctx);
  constexpr int kItems = 200;
  std::thread writer([&] {
    for (int i = 0; i < kItems; ++i) {
      xxgk::v1::ValidateStreamRequest item;
      item.set_id("item-" + std::to_string(i));
      if (i % 50 != 7) *item.mutable_request() = ReportRequest(i % 10 == 0 ? "sleep:5" : "fast");
      if (!stream->Write(item)) break;
    }
    stream->WritesDone();
  });
  std::map<std::string, int> answers;
  int errors = 0;
  xxgk::v1::ValidateStreamResponse resp;
  while (stream->Read(&resp)) {
    ++answers[resp.id()];
    if (resp.has_error()) {
      ++errors;
      EXPECT_EQ(resp.error().code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
    } else {
      EXPECT_EQ(resp.result().findings_size(), 1);
    }
  }
  writer.join();
  grpc::Status s = stream->Finish();
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(answers.size(), static_cast<size_t>(kItems));
  for (const auto& [id, count] : answers) EXPECT_EQ(count, 1) << id;
  EXPECT_EQ(errors, kItems / 50);  // the items without a request
  // Never more than the window of this stream validated at once.
  EXPECT_LE(fake_.max_running.load(), 2);
  EXPECT_THAT(Scrape(), HasSubstr("grpc_server_msg_received_total{grpc_method=\"ValidateStream\","
                                  "grpc_service=\"xxgk.v1.Validator\",grpc_type=\"bidi_stream\"} 200"));
}

TEST_F(ServerServiceTest, StreamItemDeadlineGivesPerItemError) {
  ServerConfig config;
  config.service.stream_window = 1;
  StartServer(config);
  grpc::ClientContext ctx;
  auto stream = stub_->ValidateStream(&ctx);
  xxgk::v1::ValidateStreamRequest item;
  item.set_id("slow");
  *item.mutable_request() = ReportRequest("sleep:300");
  item.set_timeout_seconds(0.05);
  ASSERT_TRUE(stream->Write(item));
  item.set_id("fine");
  *item.mutable_request() = ReportRequest("fast");
  item.set_timeout_seconds(30);
  ASSERT_TRUE(stream->Write(item));
  stream->WritesDone();
  grpc::Status finished;
  auto got = AnswersById(stream.get(), &finished);
  ASSERT_TRUE(finished.ok());
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got["slow"].error().code(), static_cast<int>(grpc::StatusCode::DEADLINE_EXCEEDED));
  EXPECT_TRUE(got["fine"].has_result());
}

TEST_F(ServerServiceTest, EngineExceptionsAreInternalAndTheServerKeepsServing) {
  StartServer(ServerConfig());
  {
    grpc::ClientContext ctx;
    xxgk::v1::ValidateResponse resp;
    grpc::Status st = stub_->Validate(&ctx, ReportRequest("throw"), &resp);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INTERNAL);
    EXPECT_THAT(st.error_message(), HasSubstr("engine bug"));
  }
  {
    grpc::ClientContext ctx;
    xxgk::v1::ParseRequest req;
    req.mutable_document()->set_content("throw");
    xxgk::v1::ParseResponse resp;
    grpc::Status st = stub_->Parse(&ctx, req, &resp);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INTERNAL);
    EXPECT_THAT(st.error_message(), HasSubstr("reader bug"));
  }
  {
    grpc::ClientContext ctx;
    auto stream = stub_->ValidateStream(&ctx);
    xxgk::v1::ValidateStreamRequest item;
    item.set_id("boom");
    *item.mutable_request() = ReportRequest("throw");
    ASSERT_TRUE(stream->Write(item));
    stream->WritesDone();
    xxgk::v1::ValidateStreamResponse resp;
    ASSERT_TRUE(stream->Read(&resp));
    EXPECT_EQ(resp.id(), "boom");
    EXPECT_EQ(resp.error().code(), static_cast<int>(grpc::StatusCode::INTERNAL));
    EXPECT_FALSE(stream->Read(&resp));
    EXPECT_TRUE(stream->Finish().ok());
  }
  grpc::ClientContext ctx;
  xxgk::v1::ValidateResponse resp;
  EXPECT_TRUE(stub_->Validate(&ctx, ReportRequest("fine"), &resp).ok());
  EXPECT_EQ(resp.findings_size(), 1);
}

TEST_F(ServerServiceTest, DocumentErrorsReadAsInProcessValidation) {
  StartServer(ServerConfig());
  xxgk::v1::ValidateRequest req;
  req.mutable_document()->set_file_name("empty.txt");
  grpc::ClientContext ctx;
  xxgk::v1::ValidateResponse resp;
  grpc::Status st = stub_->Validate(&ctx, req, &resp);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  auto snapshot = rules::LoadSnapshot("");
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();
  absl::StatusOr<xxgk::v1::ValidateResponse> local = rules::Validate(**snapshot, req);
  ASSERT_FALSE(local.ok());
  EXPECT_EQ(st.error_message(), std::string(local.status().message()));
  EXPECT_EQ(FieldViolations(st).size(), 1u);

  // an unreadable document: the parser's reason under the same "document: " prefix
  req.mutable_document()->set_content("unreadable");
  grpc::ClientContext ctx2;
  st = stub_->Validate(&ctx2, req, &resp);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(st.error_message(), "document: not a report");

  // Parse refuses in the same words as validation, with the same field.
  for (const std::string content : {"", "unreadable"}) {
    xxgk::v1::ParseRequest parse;
    parse.mutable_document()->set_file_name("empty.txt");
    parse.mutable_document()->set_content(content);
    grpc::ClientContext pctx;
    xxgk::v1::ParseResponse parsed;
    st = stub_->Parse(&pctx, parse, &parsed);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    req.mutable_document()->set_content(content);
    grpc::ClientContext vctx;
    const grpc::Status validated = stub_->Validate(&vctx, req, &resp);
    EXPECT_EQ(st.error_message(), validated.error_message());
    EXPECT_EQ(FieldViolations(st), FieldViolations(validated));
    EXPECT_THAT(FieldViolations(st),
                ::testing::ElementsAre(::testing::StartsWith(content.empty() ? "document.content: "
                                                                            : "document: ")));
  }
}

TEST_F(ServerServiceTest, StreamItemTimeoutMustBeFiniteAndNonNegative) {
  StartServer(ServerConfig());
  grpc::ClientContext ctx;
  auto stream = stub_->ValidateStream(&ctx);
  const std::vector<std::pair<std::string, double>> items = {
      {"inf", std::numeric_limits<double>::infinity()},
      {"nan", std::numeric_limits<double>::quiet_NaN()},
      {"negative", -1},
      {"huge", 1e300},  // clamped, not overflowed into the past
      {"none", 0},
  };
  for (const auto& [id, timeout] : items) {
    xxgk::v1::ValidateStreamRequest item;
    item.set_id(id);
    *item.mutable_request() = ReportRequest("fast");
    item.set_timeout_seconds(timeout);
    ASSERT_TRUE(stream->Write(item));
  }
  stream->WritesDone();
  grpc::Status finished;
  auto got = AnswersById(stream.get(), &finished);
  ASSERT_TRUE(finished.ok());
  ASSERT_EQ(got.size(), items.size());
  for (const char* bad : {"inf", "nan", "negative"}) {
    EXPECT_EQ(got[bad].error().code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT)) << bad;
    EXPECT_THAT(got[bad].error().message(), HasSubstr("timeout_seconds")) << bad;
  }
  EXPECT_TRUE(got["huge"].has_result());
  EXPECT_TRUE(got["none"].has_result());
}

// With --inline_max_bytes, a small text document is validated on the gRPC
// thread that received it: it is answered while every worker is busy with
// larger documents; without it, it waits for a worker.
TEST_F(ServerServiceTest, SmallDocumentsSkipTheBusyWorkerPool) {
  for (int inline_max : {200, 0}) {
    SCOPED_TRACE(inline_max);
    ServerConfig config;
    config.service.inline_max_bytes = inline_max;
    StartServer(config);  // 4 workers
    auto doc_request = [](const std::string& content) {
      xxgk::v1::ValidateRequest r;
      r.mutable_document()->set_content(content);
      return r;
    };
    const std::string big = "sleep:1200" + std::string(400, ' ');  // > 200 bytes: the pool
    std::vector<std::thread> busy;
    for (int i = 0; i < 4; ++i) {
      busy.emplace_back([&] {
        grpc::ClientContext ctx;
        xxgk::v1::ValidateResponse resp;
        EXPECT_TRUE(stub_->Validate(&ctx, doc_request(big), &resp).ok());
      });
    }
    for (int i = 0; i < 200 && fake_.running.load() < 4; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_EQ(fake_.running.load(), 4);
    grpc::ClientContext ctx;
    xxgk::v1::ValidateResponse resp;
    const auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(stub_->Validate(&ctx, doc_request("fast"), &resp).ok());
    const double waited =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const bool overlapped = fake_.running.load() > 0;  // workers still busy when answered
    for (auto& t : busy) t.join();
    EXPECT_EQ(resp.findings_size(), 1);
    if (inline_max > 0) {
      EXPECT_TRUE(overlapped) << "answered only after " << waited << " s";
    } else {
      // It had to wait for the first worker to finish its 1.2 s.
      EXPECT_GT(waited, 0.6) << "a pooled request was answered while all workers slept";
    }
    server_.reset();
  }
}

TEST_F(ServerServiceTest, MessagesAboveTheLimitAreRefused) {
  ServerConfig config;
  config.max_message_bytes = 4096;
  StartServer(config);
  grpc::ClientContext ctx;
  xxgk::v1::ValidateResponse resp;
  grpc::Status s = stub_->Validate(&ctx, ReportRequest(std::string(8192, 'x')), &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  grpc::ClientContext ctx2;
  EXPECT_TRUE(stub_->Validate(&ctx2, ReportRequest("small"), &resp).ok());
}

TEST_F(ServerServiceTest, EchoReportsPayloadSize) {
  StartServer({});
  grpc::ClientContext ctx;
  xxgk::v1::EchoRequest req;
  *req.mutable_request() = ReportRequest("x");
  xxgk::v1::EchoResponse resp;
  ASSERT_TRUE(stub_->Echo(&ctx, req, &resp).ok());
  EXPECT_EQ(resp.size_bytes(), static_cast<int64_t>(req.ByteSizeLong()));
}

TEST(ServerRulesStateTest, BrokenFileKeepsPreviousSnapshotAndCountsFailure) {
  FakeEngine fake;
  Engine engine = fake.Make();
  fs::path dir = fs::temp_directory_path() / ("xxgk-rules-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  { std::ofstream(dir / "a.textproto") << "id: \"a\"\n"; }
  auto registry = std::make_shared<prometheus::Registry>();
  Metrics metrics(registry, {});
  RulesState state(&engine, dir.string(), &metrics);
  ASSERT_TRUE(state.Load().ok());
  auto first = state.Current();
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->generation, 1u);
  EXPECT_FALSE(state.Poll());  // nothing changed

  { std::ofstream(dir / "b.textproto") << "id: \"b\"\n"; }
  EXPECT_FALSE(state.Poll());  // changed, not yet stable
  EXPECT_TRUE(state.Poll());   // stable: reloaded
  EXPECT_EQ(state.Current()->generation, 2u);

  { std::ofstream(dir / "c.textproto") << "broken\n"; }
  state.Poll();
  EXPECT_TRUE(state.Poll());
  EXPECT_EQ(state.Current()->generation, 2u);  // previous snapshot still served
  EXPECT_FALSE(state.Poll());                  // a failed version is not retried
  std::string text = prometheus::TextSerializer().Serialize(registry->Collect());
  EXPECT_THAT(text, HasSubstr("xxgk_ruleset_reloads_total{result=\"failure\"} 1"));
  EXPECT_THAT(text, HasSubstr("xxgk_ruleset_reloads_total{result=\"success\"} 1"));

  fs::remove(dir / "c.textproto");
  EXPECT_TRUE(state.Reload("signal").ok());
  EXPECT_EQ(state.Current()->generation, 3u);
  fs::remove_all(dir);
}

TEST(ServerRulesStateTest, FingerprintSkipsHiddenEntriesAndSeesChanges) {
  fs::path dir = fs::temp_directory_path() / ("xxgk-fp-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / ".hidden");
  std::string empty = DirectoryFingerprint(dir.string());
  { std::ofstream(dir / ".hidden" / "x.textproto") << "x"; }
  EXPECT_EQ(DirectoryFingerprint(dir.string()), empty);
  { std::ofstream(dir / "y.textproto") << "y"; }
  EXPECT_NE(DirectoryFingerprint(dir.string()), empty);
  EXPECT_EQ(DirectoryFingerprint((dir / "missing").string()), "missing");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace xxgk::server
