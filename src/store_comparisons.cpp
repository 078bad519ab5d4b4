// SPDX-License-Identifier: MIT
// The store's part for cost-benefit comparisons and their items.
#include "stored.hpp"

#include <smartgoals/store.hpp>
#include <smartgoals/urges.hpp>
#include <smartgoals/uuid.hpp>

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

namespace smartgoals {

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

bool Store::remove_comparison_item(std::int64_t item_id, Date on) {
    return delete_remembered("comparison_items", item_id, on);
}

bool Store::remove_comparison(std::int64_t id, Date on) {
    return delete_remembered("comparisons", id, on); // its items go with it (ON DELETE CASCADE)
}

void Store::update_comparison_item(const CostBenefitItem& item) {
    SQLite::Statement update(*m_db, "UPDATE comparison_items SET quadrant = ?, term = ?, "
                                    "weight = ?, text = ? WHERE id = ?");
    update.bind(1, std::string(to_string(item.quadrant)));
    bind_text_or_null(update, 2,
                      item.term ? std::optional(std::string(to_string(*item.term))) : std::nullopt);
    if (item.weight) {
        update.bind(3, *item.weight);
    } else {
        update.bind(3);
    }
    update.bind(4, item.text);
    update.bind(5, item.id);
    update.exec();
}

} // namespace smartgoals
