// SPDX-License-Identifier: MIT
#include "cli/context.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/export.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace smartgoals::cli {

namespace {

struct ExportOptions {
    std::string table;
    std::string format;
    std::string since;
    std::string until;
    std::string output;
};

// Writes `data` to `path` through a temporary file and a rename, 0600, so that a reader never
// sees half a file and an earlier export is replaced whole or not at all.
void write_atomically(const std::string& path, const std::string& data) {
    const std::string temp = path + ".tmp-smartgoals";
    const int fd = ::open(temp.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw StorageError(fmt::format("-o: cannot write {}: {}", path, std::strerror(errno)));
    }
    ::fchmod(fd, 0600);
    std::size_t written = 0;
    while (written < data.size()) {
        const auto n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0) {
            const int saved = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            throw StorageError(fmt::format("-o: cannot write {}: {}", path, std::strerror(saved)));
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(temp.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temp.c_str());
        throw StorageError(fmt::format("-o: cannot write {}: {}", path, std::strerror(saved)));
    }
}

void run_export(const ExportOptions& o, Context& ctx) {
    ExportRequest request{.today = ctx.today};
    if (o.table.empty()) {
        throw UsageError("export needs a table: goals, completions, checkins, urges, cbc or weeks");
    }
    const auto table = parse_export_table(o.table);
    if (!table) {
        throw UsageError(fmt::format("'{}' is not a table; use goals, completions, checkins, "
                                     "urges, cbc or weeks",
                                     o.table));
    }
    request.table = *table;
    const auto format = parse_export_format(o.format.empty() ? "csv" : o.format);
    if (!format) {
        throw UsageError(
            fmt::format("--format: '{}' is not an export format; use csv or json", o.format));
    }
    request.format = *format;
    if (!o.since.empty()) {
        request.since = parse_date_or_throw(o.since, "--since");
    }
    if (!o.until.empty()) {
        request.until = parse_date_or_throw(o.until, "--until");
    }
    if (request.since && request.until && *request.since > *request.until) {
        throw UsageError(fmt::format("--since {} is after --until {}", o.since, o.until));
    }
    auto store = ctx.open(Store::Mode::read);
    if (o.output.empty() || o.output == "-") {
        export_table(store, request, ctx.out);
        return;
    }
    std::ostringstream buffer;
    export_table(store, request, buffer);
    write_atomically(o.output, buffer.str());
    ctx.say(fmt::format("Wrote {}.", o.output));
}

} // namespace

void register_export(CLI::App& app, Action& action) {
    auto options = std::make_shared<ExportOptions>();
    auto* e = app.add_subcommand("export", "Write a table as CSV or JSON, for scripts and "
                                           "spreadsheets");
    e->add_option("table", options->table, "goals, completions, checkins, urges, cbc or weeks");
    e->add_option("--format", options->format, "csv (default) or json");
    e->add_option("--since", options->since, "From this date, inclusive (YYYY-MM-DD)");
    e->add_option("--until", options->until, "Up to this date, inclusive (YYYY-MM-DD)");
    e->add_option("-o,--output", options->output, "Write to this file instead of stdout");
    e->footer(R"(
Examples:
  smartgoals export goals > goals.csv
  smartgoals export weeks --format json
  smartgoals export checkins --since 2026-01-01 -o checkins.csv)");
    e->callback(
        [&action, options] { action = [options](Context& ctx) { run_export(*options, ctx); }; });
}

} // namespace smartgoals::cli
