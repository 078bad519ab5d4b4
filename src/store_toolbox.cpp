// SPDX-License-Identifier: MIT
// The Hierarchy of Values and the Lifestyle Balance Pie (SPEC §6.2) in the store.
#include "stored.hpp"

#include <smartgoals/store.hpp>

#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace smartgoals {

namespace {

Value read_value(SQLite::Statement& query) {
    return {.id = query.getColumn(0).getInt64(),
            .uuid = query.getColumn(1).getString(),
            .position = query.getColumn(2).getInt(),
            .text = query.getColumn(3).getString(),
            .created = query.getColumn(4).getString()};
}

BalanceRating read_rating(SQLite::Statement& query) {
    const int score = query.getColumn(4).getInt();
    if (score < 0 || score > 10) {
        stored_value_damaged("a balance rating", query.getColumn(4).getString());
    }
    return {.id = query.getColumn(0).getInt64(),
            .uuid = query.getColumn(1).getString(),
            .date = stored_date(query.getColumn(2)),
            .area = query.getColumn(3).getString(),
            .score = score,
            .created = query.getColumn(5).getString()};
}

constexpr const char* k_value_columns = "SELECT id, uuid, position, text, created_at FROM "
                                        "life_values ";
constexpr const char* k_rating_columns = "SELECT id, uuid, date, area, score, created_at FROM "
                                         "balance_ratings ";

} // namespace

std::vector<Value> Store::values(std::optional<int> limit) {
    // The limit is kept here, not in the SQL: ORDER BY with LIMIT keeps its rows in a temporary
    // b-tree with a page cache of its own, about 80 KB of memory touched in every review.
    SQLite::Statement& query = cached(std::string(k_value_columns) + "ORDER BY position, id");
    std::vector<Value> out;
    while ((!limit || std::ssize(out) < *limit) && query.executeStep()) {
        out.push_back(read_value(query));
    }
    query.reset();
    return out;
}

std::optional<Value> Store::value(std::int64_t id) {
    SQLite::Statement& query = cached(std::string(k_value_columns) + "WHERE id = ?");
    query.bind(1, id);
    std::optional<Value> out;
    if (query.executeStep()) {
        out = read_value(query);
    }
    query.reset();
    return out;
}

void Store::add_value(Value& value) {
    if (value.uuid.empty()) {
        throw std::logic_error("value without uuid");
    }
    const int count = m_db->execAndGet("SELECT count(*) FROM life_values").getInt();
    if (value.position < 1 || value.position > count) {
        value.position = count + 1;
    }
    SQLite::Statement& make_room =
        cached("UPDATE life_values SET position = position + 1 WHERE position >= ?");
    make_room.bind(1, value.position);
    make_room.exec();
    make_room.reset();
    SQLite::Statement& insert = cached("INSERT INTO life_values (id, uuid, position, text, "
                                       "created_at) VALUES (?, ?, ?, ?, ?)");
    bind_wanted_id(insert, "life_values", value.id);
    insert.bind(2, value.uuid);
    insert.bind(3, value.position);
    insert.bind(4, value.text);
    insert.bind(5, value.created);
    insert.exec();
    insert.reset();
    value.id = m_db->getLastInsertRowid();
}

void Store::move_value(std::int64_t id, int position) {
    const auto found = value(id);
    if (!found || found->position == position) {
        return;
    }
    // Those between the old place and the new move one step towards the old.
    SQLite::Statement& shift =
        cached("UPDATE life_values SET position = position + ? WHERE position BETWEEN ? AND ? "
               "AND id <> ?");
    const bool up = position < found->position;
    shift.bind(1, up ? 1 : -1);
    shift.bind(2, up ? position : found->position);
    shift.bind(3, up ? found->position : position);
    shift.bind(4, id);
    shift.exec();
    shift.reset();
    SQLite::Statement& place = cached("UPDATE life_values SET position = ? WHERE id = ?");
    place.bind(1, position);
    place.bind(2, id);
    place.exec();
    place.reset();
}

