// SPDX-License-Identifier: MIT
#include "stored.hpp"

#include <smartgoals/export.hpp>
#include <smartgoals/rules.hpp>
#include <smartgoals/urges.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <span>
#include <variant>
#include <vector>

namespace smartgoals {

namespace {

struct Tenths {
    int value;
};
// A list owned elsewhere (an urge's strategies): joined with ';' in CSV, a list in JSON.
using List = std::span<const std::string>;
// Text is owned (std::string) or viewed (std::string_view, valid for the writer's row() call,
// as a column of the current SQLite row is).
using Cell = std::variant<std::monostate, long long, std::string, std::string_view, Tenths, List>;
using Row = std::vector<Cell>;

void append_csv_field(std::string& out, std::string_view text) {
    const auto special = [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; };
    if (std::none_of(text.begin(), text.end(), special)) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    out += '"';
}

// Writes rows as CSV (RFC 4180) or as a JSON array of objects keyed by the column names.
// Output is gathered in blocks, not written a field at a time.
class RowWriter {
public:
    RowWriter(std::ostream& out, const ExportRequest& request,
              std::vector<std::string_view> columns)
        : m_out(out), m_format(request.format), m_safe(request.spreadsheet_safe),
          m_columns(std::move(columns)) {}
    RowWriter(const RowWriter&) = delete;
    RowWriter& operator=(const RowWriter&) = delete;

    // Ends the table; a table with no rows is a header alone, or [].
    void finish() {
        start();
        if (m_format == ExportFormat::json) {
            m_buffer += m_rows ? "\n]\n" : "]\n";
        }
        flush();
    }

    void row(const Row& cells) {
        start();
        if (m_format == ExportFormat::csv) {
            for (std::size_t i = 0; i < cells.size(); ++i) {
                if (i) {
                    m_buffer += ',';
                }
                append_csv(cells[i]);
            }
            m_buffer += "\r\n";
        } else {
            nlohmann::ordered_json object;
            for (std::size_t i = 0; i < cells.size(); ++i) {
                object[std::string(m_columns[i])] = json_value(cells[i]);
            }
            m_buffer += m_rows ? ",\n" : "\n";
            m_buffer += object.dump();
        }
        ++m_rows;
        if (m_buffer.size() >= k_block) {
            flush();
        }
    }

private:
    static constexpr std::size_t k_block = 1 << 16;

    void flush() {
        m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        m_buffer.clear();
    }

    // Nothing is written until the first row has been read, so that a database that cannot be
    // read leaves no half table on stdout.
    void start() {
        if (m_started) {
            return;
        }
        m_started = true;
        m_buffer.reserve(k_block + 4096);
        if (m_format == ExportFormat::csv) {
            for (std::size_t i = 0; i < m_columns.size(); ++i) {
                if (i) {
                    m_buffer += ',';
                }
                append_csv_field(m_buffer, m_columns[i]);
            }
            m_buffer += "\r\n";
        } else {
            m_buffer += '[';
        }
    }

    // Only text is guarded: numbers and dates never begin with these characters.
    void append_text(std::string_view text) {
        const bool formula =
            !text.empty() && std::string_view("=+-@").find(text[0]) != std::string_view::npos;
        if (m_safe && formula) {
            append_csv_field(m_buffer, "'" + std::string(text));
        } else {
            append_csv_field(m_buffer, text);
        }
    }

    void append_csv(const Cell& cell) {
        if (const auto* n = std::get_if<long long>(&cell)) {
            char digits[24];
            const auto end = std::to_chars(std::begin(digits), std::end(digits), *n).ptr;
            m_buffer.append(digits, end);
        } else if (const auto* s = std::get_if<std::string>(&cell)) {
            append_text(*s);
        } else if (const auto* v = std::get_if<std::string_view>(&cell)) {
            append_text(*v);
        } else if (const auto* t = std::get_if<Tenths>(&cell)) {
            fmt::format_to(std::back_inserter(m_buffer), "{}.{}", t->value / 10, t->value % 10);
        } else if (const auto* list = std::get_if<List>(&cell)) {
            append_text(fmt::format("{}", fmt::join(*list, ";")));
        }
    }

