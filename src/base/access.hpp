#pragma once
// Roles and permissions: the one table every module reads. A role is held over an org subtree; a
// permission is granted when some role of the principal carries it and the target lies in that
// role's subtree.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/principal.hpp"

namespace kientao::access {

// Role codes, as stored and as given to `kientao user add --role`.
inline constexpr std::string_view kAdmin = "admin";               // quản trị
inline constexpr std::string_view kLeader = "leader";             // lãnh đạo
inline constexpr std::string_view kOffice = "office";             // văn phòng
inline constexpr std::string_view kUnitHead = "unit_head";        // trưởng đơn vị
inline constexpr std::string_view kStaff = "staff";               // công chức
inline constexpr std::string_view kVillageHead = "village_head";  // trưởng thôn
inline constexpr std::string_view kSupervisor = "supervisor";     // giám sát (read-only)

const std::vector<std::string_view>& AllRoles();
bool IsRole(std::string_view role);

// Permissions.
inline constexpr std::string_view kOrgRead = "org.read";
inline constexpr std::string_view kOrgWrite = "org.write";
inline constexpr std::string_view kStaffRead = "staff.read";
inline constexpr std::string_view kStaffReadFull =
    "staff.read_full";  // unmasked citizen IDs (audited)
inline constexpr std::string_view kStaffWrite = "staff.write";
inline constexpr std::string_view kStaffImport = "staff.import";  // CSV import and export
inline constexpr std::string_view kUsersAdmin = "users.admin";    // users, roles, API tokens
inline constexpr std::string_view kAuditRead = "audit.read";
inline constexpr std::string_view kTaskRead = "task.read";  // directives, tasks and their progress
inline constexpr std::string_view kTaskUpdate =
    "task.update";  // report progress of a task of one's unit
inline constexpr std::string_view kTaskAssign = "task.assign";  // create directives, assign tasks
inline constexpr std::string_view kTaskDelegate =
    "task.delegate";  // split a task of one's unit into sub-tasks for units and persons
inline constexpr std::string_view kReportRead = "report.read";  // periodic reports and indicators
inline constexpr std::string_view kReportSubmit =
    "report.submit";  // fill and submit the periodic reports of one's unit
inline constexpr std::string_view kReportApprove =
    "report.approve";  // return or approve reports, consolidate and issue the commune's report
inline constexpr std::string_view kReportImport =
    "report.import";  // receive communes' report packages (a city installation)
inline constexpr std::string_view kReportCity =
    "report.city";  // the city's view over every commune's reports

inline constexpr std::string_view kStaffingPlan =
    "staffing.plan";  // streamlining candidates, deferrals and benefit estimates
inline constexpr std::string_view kKpiRead =
    "kpi.read";  // KPI scores, the unit ranking and the annual rating list
inline constexpr std::string_view kKpiReview =
    "kpi.review";  // the unit's catalogue, assignments, confirming completions, general scores
inline constexpr std::string_view kKpiRate =
    "kpi.rate";  // veto conditions, quota exceptions and the final annual rating

bool RoleHas(std::string_view role, std::string_view permission);
// True when some grant of `p` carries `permission` (anywhere).
bool HasPermission(const Principal& p, std::string_view permission);
// True when some grant carrying `permission` covers the org unit at `unit_path` ("/1/4/9/").
bool Permits(const Principal& p, std::string_view permission, std::string_view unit_path);
// The subtree roots (paths) over which `p` holds `permission`, without nested duplicates.
std::vector<std::string> ScopePaths(const Principal& p, std::string_view permission);

}  // namespace kientao::access
