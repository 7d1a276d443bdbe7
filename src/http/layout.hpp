#pragma once
// The web shell around every page: top bar (commune, user, language), the navigation with the ten
// tasks of the dispatch, and the page body. Immutable after start-up; thread-safe.
#include <functional>
#include <string>
#include <vector>

#include "base/principal.hpp"
#include "http/i18n.hpp"
#include "http/router.hpp"
#include "http/templates.hpp"

namespace kientao::http {

struct NavItem {
  std::string href;
  std::string label_key;   // catalogue key
  std::string permission;  // shown only to users holding it ("" = every signed-in user)
  int task = 0;            // 1–10 for the dispatch's tasks, 0 otherwise
  bool built = true;       // false: the module is not built yet and its page says so
};

class Layout {
 public:
  Layout(const Templates& templates, const I18n& i18n) : templates_(templates), i18n_(i18n) {}
  void AddNav(NavItem item) { nav_.push_back(std::move(item)); }
  const std::vector<NavItem>& nav() const { return nav_; }
  void SetAuthorize(std::function<bool(const Principal&, const std::string&)> f) {
    authorize_ = std::move(f);
  }
  void SetSiteName(std::function<std::string(const Principal*)> f) { site_name_ = std::move(f); }
  // Builds the per-language catalogue trees once; call after every catalogue is loaded.
  void Prepare();

  // Renders template `name` with `data` inside the shell. `title` is already translated.
  Response Page(const Ctx& ctx, const std::string& name, TemplateData data,
                const std::string& title, int status = 200) const;
  // Renders a template alone (htmx fragments), with the catalogue as `t`.
  std::string Fragment(const Ctx& ctx, const std::string& name, TemplateData data) const;
  const TemplateData& Catalogue(const std::string& lang) const;

 private:
  void AddCommon(const Ctx& ctx, TemplateData& data) const;
  const Templates& templates_;
  const I18n& i18n_;
  std::vector<NavItem> nav_;
  std::function<bool(const Principal&, const std::string&)> authorize_;
  std::function<std::string(const Principal*)> site_name_;
  std::map<std::string, TemplateData> catalogues_;
};

}  // namespace kientao::http
