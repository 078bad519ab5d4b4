// SPDX-License-Identifier: MIT
// The store's part for SMART's Urge Log.
#include "stored.hpp"

#include <smartgoals/store.hpp>
#include <smartgoals/urges.hpp>
#include <smartgoals/uuid.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace smartgoals {

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

namespace {

constexpr const char* k_urge_columns = "id, uuid, at, intensity, duration_min, trigger, place, "
                                       "strategies, outcome, note, next_time, created_at";

Urge read_urge(SQLite::Statement& query, StrategyLists& lists) {
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
    return u;
}

} // namespace

std::vector<Urge> Store::urges_between(Date from, Date to) {
    std::vector<Urge> out;
    StrategyLists lists;
    SQLite::Statement query(*m_db, fmt::format("SELECT {} FROM urges WHERE at >= ? AND at <= ? "
                                               "ORDER BY at, id",
                                               k_urge_columns));
    query.bind(1, format_date(from));
    // Every time of the day `to` ('~' sorts after them all), up to 9999-12-31 itself.
    query.bind(2, format_date(to) + "~");
    while (query.executeStep()) {
        out.push_back(read_urge(query, lists));
    }
    return out;
}

std::optional<Urge> Store::urge(std::int64_t id) {
    StrategyLists lists;
    SQLite::Statement query(*m_db,
                            fmt::format("SELECT {} FROM urges WHERE id = ?", k_urge_columns));
    query.bind(1, id);
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return read_urge(query, lists);
}

} // namespace smartgoals
