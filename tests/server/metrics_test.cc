// Metric names and labels the dashboards and alerts depend on.
#include "server/metrics.h"

#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "prometheus/text_serializer.h"
#include "server/log.h"

namespace xxgk::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Scrape(prometheus::Registry& registry) {
  return prometheus::TextSerializer().Serialize(registry.Collect());
}

std::vector<std::string> Known() {
  return {"/xxgk.v1.Validator/Validate", "/xxgk.v1.Validator/ValidateStream",
          "/grpc.health.v1.Health/Check"};
}

TEST(ServerMetricsTest, CodeNamesFollowGoGrpcPrometheus) {
  EXPECT_EQ(GrpcCodeName(grpc::StatusCode::OK), "OK");
  EXPECT_EQ(GrpcCodeName(grpc::StatusCode::INVALID_ARGUMENT), "InvalidArgument");
  EXPECT_EQ(GrpcCodeName(grpc::StatusCode::RESOURCE_EXHAUSTED), "ResourceExhausted");
  EXPECT_EQ(GrpcCodeName(grpc::StatusCode::CANCELLED), "Canceled");
  EXPECT_EQ(GrpcTypeName(grpc::experimental::ServerRpcInfo::Type::BIDI_STREAMING), "bidi_stream");
  EXPECT_EQ(GrpcTypeName(grpc::experimental::ServerRpcInfo::Type::UNARY), "unary");
}

TEST(ServerMetricsTest, UnknownMethodsCollapseToOneLabel) {
  std::string service, method;
  SplitMethod("/xxgk.v1.Validator/Validate", Known(), &service, &method);
  EXPECT_EQ(service, "xxgk.v1.Validator");
  EXPECT_EQ(method, "Validate");
  SplitMethod("/grpc.health.v1.Health/Check", Known(), &service, &method);
  EXPECT_EQ(service, "grpc.health.v1.Health");
  EXPECT_EQ(method, "Check");
  // Unknown services, and unimplemented methods of a known one, all share
  // one label: callers cannot grow the series.
  for (const char* name : {"/evil.Service/Random123", "/xxgk.v1.Validator/Random123",
                           "/xxgk.v1.Validator/Validate/x", "xxgk.v1.Validator/Validate",
                           "garbage", "/", ""}) {
    SplitMethod(name, Known(), &service, &method);
    EXPECT_EQ(service, "unknown") << name;
    EXPECT_EQ(method, "unknown") << name;
  }
}

TEST(ServerMetricsTest, SeriesOfAnUnknownMethodIsTheSharedOne) {
  auto registry = std::make_shared<prometheus::Registry>();
  Metrics m(registry, Known());
  using Type = grpc::experimental::ServerRpcInfo::Type;
  RpcSeries* a = m.SeriesOf("/xxgk.v1.Validator/Random1", Type::UNARY);
  RpcSeries* b = m.SeriesOf("/xxgk.v1.Validator/Random2", Type::UNARY);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, m.SeriesOf("/xxgk.v1.Validator/Validate", Type::UNARY));
  a->Started();
  b->Started();
  const std::string text = Scrape(*registry);
  EXPECT_THAT(text, HasSubstr("grpc_server_started_total{grpc_method=\"unknown\","
                              "grpc_service=\"unknown\",grpc_type=\"unary\"} 2"));
  EXPECT_THAT(text, Not(HasSubstr("Random")));
}

TEST(ServerMetricsTest, InputFormatLabelIsBounded) {
  EXPECT_EQ(InputFormatLabel("pdf"), "pdf");
  EXPECT_EQ(InputFormatLabel("report"), "report");
  EXPECT_EQ(InputFormatLabel("mhtml"), "mhtml");
  EXPECT_EQ(InputFormatLabel("rtf"), "rtf");
  EXPECT_EQ(InputFormatLabel("odt"), "odt");
  EXPECT_EQ(InputFormatLabel("word-xml"), "word-xml");
  EXPECT_EQ(InputFormatLabel("application/x-whatever"), "other");
}

