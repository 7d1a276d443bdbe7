#pragma once
// A page's form handler: reads the form, runs `act(ctx, input)`, then sends the browser to
// `back(input)`. Refused input (an Error other than 403/404) renders the page again through
// `page(ctx, &error)` with the error shown, so nothing typed is lost from view.
#include <string>
#include <utility>

#include "base/error.hpp"
#include "http/input.hpp"
#include "http/request.hpp"
#include "http/router.hpp"
#include "http/templates.hpp"

namespace kientao::http {

// A refused form's message for the page: `error`, `invalid_<field>`, and `details` (row, column,
// message) when the refusal lists problems (a refused import).
inline void SetFormError(TemplateData& d, const Ctx& ctx, const Error& e) {
  d.set("error", ctx.Message(e));
  if (!e.field().empty()) d.set("invalid_" + e.field(), true);
  TemplateData details = List();
  for (const FieldError& fe : e.details()) {
    TemplateData item = Object();
    item.set("row", std::to_string(fe.row));
    item.set("column", fe.field);
    item.set("message", ctx.i18n->ErrorMessage(ctx.lang, fe));
    details.push_back(item);
  }
  if (!e.details().empty()) d.set("details", details);
}

template <typename Page, typename Act, typename Back>
Handler FormAction(Page page, Act act, Back back) {
  return [page = std::move(page), act = std::move(act), back = std::move(back)](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    try {
      act(ctx, in);
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      return page(ctx, &e);
    }
    return Response::Redirect(back(in));
  };
}

}  // namespace kientao::http
