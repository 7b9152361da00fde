// Error statuses of the Validator service. A malformed request is
// INVALID_ARGUMENT with a message that says what to do and, in the
// `grpc-status-details-bin` trailer, a google.rpc.Status carrying a
// google.rpc.BadRequest that names the offending field.
#ifndef XXGK_SERVER_ERRORS_H_
#define XXGK_SERVER_ERRORS_H_

#include <string>
#include <vector>

#include <grpcpp/support/status.h>

namespace xxgk::server {

// INVALID_ARGUMENT naming `field` (a request field path such as
// "document.content") with `message` as the field's description too.
grpc::Status InvalidField(const std::string& field, const std::string& message);

// INTERNAL for an exception caught at a worker's edge (so it never reaches
// std::terminate): names the RPC and what the exception said.
grpc::Status InternalFromException(const std::string& rpc, const std::string& what);

// The field violations of a status made by InvalidField ({} otherwise), as
// "field: description" strings; for tests and clients.
std::vector<std::string> FieldViolations(const grpc::Status& status);

}  // namespace xxgk::server

#endif  // XXGK_SERVER_ERRORS_H_
