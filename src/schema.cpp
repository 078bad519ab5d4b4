// SPDX-License-Identifier: MIT
// The schema's history: each migration, in plain SQL.
#include "schema.hpp"

#include <smartgoals/store.hpp>

#include <initializer_list>
#include <iterator>

namespace smartgoals {

namespace {

// Each entry moves the schema from version i to i + 1, in one transaction.
constexpr const char* k_migrations[] = {
    R"sql(
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE goals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL CHECK (text <> ''),
    area TEXT CHECK (area IN ('motivation', 'urges', 'thoughts', 'balance')),
    kind TEXT NOT NULL CHECK (kind IN ('once', 'weekly')),
    target INTEGER NOT NULL CHECK (target >= 1),
    planned_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- 'dropped' and its date are stored; 'done' and its date are derived from completions
    -- (rule 1) and kept here by the store so that a week's goals are found through an index.
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    closed_on TEXT
);
CREATE INDEX goals_open ON goals (status, planned_on);
CREATE INDEX goals_closed ON goals (closed_on);
CREATE TABLE completions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX completions_goal ON completions (goal_id, date);
CREATE INDEX completions_date ON completions (date);
CREATE TABLE checkins (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL,
    rating INTEGER CHECK (rating BETWEEN 1 AND 10),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX checkins_date ON checkins (date);
)sql",
    R"sql(
CREATE TABLE urges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL, -- local YYYY-MM-DDTHH:MM
    intensity INTEGER NOT NULL CHECK (intensity BETWEEN 1 AND 10),
    duration_min INTEGER CHECK (duration_min >= 0),
    trigger TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    strategies TEXT NOT NULL DEFAULT '[]', -- a JSON array of text
    outcome TEXT CHECK (outcome IN ('rode-out', 'acted')),
    note TEXT NOT NULL DEFAULT '',
    next_time TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX urges_at ON urges (at);
CREATE TABLE comparisons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL CHECK (title <> ''),
    kind TEXT NOT NULL CHECK (kind IN ('substance', 'activity')),
    created_at TEXT NOT NULL
);
CREATE TABLE comparison_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    comparison_id INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
    quadrant TEXT NOT NULL CHECK (quadrant IN ('benefits-of-using', 'costs-of-using',
                                               'benefits-of-not-using', 'costs-of-not-using')),
    term TEXT CHECK (term IN ('short', 'long')),
    weight INTEGER CHECK (weight BETWEEN 1 AND 5),
    text TEXT NOT NULL CHECK (text <> ''),
    created_at TEXT NOT NULL
);
CREATE INDEX comparison_items_of ON comparison_items (comparison_id);
)sql",
    // Indexes that let the totals that only grow be counted from small index ranges instead of
    // whole tables.
    R"sql(
CREATE INDEX goals_closed_status ON goals (status, closed_on);
CREATE INDEX goals_weekly ON goals (kind, id, planned_on, status, closed_on, target);
CREATE INDEX urges_outcome_at ON urges (outcome, at);
)sql",
    // Schemas 4 and 5 kept running tallies with triggers; schema 6 replaced them with one
    // rollup the store keeps itself, and drops whatever they left.
    "",
    "",
    // Schema 6: the totals that only grow, one row a week, kept by the store's own writes
    // (store_totals.cpp) and counted by the rules' own functions. It buys the review's totals
    // and trend: a few hundred rows summed instead of every goal, check-in and urge counted.
    R"sql(
