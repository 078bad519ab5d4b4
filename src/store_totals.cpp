// SPDX-License-Identifier: MIT
// The weekly rollup behind the totals that only grow and the trend's urges (schema 6). Each
// write that changes what a week counts adds its difference here, in the same transaction;
// what counts as achieved is decided by the rules (weeks_achieved), never here.
#include "stored.hpp"

#include <smartgoals/rules.hpp>
#include <smartgoals/store.hpp>

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>

namespace smartgoals {

namespace {

Totals totals_from(SQLite::Statement& row, Week week) {
    return Totals{.as_of = week.end(),
                  .goals_achieved = row.getColumn(0).getInt(),
                  .weeks_checked_in = row.getColumn(1).getInt(),
                  .checkins = row.getColumn(2).getInt(),
                  .urges_logged = row.getColumn(3).getInt(),
                  .urges_ridden_out = row.getColumn(4).getInt()};
}

// Every week's totals summed from week_totals, in the order totals_from() reads them: the row
// of every week's totals counted again, and the totals through a week when that row is missing.
constexpr const char* k_week_sums =
    "coalesce(sum(goals_achieved), 0), count(*) FILTER (WHERE checkins > 0), "
    "coalesce(sum(checkins), 0), coalesce(sum(urges), 0), coalesce(sum(urges_ridden_out), 0)";

} // namespace

void Store::count_in_week(Date day, WeekCounts delta) {
    SQLite::Statement& add =
        cached("INSERT INTO week_totals (week, checkins, goals_achieved, urges, urges_ridden_out) "
               "VALUES (?, ?, ?, ?, ?) ON CONFLICT (week) DO UPDATE SET "
               "checkins = checkins + excluded.checkins, "
               "goals_achieved = goals_achieved + excluded.goals_achieved, "
               "urges = urges + excluded.urges, "
               "urges_ridden_out = urges_ridden_out + excluded.urges_ridden_out "
               "RETURNING checkins");
    add.bind(1, format_date(week_containing(day, week_start()).start));
    add.bind(2, delta.checkins);
    add.bind(3, delta.goals_achieved);
    add.bind(4, delta.urges);
    add.bind(5, delta.urges_ridden_out);
    add.executeStep();
    // A week gains or loses its place among the weeks checked in as its count leaves or
    // reaches zero.
    const int checkins = add.getColumn(0).getInt();
    const int checked_in = (checkins > 0 ? 1 : 0) - (checkins - delta.checkins > 0 ? 1 : 0);
    add.reset();
    SQLite::Statement& all =
        cached("UPDATE all_time_totals SET checkins = checkins + ?, "
               "weeks_checked_in = weeks_checked_in + ?, goals_achieved = goals_achieved + ?, "
               "urges = urges + ?, urges_ridden_out = urges_ridden_out + ? WHERE id = 1");
    all.bind(1, delta.checkins);
    all.bind(2, checked_in);
    all.bind(3, delta.goals_achieved);
    all.bind(4, delta.urges);
    all.bind(5, delta.urges_ridden_out);
    all.exec();
}

void Store::recount_all_time() {
    m_db->exec(std::string("UPDATE all_time_totals SET (goals_achieved, weeks_checked_in, "
                           "checkins, urges, urges_ridden_out) = (SELECT ") +
               k_week_sums + " FROM week_totals) WHERE id = 1");
}

void Store::recount_achieved(const Goal& before, const Goal& after) {
    const Weekday ws = week_start();
    auto was = weeks_achieved(before, ws);
    auto now = weeks_achieved(after, ws);
    for (const Week w : was) {
        if (std::find(now.begin(), now.end(), w) == now.end()) {
            count_in_week(w.start, {.goals_achieved = -1});
        }
    }
    for (const Week w : now) {
        if (std::find(was.begin(), was.end(), w) == was.end()) {
            count_in_week(w.start, {.goals_achieved = 1});
        }
    }
}

void Store::rebuild_week_totals() {
    const Weekday ws = week_start();
    std::map<Date, WeekCounts> weeks;
    auto at = [&](Date day) -> WeekCounts& { return weeks[week_containing(day, ws).start]; };
    for (const auto& goal : all_goals()) {
        for (const Week w : weeks_achieved(goal, ws)) {
            ++weeks[w.start].goals_achieved;
        }
    }
    SQLite::Statement checkins(*m_db, "SELECT date FROM checkins");
    while (checkins.executeStep()) {
        ++at(checkin_week_day(stored_date(checkins.getColumn(0)))).checkins;
    }
    SQLite::Statement urges(*m_db, "SELECT substr(at, 1, 10), outcome IS 'rode-out' FROM urges");
    while (urges.executeStep()) {
        auto& counts = at(stored_date(urges.getColumn(0)));
        ++counts.urges;
        counts.urges_ridden_out += urges.getColumn(1).getInt();
    }
    m_db->exec("DELETE FROM week_totals");
    m_db->exec("DELETE FROM all_time_totals");
    m_db->exec("INSERT INTO all_time_totals (id) VALUES (1)");
    for (const auto& [start, counts] : weeks) {
        count_in_week(start, counts);
    }
}

Totals Store::totals_through(Week week) {
    // Every week's totals less those of the weeks after this one: the cost grows with the weeks
    // after it (none, for this week's review), not with the history (SPEC §9).
    SQLite::Statement& query =
        cached("SELECT a.goals_achieved - coalesce(sum(w.goals_achieved), 0), "
               "a.weeks_checked_in - count(w.week) FILTER (WHERE w.checkins > 0), "
               "a.checkins - coalesce(sum(w.checkins), 0), a.urges - coalesce(sum(w.urges), 0), "
               "a.urges_ridden_out - coalesce(sum(w.urges_ridden_out), 0) "
               "FROM all_time_totals AS a LEFT JOIN week_totals AS w ON w.week > ? WHERE a.id = 1");
    query.bind(1, format_date(week.start));
    if (!query.executeStep() || query.getColumn(0).isNull()) {
        // Without its row (a file damaged by hand), counted from every week up to this one.
        SQLite::Statement& each =
            cached(std::string("SELECT ") + k_week_sums + " FROM week_totals WHERE week <= ?");
        each.bind(1, format_date(week.start));
        each.executeStep();
        return totals_from(each, week);
    }
    return totals_from(query, week);
}

std::vector<int> Store::urges_per_week(Week first, int weeks) {
    std::vector<int> counts(static_cast<std::size_t>(std::max(0, weeks)), 0);
    SQLite::Statement& query =
        cached("SELECT week, urges FROM week_totals WHERE week >= ? AND week < ?");
    query.bind(1, format_date(first.start));
    query.bind(2, format_date(first.plus(weeks).start));
    while (query.executeStep()) {
        const auto i = (stored_week_start(query.getColumn(0)) - first.start).count() / 7;
        counts[static_cast<std::size_t>(i)] += query.getColumn(1).getInt();
    }
    return counts;
}

} // namespace smartgoals
