#include "http/openapi.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include <boost/json.hpp>

#include "base/text.hpp"
#include "http/input.hpp"

namespace kientao::http {

namespace json = boost::json;

namespace {

// What Input (http/input.hpp) refuses in any JSON or form body, before a module looks at it.
const std::map<int, std::vector<std::string>>& InputErrors() {
  static const std::map<int, std::vector<std::string>> kAll = {
      {400, {"GEN-0001", "GEN-0005"}},
      {413, {"GEN-0027"}},
      {415, {"GEN-0016"}},
      {422, {"GEN-0002", "GEN-0003", "GEN-0004", "GEN-0006", "GEN-0028"}},
  };
  return kAll;
}

const char* StatusText(int status) {
  switch (status) {
    case 400:
      return "Bad request";
    case 401:
      return "Not signed in";
    case 403:
      return "Forbidden";
    case 404:
      return "Not found";
    case 409:
      return "Conflict";
    case 413:
      return "Too large";
    case 415:
      return "Unsupported media type";
    case 422:
      return "Refused input";
    case 429:
      return "Too many requests";
    case 500:
      return "Internal error";
    case 503:
      return "Busy";
    default:
      return "Error";
  }
}

json::object ErrorSchema() {
  json::object detail{
      {"type", "object"},
      {"required", json::array{"field", "code", "message"}},
      {"properties",
       json::object{{"row", {{"type", "integer"}, {"description", "1-based row of a file"}}},
                    {"field", {{"type", "string"}}},
                    {"code", {{"type", "string"}}},
                    {"message", {{"type", "string"}}}}}};
  json::object error{
      {"type", "object"},
      {"required", json::array{"code", "message"}},
      {"properties",
       json::object{
           {"code",
            {{"type", "string"},
             {"pattern", "^[A-Z]+-[0-9]{4}$"},
             {"description", "Stable code; the message is in the request's language"}}},
           {"message", {{"type", "string"}}},
           {"field", {{"type", "string"}, {"description", "The input field at fault"}}},
           {"details",
            {{"type", "array"},
             {"items", detail},
             {"description", "Every problem found (each field of a form, each bad row)"}}},
           {"more_details",
            {{"type", "integer"}, {"description", "Problems found beyond those listed"}}}}}};
  return json::object{{"type", "object"},
                      {"required", json::array{"error"}},
                      {"properties", json::object{{"error", error}}}};
}

bool HasParameter(const json::object& op, const std::string& name, const std::string& in) {
  if (auto* ps = op.if_contains("parameters"); ps && ps->is_array())
    for (auto& p : ps->as_array())
      if (p.is_object() && p.as_object().contains("name") &&
          json::value_to<std::string>(p.at("name")) == name &&
          json::value_to<std::string>(p.at("in")) == in)
        return true;
  return false;
}

bool TakesInputBody(const json::object& op) {
  auto* body = op.if_contains("requestBody");
  if (!body) return false;
  auto& content = body->at("content").as_object();
  return content.contains("application/json") ||
         content.contains("application/x-www-form-urlencoded");
}

// Fills in what the router knows about `route` and turns x-errors into error answers.
void Complete(json::object& op, const Route* route, const I18n& i18n, const std::string& where) {
  std::map<int, std::set<std::string>> errors;
  if (auto* x = op.if_contains("x-errors")) {
    for (auto& [status, codes] : x->as_object()) {
      int s = std::stoi(std::string(status));
      for (auto& c : codes.as_array()) errors[s].insert(json::value_to<std::string>(c));
    }
    op.erase("x-errors");
  }
  if (!op.contains("responses"))
    throw std::runtime_error(where + ": an operation without responses");
  errors[500].insert("GEN-0015");
  errors[503].insert("GEN-0026");
  errors[400].insert("GEN-0020");  // a path that is not valid UTF-8 or percent-encoding
  if (TakesInputBody(op))
    for (auto& [s, codes] : InputErrors()) errors[s].insert(codes.begin(), codes.end());
  if (op.contains("requestBody")) errors[413].insert("GEN-0007");
  if (route) {
    const std::string& perm = route->access.permission;
    json::array security;
    if (!perm.empty()) {
      security.push_back(json::object{{"session", json::array{}}});
      security.push_back(json::object{{"bearer", json::array{}}});
      errors[401].insert("GEN-0010");
      if (perm != "login") errors[403].insert("GEN-0011");
      op["x-permission"] = perm;
    }
    op["security"] = std::move(security);
    bool state_changing = route->method != "GET";
    if (route->access.csrf && state_changing) {
      errors[403].insert("GEN-0012");
    }
    std::vector<std::string> names;  // the route's {name} segments
    for (const std::string& seg : route->segments)
      if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}')
        names.push_back(seg.substr(1, seg.size() - 2));
    // Ctx::Id: an {id} that is not a positive number.
    if (std::find(names.begin(), names.end(), "id") != names.end()) errors[404].insert("GEN-0009");
    json::array params = op.contains("parameters") ? op["parameters"].as_array() : json::array{};
    for (auto& n : names) {
      if (HasParameter(op, n, "path")) continue;
      bool numeric = n == "id";
      params.push_back(
          json::object{{"name", n},
                       {"in", "path"},
                       {"required", true},
                       {"schema", numeric ? json::object{{"type", "integer"}, {"minimum", 1}}
                                          : json::object{{"type", "string"}}}});
    }
    if (route->access.csrf && state_changing && !HasParameter(op, "X-CSRF-Token", "header"))
      params.push_back(json::object{
          {"name", "X-CSRF-Token"},
          {"in", "header"},
          {"required", false},
          {"description",
           "Required with a session cookie (the csrf_token of POST /api/v1/session or GET "
           "/api/v1/me); not with a bearer token"},
          {"schema", {{"type", "string"}}}});
    if (!params.empty()) op["parameters"] = std::move(params);
  }
  json::object& responses = op["responses"].as_object();
  for (auto& [status, codes] : errors) {
    json::array code_enum;
    std::string description = StatusText(status);
    description += ". Codes:";
    for (auto& c : codes) {
      code_enum.push_back(json::string(c));
      description += "\n- " + c + ": " + i18n.Get("en", c);
    }
    json::object narrowed{
        {"properties",
         {{"error", {{"properties", {{"code", {{"enum", std::move(code_enum)}}}}}}}}}};
    json::object schema{
        {"allOf", json::array{json::object{{"$ref", "#/components/schemas/Error"}}, narrowed}}};
    responses[std::to_string(status)] =
        json::object{{"description", description},
                     {"content", {{"application/json", {{"schema", std::move(schema)}}}}}};
  }
}

}  // namespace

