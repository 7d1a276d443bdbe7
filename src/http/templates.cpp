#include "http/templates.hpp"

#include <stdexcept>

#include "base/error.hpp"
#include "http/input.hpp"

namespace kientao::http {

namespace mstch = kainjow::mustache;

void Templates::Add(const std::string& name, std::string text) {
  mstch::mustache check(text);
  if (!check.is_valid())
    throw std::runtime_error("template " + name + ": " + check.error_message());
  texts_[name] = std::move(text);
}

std::string Templates::Render(const std::string& name, const TemplateData& data) const {
  auto it = texts_.find(name);
  if (it == texts_.end()) throw std::runtime_error("no template named " + name);
  mstch::mustache tmpl(it->second);
  // Partials: {{>name}} includes another template, rendered in the same context.
  TemplateData ctx(data);
  for (auto& [n, text] : texts_) {
    if (n == name) continue;
    const std::string* t = &text;
    ctx.set(n, mstch::partial([t]() { return *t; }));
  }
  std::string out = tmpl.render(ctx);
  if (!tmpl.is_valid()) throw std::runtime_error("template " + name + ": " + tmpl.error_message());
  return out;
}

TemplateData List() { return TemplateData(TemplateData::type::list); }

TemplateData EchoForm(const Input& in, std::initializer_list<const char*> fields) {
  TemplateData v = Object();
  for (const char* f : fields) {
    try {
      if (auto s = in.Str(f, 100000, false)) v.set(f, *s);
    } catch (const Error&) {
      // Left out on purpose; see the header.
    }
  }
  return v;
}
TemplateData Object() { return TemplateData(TemplateData::type::object); }

}  // namespace kientao::http
