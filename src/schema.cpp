// SPDX-License-Identifier: MIT
// The schema's history: each migration, and the shorthands they are written with.
#include "schema.hpp"

#include <smartgoals/store.hpp>

#include <fmt/format.h>

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
    // Running tallies of the urges, kept by triggers in the writing transaction itself, so that
    // "urges logged up to a day" is the tally less the few urges after it, not a count of all.
    R"sql(
CREATE TABLE tallies (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO tallies VALUES
    ('urges', (SELECT count(*) FROM urges)),
    ('urges_ridden_out', (SELECT count(*) FROM urges WHERE outcome = 'rode-out'));
CREATE TRIGGER urges_tally_insert AFTER INSERT ON urges BEGIN
    UPDATE tallies SET value = value + 1 WHERE name = 'urges';
    UPDATE tallies SET value = value + (new.outcome IS 'rode-out') WHERE name = 'urges_ridden_out';
END;
CREATE TRIGGER urges_tally_delete AFTER DELETE ON urges BEGIN
    UPDATE tallies SET value = value - 1 WHERE name = 'urges';
    UPDATE tallies SET value = value - (old.outcome IS 'rode-out') WHERE name = 'urges_ridden_out';
END;
CREATE TRIGGER urges_tally_update AFTER UPDATE OF outcome ON urges BEGIN
    UPDATE tallies SET value = value - (old.outcome IS 'rode-out') + (new.outcome IS 'rode-out')
        WHERE name = 'urges_ridden_out';
END;
)sql",
    // Schema 5: the rest of the totals that only grow, and the trend's urge counts, kept the same
    // way, so that a review reads a few rows of them whatever the length of the history.
    // WEEK_OF(date) stands for the first day of the date's week under the week-start setting
    // (see expand_shorthands); changing the setting rebuilds what depends on it.
    R"sql(
CREATE VIEW week_start_day AS SELECT coalesce((SELECT CASE lower(value)
    WHEN 'sunday' THEN 0 WHEN 'monday' THEN 1 WHEN 'tuesday' THEN 2 WHEN 'wednesday' THEN 3
    WHEN 'thursday' THEN 4 WHEN 'friday' THEN 5 WHEN 'saturday' THEN 6 END
    FROM settings WHERE key = 'week-start'), 1) AS day;

-- A weekly goal's week counts as achieved on the day of its target-th completion in that week,
-- for the weeks from the one it was planned for up to the one it was let go in (rule 3).
CREATE VIEW weekly_achievements_due AS
SELECT goal_id, week, date AS achieved_on FROM (
    SELECT c.goal_id, WEEK_OF(c.date) AS week, c.date, g.target, g.planned_on, g.status,
        g.closed_on, row_number() OVER (PARTITION BY c.goal_id, WEEK_OF(c.date)
                                        ORDER BY c.date, c.id) AS n
    FROM completions c JOIN goals g ON g.id = c.goal_id WHERE g.kind = 'weekly')
WHERE n = target AND week >= WEEK_OF(planned_on)
    AND (status <> 'dropped' OR week <= WEEK_OF(closed_on));