std::string BuildOpenApi(const std::vector<Route>& routes,
                         const std::vector<OpenApiFragment>& fragments, const I18n& i18n,
                         const std::string& version) {
  std::map<std::pair<std::string, std::string>, const Route*> by_key;
  for (const Route& r : routes) by_key[{text::AsciiLower(r.method), r.pattern}] = &r;

  json::object paths, schemas;
  schemas["Error"] = ErrorSchema();
  for (const OpenApiFragment& f : fragments) {
    json::value doc;
    try {
      doc = json::parse(f.text);
    } catch (const std::exception& e) {
      throw std::runtime_error(f.source + ": " + e.what());
    }
    if (auto* comp = doc.as_object().if_contains("components"))
      if (auto* s = comp->as_object().if_contains("schemas"))
        for (auto& [name, schema] : s->as_object()) {
          if (schemas.contains(name))
            throw std::runtime_error(f.source + ": schema " + std::string(name) +
                                     " is described twice");
          schemas[name] = schema;
        }
    auto* fp = doc.as_object().if_contains("paths");
    if (!fp) continue;
    for (auto& [path, item] : fp->as_object()) {
      if (!paths.contains(path)) paths[path] = json::object{};
      json::object& target = paths[path].as_object();
      for (auto& [method, op] : item.as_object()) {
        std::string where = f.source + ": " + std::string(method) + " " + std::string(path);
        if (target.contains(method)) throw std::runtime_error(where + " is described twice");
        json::object o = op.as_object();
        auto it = by_key.find({std::string(method), std::string(path)});
        Complete(o, it == by_key.end() ? nullptr : it->second, i18n, where);
        target[method] = std::move(o);
      }
    }
  }

  json::object root{
      {"openapi", "3.1.0"},
      {"info",
       {{"title", "kientao API"},
        {"version", version},
        {"description",
         "The JSON API of kientao, the commune People's Committee's system. Sign in with POST "
         "/api/v1/session (a session cookie and a CSRF token for writes) or send an API token "
         "as 'Authorization: Bearer …'. Every answer is UTF-8 JSON; errors carry a stable code "
         "and a message in the language of the 'lang' cookie (Vietnamese unless 'en')."}}},
      {"servers", json::array{json::object{{"url", "/"}}}},
      {"paths", std::move(paths)},
      {"components",
       {{"schemas", std::move(schemas)},
        {"securitySchemes",
         {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "kt_session"}}},
          {"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}}};
  return SerializeJson(root);
}

}  // namespace kientao::http
