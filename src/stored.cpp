// SPDX-License-Identifier: MIT
#include "stored.hpp"

#include <smartgoals/errors.hpp>

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include <sqlite3.h>

namespace smartgoals {

void bind_text_or_null(SQLite::Statement& statement, int index,
                       const std::optional<std::string>& text) {
    if (text) {
        statement.bind(index, *text);
    } else {
        statement.bind(index);
    }
}

void stored_value_damaged(std::string_view what, std::string_view value) {
    std::string shown(value.substr(0, 40));
    for (auto& c : shown) {
        const auto u = static_cast<unsigned char>(c);
        c = u < 0x20 || u == 0x7f ? '?' : c;
    }
    throw StorageError(fmt::format("the database is damaged: a stored {} cannot be read ('{}'); "
                                   "nothing was changed",
                                   what, shown));
}

Query::Query(SQLite::Database& db, const std::string& sql) : m_db(db.getHandle()) {
    const int rc =
        sqlite3_prepare_v2(m_db, sql.c_str(), static_cast<int>(sql.size()), &m_row, nullptr);
    if (rc != SQLITE_OK) {
        throw SQLite::Exception(m_db, rc);
    }
}

Query::~Query() {
    sqlite3_finalize(m_row);
}

void Query::bind(int i, std::int64_t value) {
    if (const int rc = sqlite3_bind_int64(m_row, i, value); rc != SQLITE_OK) {
        throw SQLite::Exception(m_db, rc);
    }
}

void Query::bind(int i, std::string_view text) {
    if (const int rc = sqlite3_bind_text(m_row, i, text.data(), static_cast<int>(text.size()),
                                         SQLITE_TRANSIENT);
        rc != SQLITE_OK) {
        throw SQLite::Exception(m_db, rc);
    }
}

void Query::bind(const char* name, std::string_view text) {
    bind(sqlite3_bind_parameter_index(m_row, name), text);
}

bool Query::step() {
    const int rc = sqlite3_step(m_row);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc != SQLITE_DONE) {
        throw SQLite::Exception(m_db, rc);
    }
    return false;
}

void Query::reset() {
    sqlite3_reset(m_row);
}

bool Query::null(int i) const {
    return sqlite3_column_type(m_row, i) == SQLITE_NULL;
}

std::int64_t Query::int64(int i) const {
    return sqlite3_column_int64(m_row, i);
}

bool Query::is_integer(int i) const {
    return sqlite3_column_type(m_row, i) == SQLITE_INTEGER;
}

int Query::integer(int i) const {
    return sqlite3_column_int(m_row, i);
}

std::string_view Query::text(int i) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_row, i));
    return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(m_row, i)))
                : std::string_view();
}

std::optional<Date> stored_optional_date(const Query& row, int i) {
    if (row.null(i)) {
        return std::nullopt;
    }
    return stored_date(row.text(i));
}

Date stored_date(const SQLite::Column& column) {
    const std::string text = column.getString();
    const auto date = parse_date(text);
    if (column.isNull() || !date) {
        stored_value_damaged("date", text);
    }
    return *date;
}

Date stored_date(std::string_view text) {
    const auto date = parse_date(text);
    if (!date) {
        stored_value_damaged("date", text);
    }
    return *date;
}

Date stored_week_start(const SQLite::Column& column) {
    // The week holding 1900-01-01 may begin up to six days before it.
    const std::string text = column.getString();
    if (text.size() == 10 && text.starts_with("1899-12-") && text[8] >= '2' && text[8] <= '3') {
        const int day = (text[8] - '0') * 10 + (text[9] - '0');
        if (day >= 26 && day <= 31 && text[9] >= '0' && text[9] <= '9') {
            return k_first_day - std::chrono::days{32 - day};
        }
    }
    return stored_date(column);
}

std::optional<Date> stored_optional_date(const SQLite::Column& column) {
    if (column.isNull()) {
        return std::nullopt;
    }
    return stored_date(column);
}

} // namespace smartgoals
