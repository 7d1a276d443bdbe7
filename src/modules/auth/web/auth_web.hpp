#pragma once
// Login and logout, users and roles, API tokens, and the audit-log browser: pages and JSON API.
#include "http/layout.hpp"
#include "http/router.hpp"
#include "modules/auth/service.hpp"
#include "store/db.hpp"

namespace kientao::auth {

struct AuthWebOptions {
  bool secure_cookies = false;  // set the Secure flag (behind TLS)
};

void RegisterAuthRoutes(http::Router& router, AuthService& service, store::Database& db,
                        const http::Layout& layout, AuthWebOptions opts);

}  // namespace kientao::auth
