#pragma once
// Login and logout, users and roles, API tokens, and the audit-log browser: pages and JSON API.
#include <functional>
#include <string>
#include <vector>

#include "http/layout.hpp"
#include "http/router.hpp"
#include "modules/auth/service.hpp"
#include "store/db.hpp"

namespace kientao::auth {

struct StaffOption {
  long long id;
  std::string label;  // "Nguyễn Văn A — Phòng Kinh tế"
};

struct AuthWebOptions {
  bool secure_cookies = false;  // set the Secure flag (behind TLS)
  // The staff members an administrator may link a new account to (supplied by the app from the org
  // module).
  std::function<std::vector<StaffOption>(const Actor&)> staff_options;
};

void RegisterAuthRoutes(http::Router& router, AuthService& service, store::Database& db,
                        const http::Layout& layout, AuthWebOptions opts);

}  // namespace kientao::auth
