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

bool Store::remove_urge(std::int64_t id, Date on) {
    const auto before = urge(id);
    if (!before || !delete_remembered("urges", id, on)) {
        return false;
    }
    count_in_week(before->date,
                  {.urges = -1, .urges_ridden_out = -int{before->outcome == Outcome::rode_out}});
    return true;
}

bool Store::update_urge(const Urge& urge) {
    const auto before = this->urge(urge.id);
    if (!before) {
        return false;
    }
    SQLite::Statement& update =
        cached("UPDATE urges SET at = ?, intensity = ?, duration_min = ?, trigger = ?, "
               "place = ?, strategies = ?, outcome = ?, note = ?, next_time = ? WHERE id = ?");
    update.bind(1, urge.at());
    update.bind(2, urge.intensity);
    if (urge.duration_min) {
        update.bind(3, *urge.duration_min);
    } else {
        update.bind(3);
    }
    update.bind(4, urge.trigger);
    update.bind(5, urge.where);
    update.bind(6, nlohmann::json(urge.strategies).dump());
    bind_text_or_null(update, 7,
                      urge.outcome ? std::optional(std::string(to_string(*urge.outcome)))
                                   : std::nullopt);
    update.bind(8, urge.note);
    update.bind(9, urge.next_time);
    update.bind(10, urge.id);
    update.exec();
    count_in_week(before->date,
                  {.urges = -1, .urges_ridden_out = -int{before->outcome == Outcome::rode_out}});
    count_in_week(urge.date,
                  {.urges = 1, .urges_ridden_out = int{urge.outcome == Outcome::rode_out}});
    return true;
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
