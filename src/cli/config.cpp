// SPDX-License-Identifier: MIT
#include "cli/context.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/seal.hpp>
#include <smartgoals/text_width.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <array>
#include <ostream>
#include <string>

namespace smartgoals::cli {

namespace {

constexpr std::array<std::string_view, 3> k_keys = {"name", "week-start", "unlock-minutes"};

struct ConfigOptions {
    std::string key;
    std::string value;
};

std::string checked_key(const std::string& key) {
    for (auto k : k_keys) {
        if (k == key) {
            return key;
        }
    }
    throw UsageError(fmt::format(
        "'{}' is not a setting; the settings are week-start, name and unlock-minutes", key));
}

std::string default_value(std::string_view key) {
    if (key == "unlock-minutes") {
        return std::to_string(seal::k_default_unlock_minutes);
    }
    return key == "week-start" ? "monday" : "";
}

void run_list(Context& ctx) {
    Store& store = ctx.store();
    for (auto key : k_keys) {
        ctx.out << key << '=' << shown(store.setting(std::string(key)).value_or(default_value(key)))
                << '\n';
    }
}

void run_get(const ConfigOptions& o, Context& ctx) {
    const auto key = checked_key(o.key);
    Store& store = ctx.store();
    ctx.out << shown(store.setting(key).value_or(default_value(key))) << '\n';
}

void run_set(const ConfigOptions& o, Context& ctx) {
    const auto key = checked_key(o.key);
    std::string value = o.value;
    if (key == "week-start") {
        const auto day = parse_weekday(value);
        if (!day) {
            throw UsageError(fmt::format("week-start: '{}' is not a day; use monday .. sunday "
                                         "(your meeting day works well)",
                                         value));
        }
        value = weekday_name(*day);
    } else if (key == "unlock-minutes") {
        if (!seal::parse_unlock_minutes(value)) {
            throw UsageError(fmt::format("unlock-minutes: '{}' is not a number of minutes from 0 "
                                         "(never keep the key) to {}",
                                         value, seal::k_max_unlock_minutes));
        }
    } else {
        value = required_text(value, "name");
    }
    Store& store = ctx.store();
    store.set_setting(key, value);
    if (key == "unlock-minutes") {
        seal::remember(ctx.db_path, std::stoi(value)); // 0 forgets a kept key now
    }
    ctx.say(fmt::format("{} is now {}.", key, shown(value)));
}

} // namespace

void register_config(CLI::App& app, Action& action) {
    auto* c = app.add_subcommand("config",
                                 "Settings: week-start (monday..sunday), name and unlock-minutes");
    c->require_subcommand(1);
    c->fallthrough();
    c->footer("\nExamples:\n  smartgoals config set week-start thursday\n"
              "  smartgoals config get week-start\n  smartgoals config list");
    auto options = std::make_shared<ConfigOptions>();

    auto* l = c->add_subcommand("list", "Every setting as key=value");
    l->footer("\nExample:\n  smartgoals config list");
    l->callback([&action] { action = {Needs::read, run_list}; });

    auto* g = c->add_subcommand("get", "One setting's value");
    g->add_option("key", options->key, "week-start, name or unlock-minutes")->required();
    g->footer("\nExample:\n  smartgoals config get week-start");
    g->callback([&action, options] {
        action = {Needs::read, [options](Context& ctx) { run_get(*options, ctx); }};
    });

    auto* s = c->add_subcommand("set", "Change a setting");
    s->add_option("key", options->key, "week-start, name or unlock-minutes")->required();
    s->add_option("value", options->value, "The new value")->required();
    s->footer("\nExample:\n  smartgoals config set week-start thursday");
    s->callback([&action, options] {
        action = {Needs::write, [options](Context& ctx) { run_set(*options, ctx); }};
    });
}

} // namespace smartgoals::cli
