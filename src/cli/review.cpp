// SPDX-License-Identifier: MIT
#include "cli/context.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/review.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <ostream>

namespace smartgoals::cli {

namespace {

constexpr int k_max_trend = 104;

struct ReviewOptions {
    std::string week = "this";
    int trend = 8;
    std::string format = "text";
};

void run_review(const ReviewOptions& o, Context& ctx) {
    if (o.trend < 0 || o.trend > k_max_trend) {
        throw UsageError(
            fmt::format("--trend: {} is out of range; use 0 to {} weeks", o.trend, k_max_trend));
    }
    if (o.format != "text" && o.format != "json" && o.format != "markdown" && o.format != "html") {
        throw UsageError(fmt::format(
            "--format: '{}' is not a review format; use text, markdown, html or json", o.format));
    }
    Store& store = ctx.store();
    const Weekday ws = store.week_start();
    const Week week = parse_week(o.week, ctx.today, ws);
    const Review review = build_review(store, week, ctx.today, o.trend);
    if (o.format == "json") {
        ctx.out << render_json(review).dump(2) << '\n';
        return;
    }
    if (o.format == "markdown") {
        render_markdown(review, ctx.out);
        return;
    }
    if (o.format == "html") {
        render_html(review, ctx.out);
        return;
    }
    render_text(review, ctx.out, TextStyle{.color = ctx.color});
    const Week current = week_containing(ctx.today, ws);
    if (week == current && ctx.today == current.start) {
        ctx.say("A new week has begun: 'smartgoals review --week last' shows the week just ended.");
    }
}

} // namespace

void register_review(CLI::App& app, Action& action) {
    auto options = std::make_shared<ReviewOptions>();
    auto* r = app.add_subcommand("review", "The weekly review: check-ins, goals achieved, goals "
                                           "rolling over, the trend and the week ahead");
    r->add_option("--week", options->week, "this (default), last, next, -N, YYYY-MM-DD, YYYY-Www");
    r->add_option("--trend", options->trend, "Weeks in the trend (default 8; 0 leaves it out)");
    r->add_option("--format", options->format, "text (default), markdown, html or json");
    r->footer(R"(
Examples:
  smartgoals review
  smartgoals review --week last
  smartgoals review --trend 12
  smartgoals review --week last --format html > last-week.html
  smartgoals review --format json > week.json)");
    r->callback([&action, options] {
        action = {Needs::read, [options](Context& ctx) { run_review(*options, ctx); }};
    });
}

} // namespace smartgoals::cli
