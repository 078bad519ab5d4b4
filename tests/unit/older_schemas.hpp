// SPDX-License-Identifier: MIT
#pragma once

// Takes a database back to schema 4: without the week- and day-keyed tallies.
inline constexpr const char* k_drop_schema_5 =
    "DROP VIEW weekly_achievements_due; DROP VIEW week_start_day; "
    "DROP TABLE weekly_achievements; DROP TABLE checkin_weeks; DROP TABLE urge_days; "
    "DROP TRIGGER goals_done_tally_insert; DROP TRIGGER goals_done_tally_delete; "
    "DROP TRIGGER goals_done_tally_update; DROP TRIGGER weekly_achievements_goal_update; "
    "DROP TRIGGER weekly_achievements_completion_insert; "
    "DROP TRIGGER weekly_achievements_completion_delete; "
    "DROP TRIGGER weekly_achievements_completion_update; DROP TRIGGER checkin_weeks_insert; "
    "DROP TRIGGER checkin_weeks_delete; DROP TRIGGER checkin_weeks_update; "
    "DROP TRIGGER week_start_insert; DROP TRIGGER week_start_update; "
    "DROP TRIGGER week_start_delete; DROP TRIGGER urge_days_insert; "
    "DROP TRIGGER urge_days_delete; DROP TRIGGER urge_days_update; "
    "DELETE FROM tallies WHERE name IN ('goals_done', 'checkins', 'checkin_weeks', "
    "'weekly_achievements'); "
    "PRAGMA user_version = 4";
