// SPDX-License-Identifier: MIT
// `balance`: SMART's Lifestyle Balance Pie (SPEC §6.2), areas of life rated 0 to 10 whenever
// the member likes.
#include "cli/context.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/text_width.hpp>
#include <smartgoals/uuid.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <ostream>

namespace smartgoals::cli {

namespace {

struct BalanceOptions {
    std::vector<std::string> ratings; // AREA=SCORE
    std::string date;
    std::string format = "text";
    std::optional<std::string> set;
    std::string id;
};

std::string joined(const std::vector<std::string>& areas, std::string_view between) {
    std::string out;
    for (const auto& a : areas) {
        out += (out.empty() ? "" : std::string(between)) + a;
    }
    return out;
}

BalanceRating checked_rating(const std::string& given, const std::vector<std::string>& areas) {
    const auto equals = given.find('=');
    if (equals == std::string::npos) {
        throw UsageError(shown(
            fmt::format("'{}' is not a rating; write AREA=SCORE, for example health=6", given)));
    }
    if (given.find_first_not_of(" \t") == equals) {
        throw UsageError(shown(
            fmt::format("'{}' names no area; write AREA=SCORE, for example health=6", given)));
    }
    const auto area = find_balance_area(areas, given.substr(0, equals));
    if (!area) {
        throw UsageError(shown(fmt::format(
            "'{}' is not one of your areas ({}); to rate it, add it to them with: smartgoals "
            "balance areas --set {},{}",
            given.substr(0, equals), joined(areas, ", "), joined(areas, ","),
            given.substr(0, equals))));
    }
    const auto score = given.substr(equals + 1);
    // A plain whole number, as every number smartgoals reads: no sign, no leading zero.
    if (score.empty() || score.size() > 2 || (score.size() > 1 && score[0] == '0') ||
        score.find_first_not_of("0123456789") != std::string::npos || std::stoi(score) > 10) {
        throw UsageError(shown(fmt::format(
            "{}: '{}' is not a rating; use a whole number from 0 to 10", *area, score)));
    }
    return {.area = *area, .score = std::stoi(score)};
}

void run_rate(const BalanceOptions& o, Context& ctx) {
    Store& store = ctx.store();
    const auto areas = store.balance_areas();
    const Date day = o.date.empty() ? ctx.today : date_not_in_future(o.date, "--date", ctx.today);
    std::vector<BalanceRating> ratings;
    for (const auto& given : o.ratings) {
        auto r = checked_rating(given, areas);
        for (const auto& earlier : ratings) {
            if (earlier.area == r.area) {
                throw UsageError(fmt::format("{} is rated twice; rate each area once", r.area));
            }
        }
        r.uuid = new_uuid();
        r.date = day;
        r.created = ctx.timestamp();
        ratings.push_back(std::move(r));
    }
    std::vector<std::string> said;
    for (auto& r : ratings) {
        store.add_balance_rating(r);
        ctx.out << r.id << '\n';
        said.push_back(fmt::format("{} {}", r.area, r.score));
    }
    ctx.say(shown(fmt::format("Rated on {}: {}. 'smartgoals balance show' puts them beside the "
                              "ones before.",
                              format_date(day), joined(said, ", "))));
}

void run_show(const BalanceOptions& o, Context& ctx) {
    if (o.format != "text" && o.format != "json" && o.format != "markdown" && o.format != "html") {
        throw UsageError(fmt::format(
            "--format: '{}' is not a format for balance show; use text, markdown, html or json",
            o.format));
    }
    Store& store = ctx.store();
    const auto pie = store.balance_pie();
    if (o.format == "json") {
        ctx.out << render_balance_json(pie);
    } else if (o.format == "markdown") {
        render_balance_markdown(pie, ctx.out);
    } else if (o.format == "html") {
        render_balance_html(pie, ctx.out, store.setting("name").value_or(""));
    } else {
        render_balance_text(pie, ctx.out, ctx.width, ctx.plain);
        const bool none = std::none_of(pie.begin(), pie.end(),
                                       [](const AreaRatings& a) { return a.latest.has_value(); });
        if (none) {
            ctx.say("Nothing rated yet. Rate an area with: smartgoals balance rate health=6 "
                    "family=8");
        }
    }
}

void run_areas(const BalanceOptions& o, Context& ctx) {
    Store& store = ctx.store();
    if (!o.set) {
        for (const auto& area : store.balance_areas()) {
            ctx.print(shown(area), 2);
        }
        return;
    }
    const auto areas = parse_balance_areas(*o.set, "--set");
    if (areas == store.balance_areas()) {
        ctx.say("Your areas already read that way; nothing changed.");
        return;
    }
    store.set_setting(std::string(k_balance_areas_setting), joined(areas, ","));
    ctx.say(shown(fmt::format("Your areas are now: {}. Ratings of an area you took out are kept.",
                              joined(areas, ", "))));
}

void run_list(Context& ctx) {
    const auto ratings = ctx.store().balance_ratings();
    for (const auto& r : ratings) {
        ctx.print(fmt::format("{:>5}  {}  {} {}", fmt::format("#{}", r.id), format_date(r.date),
                              shown(r.area), r.score),
                  7);
    }
    if (ratings.empty()) {
        ctx.say("Nothing rated yet. Rate an area with: smartgoals balance rate health=6");
    }
}

void run_remove(const BalanceOptions& o, Context& ctx) {
    const auto id = parse_id(o.id, "ID");
    Store& store = ctx.store();
    const auto r = store.balance_rating(id);
    if (!r) {
        throw UsageError(
            fmt::format("there is no rating #{}; 'smartgoals balance list' shows them", id));
    }
    store.remove_balance_rating(id, ctx.today);
    ctx.say(shown(fmt::format("Removed the rating of {} ({}) on {}. 'smartgoals undo' brings it "
                              "back.",
                              r->area, r->score, format_date(r->date))));
}

} // namespace

void register_balance(CLI::App& app, Action& action) {
    auto* balance = app.add_subcommand(
        "balance", "Lifestyle Balance Pie: rate areas of life 0 to 10, whenever you like");
    balance->require_subcommand(1);
    balance->fallthrough();
    balance->footer(R"(
Examples:
  smartgoals balance rate family=7 health=4 work=6
  smartgoals balance show
  smartgoals balance show --format html > balance.html
  smartgoals balance areas --set family,friends,health,work,leisure,money,home,faith)");
    auto o = std::make_shared<BalanceOptions>();
    auto on = [&action, o](Needs needs, void (*run)(const BalanceOptions&, Context&)) {
        return [&action, o, needs, run] {
            action = {needs, [o, run](Context& ctx) { run(*o, ctx); }};
        };
    };

    auto* r = balance->add_subcommand("rate", "Rate areas of life, 0 to 10; prints each id");
    r->add_option("ratings", o->ratings, "AREA=SCORE, one or more (balance areas lists them)")
        ->required();
    r->add_option("--date", o->date, "The day it is about (default today)");
    r->footer("\nExamples:\n  smartgoals balance rate family=7 health=4\n"
              "  smartgoals balance rate leisure=3 --date yesterday");
    r->callback(on(Needs::write, run_rate));

    auto* s = balance->add_subcommand("show", "Each area's latest rating beside the one before");
    s->add_option("--format", o->format, "text (default), markdown, html or json");
    s->footer("\nExamples:\n  smartgoals balance show\n"
              "  smartgoals balance show --format html > balance.html");
    s->callback(on(Needs::read, run_show));

    auto* a = balance->add_subcommand("areas", "The areas you rate; --set chooses your own");
    a->add_option("--set", o->set, "Your areas, separated by commas");
    a->footer("\nExamples:\n  smartgoals balance areas\n"
              "  smartgoals balance areas --set family,health,work,music,faith");
    a->callback([&action, o] {
        action = {o->set ? Needs::write : Needs::read, [o](Context& ctx) { run_areas(*o, ctx); }};
    });

    auto* l = balance->add_subcommand("list", "Every rating, newest first, with its id");
    l->footer("\nExample:\n  smartgoals balance list");
    l->callback([&action] { action = {Needs::read, run_list}; });

    auto* rm = balance->add_subcommand("remove", "Remove a rating made by mistake");
    rm->add_option("id", o->id, "The rating's id (balance list shows them)")->required();
    rm->footer("\nExample:\n  smartgoals balance remove 12");
    rm->callback(on(Needs::write, run_remove));
}

} // namespace smartgoals::cli
