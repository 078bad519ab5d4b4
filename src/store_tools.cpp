// SPDX-License-Identifier: MIT
// The store's part for SMART's tools: the urge log and cost-benefit comparisons.
#include "stored.hpp"

#include <smartgoals/store.hpp>
#include <smartgoals/urges.hpp>
#include <smartgoals/uuid.hpp>

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

namespace smartgoals {

namespace {

void bind_text_or_null(SQLite::Statement& s, int index, const std::optional<std::string>& text) {
    if (text) {
        s.bind(index, *text);
    } else {
        s.bind(index);
    }
}

} // namespace

void Store::add_urge(Urge& urge) {
    if (urge.uuid.empty()) {
        urge.uuid = new_uuid();
    }
    SQLite::Statement& insert = cached(
        "INSERT INTO urges (id, uuid, at, intensity, duration_min, trigger, place, strategies, "
        "outcome, note, next_time, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bind_wanted_id(insert, "urges", urge.id);
    insert.bind(2, urge.uuid);
    insert.bind(3, urge.at());
    insert.bind(4, urge.intensity);
    if (urge.duration_min) {
        insert.bind(5, *urge.duration_min);
    }
    insert.bind(6, urge.trigger);
    insert.bind(7, urge.where);
    insert.bind(8, nlohmann::json(urge.strategies).dump());
    bind_text_or_null(insert, 9,
                      urge.outcome ? std::optional(std::string(to_string(*urge.outcome)))
                                   : std::nullopt);
    insert.bind(10, urge.note);
    insert.bind(11, urge.next_time);
    insert.bind(12, urge.created);
    insert.exec();
    urge.id = m_db->getLastInsertRowid();
    count_in_week(urge.date, {.urges = 1, .urges_ridden_out = urge.outcome == Outcome::rode_out});
}

void Store::remove_urge(std::int64_t id) {
    SQLite::Statement& which =
        cached("SELECT substr(at, 1, 10), outcome IS 'rode-out' FROM urges WHERE id = ?");
    which.bind(1, id);
    if (!which.executeStep()) {
        return;
    }
    const Date date = stored_date(which.getColumn(0));
    const int rode_out = which.getColumn(1).getInt();
    which.reset();
    SQLite::Statement& remove = cached("DELETE FROM urges WHERE id = ?");
    remove.bind(1, id);
    remove.exec();
    count_in_week(date, {.urges = -1, .urges_ridden_out = -rode_out});
}

std::vector<Urge> Store::urges_between(Date from, Date to) {
    std::vector<Urge> out;
    StrategyLists lists;
    SQLite::Statement query(*m_db, "SELECT id, uuid, at, intensity, duration_min, trigger, place, "
                                   "strategies, outcome, note, next_time, created_at FROM urges "
                                   "WHERE at >= ? AND at < ? ORDER BY at, id");
    query.bind(1, format_date(from));
    query.bind(2, format_date(to + std::chrono::days{1}));
    while (query.executeStep()) {
        Urge u;
        u.id = query.getColumn(0).getInt64();
        u.uuid = query.getColumn(1).getString();
        const auto at = query.getColumn(2).getString();
        u.date = stored_date(std::string_view(at).substr(0, 10));
        u.time = at.size() > 11 ? at.substr(11) : "";
        u.intensity = query.getColumn(3).getInt();
        if (!query.getColumn(4).isNull()) {
            u.duration_min = query.getColumn(4).getInt();
        }
        u.trigger = query.getColumn(5).getString();
        u.where = query.getColumn(6).getString();
        u.strategies = lists.read(query.getColumn(7).getString());
        if (!query.getColumn(8).isNull()) {
            u.outcome = stored_word(query.getColumn(8), "urge outcome", parse_outcome);
        }
        u.note = query.getColumn(9).getString();
        u.next_time = query.getColumn(10).getString();
        u.created = query.getColumn(11).getString();
        out.push_back(std::move(u));
    }
    return out;
}

void Store::add_comparison(CostBenefit& comparison) {
    if (comparison.uuid.empty()) {
        comparison.uuid = new_uuid();
    }
    SQLite::Statement& insert =
        cached("INSERT INTO comparisons (id, uuid, title, kind, created_at) "
               "VALUES (?, ?, ?, ?, ?)");
    bind_wanted_id(insert, "comparisons", comparison.id);
    insert.bind(2, comparison.uuid);
    insert.bind(3, comparison.title);
    insert.bind(4, std::string(comparison.kind()));
    insert.bind(5, comparison.created);
    insert.exec();
    comparison.id = m_db->getLastInsertRowid();
}

std::vector<CostBenefit> Store::comparisons() {
    std::vector<CostBenefit> out;
    SQLite::Statement query(*m_db, "SELECT id, uuid, title, kind, created_at FROM comparisons "
                                   "ORDER BY id");
    while (query.executeStep()) {
        out.push_back(CostBenefit{.id = query.getColumn(0).getInt64(),
                                  .uuid = query.getColumn(1).getString(),
                                  .title = query.getColumn(2).getString(),
                                  .activity = query.getColumn(3).getString() == "activity",
                                  .created = query.getColumn(4).getString()});
    }
    return out;
}

std::optional<CostBenefit> Store::comparison(std::int64_t id) {
    SQLite::Statement query(*m_db, "SELECT id, uuid, title, kind, created_at FROM comparisons "
                                   "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) {
        return std::nullopt;
    }
    CostBenefit c{.id = query.getColumn(0).getInt64(),
                  .uuid = query.getColumn(1).getString(),
                  .title = query.getColumn(2).getString(),
                  .activity = query.getColumn(3).getString() == "activity",
                  .created = query.getColumn(4).getString()};
    SQLite::Statement items(*m_db, "SELECT id, uuid, quadrant, term, weight, text, created_at "
                                   "FROM comparison_items WHERE comparison_id = ? ORDER BY id");
    items.bind(1, id);
    while (items.executeStep()) {
        CostBenefitItem item{.id = items.getColumn(0).getInt64(),
                             .uuid = items.getColumn(1).getString(),
                             .quadrant = *parse_quadrant(items.getColumn(2).getString()),
                             .text = items.getColumn(5).getString(),
                             .created = items.getColumn(6).getString()};
        if (!items.getColumn(3).isNull()) {
            item.term = parse_term(items.getColumn(3).getString());
        }
        if (!items.getColumn(4).isNull()) {
            item.weight = items.getColumn(4).getInt();
        }
        c.items.push_back(std::move(item));
    }
    return c;
}

void Store::rename_comparison(std::int64_t id, const std::string& title) {
    SQLite::Statement update(*m_db, "UPDATE comparisons SET title = ? WHERE id = ?");
    update.bind(1, title);
    update.bind(2, id);
    update.exec();
}

void Store::add_comparison_item(std::int64_t comparison_id, CostBenefitItem& item) {
    if (item.uuid.empty()) {
        item.uuid = new_uuid();
    }
    SQLite::Statement& insert =
        cached("INSERT INTO comparison_items (id, uuid, comparison_id, quadrant, "
               "term, weight, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    bind_wanted_id(insert, "comparison_items", item.id);
    insert.bind(2, item.uuid);
    insert.bind(3, comparison_id);
    insert.bind(4, std::string(to_string(item.quadrant)));
    bind_text_or_null(insert, 5,
                      item.term ? std::optional(std::string(to_string(*item.term))) : std::nullopt);
    if (item.weight) {
        insert.bind(6, *item.weight);
    }
    insert.bind(7, item.text);
    insert.bind(8, item.created);
    insert.exec();
    item.id = m_db->getLastInsertRowid();
}

void Store::remove_comparison_item(std::int64_t item_id) {
    SQLite::Statement remove(*m_db, "DELETE FROM comparison_items WHERE id = ?");
    remove.bind(1, item_id);
    remove.exec();
}

} // namespace smartgoals