CREATE TABLE weekly_achievements (
    goal_id INTEGER NOT NULL,
    week TEXT NOT NULL,
    achieved_on TEXT NOT NULL,
    PRIMARY KEY (goal_id, week)
) WITHOUT ROWID;
CREATE INDEX weekly_achievements_on ON weekly_achievements (achieved_on);
CREATE TABLE checkin_weeks (week TEXT PRIMARY KEY, checkins INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE urge_days (
    day TEXT PRIMARY KEY,
    urges INTEGER NOT NULL,
    ridden_out INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER weekly_achievements_tally_insert AFTER INSERT ON weekly_achievements BEGIN
    UPDATE tallies SET value = value + 1 WHERE name = 'weekly_achievements';
END;
CREATE TRIGGER weekly_achievements_tally_delete AFTER DELETE ON weekly_achievements BEGIN
    UPDATE tallies SET value = value - 1 WHERE name = 'weekly_achievements';
END;
CREATE TRIGGER checkin_weeks_tally_insert AFTER INSERT ON checkin_weeks BEGIN
    UPDATE tallies SET value = value + 1 WHERE name = 'checkin_weeks';
END;
CREATE TRIGGER checkin_weeks_tally_delete AFTER DELETE ON checkin_weeks BEGIN
    UPDATE tallies SET value = value - 1 WHERE name = 'checkin_weeks';
END;
INSERT INTO tallies VALUES
    ('goals_done', (SELECT count(*) FROM goals WHERE status = 'done')),
    ('checkins', (SELECT count(*) FROM checkins)),
    ('checkin_weeks', 0),
    ('weekly_achievements', 0);
INSERT INTO weekly_achievements SELECT goal_id, week, achieved_on FROM weekly_achievements_due;
INSERT INTO checkin_weeks SELECT WEEK_OF(date), count(*) FROM checkins GROUP BY 1;
INSERT INTO urge_days SELECT substr(at, 1, 10), count(*), count(*) FILTER (WHERE outcome = 'rode-out')
    FROM urges GROUP BY 1;

CREATE TRIGGER goals_done_tally_insert AFTER INSERT ON goals BEGIN
    UPDATE tallies SET value = value + (new.status = 'done') WHERE name = 'goals_done';
END;
CREATE TRIGGER goals_done_tally_delete AFTER DELETE ON goals BEGIN
    UPDATE tallies SET value = value - (old.status = 'done') WHERE name = 'goals_done';
    DELETE FROM weekly_achievements WHERE goal_id = old.id;
END;
CREATE TRIGGER goals_done_tally_update AFTER UPDATE OF status ON goals BEGIN
    UPDATE tallies SET value = value - (old.status = 'done') + (new.status = 'done')
        WHERE name = 'goals_done';
END;
CREATE TRIGGER weekly_achievements_goal_update
AFTER UPDATE OF id, kind, target, planned_on, status, closed_on ON goals
WHEN old.kind = 'weekly' OR new.kind = 'weekly' BEGIN
    DELETE FROM weekly_achievements WHERE goal_id IN (old.id, new.id);
    INSERT INTO weekly_achievements SELECT goal_id, week, achieved_on
        FROM weekly_achievements_due WHERE goal_id = new.id;
END;
CREATE TRIGGER weekly_achievements_completion_insert AFTER INSERT ON completions
WHEN (SELECT kind FROM goals WHERE id = new.goal_id) = 'weekly' BEGIN
    RECOUNT_WEEK(new.goal_id, new.date);
END;
CREATE TRIGGER weekly_achievements_completion_delete AFTER DELETE ON completions
WHEN (SELECT kind FROM goals WHERE id = old.goal_id) = 'weekly' BEGIN
    RECOUNT_WEEK(old.goal_id, old.date);
END;
CREATE TRIGGER weekly_achievements_completion_update AFTER UPDATE OF goal_id, date ON completions
BEGIN
    DELETE FROM weekly_achievements WHERE goal_id IN (old.goal_id, new.goal_id);
    INSERT INTO weekly_achievements SELECT goal_id, week, achieved_on
        FROM weekly_achievements_due WHERE goal_id IN (old.goal_id, new.goal_id);
END;

CREATE TRIGGER checkin_weeks_insert AFTER INSERT ON checkins BEGIN
    UPDATE tallies SET value = value + 1 WHERE name = 'checkins';
    INSERT OR IGNORE INTO checkin_weeks VALUES (WEEK_OF(new.date), 0);
    UPDATE checkin_weeks SET checkins = checkins + 1 WHERE week = WEEK_OF(new.date);
END;
CREATE TRIGGER checkin_weeks_delete AFTER DELETE ON checkins BEGIN
    UPDATE tallies SET value = value - 1 WHERE name = 'checkins';
    UPDATE checkin_weeks SET checkins = checkins - 1 WHERE week = WEEK_OF(old.date);
    DELETE FROM checkin_weeks WHERE week = WEEK_OF(old.date) AND checkins <= 0;
END;
CREATE TRIGGER checkin_weeks_update AFTER UPDATE OF date ON checkins BEGIN
    UPDATE checkin_weeks SET checkins = checkins - 1 WHERE week = WEEK_OF(old.date);
    DELETE FROM checkin_weeks WHERE week = WEEK_OF(old.date) AND checkins <= 0;
    INSERT OR IGNORE INTO checkin_weeks VALUES (WEEK_OF(new.date), 0);
    UPDATE checkin_weeks SET checkins = checkins + 1 WHERE week = WEEK_OF(new.date);
END;

CREATE TRIGGER urge_days_insert AFTER INSERT ON urges BEGIN
    INSERT OR IGNORE INTO urge_days VALUES (substr(new.at, 1, 10), 0, 0);
    UPDATE urge_days SET urges = urges + 1, ridden_out = ridden_out + (new.outcome IS 'rode-out')
        WHERE day = substr(new.at, 1, 10);
END;
CREATE TRIGGER urge_days_delete AFTER DELETE ON urges BEGIN
    UPDATE urge_days SET urges = urges - 1, ridden_out = ridden_out - (old.outcome IS 'rode-out')
        WHERE day = substr(old.at, 1, 10);
    DELETE FROM urge_days WHERE day = substr(old.at, 1, 10) AND urges <= 0;
END;
CREATE TRIGGER urge_days_update AFTER UPDATE OF at, outcome ON urges BEGIN
    UPDATE urge_days SET urges = urges - 1, ridden_out = ridden_out - (old.outcome IS 'rode-out')
        WHERE day = substr(old.at, 1, 10);
    DELETE FROM urge_days WHERE day = substr(old.at, 1, 10) AND urges <= 0;
    INSERT OR IGNORE INTO urge_days VALUES (substr(new.at, 1, 10), 0, 0);
    UPDATE urge_days SET urges = urges + 1, ridden_out = ridden_out + (new.outcome IS 'rode-out')
        WHERE day = substr(new.at, 1, 10);
END;

CREATE TRIGGER week_start_insert AFTER INSERT ON settings WHEN new.key = 'week-start' BEGIN
    REBUILD_WEEKS;
END;
CREATE TRIGGER week_start_update AFTER UPDATE ON settings
WHEN new.key = 'week-start' OR old.key = 'week-start' BEGIN
    REBUILD_WEEKS;
END;
CREATE TRIGGER week_start_delete AFTER DELETE ON settings WHEN old.key = 'week-start' BEGIN
    REBUILD_WEEKS;
END;
)sql",
};
static_assert(std::size(k_migrations) == Store::k_schema_version);

