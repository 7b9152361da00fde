// Ingestion throughput (MB/s) for text, HTML, .doc, .docx, PDF and OFD:
// ParseDocument on generated seed-like reports (national tables with spans
// plus N paragraphs of prose). The .doc, .docx and PDF inputs are made once by
// LibreOffice headless from the HTML rendition, the OFD input by re-drawing
// that PDF (tests/report/fixtures/ofd_writer.h); without soffice those
// benchmarks report an error.
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include "bench/seed_like_doc.h"
#include "report/parse.h"
#include "report/readers.h"
#include "tests/report/fixtures/ofd_writer.h"
#include "tests/report/fixtures/soffice.h"
#include "xxgk/v1/service.pb.h"

namespace {

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
  const xxgk::testing::SeedLikeDoc doc = xxgk::bench::MakeSeedLikeDoc(paragraphs);
  std::string bytes;
  if (format == "text") {
    bytes = xxgk::testing::ToPipeText(doc);
  } else if (format == "html") {
    bytes = xxgk::testing::ToHtml(doc);
  } else if (format == "ofd") {
    const std::string& pdf = Input("pdf", paragraphs, error);
    errors[key] = *error;
    if (error->empty()) bytes = xxgk::testing::PdfToOfd(pdf, xxgk::testing::OfdDrawing::kWords);
  } else {
    xxgk::testing::TempDir dir;
    const auto html = dir.path() / "bench.html";
    xxgk::testing::WriteFileBytes(html, xxgk::testing::ToHtml(doc));
    const std::string target = format == "pdf"   ? "pdf:writer_pdf_Export"
                               : format == "doc" ? "doc:MS Word 97"
                                                 : "docx:MS Word 2007 XML";
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
BENCHMARK_CAPTURE(BM_Parse, doc, std::string("doc"))->Arg(10)->Arg(400);
BENCHMARK_CAPTURE(BM_Parse, docx, std::string("docx"))->Arg(10)->Arg(400);
BENCHMARK_CAPTURE(BM_Parse, pdf, std::string("pdf"))->Arg(10)->Arg(400);
BENCHMARK_CAPTURE(BM_Parse, ofd, std::string("ofd"))->Arg(10)->Arg(400);

}  // namespace
