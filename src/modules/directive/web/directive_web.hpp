#pragma once
// Directives and tasks: JSON API, the page of each of the dispatch's ten key tasks (status,
// progress, updates, and the form to report progress), and the directive page.
#include "http/layout.hpp"
#include "http/router.hpp"
#include "modules/directive/service.hpp"

namespace kientao::directive {

void RegisterDirectiveRoutes(http::Router& router, DirectiveService& service,
                             const http::Layout& layout);

// Template data for a task's status badge: {status, status_label, css, days_overdue}.
http::TemplateData StatusData(const http::Ctx& ctx, const TaskView& v);

}  // namespace kientao::directive
