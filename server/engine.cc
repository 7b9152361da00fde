#include "server/engine.h"

#include "report/parse.h"
#include "rules/validator.h"

namespace xxgk::server {

Engine RealEngine() {
  Engine e;
  e.load = [](const std::string& dir) { return xxgk::rules::LoadSnapshot(dir); };
  e.list = [](const xxgk::rules::Snapshot* s) { return xxgk::rules::ListRuleSets(*s); };
  e.content_hash = [](const xxgk::rules::Snapshot* s) { return xxgk::rules::ContentHash(*s); };
  e.validate = [](const xxgk::rules::Snapshot* s, const xxgk::v1::ValidateRequest& r) {
    return xxgk::rules::Validate(*s, r);
  };
  e.describe = [](const xxgk::rules::Snapshot* s, std::string_view id, std::string_view set) {
    return xxgk::rules::DescribeRule(*s, id, set);
  };
  e.parse = [](const xxgk::v1::Document& doc, const std::string& input_format,
                xxgk::v1::Report* out) {
    xxgk::report::ParseOptions options;
    options.input_format = input_format;
    return xxgk::report::ParseDocumentInto(doc, options, out);
  };
  e.sniff = [](const xxgk::v1::Document& doc) { return xxgk::report::SniffFormat(doc); };
  e.warm_up = [] { (void)xxgk::report::WarmUp(); };
  return e;
}

}  // namespace xxgk::server
