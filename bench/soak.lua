-- The mixed soak's request mix (bench/soak.sh): lists, tasks, the dashboard, pages and exports of an
-- office account, in turn, each connection starting at a different place in the list.
local paths = {
  "/api/v1/staff", "/api/v1/tasks", "/", "/tasks", "/tasks/3", "/api/v1/directives", "/staff",
  "/reports", "/commune-reports", "/api/v1/report-forms", "/kpi/ratings", "/api/v1/kpi/ratings",
  "/kpi/ranking", "/staffing", "/staffing/streamlining", "/api/v1/org-units", "/org", "/indicators",
  "/api/v1/staffing/retirements", "/staff/export.csv", "/kpi/ratings.xlsx", "/kpi/sheet.xlsx",
  "/staffing/plan.xlsx", "/kpi/ratings.docx", "/staffing/plan.docx", "/healthz",
}
local cookie = os.getenv("KT_COOKIE")
local n = 0
local bad = 0

function setup(thread)
  thread:set("start", math.random(#paths))
end

function init(args)
  n = tonumber(start) or 0
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], { ["Cookie"] = cookie })
end

function response(status, headers, body)
  if status >= 400 then bad = bad + 1 end
end