DROP TRIGGER IF EXISTS urges_tally_insert;
DROP TRIGGER IF EXISTS urges_tally_delete;
DROP TRIGGER IF EXISTS urges_tally_update;
DROP TRIGGER IF EXISTS goals_done_tally_insert;
DROP TRIGGER IF EXISTS goals_done_tally_delete;
DROP TRIGGER IF EXISTS goals_done_tally_update;
DROP TRIGGER IF EXISTS weekly_achievements_goal_update;
DROP TRIGGER IF EXISTS weekly_achievements_completion_insert;
DROP TRIGGER IF EXISTS weekly_achievements_completion_delete;
DROP TRIGGER IF EXISTS weekly_achievements_completion_update;
DROP TRIGGER IF EXISTS checkin_weeks_insert;
DROP TRIGGER IF EXISTS checkin_weeks_delete;
DROP TRIGGER IF EXISTS checkin_weeks_update;
DROP TRIGGER IF EXISTS urge_days_insert;
DROP TRIGGER IF EXISTS urge_days_delete;
DROP TRIGGER IF EXISTS urge_days_update;
DROP TRIGGER IF EXISTS week_start_insert;
DROP TRIGGER IF EXISTS week_start_update;
DROP TRIGGER IF EXISTS week_start_delete;
DROP VIEW IF EXISTS weekly_achievements_due;
DROP VIEW IF EXISTS week_start_day;
DROP TABLE IF EXISTS weekly_achievements;
DROP TABLE IF EXISTS checkin_weeks;
DROP TABLE IF EXISTS urge_days;
DROP TABLE IF EXISTS tallies;
DROP INDEX IF EXISTS goals_weekly;
DROP INDEX IF EXISTS urges_outcome_at;
CREATE TABLE week_totals (
    week TEXT PRIMARY KEY, -- the week's first day under the week-start setting
    checkins INTEGER NOT NULL DEFAULT 0,
    goals_achieved INTEGER NOT NULL DEFAULT 0,
    urges INTEGER NOT NULL DEFAULT 0,
    urges_ridden_out INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
)sql",
    // Schema 7: a weekly goal's earlier targets (rule 9), and the meeting boundary (SPEC §4.1),
    // which moves a check-in on the first day of a week into the week before: the store counts
    // the weekly rollup again after this step. Nothing stored is rewritten.
    R"sql(
CREATE TABLE goal_targets (
    goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    until_on TEXT NOT NULL, -- the target held in the weeks before the one holding this day
    target INTEGER NOT NULL CHECK (target >= 1),
    PRIMARY KEY (goal_id, until_on)
) WITHOUT ROWID;
)sql",
    // Schema 8: what `undo` can take back (SPEC §6.1), one changeset of SQLite's session
    // extension per command that changed something, newest last.
    R"sql(
CREATE TABLE undo_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,       -- local time the command ran, YYYY-MM-DDTHH:MM:SS
    command TEXT NOT NULL,  -- the command as it was given
    changes BLOB NOT NULL   -- its changeset; inverted and applied to take it back
);
)sql",
    // Schema 9: what was removed (SPEC §6.1), by UUID and the day only, so that importing an
    // older export does not bring it back.
    R"sql(
CREATE TABLE removed (
    uuid TEXT PRIMARY KEY,
    date TEXT NOT NULL -- the day it was removed, YYYY-MM-DD
) WITHOUT ROWID;
)sql",
    // Schema 10: the Hierarchy of Values and the Lifestyle Balance Pie (SPEC §6.2). A value's
    // position is not unique while the store moves the others around it in one statement.
    R"sql(
CREATE TABLE life_values (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL CHECK (position >= 1),
    text TEXT NOT NULL CHECK (text <> ''),
    created_at TEXT NOT NULL
);
CREATE TABLE balance_ratings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL,
    area TEXT NOT NULL CHECK (area <> ''),
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    created_at TEXT NOT NULL
);
CREATE INDEX balance_ratings_area ON balance_ratings (area, date);
)sql",
    // Schema 11: SMART's ABC (SPEC §6.2). An urge it started from may be removed later; the ABC
    // stays, no longer linked.
    R"sql(
CREATE TABLE abcs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL,
    event TEXT NOT NULL CHECK (event <> ''),
    belief TEXT NOT NULL DEFAULT '',
    consequence TEXT NOT NULL DEFAULT '',
    dispute TEXT NOT NULL DEFAULT '',
    effective TEXT NOT NULL DEFAULT '',
    urge_id INTEGER REFERENCES urges (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX abcs_date ON abcs (date);
CREATE INDEX abcs_urge ON abcs (urge_id);
)sql",
    // Schema 12: SMART's Change Plan (SPEC §6.2). A step that became a goal keeps the goal's id
    // while the goal is here.
    R"sql(
