// Ingestion throughput (MB/s) for text, HTML, .docx and PDF: ParseDocument on
// generated seed-like reports (national tables with spans plus N paragraphs
// of prose). The .docx and PDF inputs are made once by LibreOffice headless
// from the HTML rendition; without soffice those benchmarks report an error.
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include "report/parse.h"
#include "report/readers.h"
#include "tests/report/fixtures/seed_like.h"
#include "tests/report/fixtures/soffice.h"
#include "xxgk/v1/service.pb.h"

namespace {

using xxgk::testing::SeedLikeDoc;

SeedLikeDoc MakeDoc(int paragraphs) {
  xxgk::testing::SeedLikeText text;
  text.title = "某县人民政府2024年政府信息公开工作年度报告";
  text.intro = "本报告根据《中华人民共和国政府信息公开条例》编制,数据统计期限自2024年1月1日起至12月31日。";
  for (int i = 0; i < paragraphs; ++i) {
    text.general += "(" + std::to_string(i + 1) + ")本年度通过政府网站主动公开政府信息" +
                    std::to_string(100 + i) + "条,其中规范性文件" + std::to_string(i % 9) +
                    "件,政策解读" + std::to_string(i % 13) + "篇,回应社会关切" +
                    std::to_string(i % 7) + "次。\n";
  }
  text.problems = "政务公开工作仍存在信息更新不够及时等问题,下一步将加强培训。";
  text.other = "本年度未收取信息处理费。";
  int n = 0;
  return xxgk::testing::BuildSeedLike(text, [&](const std::string&) {
    return std::to_string((++n * 37) % 101);
  });
}

// Inputs per (format, paragraphs), made once.
const std::string& Input(const std::string& format, int paragraphs, std::string* error) {
  static std::map<std::pair<std::string, int>, std::string> cache;
  static std::map<std::pair<std::string, int>, std::string> errors;
  const auto key = std::make_pair(format, paragraphs);
  auto it = cache.find(key);
  if (it != cache.end()) {
    *error = errors[key];
    return it->second;
  }
  const SeedLikeDoc doc = MakeDoc(paragraphs);
  std::string bytes;
  if (format == "text") {
    bytes = xxgk::testing::ToPipeText(doc);
  } else if (format == "html") {
    bytes = xxgk::testing::ToHtml(doc);
  } else {
    xxgk::testing::TempDir dir;
    const auto html = dir.path() / "bench.html";
    xxgk::testing::WriteFileBytes(html, xxgk::testing::ToHtml(doc));
    const std::string target = format == "pdf" ? "pdf:writer_pdf_Export" : "docx:MS Word 2007 XML";
    errors[key] = xxgk::testing::ConvertWithSoffice({html}, target, dir.path() / "out",
                                                    dir.path() / "profile");
    if (errors[key].empty()) {
      bytes = xxgk::testing::ReadFileBytes(dir.path() / "out" / ("bench." + format));
    }
  }
  *error = errors[key];
  return cache[key] = bytes;
}

void BM_Parse(benchmark::State& state, const std::string& format) {
  std::string error;
  const std::string& bytes = Input(format, static_cast<int>(state.range(0)), &error);
  if (!error.empty() || bytes.empty()) {
    state.SkipWithError(error.empty() ? "no input" : error.c_str());
    return;
  }
  xxgk::v1::Document doc;
  doc.set_content(bytes);
  doc.set_file_name("bench." + format);
  xxgk::report::ParseOptions options;
  options.input_format = format;
  for (auto _ : state) {
    auto report = xxgk::report::ParseDocument(doc, options);
    if (!report.ok()) {
      state.SkipWithError(std::string(report.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(report);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(bytes.size()));
  state.counters["input_bytes"] = static_cast<double>(bytes.size());
}

BENCHMARK_CAPTURE(BM_Parse, text, std::string("text"))->Arg(10)->Arg(400);
BENCHMARK_CAPTURE(BM_Parse, html, std::string("html"))->Arg(10)->Arg(400);
BENCHMARK_CAPTURE(BM_Parse, docx, std::string("docx"))->Arg(10)->Arg(400);
BENCHMARK_CAPTURE(BM_Parse, pdf, std::string("pdf"))->Arg(10)->Arg(400);

}  // namespace
