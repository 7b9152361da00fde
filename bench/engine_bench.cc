// The engine on a full 2021 report built in code: evaluation of the national
// rules (Validate on a structured report), snapshot compilation, and the
// arithmetic of one identity rule alone.
#include <string>

#include "benchmark/benchmark.h"
#include "report/cell_keys.h"
#include "rules/loader.h"
#include "rules/validator.h"
#include "xxgk/v1/service.pb.h"

namespace {

using xxgk::v1::Cell;

void Put(xxgk::v1::Report* r, const std::string& key, long v) {
  Cell* c = xxgk::report::MutableCell(r->mutable_tables(), key);
  c->set_presence(Cell::NUMBER);
  c->set_value(std::to_string(v));
  c->set_raw(c->value());
}

// A complete, consistent report in the 2021 format.
xxgk::v1::Report FullReport2021() {
  xxgk::v1::Report r;
  auto* m = r.mutable_meta();
  m->set_title("某县人民政府2023年政府信息公开工作年度报告");
  m->set_agency("某县人民政府");
  m->set_agency_level(xxgk::v1::COUNTY_GOVERNMENT);
  m->set_report_year(2023);
  m->set_format_version(xxgk::v1::FORMAT_2021);
  m->mutable_publish_date()->set_year(2024);
  m->mutable_publish_date()->set_month(3);
  m->mutable_publish_date()->set_day(20);
  const char* headings[] = {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                            "六、其他需要报告的事项"};
  for (int i = 0; i < 6; ++i) {
    auto* s = r.add_sections();
    s->set_kind(static_cast<xxgk::v1::Section::Kind>(i + 1));
    s->set_heading(headings[i]);
    s->set_number(i + 1);
    s->set_level(1);
    s->set_text(std::string("本部分内容。存在的问题和改进措施。本年度未收取信息处理费。") + headings[i]);
  }
  const char* cols[] = {"natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
                        "legal_service_org", "other_org"};
  const char* rows[] = {"result.granted", "result.partially_granted",
                        "result.denied.state_secret", "result.denied.prohibited_by_law",
                        "result.denied.security_stability", "result.denied.third_party_rights",
                        "result.denied.internal_affairs", "result.denied.process_information",
                        "result.denied.enforcement_files", "result.denied.administrative_query",
                        "result.unable.not_held", "result.unable.needs_creation", "result.unable.still_unclear",
                        "result.not_processed.petition_complaint", "result.not_processed.duplicate",
                        "result.not_processed.publication", "result.not_processed.excessive",
                        "result.not_processed.reconfirm", "result.other.no_correction", "result.other.unpaid_fee",
                        "result.other.other"};
  long col_total[6] = {0};
  for (int ri = 0; ri < 21; ++ri) {
    long row_total = 0;
    for (int c = 0; c < 6; ++c) {
      long v = (ri * 7 + c * 3) % 5;
      Put(&r, std::string("t3.") + rows[ri] + "." + cols[c], v);
      row_total += v;
      col_total[c] += v;
    }
    Put(&r, std::string("t3.") + rows[ri] + ".total", row_total);
  }
  long sums[4] = {0};
  for (int c = 0; c < 6; ++c) {
    const long carried_over = c % 2, carried_forward = (c + 1) % 2;
    const long received = col_total[c] + carried_forward - carried_over;
    Put(&r, std::string("t3.result.total.") + cols[c], col_total[c]);
    Put(&r, std::string("t3.carried_over.") + cols[c], carried_over);
    Put(&r, std::string("t3.carried_forward.") + cols[c], carried_forward);
    Put(&r, std::string("t3.new_received.") + cols[c], received);
    sums[0] += col_total[c];
    sums[1] += carried_over;
    sums[2] += carried_forward;
    sums[3] += received;
  }
  Put(&r, "t3.result.total.total", sums[0]);
  Put(&r, "t3.carried_over.total", sums[1]);
  Put(&r, "t3.carried_forward.total", sums[2]);
  Put(&r, "t3.new_received.total", sums[3]);
  for (const char* block : {"review", "litigation_direct", "litigation_after_review"}) {
    const std::string b = std::string("t4.") + block + ".";
    Put(&r, b + "upheld", 3);
    Put(&r, b + "corrected", 1);
    Put(&r, b + "other", 0);
    Put(&r, b + "pending", 2);
    Put(&r, b + "total", 6);
  }
  for (const char* k : {"t2.rules.issued", "t2.rules.repealed", "t2.rules.in_force", "t2.normative_documents.issued",
                        "t2.normative_documents.repealed", "t2.normative_documents.in_force", "t2.licensing.decisions",
                        "t2.penalty.decisions", "t2.coercion.decisions"}) {
    Put(&r, k, 12);
  }
  Cell* fee = xxgk::report::MutableCell(r.mutable_tables(), "t2.fees.amount_wan_yuan");
  fee->set_presence(Cell::NUMBER);
  fee->set_value("7730.28");
  r.mutable_tables()->mutable_t2()->mutable_info()->set_found(true);
  r.mutable_tables()->mutable_t3()->mutable_info()->set_found(true);
  r.mutable_tables()->mutable_t4()->mutable_info()->set_found(true);
  return r;
}

const std::shared_ptr<const xxgk::rules::Snapshot>& Snap() {
  static const auto* snap = new std::shared_ptr<const xxgk::rules::Snapshot>(*xxgk::rules::LoadSnapshot(""));
  return *snap;
}

void BM_ValidateFullReport2021(benchmark::State& state) {
  xxgk::v1::ValidateRequest req;
  *req.mutable_report() = FullReport2021();
  const auto& snap = Snap();
  size_t findings = 0;
  for (auto _ : state) {
    auto resp = xxgk::rules::Validate(*snap, req);
    findings = resp.ok() ? resp->findings_size() : 0;
    benchmark::DoNotOptimize(findings);
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ValidateFullReport2021);

void BM_ValidateBrokenReport2021(benchmark::State& state) {
  xxgk::v1::ValidateRequest req;
  *req.mutable_report() = FullReport2021();
  // Every identity fails somewhere: findings with labels and operands are built.
  for (const char* k : {"t3.new_received.natural_person", "t3.result.granted.total", "t4.review.total"}) {
    Put(req.mutable_report(), k, 999);
  }
  const auto& snap = Snap();
  for (auto _ : state) {
    auto resp = xxgk::rules::Validate(*snap, req);
    benchmark::DoNotOptimize(resp);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ValidateBrokenReport2021);

void BM_LoadEmbeddedSnapshot(benchmark::State& state) {
  for (auto _ : state) {
    auto snap = xxgk::rules::LoadSnapshot("");
    benchmark::DoNotOptimize(snap);
  }
}
BENCHMARK(BM_LoadEmbeddedSnapshot)->Unit(benchmark::kMillisecond);

}  // namespace
