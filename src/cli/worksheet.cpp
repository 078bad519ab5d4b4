// SPDX-License-Identifier: MIT
#include "cli/context.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/text_width.hpp>
#include <smartgoals/worksheet.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <ostream>

namespace smartgoals::cli {

namespace {

struct WorksheetOptions {
    std::string kind = "weekly";
    std::string format = "text";
    std::string title;
};

// A worksheet needs no database: it is blank by design.
void run_worksheet(const WorksheetOptions& o, Context& ctx) {
    const auto kinds = parse_worksheet_kinds(o.kind);
    if (!kinds) {
        throw UsageError(fmt::format("'{}' is not a worksheet; use weekly, cbc, urge-log, "
                                     "change-plan, values, abc, balance or all",
                                     o.kind));
    }
    const auto title = trim(o.title);
    std::vector<Worksheet> sheets;
    for (const auto kind : *kinds) {
        sheets.push_back(build_worksheet(kind));
    }
    if (o.format == "text") {
        render_worksheets_text(sheets, title, ctx.out);
    } else if (o.format == "markdown") {
        render_worksheets_markdown(sheets, title, ctx.out);
    } else if (o.format == "html") {
        render_worksheets_html(sheets, title, ctx.out);
    } else {
        throw UsageError(fmt::format(
            "--format: '{}' is not a worksheet format; use text, markdown or html", o.format));
    }
}

} // namespace

void register_worksheet(CLI::App& app, Action& action) {
    auto o = std::make_shared<WorksheetOptions>();
    auto* w = app.add_subcommand("worksheet", "A blank, printable worksheet for a group");
    w->add_option("kind", o->kind,
                  "weekly (default), cbc, urge-log, change-plan, values, abc, balance or all");
    w->add_option("--format", o->format, "text (default), markdown or html");
    w->add_option("--title", o->title, "A line at the top: group name, date, venue");
    w->footer(R"(
Worksheets:
  weekly       the check-in and the seven-day plan
  cbc          cost-benefit analysis: the four boxes
  urge-log     urges noted through the week, with the DEADS reminder
  change-plan  SMART's Change Plan Worksheet
  values       Hierarchy of Values: what matters most to me, in order
  abc          ABC: activating event, beliefs, consequences, dispute, new belief
  balance      Lifestyle Balance Pie: eight areas of life, 0 to 10, now and later
  all          all seven, one page each

Examples:
  smartgoals worksheet weekly --title "Tuesday group, Hall 2" | lp
  smartgoals worksheet all --format html --title "Tuesday group" > sheets.html
  smartgoals worksheet change-plan --format markdown
  smartgoals worksheet abc --format html > abc.html)");
    w->callback([&action, o] {
        action = {Needs::nothing, [o](Context& ctx) { run_worksheet(*o, ctx); }};
    });
}

} // namespace smartgoals::cli
