// SPDX-License-Identifier: MIT
// Undo (SPEC §6.1) through SQLite's session extension: each command that changes data records
// its changes as one changeset; taking it back applies the inverse. sqlite_sequence has no
// primary key, so the session leaves it alone and ids are never given out twice.
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <smartgoals/errors.hpp>
#include <smartgoals/store.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <memory>
#include <sqlite3.h>

namespace smartgoals {

namespace {

constexpr int k_kept_commands = 50;

struct Freed {
    void operator()(void* p) const { sqlite3_free(p); }
};

[[noreturn]] void session_failed(int code, std::string_view what) {
    throw StorageError(
        fmt::format("cannot {}: {}; nothing was changed", what, sqlite3_errstr(code)));
}

} // namespace

void Store::record_changes() {
    if (m_session) {
        return;
    }
    if (const int rc = sqlite3session_create(m_db->getHandle(), "main", &m_session);
        rc != SQLITE_OK) {
        session_failed(rc, "record the command for undo");
    }
    // Every table but the undo log itself.
    sqlite3session_table_filter(
        m_session,
        [](void*, const char* table) { return std::string_view(table) != "undo_log" ? 1 : 0; },
        nullptr);
    if (const int rc = sqlite3session_attach(m_session, nullptr); rc != SQLITE_OK) {
        session_failed(rc, "record the command for undo");
    }
}

void Store::keep_for_undo(const std::string& command, const std::string& at) {
    if (!m_session) {
        return;
    }
    int size = 0;
    void* data = nullptr;
    const int rc = sqlite3session_changeset(m_session, &size, &data);
    std::unique_ptr<void, Freed> changes(data);
    sqlite3session_delete(m_session);
    m_session = nullptr;
    if (rc != SQLITE_OK) {
        session_failed(rc, "record the command for undo");
    }
    if (size == 0) {
        return; // nothing changed: nothing to take back
    }
    SQLite::Statement insert(*m_db, "INSERT INTO undo_log (at, command, changes) VALUES (?, ?, ?)");
    insert.bind(1, at);
    insert.bind(2, command);
    insert.bind(3, changes.get(), size);
    insert.exec();
    SQLite::Statement prune(*m_db, "DELETE FROM undo_log WHERE id <= "
                                   "(SELECT max(id) FROM undo_log) - ?");
    prune.bind(1, k_kept_commands);
    // A command leaving the history takes with it the last copy of what it removed: the pages
    // written now have it zeroed, and commit() writes them back so no older frame remains.
    m_write_back = prune.exec() > 0;
}

std::vector<Store::Undoable> Store::undoable() {
    std::vector<Undoable> out;
    SQLite::Statement query(*m_db, "SELECT id, at, command FROM undo_log ORDER BY id DESC");
    while (query.executeStep()) {
        out.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                       query.getColumn(2).getString()});
    }
    return out;
}

std::optional<Store::Undoable> Store::undo_last() {
    SQLite::Statement newest(
        *m_db, "SELECT id, at, command, changes FROM undo_log ORDER BY id DESC LIMIT 1");
    if (!newest.executeStep()) {
        return std::nullopt;
    }
    Undoable entry{newest.getColumn(0).getInt64(), newest.getColumn(1).getString(),
                   newest.getColumn(2).getString()};
    const auto blob = newest.getColumn(3);
    const int size = blob.getBytes();
    int inverse_size = 0;
    void* inverse_data = nullptr;
    int rc = sqlite3changeset_invert(size, blob.getBlob(), &inverse_size, &inverse_data);
    std::unique_ptr<void, Freed> inverse(inverse_data);
    if (rc != SQLITE_OK) {
        throw StorageError(
            fmt::format("the database is damaged: what undo keeps for '{}' cannot be "
                        "read ({}); nothing was changed",
                        entry.command, sqlite3_errstr(rc)));
    }
    newest.reset();
    // A row a cascade already removed is as good as removed; anything else found changed means
    // the record is no longer as the command left it, and nothing is taken back. One change
    // comes from taking back itself: an ABC added with the urge it came from loses its link
    // when the urge goes first (ON DELETE SET NULL), and is then removed or changed back all the
    // same; so does a plan's step with the goal made from it.
    const auto on_conflict = [](void*, int conflict, sqlite3_changeset_iter* it) {
        const char* table = nullptr;
        int columns = 0, op = 0, indirect = 0;
        sqlite3changeset_op(it, &table, &columns, &op, &indirect);
        if (conflict == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_DELETE) {
            return SQLITE_CHANGESET_OMIT;
        }
        if (conflict == SQLITE_CHANGESET_DATA && (op == SQLITE_DELETE || op == SQLITE_UPDATE) &&
            (std::string_view(table) == "abcs" || std::string_view(table) == "plan_lines")) {
            return SQLITE_CHANGESET_REPLACE;
        }
        return SQLITE_CHANGESET_ABORT;
    };
    // Every week's totals and the count of open once goals are not taken back change by change
    // but counted again afterwards: a command kept before schema 14 (15) holds no change to
    // them, and one kept after it may have counted from a row that did not agree.
    const auto apply_to = [](void*, const char* table) {
        const std::string_view name(table);
        return name != "all_time_totals" && name != "open_goal_counts" ? 1 : 0;
    };
    rc = sqlite3changeset_apply(m_db->getHandle(), inverse_size, inverse.get(), apply_to,
                                on_conflict, nullptr);
    if (rc != SQLITE_OK) {
        throw StorageError(fmt::format("cannot take back '{}': what it changed has changed since "
                                       "({}); nothing was changed",
                                       entry.command, sqlite3_errstr(rc)));
    }
    recount_all_time();  // a read of one row a week, once per undo
    recount_open_once(); // a walk of the open once goals' index, once per undo

    SQLite::Statement forget(*m_db, "DELETE FROM undo_log WHERE id = ?");
    forget.bind(1, entry.id);
    forget.exec();
    return entry;
}

int Store::clear_undo() {
    m_write_back = true;
    return m_db->exec("DELETE FROM undo_log");
}

} // namespace smartgoals
