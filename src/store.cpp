// SPDX-License-Identifier: MIT
#include <smartgoals/errors.hpp>
#include <smartgoals/store.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace smartgoals {

namespace fs = std::filesystem;

namespace {

constexpr int k_busy_timeout_ms = 10000;

// Each entry moves the schema from version i to i + 1, in one transaction.
constexpr const char* k_migrations[] = {
    R"sql(
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE goals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL CHECK (text <> ''),
    area TEXT CHECK (area IN ('motivation', 'urges', 'thoughts', 'balance')),
    kind TEXT NOT NULL CHECK (kind IN ('once', 'weekly')),
    target INTEGER NOT NULL CHECK (target >= 1),
    planned_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- 'dropped' and its date are stored; 'done' and its date are derived from completions
    -- (rule 1) and kept here by the store so that a week's goals are found through an index.
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    closed_on TEXT
);
CREATE INDEX goals_open ON goals (status, planned_on);
CREATE INDEX goals_closed ON goals (closed_on);
CREATE TABLE completions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX completions_goal ON completions (goal_id, date);
CREATE INDEX completions_date ON completions (date);
CREATE TABLE checkins (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL,
    rating INTEGER CHECK (rating BETWEEN 1 AND 10),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX checkins_date ON checkins (date);
)sql",
    R"sql(
CREATE TABLE urges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL, -- local YYYY-MM-DDTHH:MM
    intensity INTEGER NOT NULL CHECK (intensity BETWEEN 1 AND 10),
    duration_min INTEGER CHECK (duration_min >= 0),
    trigger TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    strategies TEXT NOT NULL DEFAULT '[]', -- a JSON array of text
    outcome TEXT CHECK (outcome IN ('rode-out', 'acted')),
    note TEXT NOT NULL DEFAULT '',
    next_time TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX urges_at ON urges (at);
CREATE TABLE comparisons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL CHECK (title <> ''),
    kind TEXT NOT NULL CHECK (kind IN ('substance', 'activity')),
    created_at TEXT NOT NULL
);
CREATE TABLE comparison_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    comparison_id INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
    quadrant TEXT NOT NULL CHECK (quadrant IN ('benefits-of-using', 'costs-of-using',
                                               'benefits-of-not-using', 'costs-of-not-using')),
    term TEXT CHECK (term IN ('short', 'long')),
    weight INTEGER CHECK (weight BETWEEN 1 AND 5),
    text TEXT NOT NULL CHECK (text <> ''),
    created_at TEXT NOT NULL
);
CREATE INDEX comparison_items_of ON comparison_items (comparison_id);
)sql",
    // Indexes that let the totals that only grow be counted from small index ranges instead of
    // whole tables.
    R"sql(
CREATE INDEX goals_closed_status ON goals (status, closed_on);
CREATE INDEX goals_weekly ON goals (kind, id, planned_on, status, closed_on, target);
CREATE INDEX urges_outcome_at ON urges (outcome, at);
)sql",
    // Running tallies of the urges, kept by triggers in the writing transaction itself, so that
    // "urges logged up to a day" is the tally less the few urges after it, not a count of all.
    R"sql(
CREATE TABLE tallies (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO tallies VALUES
    ('urges', (SELECT count(*) FROM urges)),
    ('urges_ridden_out', (SELECT count(*) FROM urges WHERE outcome = 'rode-out'));
CREATE TRIGGER urges_tally_insert AFTER INSERT ON urges BEGIN
    UPDATE tallies SET value = value + 1 WHERE name = 'urges';
    UPDATE tallies SET value = value + (new.outcome IS 'rode-out') WHERE name = 'urges_ridden_out';
END;
CREATE TRIGGER urges_tally_delete AFTER DELETE ON urges BEGIN
    UPDATE tallies SET value = value - 1 WHERE name = 'urges';
    UPDATE tallies SET value = value - (old.outcome IS 'rode-out') WHERE name = 'urges_ridden_out';
END;
CREATE TRIGGER urges_tally_update AFTER UPDATE OF outcome ON urges BEGIN
    UPDATE tallies SET value = value - (old.outcome IS 'rode-out') + (new.outcome IS 'rode-out')
        WHERE name = 'urges_ridden_out';
END;
)sql",
};
static_assert(std::size(k_migrations) == Store::k_schema_version);

