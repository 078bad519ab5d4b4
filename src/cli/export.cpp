// SPDX-License-Identifier: MIT
#include "cli/context.hpp"
#include "cli/output.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/export.hpp>
#include <smartgoals/transfer.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace smartgoals::cli {

namespace {

struct ExportOptions {
    std::string table;
    std::string format;
    std::string since;
    std::string until;
    std::string output;
    bool output_given = false;
    bool spreadsheet_safe = false;
};

void run_export(const ExportOptions& o, Context& ctx) {
    ExportRequest request{.today = ctx.today, .spreadsheet_safe = o.spreadsheet_safe};
    std::optional<ExportTable> table;
    if (!o.table.empty()) {
        table = parse_export_table(o.table);
        if (!table) {
            throw UsageError(fmt::format("'{}' is not a table; use goals, completions, checkins, "
                                         "urges, cbc, weeks, values, abc, plans or balance",
                                         o.table));
        }
    }
    // CSV is the default for one table; everything at once is JSON.
    const auto format = parse_export_format(o.format.empty() ? (table ? "csv" : "json") : o.format);
    if (!format) {
        throw UsageError(
            fmt::format("--format: '{}' is not an export format; use csv or json", o.format));
    }
    if (!table && *format == ExportFormat::csv) {
        throw UsageError(
            "CSV holds one table: name one (goals, completions, checkins, urges, cbc, "
            "weeks, values, abc, plans, balance), or use --format json for everything");
    }
    if (o.spreadsheet_safe && *format != ExportFormat::csv) {
        throw UsageError("--spreadsheet-safe is for CSV opened in a spreadsheet; JSON keeps the "
                         "exact text");
    }
    request.format = *format;
    if (!o.since.empty()) {
        request.since = parse_day_or_throw(o.since, "--since", ctx.today);
    }
    if (!o.until.empty()) {
        request.until = parse_day_or_throw(o.until, "--until", ctx.today);
    }
    if (request.since && request.until && *request.since > *request.until) {
        const auto named = [](const std::string& text, Date day) {
            return parse_date(text) ? text : fmt::format("{} ({})", text, format_date(day));
        };
        throw UsageError(fmt::format("--since {} is after --until {}",
                                     named(o.since, *request.since),
                                     named(o.until, *request.until)));
    }
    Store& store = ctx.store();
    auto write = [&](std::ostream& out) {
        if (table) {
            request.table = *table;
            export_table(store, request, out);
        } else {
            export_document(store, request, out);
        }
    };
    if (!o.output_given || o.output == "-") {
        write(ctx.out);
        return;
    }
    write_output_file(o.output, write, ctx.db_path);
    ctx.say(fmt::format("Wrote {}.", o.output));
}

} // namespace

void register_export(CLI::App& app, Action& action) {
    auto options = std::make_shared<ExportOptions>();
    auto* e = app.add_subcommand("export", "Write your data as CSV or JSON: one table, or "
                                           "everything as JSON");
    e->add_option("table", options->table,
                  "goals, completions, checkins, urges, cbc, weeks, values, abc, plans or balance; "
                  "none for everything (JSON)");
    e->add_option("--format", options->format, "csv (the default with a table) or json");
    e->add_option("--since", options->since,
                  "From this day, inclusive (YYYY-MM-DD, yesterday, mon...)");
    e->add_option("--until", options->until,
                  "Up to this day, inclusive (YYYY-MM-DD, today, fri...)");
    auto* output = e->add_option("-o,--output", options->output,
                                 "Write to this file (private, replaced whole)");
    e->add_flag("--spreadsheet-safe", options->spreadsheet_safe,
                "Prefix CSV text beginning with = + - @ with ' so a spreadsheet cannot run it");
    e->footer(R"(
Examples:
  smartgoals export goals > goals.csv
  smartgoals export urges --spreadsheet-safe -o urges.csv
  smartgoals export weeks --format json
  smartgoals export -o smartgoals-backup.json)");
    e->callback([&action, options, output] {
        options->output_given = output->count() > 0;
        action = {Needs::read, [options](Context& ctx) { run_export(*options, ctx); }};
    });
}

} // namespace smartgoals::cli
