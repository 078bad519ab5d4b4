// SPDX-License-Identifier: MIT
#include "stored.hpp"

#include <smartgoals/errors.hpp>

#include <fmt/format.h>

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
