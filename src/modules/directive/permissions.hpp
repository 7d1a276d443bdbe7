#pragma once
// The directive module's permission names. Which roles hold them is in the module's manifest
// (modules/directive/module.cpp); base/access only checks them.
#include <string_view>

namespace kientao::access {

inline constexpr std::string_view kTaskRead = "task.read";  // directives, tasks and their progress
inline constexpr std::string_view kTaskUpdate =
    "task.update";  // report progress of a task of one's unit
inline constexpr std::string_view kTaskAssign = "task.assign";  // create directives, assign tasks
inline constexpr std::string_view kTaskDelegate =
    "task.delegate";  // split a task of one's unit into sub-tasks for units and persons

}  // namespace kientao::access
