// SPDX-License-Identifier: MIT
#include "goal_steps.hpp"

#include <smartgoals/export.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace smartgoals;

namespace {
Date d(const char* text) {
    return *parse_date(text);
}

std::string run(Store& store, ExportTable table, ExportFormat format,
                std::optional<Date> since = std::nullopt,
                std::optional<Date> until = std::nullopt) {
    std::ostringstream out;
    export_table(store,
                 {.table = table,
                  .format = format,
                  .since = since,
                  .until = until,
                  .today = d("2026-11-22")},
                 out);
    return out.str();
}
} // namespace

TEST_CASE("CSV fields are quoted only when they must be (RFC 4180)") {
    CHECK(csv_field("plain text") == "plain text");
    CHECK(csv_field("a, b") == "\"a, b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("cr\r") == "\"cr\r\"");
    CHECK(csv_field("") == "");
}

TEST_CASE("goals export with the contract's columns, CRLF line ends and derived fields") {
    auto store = Store::in_memory();
    Goal g{.text = "Walk, then \"rest\"",
           .area = Area::balance,
           .target = 2,
           .planned = d("2026-11-04"),
           .created = "2026-11-04T19:30:00"};
    store.add_goal(g);
    Goal weekly{.text = "Stretch",
                .kind = Kind::weekly,
                .planned = d("2026-11-18"),
                .created = "2026-11-18T08:00:00"};
    store.add_goal(weekly);
    Completion c{.goal_id = g.id, .date = d("2026-11-05")};
    test::record(store, c);
    const auto csv = run(store, ExportTable::goals, ExportFormat::csv);
    CHECK(csv ==
          "id,uuid,text,area,kind,target,week,status,created,closed,progress,carried_weeks\r\n"
          "1," +
              g.uuid +
              ",\"Walk, then \"\"rest\"\"\",balance,once,2,2026-11-02,open,"
              "2026-11-04,,1,2\r\n"
              "2," +
              weekly.uuid + ",Stretch,,weekly,1,2026-11-16,open,2026-11-18,,0,\r\n");
    const auto json = nlohmann::json::parse(run(store, ExportTable::goals, ExportFormat::json));
    CHECK(json.size() == 2);
    CHECK(json[0]["text"] == "Walk, then \"rest\"");
    CHECK(json[0]["target"] == 2);
    CHECK(json[0]["closed"].is_null());
    CHECK(json[1]["carried_weeks"].is_null());
    CHECK(json[1]["area"].is_null());
}

TEST_CASE("weeks export counts each week from the first with data to this week") {
    auto store = Store::in_memory();
    Goal g{.text = "x", .planned = d("2026-11-04"), .created = "2026-11-04T19:30:00"};
    store.add_goal(g);
    Checkin k{.uuid = "k", .date = d("2026-11-10"), .rating = 8, .created = "2026-11-10T10:00:00"};
    store.add_checkin(k);
    const auto csv = run(store, ExportTable::weeks, ExportFormat::csv);
    CHECK(csv == "week,week_end,checkins,avg_rating,goals_active,goals_done,goals_rolled_over,"
                 "goals_let_go,urges,avg_intensity,urges_ridden_out\r\n"
                 "2026-11-02,2026-11-08,0,,1,0,1,0,0,,0\r\n"
                 "2026-11-09,2026-11-15,1,8.0,1,0,1,0,0,,0\r\n"
                 "2026-11-16,2026-11-22,0,,1,0,1,0,0,,0\r\n");
    const auto filtered =
        run(store, ExportTable::weeks, ExportFormat::json, d("2026-11-03"), d("2026-11-16"));
    const auto json = nlohmann::json::parse(filtered);
    REQUIRE(json.size() == 2);
    CHECK(json[0]["week"] == "2026-11-09");
    CHECK(json[0]["avg_rating"] == 8.0);
    CHECK(json[1]["avg_rating"].is_null());
}

TEST_CASE("an empty table is a header alone, or an empty JSON array") {
    auto store = Store::in_memory();
    CHECK(run(store, ExportTable::checkins, ExportFormat::csv) ==
          "id,uuid,date,week,rating,note\r\n");
    CHECK(nlohmann::json::parse(run(store, ExportTable::completions, ExportFormat::json)).empty());
}

TEST_CASE("urges export each row's own date, week and strategies, in id order, however many") {
    auto store = Store::in_memory();
    store.set_setting("week-start", "sunday");
    const auto add = [&](const char* day, const char* time, std::vector<std::string> strategies) {
        Urge u{.date = d(day),
               .time = time,
               .intensity = 5,
               .strategies = std::move(strategies),
               .created = "x"};
        store.add_urge(u);
    };
    add("2026-11-18", "21:30", {"delay", "distract"});
    add("2026-11-02", "08:00", {});                    // logged late, for an earlier week
    add("2026-11-18", "22:00", {"delay", "distract"}); // the same list again
    add("2026-11-22", "07:15", {"escape"});            // a Sunday: a new week
    const auto csv = run(store, ExportTable::urges, ExportFormat::csv);
    std::vector<std::string> lines;
    std::istringstream in(csv);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line.substr(0, line.find(",5,")));
    }
    REQUIRE(lines.size() == 5);
    const auto uuid_free = [](const std::string& line) {
        return line.substr(0, line.find(',')) + line.substr(line.find(',', line.find(',') + 1));
    };
    CHECK(uuid_free(lines[1]) == "1,2026-11-18T21:30,2026-11-18,2026-11-15");
    CHECK(uuid_free(lines[2]) == "2,2026-11-02T08:00,2026-11-02,2026-11-01");
    CHECK(uuid_free(lines[3]) == "3,2026-11-18T22:00,2026-11-18,2026-11-15");
    CHECK(uuid_free(lines[4]) == "4,2026-11-22T07:15,2026-11-22,2026-11-22");
    CHECK(csv.find(",delay;distract,") != std::string::npos);
    const auto json = nlohmann::json::parse(run(store, ExportTable::urges, ExportFormat::json));
    CHECK(json[2]["strategy"] == nlohmann::json({"delay", "distract"}));
    CHECK(json[1]["strategy"].empty());
    CHECK(json[3]["strategy"] == nlohmann::json({"escape"}));

    // Enough rows to fill several output blocks: every one arrives, whole and in order.
    for (int i = 0; i < 3000; ++i) {
        add("2026-10-05", "12:00", {"accept"});
    }
    const auto big = run(store, ExportTable::urges, ExportFormat::csv);
    CHECK(std::count(big.begin(), big.end(), '\n') == 3005);
    CHECK(big.ends_with(",2026-10-05T12:00,2026-10-05,2026-10-04,5,,,,accept,,,\r\n"));
}
