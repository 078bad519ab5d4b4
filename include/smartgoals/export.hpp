// SPDX-License-Identifier: MIT
#pragma once

#include <smartgoals/store.hpp>

#include <SQLiteCpp/Statement.h>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace smartgoals {

enum class ExportTable {
    goals,
    completions,
    checkins,
    urges,
    cbc,
    weeks,
    values,
    abc,
    plans,
    balance
};
enum class ExportFormat { csv, json };

std::optional<ExportTable> parse_export_table(std::string_view name);
std::optional<ExportFormat> parse_export_format(std::string_view name);

struct ExportRequest {
    ExportTable table = ExportTable::goals;
    ExportFormat format = ExportFormat::csv;
    std::optional<Date> since; // inclusive, by each record's date
    std::optional<Date> until;
    Date today;
    // CSV text beginning with = + - @ gets a leading ' so that a spreadsheet shows it as text
    // instead of running it as a formula.
    bool spreadsheet_safe = false;
};

// Writes one table with the columns of SPEC §7, row by row.
void export_table(Store& store, const ExportRequest& request, std::ostream& out);

// The records a request asks for, as the store selects them.
RowWindow window_of(const ExportRequest& request);

// One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF.
std::string csv_field(std::string_view text);

} // namespace smartgoals
