#pragma once
// Mustache templates (kainjow), loaded once at start. Rendering is thread-safe: each call renders
// from its own parsed copy.
#include <map>
#include <string>

#include <kainjow/mustache.hpp>

namespace kientao::http {

using TemplateData = kainjow::mustache::data;

class Templates {
 public:
  // Throws std::runtime_error naming the template when its syntax is wrong.
  void Add(const std::string& name, std::string text);
  bool Has(const std::string& name) const { return texts_.count(name) > 0; }
  // Renders `name`; partials {{>other}} resolve to other templates. Throws std::runtime_error on an
  // unknown template.
  std::string Render(const std::string& name, const TemplateData& data) const;

 private:
  std::map<std::string, std::string> texts_;
};

// Helpers to build template data.
TemplateData List();
TemplateData Object();

class Input;
// What the person typed in `fields`, so a refused form renders again with it. A value that cannot
// be read (invalid text) is left out: the error message already names its field.
TemplateData EchoForm(const Input& in, std::initializer_list<const char*> fields);

}  // namespace kientao::http