    static nlohmann::ordered_json json_value(const Cell& cell) {
        if (const auto* n = std::get_if<long long>(&cell)) {
            return *n;
        }
        if (const auto* s = std::get_if<std::string>(&cell)) {
            return s->empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(*s);
        }
        if (const auto* v = std::get_if<std::string_view>(&cell)) {
            return v->empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(*v);
        }
        if (const auto* t = std::get_if<Tenths>(&cell)) {
            return t->value / 10.0;
        }
        if (const auto* list = std::get_if<List>(&cell)) {
            return nlohmann::ordered_json(std::vector<std::string>(list->begin(), list->end()));
        }
        return nullptr;
    }

    std::ostream& m_out;
    ExportFormat m_format;
    bool m_safe;
    std::vector<std::string_view> m_columns;
    std::string m_buffer;
    long long m_rows = 0;
    bool m_started = false;
};

// A column of the current row, without a copy.
std::string_view text_of(const SQLite::Column& column) {
    const char* text = column.getText();
    return {text, static_cast<std::size_t>(column.getBytes())};
}

Cell text_or_empty(const SQLite::Column& column) {
    return column.isNull() ? Cell{} : Cell{column.getString()};
}

template <typename T> Cell optional_cell(const std::optional<T>& value) {
    return value ? Cell{static_cast<long long>(*value)} : Cell{};
}

// Columns `first` to `last` of a LEFT JOIN's row, each a number, a text or empty (NULL).
void append_cells(Row& row, SQLite::Statement& query, int first, int last) {
    for (int i = first; i <= last; ++i) {
        const auto column = query.getColumn(i);
        if (column.isNull()) {
            row.emplace_back();
        } else if (column.isInteger()) {
            row.emplace_back(column.getInt64());
        } else {
            row.emplace_back(column.getString());
        }
    }
}

void export_goals(Store& store, const ExportRequest& request, std::ostream& out) {
    RowWriter writer(out, request,
                     {"id", "uuid", "text", "area", "kind", "target", "week", "status", "created",
                      "closed", "progress", "carried_weeks"});
    const Weekday ws = store.week_start();
    const auto rows = store.rows(Rows::goals, window_of(request));
    auto& query = *rows;
    while (query.executeStep()) {
        Goal goal;
        goal.kind = parse_kind(query.getColumn(4).getString()).value_or(Kind::once);
        goal.planned = stored_date(query.getColumn(6));
        if (!query.getColumn(9).isNull()) {
            goal.closed = stored_date(query.getColumn(9));
        }
        writer.row({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                    query.getColumn(2).getString(), text_or_empty(query.getColumn(3)),
                    query.getColumn(4).getString(), query.getColumn(5).getInt64(),
                    format_date(week_containing(goal.planned, ws).start),
                    query.getColumn(7).getString(), query.getColumn(8).getString(),
                    text_or_empty(query.getColumn(9)), query.getColumn(10).getInt64(),
                    optional_cell(carried_weeks(goal, request.today, ws))});
    }
    writer.finish();
}

void export_completions(Store& store, const ExportRequest& request, std::ostream& out) {
    RowWriter writer(out, request, {"id", "uuid", "goal_id", "goal_uuid", "date", "note"});
    const auto rows = store.rows(Rows::completions, window_of(request));
    auto& query = *rows;
    while (query.executeStep()) {
        writer.row({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                    query.getColumn(2).getInt64(), query.getColumn(3).getString(),
                    query.getColumn(4).getString(), query.getColumn(5).getString()});
    }
    writer.finish();
}

void export_checkins(Store& store, const ExportRequest& request, std::ostream& out) {
    RowWriter writer(out, request, {"id", "uuid", "date", "week", "rating", "note"});
    const Weekday ws = store.week_start();
    const auto rows = store.rows(Rows::checkins, window_of(request));
    auto& query = *rows;
    while (query.executeStep()) {
        const Date date = stored_date(query.getColumn(2));
        const auto rating = query.getColumn(3);
        writer.row({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                    format_date(date), format_date(checkin_week(date, ws).start),
                    rating.isNull() ? Cell{} : Cell{rating.getInt64()},
                    query.getColumn(4).getString()});
    }
    writer.finish();
}

void export_urges(Store& store, const ExportRequest& request, std::ostream& out) {
    RowWriter writer(out, request,
                     {"id", "uuid", "at", "date", "week", "intensity", "duration_min", "trigger",
                      "where", "strategy", "outcome", "note", "next_time"});
    const Weekday ws = store.week_start();
    // Urges come in id order, which is nearly date order, and members use a handful of
    // strategies: each day's week and each list of strategies is worked out once.
    std::string day, week;
    StrategyLists lists;
    const auto rows = store.rows(Rows::urges, window_of(request));
    auto& query = *rows;
    while (query.executeStep()) {
        const auto at = text_of(query.getColumn(2));
        const auto date = at.substr(0, 10);
        if (date != day) {
            day = date;
            week = format_date(week_containing(stored_date(day), ws).start);
        }
        const auto duration = query.getColumn(4);
        writer.row({query.getColumn(0).getInt64(), text_of(query.getColumn(1)), at,
                    std::string_view(day), std::string_view(week), query.getColumn(3).getInt64(),
                    duration.isNull() ? Cell{} : Cell{duration.getInt64()},
                    text_of(query.getColumn(5)), text_of(query.getColumn(6)),
                    List(lists.read(text_of(query.getColumn(7)))), text_of(query.getColumn(8)),
                    text_of(query.getColumn(9)), text_of(query.getColumn(10))});
    }
    writer.finish();
}

void export_cbc(Store& store, const ExportRequest& request, std::ostream& out) {
    RowWriter writer(out, request,
                     {"cbc_id", "cbc_uuid", "title", "kind", "created", "item_id", "item_uuid",
                      "quadrant", "term", "weight", "text"});
    const auto rows = store.rows(Rows::comparison_items, window_of(request));
    auto& query = *rows;
    while (query.executeStep()) {
        Row row{query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                query.getColumn(2).getString(), query.getColumn(3).getString(),
                query.getColumn(4).getString()};
        append_cells(row, query, 5, 10);
        writer.row(row);
    }
    writer.finish();
}

void export_weeks(Store& store, const ExportRequest& request, std::ostream& out) {
    RowWriter writer(out, request,
                     {"week", "week_end", "checkins", "avg_rating", "goals_active", "goals_done",
                      "goals_rolled_over", "goals_let_go", "urges", "avg_intensity",
                      "urges_ridden_out"});
    const auto earliest = store.earliest_date();
    if (!earliest) {
        writer.finish();
        return;
    }
    const Weekday ws = store.week_start();
    Week first = week_containing(*earliest, ws);
    Week last = week_containing(request.today, ws);
    // --since/--until filter weeks by their first day.
    if (request.since) {
        first = std::max(first, week_containing(*request.since - std::chrono::days{1}, ws).plus(1));
    }
    if (request.until) {
        last = std::min(last, week_containing(*request.until, ws));
    }
    if (first > last) {
        writer.finish();
        return;
    }
    const History history = store.history_in_weeks(first.start, last.end());
    for (const auto& w : summarize_weeks(history, first, last, request.today)) {
        const auto urges = summarize_urges(w.urges);
        writer.row({format_date(w.week.start), format_date(w.week.end()),
                    static_cast<long long>(w.checkins.size()),
                    w.avg_rating_tenths ? Cell{Tenths{*w.avg_rating_tenths}} : Cell{},
                    static_cast<long long>(w.active), static_cast<long long>(w.done),
                    static_cast<long long>(w.rolled_over), static_cast<long long>(w.let_go),
                    static_cast<long long>(urges.count),
                    urges.avg_intensity_tenths ? Cell{Tenths{*urges.avg_intensity_tenths}} : Cell{},
                    static_cast<long long>(urges.rode_out)});
    }
    writer.finish();
}

void export_values(Store& store, const ExportRequest& request, std::ostream& out) {
    RowWriter writer(out, request, {"id", "uuid", "position", "text", "created"});
    const auto rows = store.rows(Rows::values, window_of(request));
    auto& query = *rows;
    while (query.executeStep()) {
        writer.row({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                    query.getColumn(2).getInt64(), query.getColumn(3).getString(),
                    query.getColumn(4).getString()});
    }
    writer.finish();
}

void export_abc(Store& store, const ExportRequest& request, std::ostream& out) {
    RowWriter writer(out, request,
                     {"id", "uuid", "date", "week", "event", "belief", "consequence", "dispute",
                      "effective", "urge_id", "urge_uuid"});
    const Weekday ws = store.week_start();
    const auto rows = store.rows(Rows::abc, window_of(request));
    auto& query = *rows;
    while (query.executeStep()) {
        const Date date = stored_date(query.getColumn(2));
        const auto urge = query.getColumn(8);
        writer.row({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                    format_date(date), format_date(week_containing(date, ws).start),
                    query.getColumn(3).getString(), query.getColumn(4).getString(),
                    query.getColumn(5).getString(), query.getColumn(6).getString(),
                    query.getColumn(7).getString(), urge.isNull() ? Cell{} : Cell{urge.getInt64()},
                    text_or_empty(query.getColumn(9))});
    }
    writer.finish();
}

void export_plans(Store& store, const ExportRequest& request, std::ostream& out) {
    RowWriter writer(out, request,
                     {"plan_id", "plan_uuid", "change", "importance", "confidence", "created",
                      "part", "number", "text", "goal_id", "goal_uuid"});
    const auto rows = store.rows(Rows::plans, window_of(request));
    auto& query = *rows;
    while (query.executeStep()) {
        Row row{query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                query.getColumn(2).getString()};
        append_cells(row, query, 3, 10);
        writer.row(row);
    }
    writer.finish();
}

void export_balance(Store& store, const ExportRequest& request, std::ostream& out) {
    RowWriter writer(out, request, {"id", "uuid", "date", "area", "score"});
    const auto rows = store.rows(Rows::balance, window_of(request));
    auto& query = *rows;
    while (query.executeStep()) {
        writer.row({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                    query.getColumn(2).getString(), query.getColumn(3).getString(),
                    query.getColumn(4).getInt64()});
    }
    writer.finish();
}

} // namespace

RowWindow window_of(const ExportRequest& request) {
    return {.since = request.since, .until = request.until, .today = request.today};
}

std::string csv_field(std::string_view text) {
    std::string out;
    append_csv_field(out, text);
    return out;
}

std::optional<ExportTable> parse_export_table(std::string_view name) {
    if (name == "goals") {
        return ExportTable::goals;
    }
    if (name == "completions") {
        return ExportTable::completions;
    }
    if (name == "checkins") {
        return ExportTable::checkins;
    }
    if (name == "weeks") {
        return ExportTable::weeks;
    }
    if (name == "urges") {
        return ExportTable::urges;
    }
    if (name == "cbc") {
        return ExportTable::cbc;
    }
    if (name == "values") {
        return ExportTable::values;
    }
    if (name == "abc") {
        return ExportTable::abc;
    }
    if (name == "plans") {
        return ExportTable::plans;
    }
    if (name == "balance") {
        return ExportTable::balance;
    }
    return std::nullopt;
}

std::optional<ExportFormat> parse_export_format(std::string_view name) {
    if (name == "csv") {
        return ExportFormat::csv;
    }
    if (name == "json") {
        return ExportFormat::json;
    }
    return std::nullopt;
}

void export_table(Store& store, const ExportRequest& request, std::ostream& out) {
    switch (request.table) {
    case ExportTable::goals:
        return export_goals(store, request, out);
    case ExportTable::completions:
        return export_completions(store, request, out);
    case ExportTable::checkins:
        return export_checkins(store, request, out);
    case ExportTable::urges:
        return export_urges(store, request, out);
    case ExportTable::cbc:
        return export_cbc(store, request, out);
    case ExportTable::weeks:
        return export_weeks(store, request, out);
    case ExportTable::values:
        return export_values(store, request, out);
    case ExportTable::abc:
        return export_abc(store, request, out);
    case ExportTable::plans:
        return export_plans(store, request, out);
    case ExportTable::balance:
        return export_balance(store, request, out);
    }
}

} // namespace smartgoals