void Store::update_value_text(std::int64_t id, const std::string& text) {
    SQLite::Statement& update = cached("UPDATE life_values SET text = ? WHERE id = ?");
    update.bind(1, text);
    update.bind(2, id);
    update.exec();
    update.reset();
}

bool Store::remove_value(std::int64_t id, Date on) {
    const auto found = value(id);
    if (!found || !delete_remembered("life_values", id, on)) {
        return false;
    }
    SQLite::Statement& close_up =
        cached("UPDATE life_values SET position = position - 1 WHERE position > ?");
    close_up.bind(1, found->position);
    close_up.exec();
    close_up.reset();
    return true;
}

std::vector<std::string> Store::balance_areas() {
    if (const auto own = setting(std::string(k_balance_areas_setting))) {
        return parse_balance_areas(*own, "the balance-areas setting");
    }
    return default_balance_areas();
}

void Store::add_balance_rating(BalanceRating& rating) {
    if (rating.uuid.empty()) {
        throw std::logic_error("balance rating without uuid");
    }
    SQLite::Statement& insert = cached("INSERT INTO balance_ratings (id, uuid, date, area, score, "
                                       "created_at) VALUES (?, ?, ?, ?, ?, ?)");
    bind_wanted_id(insert, "balance_ratings", rating.id);
    insert.bind(2, rating.uuid);
    insert.bind(3, format_date(rating.date));
    insert.bind(4, rating.area);
    insert.bind(5, rating.score);
    insert.bind(6, rating.created);
    insert.exec();
    insert.reset();
    rating.id = m_db->getLastInsertRowid();
}

std::optional<BalanceRating> Store::balance_rating(std::int64_t id) {
    SQLite::Statement& query = cached(std::string(k_rating_columns) + "WHERE id = ?");
    query.bind(1, id);
    std::optional<BalanceRating> out;
    if (query.executeStep()) {
        out = read_rating(query);
    }
    query.reset();
    return out;
}

std::vector<AreaRatings> Store::balance_pie() {
    SQLite::Statement& query = cached(std::string(k_rating_columns) +
                                      "WHERE area = ? ORDER BY date DESC, id DESC LIMIT 2");
    std::vector<AreaRatings> pie;
    for (const auto& area : balance_areas()) {
        AreaRatings a{.area = area};
        query.bind(1, area);
        if (query.executeStep()) {
            a.latest = read_rating(query);
            if (query.executeStep()) {
                a.previous = read_rating(query);
            }
        }
        query.reset();
        pie.push_back(std::move(a));
    }
    return pie;
}

std::vector<BalanceRating> Store::balance_ratings() {
    SQLite::Statement query(*m_db, std::string(k_rating_columns) + "ORDER BY date DESC, id DESC");
    std::vector<BalanceRating> out;
    while (query.executeStep()) {
        out.push_back(read_rating(query));
    }
    return out;
}

bool Store::remove_balance_rating(std::int64_t id, Date on) {
    return delete_remembered("balance_ratings", id, on);
}

} // namespace smartgoals

