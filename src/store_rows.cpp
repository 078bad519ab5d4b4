// SPDX-License-Identifier: MIT
// The queries the exports and the shell completion read through: every one of them here, in the
// store, so that no SQL lives outside it.
#include <smartgoals/store.hpp>

#include <SQLiteCpp/Statement.h>

namespace smartgoals {

namespace {

const char* sql_of(Rows which) {
    switch (which) {
    case Rows::goals:
        return "SELECT g.id, g.uuid, g.text, g.area, g.kind, g.target, g.planned_on, g.status, "
               "substr(g.created_at, 1, 10), g.closed_on, (SELECT count(*) FROM completions c "
               "WHERE c.goal_id = g.id AND (g.kind = 'once' OR c.date BETWEEN :week_start AND "
               ":week_end)) FROM goals g WHERE substr(g.created_at, 1, 10) BETWEEN :since AND "
               ":until ORDER BY g.id";
    case Rows::completions:
        return "SELECT c.id, c.uuid, c.goal_id, g.uuid, c.date, c.note FROM completions c "
               "JOIN goals g ON g.id = c.goal_id WHERE c.date BETWEEN :since AND :until "
               "ORDER BY c.id";
    case Rows::checkins:
        return "SELECT id, uuid, date, rating, note FROM checkins WHERE date BETWEEN :since AND "
               ":until ORDER BY id";
    case Rows::urges:
        return "SELECT id, uuid, at, intensity, duration_min, trigger, place, strategies, "
               "outcome, note, next_time FROM urges WHERE substr(at, 1, 10) BETWEEN :since AND "
               ":until ORDER BY id";
    case Rows::comparison_items:
        // A comparison with no items yet still has its row, with empty item fields.
        return "SELECT c.id, c.uuid, c.title, c.kind, substr(c.created_at, 1, 10), i.id, "
               "i.uuid, i.quadrant, i.term, i.weight, i.text FROM comparisons c LEFT JOIN "
               "comparison_items i ON i.comparison_id = c.id WHERE substr(c.created_at, 1, 10) "
               "BETWEEN :since AND :until ORDER BY c.id, i.id";
    case Rows::comparisons:
        return "SELECT id, uuid, title, kind, substr(created_at, 1, 10) FROM comparisons "
               "WHERE substr(created_at, 1, 10) BETWEEN :since AND :until ORDER BY id";
    case Rows::every_completion:
        return "SELECT goal_id, id, uuid, date, note FROM completions ORDER BY goal_id, date, id";
    case Rows::every_goal_target:
        return "SELECT goal_id, until_on, target FROM goal_targets ORDER BY goal_id, until_on";
    case Rows::removed:
        return "SELECT uuid, date FROM removed WHERE date BETWEEN :since AND :until "
               "ORDER BY date, uuid";
    case Rows::values:
        return "SELECT id, uuid, position, text, substr(created_at, 1, 10) FROM life_values "
               "WHERE substr(created_at, 1, 10) BETWEEN :since AND :until ORDER BY position, id";
    case Rows::balance:
        return "SELECT id, uuid, date, area, score FROM balance_ratings WHERE date BETWEEN "
               ":since AND :until ORDER BY id";
    case Rows::abc:
        return "SELECT a.id, a.uuid, a.date, a.event, a.belief, a.consequence, a.dispute, "
               "a.effective, a.urge_id, u.uuid FROM abcs a LEFT JOIN urges u ON u.id = a.urge_id "
               "WHERE a.date BETWEEN :since AND :until ORDER BY a.id";
    case Rows::plans:
        return "SELECT p.id, p.uuid, p.change, p.importance, p.confidence, "
               "substr(p.created_at, 1, 10), l.part, l.number, l.text, l.goal_id, g.uuid FROM "
               "plans p LEFT JOIN plan_lines l ON l.plan_id = p.id LEFT JOIN goals g ON g.id = "
               "l.goal_id WHERE substr(p.created_at, 1, 10) BETWEEN :since AND :until ORDER BY "
               "p.id, CASE l.part WHEN 'reason' THEN 1 WHEN 'step' THEN 2 WHEN 'helper' THEN 3 "
               "WHEN 'sign' THEN 4 ELSE 5 END, l.number";
    case Rows::every_comparison_item:
        return "SELECT comparison_id, id, uuid, quadrant, term, weight, text, "
               "substr(created_at, 1, 10) FROM comparison_items ORDER BY comparison_id, id";
    }
    throw std::logic_error("no such rows");
}

} // namespace

std::unique_ptr<SQLite::Statement> Store::rows(Rows which, const RowWindow& window) {
    auto query = std::make_unique<SQLite::Statement>(*m_db, sql_of(which));
    if (query->getBindParameterCount() == 0) {
        return query;
    }
    query->bind(":since", window.since ? format_date(*window.since) : "0000-00-00");
    query->bind(":until", window.until ? format_date(*window.until) : "9999-99-99");
    if (which == Rows::goals) {
        const Week this_week = week_containing(window.today, week_start());
        query->bind(":week_start", format_date(this_week.start));
        query->bind(":week_end", format_date(this_week.end()));
    }
    return query;
}

std::vector<std::pair<std::int64_t, std::string>> Store::goal_texts(bool open_only) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    SQLite::Statement query(*m_db, open_only ? "SELECT id, text FROM goals WHERE status = 'open' "
                                               "ORDER BY id"
                                             : "SELECT id, text FROM goals ORDER BY id");
    while (query.executeStep()) {
        out.emplace_back(query.getColumn(0).getInt64(), query.getColumn(1).getString());
    }
    return out;
}

} // namespace smartgoals