// Creates each missing directory 0700 whatever the umask.
void create_directories_private(const fs::path& dir) {
    if (dir.empty() || fs::exists(dir)) {
        return;
    }
    create_directories_private(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
        throw StorageError(
            fmt::format("cannot create the directory {}: {}", dir.string(), std::strerror(errno)));
    }
    ::chmod(dir.c_str(), 0700);
}

void create_file_private(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw StorageError(
            fmt::format("cannot create the database {}: {}", file.string(), std::strerror(errno)));
    }
    ::fchmod(fd, 0600);
    ::close(fd);
}

int user_version(SQLite::Database& db, const fs::path& path) {
    try {
        return db.execAndGet("PRAGMA user_version").getInt();
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_NOTADB) {
            throw StorageError(fmt::format(
                "{} is not a smartgoals database (it is not SQLite); it was left untouched",
                path.string()));
        }
        throw StorageError(fmt::format("cannot read the database {}: {}; it was left untouched",
                                       path.string(), e.what()));
    }
}

} // namespace

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
Store& Store::operator=(Store&&) noexcept = default;

Store::~Store() {
    if (m_db && m_in_transaction) {
        try {
            m_db->exec("ROLLBACK");
        } catch (...) {
            // Closing the connection rolls back as well.
        }
    }
}

void Store::commit() {
    m_db->exec("COMMIT");
    m_in_transaction = false;
}

Store Store::in_memory() {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    db->exec("PRAGMA foreign_keys = ON");
    Store store(std::move(db), true);
    store.migrate();
    return store;
}

Store Store::open(const fs::path& path, Mode mode) {
    const bool write = mode == Mode::write;
    if (!fs::exists(path)) {
        if (!write) {
            return in_memory(); // a read of a missing database sees an empty one
        }
        create_directories_private(path.parent_path());
        create_file_private(path);
    }
    std::unique_ptr<SQLite::Database> db;
    try {
        db = std::make_unique<SQLite::Database>(
            path, write ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY, k_busy_timeout_ms);
    } catch (const SQLite::Exception& e) {
        throw StorageError(fmt::format("cannot open the database {}: {}", path.string(), e.what()));
    }
    // Check what the file is before anything writes to it.
    const int version = user_version(*db, path);
    if (version > k_schema_version) {
        throw StorageError(fmt::format(
            "{} was written by a newer smartgoals (schema {}; this one reads up to {}); "
            "it was left untouched; use the newer smartgoals",
            path.string(), version, k_schema_version));
    }
    if (version == 0 && db->execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0) {
        throw StorageError(fmt::format(
            "{} is an SQLite file of another program, not a smartgoals database; it was left "
            "untouched",
            path.string()));
    }
    if (!write && version < k_schema_version) {
        // Bring an older (or just created, empty) file up to date first, then read it.
        db.reset();
        open(path, Mode::write).commit();
        return open(path, mode);
    }
    if (write) {
        if (db->execAndGet("PRAGMA journal_mode").getString() != "wal") {
            db->exec("PRAGMA journal_mode = WAL");
        }
        db->exec("PRAGMA synchronous = FULL");
        db->exec("PRAGMA foreign_keys = ON");
        db->exec("PRAGMA secure_delete = ON");
    }
    Store store(std::move(db), write);
    if (write && version < k_schema_version) {
        store.migrate();
        store.commit();
        store.m_db->exec("BEGIN IMMEDIATE");
        store.m_in_transaction = true;
    }
    return store;
}

void Store::migrate() {
    // Called inside the open transaction; each step and its version move together.
    for (int v = m_db->execAndGet("PRAGMA user_version").getInt(); v < k_schema_version; ++v) {
        m_db->exec(k_migrations[v]);
        m_db->exec(fmt::format("PRAGMA user_version = {}", v + 1));
    }
}

std::optional<std::string> Store::setting(const std::string& key) {
    SQLite::Statement query(*m_db, "SELECT value FROM settings WHERE key = ?");
    query.bind(1, key);
    if (query.executeStep()) {
        return query.getColumn(0).getString();
    }
    return std::nullopt;
}

