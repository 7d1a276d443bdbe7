#pragma once
// The OpenAPI 3.1 description of the JSON API, served at /api/v1/openapi.json. Each module
// describes its own /api/v1 routes in src/modules/<m>/web/openapi.json — standard OpenAPI path
// items and component schemas, plus one extension per operation, "x-errors": {"422": ["ORG-1006",
// …]}, the codes of the module's own failures. The builder merges them and adds what the router
// knows about each route rather than trusting the fragments to repeat it: the path parameters, who
// may call it (security, x-permission, 401/403), the CSRF header, the input errors of a request
// body, 404 for an unknown id, 503 when every database connection is busy, 500. Each error answer
// lists its codes as an enum on the error body's "code", each with its English message.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/i18n.hpp"
#include "http/router.hpp"

namespace kientao::http {

struct OpenApiFragment {
  std::string source;  // "src/modules/org/web/openapi.json", for messages
  std::string_view text;
};

// The description as JSON text. Throws std::runtime_error naming the fragment on malformed JSON,
// on an operation or schema described twice, or on an operation without "responses". Operations the
// router does not have are kept (the API test reports them).
std::string BuildOpenApi(const std::vector<Route>& routes,
                         const std::vector<OpenApiFragment>& fragments, const I18n& i18n,
                         const std::string& version);

}  // namespace kientao::http
