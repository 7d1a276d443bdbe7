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

namespace kientao::http {

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
