// SPDX-License-Identifier: MIT
#include "stored.hpp"

#include <smartgoals/rules.hpp>
#include <smartgoals/store.hpp>
#include <smartgoals/uuid.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <span>

namespace smartgoals {

namespace {

constexpr const char* k_goal_columns =
    "id, uuid, text, area, kind, target, planned_on, created_at, status, closed_on";
// The goals open_goal_counts counts (schema 15), and the review counts and loads as carried.
constexpr const char* k_open_once = "status = 'open' AND kind = 'once'";
// The same for a list, which shows neither a goal's uuid nor when it was added.
constexpr const char* k_listed_goal_columns =
    "id, '', text, area, kind, target, planned_on, '', status, closed_on";

// Rule 2, widened to whole weeks [:a, :b]: a goal is active somewhere in them when it is open
// and planned by :b, or was closed on or after :a (and planned or closed by :b). Each half is an
// index range, so the cost follows the window, not the history.
constexpr const char* k_open_by_window = "FROM goals WHERE status = 'open' AND planned_on <= :b";
// The closed half, one index range for each way of closing: with `status IN ('done',
// 'dropped')` SQLite would hold the two words in a temporary b-tree, with a page cache of its
// own (about 80 KB of memory touched).
std::string closed_in_window(std::string_view columns) {
    const auto one = [&](std::string_view status) {
        return fmt::format("SELECT {} FROM goals WHERE status = '{}' AND closed_on >= :a AND "
                           "(planned_on <= :b OR closed_on <= :b)",
                           columns, status);
    };
    return one("done") + " UNION ALL " + one("dropped");
}

// Whether `count` ids spread over [lo, hi] are dense enough that one walk along the range reads
// fewer rows than a lookup for each.
bool dense(std::size_t count, std::int64_t lo, std::int64_t hi) {
    return static_cast<std::int64_t>(count) * 4 >= hi - lo + 1;
}

Goal read_goal(const Query& row) {
    Goal g;
    g.id = row.int64(0);
    g.uuid = row.text(1);
    g.text = row.text(2);
    if (!row.null(3)) {
        g.area = stored_word(row.text(3), "area", parse_area);
    }
    g.kind = stored_word(row.text(4), "kind of goal", parse_kind);
    g.target = row.integer(5);
    if (g.target < 1) {
        stored_value_damaged("target", row.text(5));
    }
    g.planned = stored_date(row.text(6));
    g.created = row.text(7);
    g.status = stored_word(row.text(8), "status", parse_status);
    g.closed = stored_optional_date(row, 9);
    if (g.status != Status::open && !g.closed) {
        stored_value_damaged("date a goal was closed", "");
    }
    return g;
}

// A completion from the columns id, goal_id, date, then (with details) uuid and note.
constexpr const char* k_completion_columns = "id, goal_id, date, uuid, note";
constexpr const char* k_completion_key_columns = "id, goal_id, date";

Completion read_completion(const Query& row, bool details = true) {
    return Completion{.id = row.int64(0),
                      .uuid = details ? std::string(row.text(3)) : std::string(),
                      .goal_id = row.int64(1),
                      .date = stored_date(row.text(2)),
                      .note = details ? std::string(row.text(4)) : std::string()};
}

void bind_optional_date(SQLite::Statement& statement, int index, std::optional<Date> date) {
    if (date) {
        statement.bind(index, format_date(*date));
    } else {
        statement.bind(index);
    }
}

bool open_once(const Goal& goal) {
    return goal.kind == Kind::once && goal.status == Status::open;
}

} // namespace

void Store::count_open_once(const Goal* before, const Goal* after) {
    const int delta = (after && open_once(*after) ? 1 : 0) - (before && open_once(*before) ? 1 : 0);
    if (delta != 0) {
        SQLite::Statement& add = cached("UPDATE open_goal_counts SET once = once + ? WHERE id = 1");
        add.bind(1, delta);
        add.exec();
    }
}

void Store::recount_open_once() {
    m_db->exec(fmt::format("INSERT INTO open_goal_counts (id, once) SELECT 1, count(*) FROM goals "
                           "WHERE {} ON CONFLICT (id) DO UPDATE SET once = excluded.once",
                           k_open_once));
}

std::size_t Store::open_once_planned_before(Date day, bool use_kept) {
    const auto count = [&](const char* side, std::int64_t limit) {
        Query query(*m_db, fmt::format("SELECT count(*) FROM (SELECT 1 FROM goals WHERE {} AND "
                                       "planned_on {} :day LIMIT ?)",
                                       k_open_once, side));
        query.bind(":day", format_date(day));
        query.bind(2, limit);
        query.step();
        return query.int64(0);
    };
    Query kept(*m_db, "SELECT once FROM open_goal_counts WHERE id = 1");
    const bool row = use_kept && kept.step();
    if (row && (!kept.is_integer(0) || kept.int64(0) < 0)) {
        stored_value_damaged("count of open goals", kept.text(0));
    }
    const std::int64_t all = row ? kept.int64(0) : -1; // without it, each one is counted
    // The side with fewer goals is walked: each side up to a limit that grows fourfold, so that
    // a review of this week walks the few planned from this week on, and one of a week long
    // past the few planned before it, never more than a few times the shorter side.
    for (std::int64_t limit = 64;; limit *= 4) {
        if (all >= 0) {
            const std::int64_t after = count(">=", limit);
            if (after < limit && after <= all) {
                return static_cast<std::size_t>(all - after);
            }
        }
        if (const std::int64_t before = count("<", all >= 0 ? limit : -1);
            before < limit || all < 0) {
            return static_cast<std::size_t>(before);
        }
    }
}

void Store::add_goal(Goal& goal) {
    if (goal.uuid.empty()) {
        goal.uuid = new_uuid();
    }
    SQLite::Statement& insert = cached("INSERT INTO goals (id, uuid, text, area, kind, target, "
                                       "planned_on, created_at, status, closed_on) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bind_wanted_id(insert, "goals", goal.id);
    insert.bind(2, goal.uuid);
    insert.bind(3, goal.text);
    if (goal.area) {
        insert.bind(4, std::string(to_string(*goal.area)));
    }
    insert.bind(5, std::string(to_string(goal.kind)));
    insert.bind(6, goal.target);
    insert.bind(7, format_date(goal.planned));
    insert.bind(8, goal.created);
    insert.bind(9, std::string(to_string(goal.status)));
    bind_optional_date(insert, 10, goal.closed);
    insert.exec();
    goal.id = m_db->getLastInsertRowid();
    count_open_once(nullptr, &goal);
    if (!goal.earlier_targets.empty()) {
        write_targets(goal);
    }
    if (goal.status == Status::done) {
        // Only a goal stored as done counts before it has completions (an import's).
        Goal as_stored = goal;
        as_stored.completions.clear();
        recount_achieved(Goal{.kind = goal.kind}, as_stored);
    }
}

std::optional<Goal> Store::goal(std::int64_t id) {
    auto goal = goal_without_completions(id);
    if (goal) {
        attach_all_completions(*goal);
    }
    return goal;
}

std::optional<Goal> Store::goal_without_completions(std::int64_t id) {
    Query row(*m_db, fmt::format("SELECT {} FROM goals WHERE id = ?", k_goal_columns));
    row.bind(1, id);
    if (!row.step()) {
        return std::nullopt;
    }
    std::vector<Goal> one{read_goal(row)};
    attach_targets(one);
    return std::move(one.front());
}

void Store::attach_targets(std::vector<Goal>& goals) {
    // One statement, each weekly goal's own index range: no list of ids to parse, and no
    // temporary b-tree to hold one.
    std::optional<Query> query;
    for (auto& g : goals) {
        if (g.kind != Kind::weekly) {
            continue;
        }
        if (!query) {
            query.emplace(*m_db, "SELECT until_on, target FROM goal_targets WHERE goal_id = ? "
                                 "ORDER BY until_on");
        }
        query->reset();
        query->bind(1, g.id);
        while (query->step()) {
            const int target = query->integer(1);
            if (target < 1) {
                stored_value_damaged("target", query->text(1));
            }
            g.earlier_targets.push_back({stored_date(query->text(0)), target});
        }
    }
}

void Store::write_targets(const Goal& goal) {
    SQLite::Statement& clear = cached("DELETE FROM goal_targets WHERE goal_id = ?");
    clear.bind(1, goal.id);
    clear.exec();
    SQLite::Statement& insert =
        cached("INSERT INTO goal_targets (goal_id, until_on, target) VALUES (?, ?, ?)");
    for (const auto& e : goal.earlier_targets) {
        insert.reset();
        insert.bind(1, goal.id);
        insert.bind(2, format_date(e.until));
        insert.bind(3, e.target);
        insert.exec();
    }
}

std::optional<Goal> Store::goal_for_week(std::int64_t id, Week week) {
    auto goal = goal_without_completions(id);
    if (!goal) {
        return goal;
    }
    std::vector<Goal> one{std::move(*goal)};
    attach_completions(one, std::pair{week.start, week.end()});
    return std::move(one.front());
}

void Store::attach_all_completions(Goal& goal) {
    Query completions(*m_db, fmt::format("SELECT {} FROM completions WHERE goal_id = ? "
                                         "ORDER BY date, id",
                                         k_completion_columns));
    completions.bind(1, goal.id);
    while (completions.step()) {
        goal.completions.push_back(read_completion(completions));
    }
}

void Store::save(GoalChange& change, Date today) {
    for (const auto& taken : change.taken_back) {
        remove_completion(taken.id, today);
    }
    for (auto& added : change.added) {
        add_completion(added);
    }
    update_goal(change.after);
}

void Store::update_goal(const Goal& goal) {
    const auto stored = goal_without_completions(goal.id);
    if (!stored) {
        throw std::logic_error("update of a goal that is not stored");
    }
    // Only the columns that change are written: each column written fires the triggers that
    // keep what depends on it.
    struct Column {
        const char* name;
        std::string value;
        bool null = false;
    };
    std::vector<Column> columns;
    if (goal.text != stored->text) {
        columns.push_back({"text", goal.text});
    }
    if (goal.area != stored->area) {
        columns.push_back(
            {"area", goal.area ? std::string(to_string(*goal.area)) : "", !goal.area});
    }
    if (goal.kind != stored->kind) {
        columns.push_back({"kind", std::string(to_string(goal.kind))});
    }
    if (goal.target != stored->target) {
        columns.push_back({"target", std::to_string(goal.target)});
    }
    if (goal.planned != stored->planned) {
        columns.push_back({"planned_on", format_date(goal.planned)});
    }
    if (goal.status != stored->status) {
        columns.push_back({"status", std::string(to_string(goal.status))});
    }
    if (goal.closed != stored->closed) {
        columns.push_back(
            {"closed_on", goal.closed ? format_date(*goal.closed) : "", !goal.closed});
    }
    const bool new_targets = goal.earlier_targets != stored->earlier_targets;
    if (columns.empty() && !new_targets) {
        return;
    }
    // The weeks achieved follow the goal's kind, targets, planned week, status and C; its
    // completions are the same before and after.
    const bool counted = goal.kind != stored->kind || goal.target != stored->target ||
                         new_targets || goal.planned != stored->planned ||
                         goal.status != stored->status || goal.closed != stored->closed;
    std::optional<Goal> before;
    if (counted) {
        before =
            stored->kind == Kind::once && goal.kind == Kind::once ? *stored : *this->goal(goal.id);
    }
    if (new_targets) {
        write_targets(goal);
    }
    std::string sets;
    for (const auto& c : columns) {
        sets += fmt::format("{}{} = ?", sets.empty() ? "" : ", ", c.name);
    }
    if (!columns.empty()) {
        SQLite::Statement update(*m_db, fmt::format("UPDATE goals SET {} WHERE id = ?", sets));
        int i = 1;
        for (const auto& c : columns) {
            if (c.null) {
                update.bind(i);
            } else if (std::string_view(c.name) == "target") {
                update.bind(i, goal.target);
            } else {
                update.bind(i, c.value);
            }
            ++i;
        }
        update.bind(i, goal.id);
        update.exec();
        count_open_once(&*stored, &goal);
    }
    if (before) {
        Goal after = goal;
        after.completions = before->completions;
        recount_achieved(*before, after);
    }
}

void Store::add_completion(Completion& completion) {
    // A weekly goal's week may be achieved by this one; a once goal's count moves with its
    // status, in update_goal.
    const auto week_before = weekly_goal_week(completion.goal_id, completion.date);
    if (completion.uuid.empty()) {
        completion.uuid = new_uuid();
    }
    SQLite::Statement& insert = cached("INSERT INTO completions (id, uuid, goal_id, date, note) "
                                       "VALUES (?, ?, ?, ?, ?)");
    bind_wanted_id(insert, "completions", completion.id);
    insert.bind(2, completion.uuid);
    insert.bind(3, completion.goal_id);
    insert.bind(4, format_date(completion.date));
    insert.bind(5, completion.note);
    insert.exec();
    completion.id = m_db->getLastInsertRowid();
    if (week_before) {
        recount_achieved(*week_before, *weekly_goal_week(completion.goal_id, completion.date));
    }
}

std::optional<Goal> Store::weekly_goal_week(std::int64_t goal_id, Date day) {
    auto goal = goal_without_completions(goal_id);
    if (!goal || goal->kind != Kind::weekly) {
        return std::nullopt;
    }
    return goal_for_week(goal_id, week_containing(day, week_start()));
}

std::optional<Completion> Store::completion(std::int64_t id) {
    Query query(*m_db,
                fmt::format("SELECT {} FROM completions WHERE id = ?", k_completion_columns));
    query.bind(1, id);
    if (!query.step()) {
        return std::nullopt;
    }
    return read_completion(query);
}

bool Store::remove_completion(std::int64_t completion_id, Date on) {
    SQLite::Statement& which = cached("SELECT goal_id, date FROM completions WHERE id = ?");
    which.bind(1, completion_id);
    if (!which.executeStep()) {
        return false;
    }
    const auto goal_id = which.getColumn(0).getInt64();
    const Date date = stored_date(which.getColumn(1));
    which.reset();
    const auto week_before = weekly_goal_week(goal_id, date);
    delete_remembered("completions", completion_id, on);
    if (week_before) {
        recount_achieved(*week_before, *weekly_goal_week(goal_id, date));
    }
    return true;
}

bool Store::remove_goal(std::int64_t id, Date on) {
    const auto goal = this->goal(id);
    if (!goal) {
        return false;
    }
    // Its weeks achieved leave the rollup; its completions and earlier targets go with it
    // (ON DELETE CASCADE), remembered by the goal's uuid alone.
    for (const Week w : weeks_achieved(*goal, week_start())) {
        count_in_week(w.start, {.goals_achieved = -1});
    }
    count_open_once(&*goal, nullptr);
    return delete_remembered("goals", id, on);
}

std::vector<Goal> Store::load_goals(const std::string& select,
                                    const std::function<void(Query&)>& bind) {
    Query query(*m_db, select);
    bind(query);
    std::vector<Goal> goals;
    while (query.step()) {
        goals.push_back(read_goal(query));
    }
    // Ordered here rather than by SQLite, whose sorter would copy every row once more.
    if (!std::is_sorted(goals.begin(), goals.end(),
                        [](const Goal& a, const Goal& b) { return a.id < b.id; })) {
        std::sort(goals.begin(), goals.end(),
                  [](const Goal& a, const Goal& b) { return a.id < b.id; });
    }
    attach_targets(goals);
    return goals;
}

void Store::attach_completions(std::vector<Goal>& goals,
                               std::optional<std::pair<Date, Date>> weekly, bool details) {
    if (goals.empty()) {
        return;
    }
    const std::string columns = details ? k_completion_columns : k_completion_key_columns;
    // Read for a window, a weekly goal keeps only the completions inside it. Without details a
    // once goal does too: its earlier ones are only counted (Goal::completions_before), and later
    // ones are passed over, as nothing in the window counts them. Every date is still read
    // through stored_date(), so that damage anywhere is damage.
    const bool counted = weekly && !details;
    // Whether a row is read into a Completion; an earlier one of a once goal is counted instead.
    const auto take = [&](Goal& g, const Query& row) {
        if (!weekly || (!counted && g.kind == Kind::once)) {
            return true;
        }
        const Date date = stored_date(row.text(2));
        if (date < weekly->first) {
            g.completions_before += g.kind == Kind::once ? 1 : 0;
            return false;
        }
        return date <= weekly->second;
    };
    // goals is in id order (load_goals); the completions index is in (goal_id, date, id) order.
    const std::int64_t lo = goals.front().id, hi = goals.back().id;
    if (dense(goals.size(), lo, hi)) {
        // Most goals in the id range are wanted: one walk along the index, matched in step.
        Query query(*m_db, "SELECT " + columns +
                               " FROM completions WHERE goal_id BETWEEN ? AND ? "
                               "ORDER BY goal_id, date, id");
        query.bind(1, lo);
        query.bind(2, hi);
        auto goal = goals.begin();
        while (query.step()) {
            const std::int64_t id = query.int64(1);
            while (goal != goals.end() && goal->id < id) {
                ++goal;
            }
            if (goal == goals.end()) {
                break;
            }
            if (goal->id == id && take(*goal, query)) {
                goal->completions.push_back(read_completion(query, details));
            }
        }
        return;
    }
    // A few goals spread over a long history: each one's own completions, found through the
    // index, so that the cost follows the goals shown and not the history behind them.
    Query all(*m_db, "SELECT " + columns + " FROM completions WHERE goal_id = ? ORDER BY date, id");
    Query window(*m_db, "SELECT " + columns +
                            " FROM completions WHERE goal_id = ? AND date BETWEEN ? AND ? "
                            "ORDER BY date, id");
    const std::string from = weekly ? format_date(weekly->first) : "";
    const std::string to = weekly ? format_date(weekly->second) : "";
    for (auto& goal : goals) {
        const bool in_window = weekly && goal.kind == Kind::weekly;
        Query& query = in_window ? window : all;
        query.reset();
        query.bind(1, goal.id);
        if (in_window) {
            query.bind(2, from);
            query.bind(3, to);
        }
        while (query.step()) {
            if (take(goal, query)) {
                goal.completions.push_back(read_completion(query, details));
            }
        }
    }
}

History Store::goals_in_weeks(Date from, Date to, std::optional<std::size_t> listed) {
    History history;
    history.week_start = week_start();
    // The window in whole weeks, [a, b] (k_open_by_window, closed_in_window).
    const Date a = week_containing(from, history.week_start).start;
    const Date b = week_containing(to, history.week_start).end();
    const auto bind = [&](Query& s) {
        s.bind(":a", format_date(a));
        s.bind(":b", format_date(b));
    };
    const std::string closed = closed_in_window(k_goal_columns);
    if (!listed) {
        history.goals = load_goals(
            fmt::format("SELECT {} {} UNION ALL {}", k_goal_columns, k_open_by_window, closed),
            bind);
        attach_completions(history.goals, std::pair{a, b}, false);
        history.checkins = checkins_in_weeks(a, b);
        return history;
    }
    // The open goals planned in the window, the weekly ones planned before it, the closed ones.
    history.goals = load_goals(
        fmt::format("SELECT {0} FROM goals WHERE status = 'open' AND planned_on BETWEEN :a AND :b "
                    "UNION ALL SELECT {0} FROM goals WHERE status = 'open' AND kind = 'weekly' "
                    "AND planned_on < :a UNION ALL {1}",
                    k_goal_columns, closed),
        bind);
    // The open once goals planned before it: the `listed` planned earliest, then the rest of the
    // last one's planned week (a list orders by week, then by id), and a count of all.
    const std::string before = fmt::format("FROM goals WHERE {} AND planned_on < :a", k_open_once);
    // Nothing when fewer are carried than `carried` says.
    const auto load_earliest = [&](std::size_t carried) -> std::optional<std::vector<Goal>> {
        if (carried == 0 || *listed == 0) {
            return std::vector<Goal>{};
        }
        Query last(*m_db, "SELECT planned_on " + before + " ORDER BY planned_on LIMIT 1 OFFSET ?");
        last.bind(":a", format_date(a));
        last.bind(2, static_cast<std::int64_t>(std::min(*listed, carried) - 1));
        if (!last.step()) {
            return std::nullopt;
        }
        // That week ends before the window begins: one bound, so the index range stops there.
        const Date through = week_containing(stored_date(last.text(0)), history.week_start).end();
        return load_goals(fmt::format("SELECT {} FROM goals WHERE {} AND planned_on <= :through",
                                      k_goal_columns, k_open_once),
                          [&](Query& s) { s.bind(":through", format_date(through)); });
    };
    auto carried = open_once_planned_before(a);
    auto earliest = load_earliest(carried);
    if (!earliest || earliest->size() > carried) {
        // The kept total says more, or fewer, than there are (a file changed by hand): each
        // one is counted.
        carried = open_once_planned_before(a, false);
        earliest = load_earliest(carried);
    }
    if (!earliest) {
        earliest.emplace(); // counted within the same snapshot: not reached
    }
    history.carried_not_loaded = static_cast<int>(carried - earliest->size());
    history.goals.insert(history.goals.end(), std::make_move_iterator(earliest->begin()),
                         std::make_move_iterator(earliest->end()));
    std::sort(history.goals.begin(), history.goals.end(),
              [](const Goal& x, const Goal& y) { return x.id < y.id; });
    attach_completions(history.goals, std::pair{a, b}, false);
    history.checkins = checkins_in_weeks(a, b);
    return history;
}

void Store::each_goal_in_weeks(Date from, Date to, std::size_t part,
                               const std::function<void(std::vector<Goal>&)>& each) {
    const Weekday ws = week_start();
    const Date a = week_containing(from, ws).start;
    const Date b = week_containing(to, ws).end();
    // The ids first, from the same index ranges as goals_in_weeks (the open ones from the index
    // alone), then each part's goals by id.
    Query which(*m_db,
                fmt::format("SELECT id {} UNION ALL {}", k_open_by_window, closed_in_window("id")));
    which.bind(":a", format_date(a));
    which.bind(":b", format_date(b));
    std::vector<std::int64_t> ids;
    while (which.step()) {
        ids.push_back(which.int64(0));
    }
    std::sort(ids.begin(), ids.end());
    Query one(*m_db, fmt::format("SELECT {} FROM goals WHERE id = ?", k_listed_goal_columns));
    Query range(
        *m_db, fmt::format("SELECT {} FROM goals WHERE id BETWEEN ? AND ?", k_listed_goal_columns));
    std::vector<Goal> goals;
    for (std::size_t first = 0; first < ids.size(); first += part) {
        goals.clear();
        const std::size_t end = std::min(ids.size(), first + part);
        const auto wanted = std::span(ids).subspan(first, end - first);
        if (dense(wanted.size(), wanted.front(), wanted.back())) {
            // Most goals in the id range are wanted: one walk along the table, matched in step.
            range.reset();
            range.bind(1, wanted.front());
            range.bind(2, wanted.back());
            auto next = wanted.begin();
            while (next != wanted.end() && range.step()) {
                const std::int64_t id = range.int64(0);
                while (next != wanted.end() && *next < id) {
                    ++next;
                }
                if (next != wanted.end() && *next == id) {
                    goals.push_back(read_goal(range));
                    ++next;
                }
            }
        } else {
            for (const auto id : wanted) {
                one.reset();
                one.bind(1, id);
                if (one.step()) {
                    goals.push_back(read_goal(one));
                }
            }
        }
        attach_targets(goals);
        attach_completions(goals, std::pair{a, b}, false);
        each(goals);
    }
}

History Store::history_in_weeks(Date from, Date to, std::optional<Date> urges_from,
                                std::optional<std::size_t> listed) {
    History history = goals_in_weeks(from, to, listed);
    const Date a = week_containing(from, history.week_start).start;
    const Date b = week_containing(to, history.week_start).end();
    history.urges = urges_between(urges_from ? std::max(a, *urges_from) : a, b);
    return history;
}

std::vector<Goal> Store::all_goals() {
    auto goals =
        load_goals(fmt::format("SELECT {} FROM goals ORDER BY id", k_goal_columns), [](Query&) {});
    attach_completions(goals, std::nullopt);
    return goals;
}

} // namespace smartgoals