// Expands the shorthands of the migrations: WEEK_OF(x), the first day of x's week under the
// week-start setting; REBUILD_WEEKS, which recounts everything keyed by week; and
// RECOUNT_WEEK(goal, day), which recounts one weekly goal's week through the index on its
// completions' dates (the same rule as weekly_achievements_due, for one week), so that a goal
// kept for years costs a week's work when it changes, not its whole history's.
std::string expand_shorthands(std::string_view sql) {
    std::string out;
    constexpr std::string_view rebuild = "REBUILD_WEEKS";
    constexpr std::string_view week_of = "WEEK_OF(";
    constexpr std::string_view recount = "RECOUNT_WEEK(";
    while (!sql.empty()) {
        if (sql.starts_with(recount)) {
            const auto end = sql.find(')');
            const auto args = sql.substr(recount.size(), end - recount.size());
            const auto comma = args.find(',');
            const auto goal = args.substr(0, comma);
            const auto day = args.substr(comma + 2);
            out += expand_shorthands(fmt::format(
                "DELETE FROM weekly_achievements WHERE goal_id = {0} AND week = WEEK_OF({1});\n"
                "    INSERT INTO weekly_achievements SELECT goal_id, week, date FROM (\n"
                "        SELECT g.id AS goal_id, w.week, c.date, g.target, g.planned_on, "
                "g.status,\n"
                "            g.closed_on, row_number() OVER (ORDER BY c.date, c.id) AS n\n"
                "        FROM (SELECT WEEK_OF({1}) AS week) w JOIN goals g ON g.id = {0}\n"
                "        JOIN completions c ON c.goal_id = g.id AND c.date >= w.week\n"
                "            AND c.date < date(w.week, '+7 days'))\n"
                "    WHERE n = target AND week >= WEEK_OF(planned_on)\n"
                "        AND (status <> 'dropped' OR week <= WEEK_OF(closed_on))",
                goal, day));
            sql.remove_prefix(end + 1);
            continue;
        }
        if (sql.starts_with(rebuild)) {
            out += expand_shorthands(
                "DELETE FROM weekly_achievements;\n"
                "    INSERT INTO weekly_achievements SELECT goal_id, week, achieved_on "
                "FROM weekly_achievements_due;\n"
                "    DELETE FROM checkin_weeks;\n"
                "    INSERT INTO checkin_weeks SELECT WEEK_OF(date), count(*) FROM checkins "
                "GROUP BY 1");
            sql.remove_prefix(rebuild.size());
        } else if (sql.starts_with(week_of)) {
            const auto end = sql.find(')');
            const auto x = sql.substr(week_of.size(), end - week_of.size());
            // A date's julianday is n.5, and (julianday + 1.5) % 7 is its weekday, 0 for Sunday.
            out += fmt::format("date(julianday({0}) - (julianday({0}) + 8.5 - (SELECT day FROM "
                               "week_start_day)) % 7)",
                               x);
            sql.remove_prefix(end + 1);
        } else {
            out += sql.front();
            sql.remove_prefix(1);
        }
    }
    return out;
}

} // namespace

std::string migration_sql(int from_version) {
    return expand_shorthands(k_migrations[from_version]);
}

} // namespace smartgoals