TEST(ServerMetricsTest, RpcCountersCarryGoGrpcPrometheusLabels) {
  auto registry = std::make_shared<prometheus::Registry>();
  Metrics m(registry, Known());
  using Type = grpc::experimental::ServerRpcInfo::Type;
  RpcSeries* validate = m.SeriesOf("/xxgk.v1.Validator/Validate", Type::UNARY);
  validate->Started();
  validate->Handled(grpc::StatusCode::OK, 0.02);
  validate->Handled(grpc::StatusCode::INVALID_ARGUMENT, 0.001);
  m.SeriesOf("/xxgk.v1.Validator/ValidateStream", Type::BIDI_STREAMING)->MsgReceived();
  std::string text = Scrape(*registry);
  EXPECT_THAT(text, HasSubstr("grpc_server_started_total{grpc_method=\"Validate\","
                              "grpc_service=\"xxgk.v1.Validator\",grpc_type=\"unary\"} 1"));
  EXPECT_THAT(text, HasSubstr("grpc_server_handled_total{grpc_code=\"OK\",grpc_method=\"Validate\","
                              "grpc_service=\"xxgk.v1.Validator\",grpc_type=\"unary\"} 1"));
  EXPECT_THAT(text, HasSubstr("grpc_code=\"InvalidArgument\""));
  EXPECT_THAT(text, HasSubstr("grpc_server_handling_seconds_bucket{grpc_method=\"Validate\","
                              "grpc_service=\"xxgk.v1.Validator\",grpc_type=\"unary\",le=\"0.025\"} 2"));
  EXPECT_THAT(text, HasSubstr("grpc_server_msg_received_total{grpc_method=\"ValidateStream\""));
  EXPECT_THAT(text, HasSubstr("xxgk_build_info{"));
  EXPECT_THAT(text, HasSubstr("xxgk_inflight_requests 0"));
  EXPECT_THAT(text, HasSubstr("xxgk_ruleset_reloads_total{result=\"failure\"} 0"));
}

TEST(ServerMetricsTest, DocumentsAndFindingsAreCountedByBoundedLabels) {
  auto registry = std::make_shared<prometheus::Registry>();
  Metrics m(registry, Known());
  xxgk::v1::ValidateResponse response;
  auto* f = response.add_findings();
  f->set_rule_id("T3-A");
  f->set_severity(xxgk::v1::ERROR);
  response.add_findings()->CopyFrom(*f);
  m.CountFindings(response);
  m.DocumentDone("html", "failed");
  m.DocumentDone("weird/type", "rejected");
  m.StageSeconds("parse", 0.01);
  std::string text = Scrape(*registry);
  EXPECT_THAT(text, HasSubstr("xxgk_findings_total{rule_id=\"T3-A\",severity=\"ERROR\"} 2"));
  EXPECT_THAT(text, HasSubstr("xxgk_documents_total{input_format=\"html\",outcome=\"failed\"} 1"));
  EXPECT_THAT(text, HasSubstr("xxgk_documents_total{input_format=\"other\",outcome=\"rejected\"} 1"));
  EXPECT_THAT(text, HasSubstr("xxgk_stage_seconds_count{stage=\"parse\"} 1"));
}

TEST(ServerMetricsTest, RuleSetInfoIsReplacedOnReload) {
  auto registry = std::make_shared<prometheus::Registry>();
  Metrics m(registry, Known());
  xxgk::v1::RuleSetInfo a;
  a.set_id("national-2021");
  a.set_version("1");
  a.set_content_hash("aaa");
  m.SetRuleSets({a});
  EXPECT_THAT(Scrape(*registry), HasSubstr("xxgk_ruleset_info{content_hash=\"aaa\","
                                           "ruleset=\"national-2021\",version=\"1\"} 1"));
  a.set_content_hash("bbb");
  m.SetRuleSets({a});
  m.RulesetReload(true);
  std::string text = Scrape(*registry);
  EXPECT_THAT(text, HasSubstr("content_hash=\"bbb\""));
  EXPECT_THAT(text, Not(HasSubstr("content_hash=\"aaa\"")));
  EXPECT_THAT(text, HasSubstr("xxgk_ruleset_reloads_total{result=\"success\"} 1"));
}

TEST(ServerLogTest, LinesAreJsonWithEscapedValues) {
  std::string line = FormatLogLine(LogLevel::kWarning, "reload \"failed\"",
                                   {{"rules_dir", "/a\nb"}, {"count", 3}});
  EXPECT_THAT(line, HasSubstr("\"level\":\"warning\""));
  EXPECT_THAT(line, HasSubstr("\"msg\":\"reload \\\"failed\\\"\""));
  EXPECT_THAT(line, HasSubstr("\"rules_dir\":\"/a\\nb\""));
  EXPECT_THAT(line, HasSubstr("\"count\":3"));
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

}  // namespace
}  // namespace xxgk::server
