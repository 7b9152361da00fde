#include "server/errors.h"

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace xxgk::server {

grpc::Status InvalidField(const std::string& field, const std::string& message) {
  google::rpc::BadRequest bad;
  auto* violation = bad.add_field_violations();
  violation->set_field(field);
  violation->set_description(message);
  google::rpc::Status details;
  details.set_code(static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  details.set_message(message);
  details.add_details()->PackFrom(bad);
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, message, details.SerializeAsString());
}

std::vector<std::string> FieldViolations(const grpc::Status& status) {
  std::vector<std::string> out;
  google::rpc::Status details;
  if (status.error_details().empty() || !details.ParseFromString(status.error_details())) {
    return out;
  }
  for (const auto& any : details.details()) {
    google::rpc::BadRequest bad;
    if (!any.UnpackTo(&bad)) continue;
    for (const auto& v : bad.field_violations()) out.push_back(v.field() + ": " + v.description());
  }
  return out;
}

grpc::Status InternalFromException(const std::string& rpc, const std::string& what) {
  return grpc::Status(grpc::StatusCode::INTERNAL,
                      rpc + " failed inside the server (" + what +
                          "); the request was dropped, the server keeps running");
}

}  // namespace xxgk::server
