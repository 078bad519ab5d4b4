// SPDX-License-Identifier: MIT
#include "schema.hpp"
#include "stored.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/store.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace smartgoals {

namespace fs = std::filesystem;

fs::path database_path(const std::string& option, const std::string& env_db,
                       const std::string& xdg_data_home, const std::string& home) {
    if (!option.empty()) {
        return option;
    }
    if (!env_db.empty()) {
        return env_db;
    }
    // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
    if (!xdg_data_home.empty() && fs::path(xdg_data_home).is_absolute()) {
        return fs::path(xdg_data_home) / "smartgoals" / "smartgoals.db";
    }
    if (home.empty()) {
        throw StorageError("cannot find the database: HOME is not set; use --db PATH or "
                           "SMARTGOALS_DB");
    }
    return fs::path(home) / ".local" / "share" / "smartgoals" / "smartgoals.db";
}

Store::Store(std::unique_ptr<SQLite::Database> db, bool write) : m_db(std::move(db)) {
    m_db->exec(write ? "BEGIN IMMEDIATE" : "BEGIN");
    m_in_transaction = true;
}

Store::Store(Store&&) noexcept = default;

Store::~Store() {
    if (m_db && m_session) {
        sqlite3session_delete(m_session);
    }
    if (m_db && m_in_transaction) {
        // A command that did not commit leaves the file as it found it, its -wal included:
        // closing must not write a -wal that held pages back into the database. One that was
        // empty or absent is removed on closing, as it would have been, with nothing written.
        if (m_wal_had_pages) {
            sqlite3_db_config(m_db->getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        }
        try {
            m_db->exec("ROLLBACK");
        } catch (...) {
            // Closing the connection rolls back as well.
        }
    }
}

SQLite::Statement& Store::cached(const std::string& sql) {
    auto& slot = m_statements[sql];
    if (slot) {
        slot->reset();
        slot->clearBindings();
    } else {
        slot = std::make_unique<SQLite::Statement>(*m_db, sql);
    }
    return *slot;
}

bool Store::changed() const {
    return sqlite3_total_changes64(m_db->getHandle()) > m_changes_at_open;
}

void Store::commit() {
    for (auto& [sql, statement] : m_statements) {
        statement->reset();
    }
    m_db->exec("COMMIT");
    m_in_transaction = false;
    if (m_wal_had_pages) {
        // Committed: the -wal's pages may now be written back on closing, as usual.
        sqlite3_db_config(m_db->getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
    }
    if (m_write_back) {
        // What was deleted is zeroed in the pages written (secure_delete); writing them back
        // into the file and emptying the -wal leaves no older copy of them anywhere. Another
        // smartgoals reading just now may hold frames back; they go when it closes.
        (void)m_db->execAndGet("PRAGMA wal_checkpoint(TRUNCATE)");
        m_write_back = false;
    }
}

Store Store::in_memory() {
    auto db = std::make_unique<SQLite::Database>(":memory:",
                                                 SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    db->exec("PRAGMA foreign_keys = ON");
    Store store(std::move(db), true);
    store.migrate();
    return store;
}

void Store::migrate() {
    // Called inside the open transaction; each step and its version move together.
    const int from = m_db->execAndGet("PRAGMA user_version").getInt();
    if (from < 0 || from > k_schema_version) {
        throw StorageError(fmt::format("the database is damaged: its schema version {} is not one "
                                       "smartgoals wrote; nothing was changed",
                                       from));
    }
    for (int v = from; v < k_schema_version; ++v) {
        m_db->exec(migration_sql(v));
        m_db->exec(fmt::format("PRAGMA user_version = {}", v + 1));
    }
    if (from < 7) {
        // The rollup of schema 6, counted from what the file holds; from schema 7 on, with
        // each check-in in the week it is about.
        rebuild_week_totals();
    }
}

std::optional<std::string> Store::setting(const std::string& key) {
    SQLite::Statement& query = cached("SELECT value FROM settings WHERE key = ?");
    query.bind(1, key);
    if (query.executeStep()) {
        return query.getColumn(0).getString();
    }
    return std::nullopt;
}

void Store::set_setting(const std::string& key, const std::string& value) {
    const bool new_weeks = key == "week-start" && setting(key) != value;
    SQLite::Statement& query = cached("INSERT INTO settings (key, value) VALUES (?, ?) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    query.bind(1, key);
    query.bind(2, value);
    query.exec();
    if (new_weeks) {
        rebuild_week_totals(); // every week now starts on another day (rule 7)
    }
}

std::vector<std::pair<std::string, std::string>> Store::settings() {
    std::vector<std::pair<std::string, std::string>> out;
    SQLite::Statement query(*m_db, "SELECT key, value FROM settings ORDER BY key");
    while (query.executeStep()) {
        out.emplace_back(query.getColumn(0).getString(), query.getColumn(1).getString());
    }
    return out;
}

Weekday Store::week_start() {
    const auto value = setting("week-start");
    const auto day = value ? parse_weekday(*value) : std::nullopt;
    return day.value_or(std::chrono::Monday);
}

void Store::add_checkin(Checkin& checkin) {
    if (checkin.uuid.empty()) {
        throw std::logic_error("check-in without uuid");
    }
    SQLite::Statement& insert =
        cached("INSERT INTO checkins (id, uuid, date, rating, note, created_at) "
               "VALUES (?, ?, ?, ?, ?, ?)");
    bind_wanted_id(insert, "checkins", checkin.id);
    insert.bind(2, checkin.uuid);
    insert.bind(3, format_date(checkin.date));
    if (checkin.rating) {
        insert.bind(4, *checkin.rating);
    }
    insert.bind(5, checkin.note);
    insert.bind(6, checkin.created);
    insert.exec();
    checkin.id = m_db->getLastInsertRowid();
    count_in_week(checkin_week_day(checkin.date), {.checkins = 1});
}

std::optional<Checkin> Store::checkin(std::int64_t id) {
    SQLite::Statement& query = cached("SELECT date FROM checkins WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) {
        return std::nullopt;
    }
    const Date date = stored_date(query.getColumn(0));
    query.reset();
    for (auto& c : checkins_between(date, date)) {
        if (c.id == id) {
            return std::move(c);
        }
    }
    return std::nullopt;
}

bool Store::update_checkin(const Checkin& checkin) {
    const auto before = this->checkin(checkin.id);
    if (!before) {
        return false;
    }
    SQLite::Statement& update =
        cached("UPDATE checkins SET date = ?, rating = ?, note = ? WHERE id = ?");
    update.bind(1, format_date(checkin.date));
    if (checkin.rating) {
        update.bind(2, *checkin.rating);
    }
    update.bind(3, checkin.note);
    update.bind(4, checkin.id);
    update.exec();
    if (before->date != checkin.date) {
        count_in_week(checkin_week_day(before->date), {.checkins = -1});
        count_in_week(checkin_week_day(checkin.date), {.checkins = 1});
    }
    return true;
}

bool Store::remove_checkin(std::int64_t id, Date on) {
    const auto before = checkin(id);
    if (!before || !delete_remembered("checkins", id, on)) {
        return false;
    }
    count_in_week(checkin_week_day(before->date), {.checkins = -1});
    return true;
}

std::vector<Checkin> Store::checkins_in_weeks(Date from, Date to) {
    // A check-in counts in the week holding the day before it (SPEC §4.1); one on the first day
    // there is, in the week holding that day.
    const auto after = [](Date day) {
        return day < k_first_day ? day : day + std::chrono::days{1};
    };
    return checkins_between(from <= k_first_day ? from : after(from), after(to));
}

std::vector<Checkin> Store::checkins_between(Date from, Date to) {
    std::vector<Checkin> out;
    SQLite::Statement query(*m_db, "SELECT id, uuid, date, rating, note, created_at FROM checkins "
                                   "WHERE date BETWEEN ? AND ? ORDER BY date, id");
    query.bind(1, format_date(from));
    query.bind(2, format_date(to));
    while (query.executeStep()) {
        Checkin c;
        c.id = query.getColumn(0).getInt64();
        c.uuid = query.getColumn(1).getString();
        c.date = stored_date(query.getColumn(2));
        if (!query.getColumn(3).isNull()) {
            c.rating = query.getColumn(3).getInt();
        }
        c.note = query.getColumn(4).getString();
        c.created = query.getColumn(5).getString();
        out.push_back(std::move(c));
    }
    return out;
}

namespace {
constexpr std::string_view k_record_tables[] = {
    "goals",       "completions",     "checkins", "urges", "comparisons", "comparison_items",
    "life_values", "balance_ratings", "abcs",     "plans"};
std::string_view checked_table(std::string_view table) {
    for (auto t : k_record_tables) {
        if (t == table) {
            return t;
        }
    }
    throw std::logic_error("not a record table");
}
} // namespace

bool Store::delete_remembered(std::string_view table, std::int64_t id, Date on) {
    SQLite::Statement& which =
        cached(fmt::format("SELECT uuid FROM {} WHERE id = ?", checked_table(table)));
    which.bind(1, id);
    if (!which.executeStep()) {
        return false;
    }
    const std::string uuid = which.getColumn(0).getString();
    which.reset();
    SQLite::Statement& remove =
        cached(fmt::format("DELETE FROM {} WHERE id = ?", checked_table(table)));
    remove.bind(1, id);
    remove.exec();
    remember_removed(uuid, on);
    return true;
}

bool Store::remember_removed(const std::string& uuid, Date on) {
    SQLite::Statement& insert = cached("INSERT OR IGNORE INTO removed (uuid, date) VALUES (?, ?)");
    insert.bind(1, uuid);
    insert.bind(2, format_date(on));
    return insert.exec() > 0;
}

bool Store::is_removed(const std::string& uuid) {
    SQLite::Statement& query = cached("SELECT 1 FROM removed WHERE uuid = ?");
    query.bind(1, uuid);
    const bool found = query.executeStep();
    query.reset();
    return found;
}

std::optional<std::int64_t> Store::id_of_uuid(std::string_view table, const std::string& uuid) {
    SQLite::Statement& query =
        cached(fmt::format("SELECT id FROM {} WHERE uuid = ?", checked_table(table)));
    query.bind(1, uuid);
    if (query.executeStep()) {
        return query.getColumn(0).getInt64();
    }
    return std::nullopt;
}

void Store::bind_wanted_id(SQLite::Statement& insert, std::string_view table, std::int64_t wanted) {
    if (wanted > 0) {
        SQLite::Statement& taken =
            cached(fmt::format("SELECT 1 FROM {} WHERE id = ?", checked_table(table)));
        taken.bind(1, wanted);
        if (!taken.executeStep()) {
            insert.bind(1, wanted);
            return;
        }
    }
    insert.bind(1);
}

std::optional<Date> Store::earliest_date() {
    // Each part is one step into an index (goals by status, then planned date).
    auto text = m_db->execAndGet(
        "SELECT min(d) FROM (SELECT min(planned_on) AS d FROM goals "
        "WHERE status = 'open' "
        "UNION ALL SELECT min(planned_on) FROM goals WHERE status = 'done' "
        "UNION ALL SELECT min(planned_on) FROM goals "
        "WHERE status = 'dropped' "
        "UNION ALL SELECT min(date) FROM completions "
        "UNION ALL SELECT max(date(min(date), '-1 day'), '1900-01-01') FROM checkins "
        "UNION ALL SELECT substr(min(at), 1, 10) FROM urges)");
    return stored_optional_date(text);
}

std::optional<Date> Store::latest_record_date() {
    // Each part is one step into an index or to the newest row; none reads a whole table.
    auto text =
        m_db->execAndGet("SELECT max(d) FROM (SELECT substr(created_at, 1, 10) AS d FROM "
                         "(SELECT created_at FROM goals ORDER BY id DESC LIMIT 1) "
                         "UNION ALL SELECT max(date) FROM completions "
                         "UNION ALL SELECT max(date) FROM checkins "
                         "UNION ALL SELECT substr(max(at), 1, 10) FROM urges "
                         "UNION ALL SELECT substr(created_at, 1, 10) FROM "
                         "(SELECT created_at FROM comparisons ORDER BY id DESC LIMIT 1) "
                         "UNION ALL SELECT substr(created_at, 1, 10) FROM "
                         "(SELECT created_at FROM abcs ORDER BY id DESC LIMIT 1) "
                         "UNION ALL SELECT substr(created_at, 1, 10) FROM "
                         "(SELECT created_at FROM balance_ratings ORDER BY id DESC LIMIT 1) "
                         "UNION ALL SELECT substr(created_at, 1, 10) FROM "
                         "(SELECT created_at FROM life_values ORDER BY id DESC LIMIT 1) "
                         "UNION ALL SELECT substr(created_at, 1, 10) FROM "
                         "(SELECT created_at FROM plans ORDER BY id DESC LIMIT 1))");
    return stored_optional_date(text);
}

} // namespace smartgoals
