#pragma once
#include <map>
#include <utility>
#include <vector>
// Directives and tasks: JSON API, the page of each of the dispatch's ten key tasks (status,
// progress, updates, and the form to report progress), and the directive page.
#include <functional>

#include "http/layout.hpp"
#include "http/router.hpp"
#include "modules/directive/service.hpp"

namespace kientao::directive {

// The indicators that measure key task n, as rows for its page ({name, value, target, met|not_met,
// period}); supplied by the application from the reporting module, so this module does not depend
// on it.
using TaskIndicators = std::function<http::TemplateData(const http::Ctx& ctx, int key_no)>;

// The pages of the module that runs a key task's registry, by key task number: (href, catalogue
// key of the label). A key task without any says its module is not built yet.
using ModulePages = std::map<int, std::vector<std::pair<std::string, std::string>>>;

void RegisterDirectiveRoutes(http::Router& router, DirectiveService& service,
                             const http::Layout& layout, TaskIndicators indicators = {},
                             ModulePages module_pages = {});

// Template data for a task's status badge: {status, status_label, css, days_overdue}.
http::TemplateData StatusData(const http::Ctx& ctx, const TaskView& v);

}  // namespace kientao::directive
