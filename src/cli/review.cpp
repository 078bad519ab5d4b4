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
    std::string week; // empty: the week that holds yesterday (SPEC §4.1)
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
    // On the meeting day (the week's first day) that is the week just ended; on any other day,
    // the current week.
    const Week week =
        o.week.empty() ? checkin_week(ctx.today, ws) : parse_week(o.week, ctx.today, ws);
    // Only JSON lists every goal; the other formats list the first k_review_listed.
    const Review review =
        build_review(store, week, ctx.today, o.trend,
                     o.format == "json" ? std::nullopt : std::optional(k_review_listed));
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
    render_text(review, ctx.out,
                TextStyle{.color = ctx.color, .width = ctx.width, .plain = ctx.plain});
    // On the first day of a week shown the new week, point back at the week just ended, when
    // there is something in it to look back on.
    const Week current = week_containing(ctx.today, ws);
    if (week == current && ctx.today == current.start) {
        const Week ended = current.plus(-1);
        // Goals carried into it from before are counted, not loaded: each was active in it.
        const auto before = store.history_in_weeks(ended.start, ended.end(), ended.start, 0);
        const auto was = summarize(before, ended, ctx.today);
        if (was.active > 0 || before.carried_not_loaded > 0 || !was.checkins.empty() ||
            !was.urges.empty()) {
            ctx.say("A new week began today: 'smartgoals review' shows the week just ended.");
        }
    }
}

} // namespace

void register_review(CLI::App& app, Action& action) {
    auto options = std::make_shared<ReviewOptions>();
    auto* r = app.add_subcommand("review", "The weekly review: check-ins, goals achieved, goals "
                                           "rolling over, the trend and the week ahead");
    r->add_option("--week", options->week,
                  "The week holding yesterday (default: on the meeting day, the week just "
                  "ended), this, last, next, -N, a day (YYYY-MM-DD, yesterday, mon), YYYY-Www");
    r->add_option("--trend", options->trend, "Weeks in the trend (default 8; 0 leaves it out)");
    r->add_option("--format", options->format, "text (default), markdown, html or json");
    r->footer(R"(
With no --week it shows the week that holds yesterday: on your meeting day (set it
with 'smartgoals config set week-start DAY') that is the seven days just ended, and
the plan ahead is the week that starts today. On other days it is the current week.

Examples:
  smartgoals review
  smartgoals review --week this
  smartgoals review --week last
  smartgoals review --trend 12
  smartgoals review --week last --format html > last-week.html
  smartgoals review --format json > week.json)");
    r->callback([&action, options] {
        action = {Needs::read, [options](Context& ctx) { run_review(*options, ctx); }};
    });
}

} // namespace smartgoals::cli
