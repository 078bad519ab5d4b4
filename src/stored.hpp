// SPDX-License-Identifier: MIT
#pragma once
// The one checked way back from a stored value (SPEC §3): a date that does not parse, a list
// that is not a list, a word outside its set is damage (StorageError, exit 1), never a crash.

#include <smartgoals/dates.hpp>
#include <smartgoals/model.hpp>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>
#include <string_view>

namespace smartgoals {

// Binds `text`, or NULL when there is none.
void bind_text_or_null(SQLite::Statement& statement, int index,
                       const std::optional<std::string>& text);

[[noreturn]] void stored_value_damaged(std::string_view what, std::string_view value);

// A query read straight through SQLite's C API, without SQLiteCpp's Column (a copy of the
// statement's shared handle for each cell): for the queries that read a row per goal or per
// completion. Errors throw SQLite::Exception, as SQLiteCpp's do.
class Query {
public:
    Query(SQLite::Database& db, const std::string& sql);
    ~Query();
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    void bind(int i, std::int64_t value);
    void bind(int i, std::string_view text);
    void bind(const char* name, std::string_view text); // :name
    bool step();                                        // true when a row is ready
    void reset();
    bool null(int i) const;
    std::int64_t int64(int i) const;
    bool is_integer(int i) const; // stored as an integer, not text, a real number or NULL
    int integer(int i) const;
    std::string_view text(int i) const; // "" for NULL; valid until the next step
private:
    sqlite3* m_db;
    sqlite3_stmt* m_row = nullptr;
};

Date stored_date(const SQLite::Column& column);
Date stored_date(std::string_view text);
// A week's first day, which for the first week there is may lie in the last days of 1899.
Date stored_week_start(const SQLite::Column& column);
std::optional<Date> stored_optional_date(const SQLite::Column& column); // NULL is none
std::optional<Date> stored_optional_date(const Query& row, int i);      // NULL is none
// A stored word parsed by `parse` (parse_area, parse_kind, ...); `what` names it in the error.
template <typename Parse>
auto stored_word(std::string_view text, std::string_view what, Parse parse) {
    const auto value = parse(text);
    if (!value) {
        stored_value_damaged(what, text);
    }
    return *value;
}
template <typename Parse>
auto stored_word(const SQLite::Column& column, std::string_view what, Parse parse) {
    return stored_word(column.getString(), what, parse);
}

} // namespace smartgoals
