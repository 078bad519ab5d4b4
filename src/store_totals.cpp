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

void Store::count_in_week(Date day, WeekCounts delta) {
    SQLite::Statement& add =
        cached("INSERT INTO week_totals (week, checkins, goals_achieved, urges, urges_ridden_out) "
               "VALUES (?, ?, ?, ?, ?) ON CONFLICT (week) DO UPDATE SET "
               "checkins = checkins + excluded.checkins, "
               "goals_achieved = goals_achieved + excluded.goals_achieved, "
               "urges = urges + excluded.urges, "
               "urges_ridden_out = urges_ridden_out + excluded.urges_ridden_out");
    add.bind(1, format_date(week_containing(day, week_start()).start));
    add.bind(2, delta.checkins);
    add.bind(3, delta.goals_achieved);
    add.bind(4, delta.urges);
    add.bind(5, delta.urges_ridden_out);
    add.exec();
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
    for (const auto& [start, counts] : weeks) {
        count_in_week(start, counts);
    }
}

Totals Store::totals_through(Week week) {
    SQLite::Statement& query =
        cached("SELECT coalesce(sum(goals_achieved), 0), count(*) FILTER (WHERE checkins > 0), "
               "coalesce(sum(checkins), 0), coalesce(sum(urges), 0), "
               "coalesce(sum(urges_ridden_out), 0) FROM week_totals WHERE week <= ?");
    query.bind(1, format_date(week.start));
    query.executeStep();
    return Totals{.as_of = week.end(),
                  .goals_achieved = query.getColumn(0).getInt(),
                  .weeks_checked_in = query.getColumn(1).getInt(),
                  .checkins = query.getColumn(2).getInt(),
                  .urges_logged = query.getColumn(3).getInt(),
                  .urges_ridden_out = query.getColumn(4).getInt()};
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
