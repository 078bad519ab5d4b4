// SPDX-License-Identifier: MIT
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>

// Takes a database back to schema 5: no weekly rollup, and in its place the tallies and the
// triggers that kept them then (one of each stands for them all), which schema 6 drops.
inline constexpr const char* k_back_to_schema_5 =
    "DROP TABLE open_goal_counts; DROP TABLE all_time_totals; DROP INDEX goals_open_kind; "
    "DROP TABLE plan_lines; DROP TABLE plans; DROP TABLE abcs; DROP TABLE balance_ratings; DROP "
    "TABLE life_values; "
    "DROP TABLE removed; "
    "DROP TABLE undo_log; "
    "DROP TABLE goal_targets; "
    "DROP TABLE week_totals; "
    "CREATE TABLE tallies (name TEXT PRIMARY KEY, value INTEGER NOT NULL); "
    "INSERT INTO tallies VALUES ('checkins', 0); "
    "CREATE TRIGGER checkin_weeks_insert AFTER INSERT ON checkins BEGIN "
    "UPDATE tallies SET value = value + 1 WHERE name = 'checkins'; END; "
    "PRAGMA user_version = 5";

// Takes a database back to schema 6: no earlier targets, and check-ins counted in the week that
// holds their own date (before the meeting boundary of SPEC §4.1).
inline constexpr const char* k_back_to_schema_6 =
    "DROP TABLE open_goal_counts; DROP TABLE all_time_totals; DROP INDEX goals_open_kind; "
    "DROP TABLE plan_lines; DROP TABLE plans; DROP TABLE abcs; DROP TABLE balance_ratings; DROP "
    "TABLE life_values; "
    "DROP TABLE removed; DROP TABLE undo_log; DROP TABLE goal_targets; PRAGMA user_version = 6";

// Takes a database back to schema 7: nothing kept for undo.
inline constexpr const char* k_back_to_schema_7 =
    "DROP TABLE open_goal_counts; DROP TABLE all_time_totals; DROP INDEX goals_open_kind; "
    "DROP TABLE plan_lines; DROP TABLE plans; DROP TABLE abcs; DROP TABLE balance_ratings; DROP "
    "TABLE life_values; "
    "DROP TABLE removed; DROP TABLE undo_log; PRAGMA user_version = 7";

// Takes a database back to schema 8: no removals remembered.
inline constexpr const char* k_back_to_schema_8 =
    "DROP TABLE open_goal_counts; DROP TABLE all_time_totals; DROP INDEX goals_open_kind; "
    "DROP TABLE plan_lines; DROP TABLE plans; DROP TABLE abcs; DROP TABLE balance_ratings; DROP "
    "TABLE life_values; DROP TABLE removed; "
    "PRAGMA user_version = 8";

// Takes a database back to schema 9: no values, no balance ratings, no ABCs.
inline constexpr const char* k_back_to_schema_9 =
    "DROP TABLE open_goal_counts; DROP TABLE all_time_totals; DROP INDEX goals_open_kind; "
    "DROP TABLE plan_lines; DROP TABLE plans; DROP TABLE abcs; DROP TABLE balance_ratings; DROP "
    "TABLE life_values; PRAGMA user_version = 9";

// Takes a database back to schema 10: no ABCs.
inline constexpr const char* k_back_to_schema_10 =
    "DROP TABLE open_goal_counts; DROP TABLE all_time_totals; DROP INDEX goals_open_kind; "
    "DROP TABLE plan_lines; DROP TABLE plans; DROP TABLE abcs; PRAGMA user_version = 10";

// Takes a database back to schema 11: no change plans.
inline constexpr const char* k_back_to_schema_11 =
    "DROP TABLE open_goal_counts; DROP TABLE all_time_totals; DROP INDEX goals_open_kind; "
    "DROP TABLE plan_lines; DROP TABLE plans; PRAGMA user_version = 11";

// Takes a database back to schema 12: open goals found by status and planned date only.
inline constexpr const char* k_back_to_schema_12 =
    "DROP TABLE open_goal_counts; DROP TABLE all_time_totals; DROP INDEX goals_open_kind; PRAGMA "
    "user_version = 12";

// Takes a database back to schema 13: the totals through a week summed from every week before.
inline constexpr const char* k_back_to_schema_13 =
    "DROP TABLE open_goal_counts; DROP TABLE all_time_totals; PRAGMA user_version = 13";

// Takes a database back to schema 14: open once goals counted one by one.
inline constexpr const char* k_back_to_schema_14 =
    "DROP TABLE open_goal_counts; PRAGMA user_version = 14";

// Takes the file at `path` back to an older schema with one of the statements above, as a file
// an earlier smartgoals wrote; opening it again brings it forward.
inline void take_back(const std::filesystem::path& path, const char* to_older_schema) {
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    raw.exec(to_older_schema);
}
