// SPDX-License-Identifier: MIT
#include "cli/context.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/text_width.hpp>
#include <smartgoals/transfer.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace smartgoals::cli {

namespace {

// Imports are bounded (SPEC §8): a file over 1 GiB, or one that does not begin as a JSON object
// does, is refused as soon as that shows, so `import /dev/zero` ends at once.
constexpr std::uintmax_t k_max_import_bytes = std::uintmax_t{1} << 30;

std::string read_bounded(std::istream& in, const std::string& name) {
    std::string text;
    std::array<char, 1 << 16> chunk{};
    bool begun = false;
    std::size_t scanned = 0; // bytes known to be blank, each looked at once
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
        text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        if (!begun) {
            const auto first = text.find_first_not_of(" \t\r\n", scanned);
            scanned = text.size();
            if (first != std::string::npos && text[first] != '{') {
                throw UsageError(fmt::format("import: {} is not a smartgoals export (it does not "
                                             "begin with '{{'); export one with 'smartgoals "
                                             "export --format json'",
                                             shown(name)));
            }
            begun = first != std::string::npos;
        }
        if (text.size() > k_max_import_bytes) {
            throw UsageError(fmt::format("import: {} is larger than 1 GiB; no export is that large",
                                         shown(name)));
        }
    }
    if (in.bad()) {
        throw UsageError(fmt::format("import: cannot read {}", shown(name)));
    }
    return text;
}

std::string read_input(const std::string& file, Context& ctx) {
    if (file == "-") {
        return read_bounded(ctx.in, "standard input");
    }
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) {
        throw UsageError(fmt::format("import: cannot read {}: it is a directory", shown(file)));
    }
    if (std::filesystem::is_regular_file(file, ec) &&
        std::filesystem::file_size(file, ec) > k_max_import_bytes) {
        throw UsageError(
            fmt::format("import: {} is larger than 1 GiB; no export is that large", shown(file)));
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw UsageError(
            fmt::format("import: cannot read {}: {}", shown(file), system_reason(errno)));
    }
    return read_bounded(in, file);
}

void run_import(const std::string& file, const ImportDocument& document, Context& ctx) {
    const auto report = import_document(ctx.store(), document);
    auto line = [&](std::string_view kind, const ImportCount& c) {
        ctx.say(
            fmt::format("  {:<12} {} added, {} already here{}", kind, c.added, c.skipped,
                        c.removed_here == 0
                            ? std::string()
                            : fmt::format(", {} removed here (not brought back)", c.removed_here)));
    };
    ctx.say(fmt::format("Imported {}:", file == "-" ? "standard input" : file));
    line("settings", report.settings);
    line("goals", report.goals);
    line("completions", report.completions);
    line("check-ins", report.checkins);
    line("urges", report.urges);
    line("comparisons", report.comparisons);
    line("items", report.items);
    // The toolbox of SPEC §6.2, when the file or this database has any of it.
    for (const auto& [kind, count] :
         {std::pair{"values", report.values}, std::pair{"ABCs", report.abc},
          std::pair{"plans", report.plans}, std::pair{"balance", report.balance}}) {
        if (count.added + count.skipped + count.removed_here > 0) {
            line(kind, count);
        }
    }
    if (report.removals.added + report.removals.skipped + report.removals.removed_here > 0) {
        ctx.say(fmt::format("  {:<12} {} added, {} already here{}", "removals",
                            report.removals.added, report.removals.skipped,
                            report.removals.removed_here == 0
                                ? std::string()
                                : fmt::format(", {} kept here (an import never removes)",
                                              report.removals.removed_here)));
    }
}

Action import_action(std::shared_ptr<std::string> file) {
    auto document = std::make_shared<ImportDocument>();
    return {.needs = Needs::write,
            .run = [file, document](Context& ctx) { run_import(*file, *document, ctx); },
            // The whole document is read and checked before the database is opened to write.
            .prepare =
                [file, document](Context& ctx) {
                    *document = parse_document(read_input(*file, ctx), ctx.today);
                }};
}

} // namespace

void register_import(CLI::App& app, Action& action) {
    auto file = std::make_shared<std::string>();
    auto* i = app.add_subcommand("import", "Merge a JSON export into your data (by UUID; "
                                           "nothing is overwritten)");
    i->add_option("file", *file,
                  "A file from 'smartgoals export --format json', or - for "
                  "standard input")
        ->required();
    i->footer(R"(
Records already here are skipped, never overwritten; settings are taken only where none is set.

Examples:
  smartgoals import smartgoals-backup.json
  ssh old-laptop smartgoals export | smartgoals import -)");
    i->callback([&action, file] { action = import_action(file); });
}

} // namespace smartgoals::cli