void Store::set_setting(const std::string& key, const std::string& value) {
    SQLite::Statement query(*m_db, "INSERT INTO settings (key, value) VALUES (?, ?) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    query.bind(1, key);
    query.bind(2, value);
    query.exec();
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
    SQLite::Statement insert(*m_db,
                             "INSERT INTO checkins (id, uuid, date, rating, note, created_at) "
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
        c.date = *parse_date(query.getColumn(2).getString());
        if (!query.getColumn(3).isNull()) {
            c.rating = query.getColumn(3).getInt();
        }
        c.note = query.getColumn(4).getString();
        c.created = query.getColumn(5).getString();
        out.push_back(std::move(c));
    }
    return out;
}

Totals Store::totals_until(Date day, Weekday week_start) {
    // Week numbers in SQL count whole weeks from a week-start day before every stored date.
    const Date anchor = week_containing(*parse_date("1900-01-01"), week_start).start;
    const std::string week_of = "(CAST(julianday({}) - julianday(:anchor) AS INTEGER) / 7)";
    auto week = [&](const char* column) { return fmt::format(fmt::runtime(week_of), column); };
    Totals totals{.as_of = day};
    const std::string until = format_date(day);

    // Only once goals are ever 'done' (rule 4).
    SQLite::Statement once(*m_db, "SELECT count(*) FROM goals WHERE status = 'done' AND "
                                  "closed_on <= ?");
    once.bind(1, until);
    once.executeStep();
    totals.goals_achieved = once.getColumn(0).getInt();

    SQLite::Statement weekly(
        *m_db,
        fmt::format("SELECT count(*) FROM (SELECT 1 FROM goals g CROSS JOIN completions c ON "
                    "c.goal_id = g.id WHERE g.kind = 'weekly' AND c.date <= :until "
                    "AND {0} >= {1} AND (g.status <> 'dropped' OR {0} <= {2}) "
                    "GROUP BY c.goal_id, {0} HAVING count(*) >= max(g.target))",
                    week("c.date"), week("g.planned_on"), week("g.closed_on")));
    weekly.bind(":until", until);
    weekly.bind(":anchor", format_date(anchor));
    weekly.executeStep();
    totals.goals_achieved += weekly.getColumn(0).getInt();

    SQLite::Statement checkins(
        *m_db, fmt::format("SELECT count(DISTINCT {}), count(*) FROM checkins WHERE date <= :until",
                           week("date")));
    checkins.bind(":until", until);
    checkins.bind(":anchor", format_date(anchor));
    checkins.executeStep();
    totals.weeks_checked_in = checkins.getColumn(0).getInt();
    totals.checkins = checkins.getColumn(1).getInt();

    SQLite::Statement urges(
        *m_db, "SELECT (SELECT value FROM tallies WHERE name = 'urges') - "
               "(SELECT count(*) FROM urges WHERE at >= :end), "
               "(SELECT value FROM tallies WHERE name = 'urges_ridden_out') - "
               "(SELECT count(*) FROM urges WHERE outcome = 'rode-out' AND at >= :end)");
    urges.bind(":end", format_date(day + std::chrono::days{1}));
    urges.executeStep();
    totals.urges_logged = urges.getColumn(0).getInt();
    totals.urges_ridden_out = urges.getColumn(1).getInt();
    return totals;
}

namespace {
constexpr std::string_view k_record_tables[] = {"goals", "completions", "checkins",
                                                "urges", "comparisons", "comparison_items"};
std::string_view checked_table(std::string_view table) {
    for (auto t : k_record_tables) {
        if (t == table) {
            return t;
        }
    }
    throw std::logic_error("not a record table");
}
} // namespace

std::optional<std::int64_t> Store::id_of_uuid(std::string_view table, const std::string& uuid) {
    SQLite::Statement query(*m_db,
                            fmt::format("SELECT id FROM {} WHERE uuid = ?", checked_table(table)));
    query.bind(1, uuid);
    if (query.executeStep()) {
        return query.getColumn(0).getInt64();
    }
    return std::nullopt;
}

void Store::bind_wanted_id(SQLite::Statement& insert, std::string_view table, std::int64_t wanted) {
    if (wanted > 0) {
        SQLite::Statement taken(*m_db,
                                fmt::format("SELECT 1 FROM {} WHERE id = ?", checked_table(table)));
        taken.bind(1, wanted);
        if (!taken.executeStep()) {
            insert.bind(1, wanted);
            return;
        }
    }
    insert.bind(1);
}

std::optional<Date> Store::earliest_date() {
    auto text = m_db->execAndGet("SELECT min(d) FROM (SELECT min(planned_on) AS d FROM goals "
                                 "UNION ALL SELECT min(date) FROM completions "
                                 "UNION ALL SELECT min(date) FROM checkins "
                                 "UNION ALL SELECT substr(min(at), 1, 10) FROM urges)");
    if (text.isNull()) {
        return std::nullopt;
    }
    return parse_date(text.getString());
}

} // namespace smartgoals