namespace smartgoals {

namespace {

constexpr const char* k_abc_columns =
    "SELECT a.id, a.uuid, a.date, a.event, a.belief, a.consequence, a.dispute, a.effective, "
    "a.urge_id, u.uuid, a.created_at FROM abcs a LEFT JOIN urges u ON u.id = a.urge_id ";

Abc read_abc(SQLite::Statement& query) {
    Abc a{.id = query.getColumn(0).getInt64(),
          .uuid = query.getColumn(1).getString(),
          .date = stored_date(query.getColumn(2)),
          .event = query.getColumn(3).getString(),
          .belief = query.getColumn(4).getString(),
          .consequence = query.getColumn(5).getString(),
          .dispute = query.getColumn(6).getString(),
          .effective = query.getColumn(7).getString(),
          .urge_uuid = query.getColumn(9).getString(),
          .created = query.getColumn(10).getString()};
    if (!query.getColumn(8).isNull()) {
        a.urge_id = query.getColumn(8).getInt64();
    }
    return a;
}

// Binds date, event, belief, consequence, dispute, effective and urge_id from `first` on.
void bind_abc_fields(SQLite::Statement& statement, const Abc& abc, int first) {
    statement.bind(first, format_date(abc.date));
    statement.bind(first + 1, abc.event);
    statement.bind(first + 2, abc.belief);
    statement.bind(first + 3, abc.consequence);
    statement.bind(first + 4, abc.dispute);
    statement.bind(first + 5, abc.effective);
    if (abc.urge_id) {
        statement.bind(first + 6, *abc.urge_id);
    } else {
        statement.bind(first + 6);
    }
}

} // namespace

void Store::add_abc(Abc& abc) {
    if (abc.uuid.empty()) {
        throw std::logic_error("ABC without uuid");
    }
    SQLite::Statement& insert =
        cached("INSERT INTO abcs (id, uuid, created_at, date, event, belief, consequence, "
               "dispute, effective, urge_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bind_wanted_id(insert, "abcs", abc.id);
    insert.bind(2, abc.uuid);
    insert.bind(3, abc.created);
    bind_abc_fields(insert, abc, 4);
    insert.exec();
    insert.reset();
    abc.id = m_db->getLastInsertRowid();
}

std::optional<Abc> Store::abc(std::int64_t id) {
    SQLite::Statement& query = cached(std::string(k_abc_columns) + "WHERE a.id = ?");
    query.bind(1, id);
    std::optional<Abc> out;
    if (query.executeStep()) {
        out = read_abc(query);
    }
    query.reset();
    return out;
}

void Store::update_abc(const Abc& abc) {
    SQLite::Statement& update =
        cached("UPDATE abcs SET date = ?, event = ?, belief = ?, consequence = ?, dispute = ?, "
               "effective = ?, urge_id = ? WHERE id = ?");
    bind_abc_fields(update, abc, 1);
    update.bind(8, abc.id);
    update.exec();
    update.reset();
}

std::vector<Abc> Store::abcs_between(std::optional<Date> from, std::optional<Date> to) {
    SQLite::Statement& query =
        cached(std::string(k_abc_columns) + "WHERE a.date BETWEEN ? AND ? ORDER BY a.date, a.id");
    query.bind(1, from ? format_date(*from) : "0000-00-00");
    query.bind(2, to ? format_date(*to) : "9999-99-99");
    std::vector<Abc> out;
    while (query.executeStep()) {
        out.push_back(read_abc(query));
    }
    query.reset();
    return out;
}

bool Store::remove_abc(std::int64_t id, Date on) {
    return delete_remembered("abcs", id, on);
}

} // namespace smartgoals

namespace smartgoals {

namespace {

constexpr const char* k_plan_columns =
    "SELECT id, uuid, change, importance, confidence, created_at FROM plans ";

ChangePlan read_plan(SQLite::Statement& query) {
    ChangePlan p{.id = query.getColumn(0).getInt64(),
                 .uuid = query.getColumn(1).getString(),
                 .change = query.getColumn(2).getString(),
                 .created = query.getColumn(5).getString()};
    if (!query.getColumn(3).isNull()) {
        p.importance = query.getColumn(3).getInt();
    }
    if (!query.getColumn(4).isNull()) {
        p.confidence = query.getColumn(4).getInt();
    }
    return p;
}

} // namespace

void Store::add_plan(ChangePlan& plan) {
    if (plan.uuid.empty()) {
        throw std::logic_error("plan without uuid");
    }
    SQLite::Statement& insert = cached("INSERT INTO plans (id, uuid, change, importance, "
                                       "confidence, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    bind_wanted_id(insert, "plans", plan.id);
    insert.bind(2, plan.uuid);
    insert.bind(3, plan.change);
    plan.importance ? insert.bind(4, *plan.importance) : insert.bind(4);
    plan.confidence ? insert.bind(5, *plan.confidence) : insert.bind(5);
    insert.bind(6, plan.created);
    insert.exec();
    insert.reset();
    plan.id = m_db->getLastInsertRowid();
    update_plan(plan);
}

void Store::update_plan(const ChangePlan& plan) {
    SQLite::Statement& update =
        cached("UPDATE plans SET change = ?, importance = ?, confidence = ? WHERE id = ?");
    update.bind(1, plan.change);
    plan.importance ? update.bind(2, *plan.importance) : update.bind(2);
    plan.confidence ? update.bind(3, *plan.confidence) : update.bind(3);
    update.bind(4, plan.id);
    update.exec();
    update.reset();
    // The lines are few: written whole, only where they differ, so that undo keeps just that.
    const auto before = this->plan(plan.id);
    const auto key = [](const PlanLine& l) { return std::pair(l.part, l.number); };
    for (const auto& old : before->lines) {
        const auto now = std::find_if(plan.lines.begin(), plan.lines.end(),
                                      [&](const PlanLine& l) { return key(l) == key(old); });
        if (now == plan.lines.end()) {
            SQLite::Statement& remove =
                cached("DELETE FROM plan_lines WHERE plan_id = ? AND part = ? AND number = ?");
            remove.bind(1, plan.id);
            remove.bind(2, std::string(to_string(old.part)));
            remove.bind(3, old.number);
            remove.exec();
            remove.reset();
        }
    }
    for (const auto& line : plan.lines) {
        const auto old = std::find_if(before->lines.begin(), before->lines.end(),
                                      [&](const PlanLine& l) { return key(l) == key(line); });
        if (old != before->lines.end() && old->text == line.text && old->goal_id == line.goal_id) {
            continue;
        }
        SQLite::Statement& write =
            cached("INSERT OR REPLACE INTO plan_lines (plan_id, part, number, text, goal_id) "
                   "VALUES (?, ?, ?, ?, ?)");
        write.bind(1, plan.id);
        write.bind(2, std::string(to_string(line.part)));
        write.bind(3, line.number);
        write.bind(4, line.text);
        line.goal_id ? write.bind(5, *line.goal_id) : write.bind(5);
        write.exec();
        write.reset();
    }
}

std::optional<ChangePlan> Store::plan(std::int64_t id) {
    SQLite::Statement& query = cached(std::string(k_plan_columns) + "WHERE id = ?");
    query.bind(1, id);
    std::optional<ChangePlan> out;
    if (query.executeStep()) {
        out = read_plan(query);
    }
    query.reset();
    if (!out) {
        return out;
    }
    SQLite::Statement& lines = cached(
        "SELECT l.part, l.number, l.text, l.goal_id, g.uuid FROM plan_lines l LEFT JOIN goals g "
        "ON g.id = l.goal_id WHERE l.plan_id = ? ORDER BY l.part, l.number");
    lines.bind(1, id);
    while (lines.executeStep()) {
        PlanLine line{.part = stored_word(lines.getColumn(0), "a plan's part", parse_plan_part),
                      .number = lines.getColumn(1).getInt(),
                      .text = lines.getColumn(2).getString(),
                      .goal_uuid = lines.getColumn(4).getString()};
        if (!lines.getColumn(3).isNull()) {
            line.goal_id = lines.getColumn(3).getInt64();
        }
        out->lines.push_back(std::move(line));
    }
    lines.reset();
    std::stable_sort(out->lines.begin(), out->lines.end(), [](const auto& a, const auto& b) {
        return std::pair(a.part, a.number) < std::pair(b.part, b.number);
    });
    return out;
}

std::vector<ChangePlan> Store::plans() {
    std::vector<std::int64_t> ids;
    SQLite::Statement query(*m_db, "SELECT id FROM plans ORDER BY id");
    while (query.executeStep()) {
        ids.push_back(query.getColumn(0).getInt64());
    }
    std::vector<ChangePlan> out;
    for (const auto id : ids) {
        out.push_back(*plan(id));
    }
    return out;
}

bool Store::remove_plan(std::int64_t id, Date on) {
    return delete_remembered("plans", id, on);
}

} // namespace smartgoals