CREATE TABLE plans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    change TEXT NOT NULL CHECK (change <> ''),
    importance INTEGER CHECK (importance BETWEEN 1 AND 10),
    confidence INTEGER CHECK (confidence BETWEEN 1 AND 10),
    created_at TEXT NOT NULL
);
CREATE TABLE plan_lines (
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    part TEXT NOT NULL CHECK (part IN ('reason', 'step', 'helper', 'sign', 'interfere')),
    number INTEGER NOT NULL CHECK (number >= 1),
    text TEXT NOT NULL CHECK (text <> ''),
    goal_id INTEGER REFERENCES goals (id) ON DELETE SET NULL,
    PRIMARY KEY (plan_id, part, number)
) WITHOUT ROWID;
CREATE INDEX plan_lines_goal ON plan_lines (goal_id);
)sql",
    // Schema 13: open goals by kind, so that a review finds the weekly goals and counts the once
    // goals carried from before its window without reading each one (SPEC §9).
    R"sql(
CREATE INDEX goals_open_kind ON goals (status, kind, planned_on);
)sql",
    // Schema 14: the totals of every week, kept with the weekly rollup, so that the totals
    // through a week are these less the weeks after it: a review reads the weeks after the one
    // it shows, not every week before (SPEC §9). One row; the store counts it again whenever it
    // counts the rollup again.
    R"sql(
CREATE TABLE all_time_totals (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    checkins INTEGER NOT NULL DEFAULT 0,
    weeks_checked_in INTEGER NOT NULL DEFAULT 0, -- weeks with a check-in
    goals_achieved INTEGER NOT NULL DEFAULT 0,
    urges INTEGER NOT NULL DEFAULT 0,
    urges_ridden_out INTEGER NOT NULL DEFAULT 0
);
INSERT INTO all_time_totals
SELECT 1, coalesce(sum(checkins), 0), count(*) FILTER (WHERE checkins > 0),
       coalesce(sum(goals_achieved), 0), coalesce(sum(urges), 0), coalesce(sum(urges_ridden_out), 0)
FROM week_totals;
)sql",
    // Schema 15: how many once goals are open, kept by the store's writes to goals, so that a
    // review counts those carried from before its window along the shorter side of the index
    // (for this week's review, the few planned from this week on) rather than walking every
    // one: SPEC §9's review whose cost follows its window, not the history, for a member who
    // never lets go. With 5,000 goals carried, the stress history's review read 14.4 M
    // instructions, more than the lived history's 12.3 M; it now reads 11.3 M, 0.15 to 0.3 ms
    // less. One row; undo counts it again.
    R"sql(
CREATE TABLE open_goal_counts (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    once INTEGER NOT NULL DEFAULT 0 -- goals of kind 'once' with status 'open'
);
INSERT INTO open_goal_counts
SELECT 1, count(*) FROM goals WHERE status = 'open' AND kind = 'once';
)sql",
};
static_assert(std::size(k_migrations) == Store::k_schema_version);

} // namespace

std::string migration_sql(int from_version) {
    return k_migrations[from_version];
}

std::vector<std::string> tables_of_version(int version) {
    std::vector<std::string> tables;
    const auto since = [&](int v, std::initializer_list<const char*> names) {
        if (version >= v) {
            tables.insert(tables.end(), names.begin(), names.end());
        }
    };
    since(1, {"settings", "goals", "completions", "checkins"});
    since(2, {"urges", "comparisons", "comparison_items"});
    since(6, {"week_totals"});
    since(7, {"goal_targets"});
    since(8, {"undo_log"});
    since(9, {"removed"});
    since(10, {"life_values", "balance_ratings"});
    since(11, {"abcs"});
    since(12, {"plans", "plan_lines"});
    since(14, {"all_time_totals"});
    since(15, {"open_goal_counts"});
    return tables;
}

} // namespace smartgoals
