#pragma once
// A page's form handler: reads the form, runs `act(ctx, input)`, then sends the browser to
// `back(input)`. Refused input (an Error other than 403/404) renders the page again through
// `page(ctx, &error)` with the error shown, so nothing typed is lost from view.
#include <string>
#include <utility>

#include "base/error.hpp"
#include "base/text.hpp"
#include "http/input.hpp"
#include "http/request.hpp"
#include "http/router.hpp"
#include "http/templates.hpp"

namespace kientao::http {

// A refused form's message for the page: `error`, `invalid_<field>`, and `details` (row, column,
// message) when the refusal lists problems (a refused import). The list's links go to
// #<anchor_prefix><field>: a page with several forms gives each form's inputs ids with a prefix.
inline void SetFormError(TemplateData& d, const Ctx& ctx, const Error& e,
                         std::string_view anchor_prefix = "") {
  d.set("error", ctx.Message(e));
  if (!e.field().empty()) d.set("invalid_" + e.field(), true);
  // One problem of one field: shown beside it too.
  if (!e.field().empty() && e.details().empty()) d.set("msg_" + e.field(), ctx.Message(e));
  TemplateData details = List();
  for (const FieldError& fe : e.details()) {
    TemplateData item = Object();
    std::string message = ctx.i18n->ErrorMessage(ctx.lang, fe);
    item.set("row", std::to_string(fe.row));
    item.set("column", fe.field);
    item.set("message", message);
    item.set("field", std::string(anchor_prefix) + fe.field);
    details.push_back(item);
    // A problem of a form field (not of a file's row) is shown beside that field too: the
    // template marks it with invalid_<field> and shows msg_<field> under it.
    if (fe.row == 0 && !fe.field.empty()) {
      d.set("invalid_" + fe.field, true);
      d.set("msg_" + fe.field, message);
    }
  }
  if (!e.details().empty()) d.set("details", details);
  // Whether the problems are rows of a file (a table of row, column, message) or fields of this
  // form (a list of links to them), so a template can open its table once.
  bool in_file = false;
  for (const FieldError& fe : e.details()) in_file = in_file || fe.row > 0;
  if (!e.details().empty()) d.set(in_file ? "file_problems" : "form_problems", true);
  if (e.more_details())
    d.set("more_details", ctx.i18n->Format(ctx.lang, "shell.more_problems",
                                           {{"count", text::VnNumber(e.more_details(), 0)}}));
}

// What was typed in a refused form, for a page that lists several forms to put it back in the one
// that was sent (`From(path)`): a field as sent, "" when absent. Inactive without an error.
class TypedForm {
 public:
  TypedForm(const Ctx& ctx, const Error* err) : active_(err != nullptr) {
    if (active_) in_ = Input::FromForm(ctx.req.body);
    if (active_) path_ = ctx.req.path;
  }
  // Whether the refused form was the one posted to `path`.
  bool From(std::string_view path) const { return active_ && path_ == path; }
  std::string operator[](std::string_view field) const {
    if (!active_) return "";
    try {
      return in_.RawText(field, 100000);
    } catch (const Error&) {
      return "";
    }
  }

 private:
  bool active_;
  std::string path_;
  Input in_ = Input::FromForm("");
};

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
