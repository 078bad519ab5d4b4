// SPDX-License-Identifier: MIT
// The totals a review shows come from a weekly rollup that the store keeps as records change
// (schema 6). These tests hold it to a count over everything, written from SPEC §5 and §7, through
// every kind of change the store makes.
// The session extension, to keep a change as a schema 13 smartgoals kept it.
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include "goal_steps.hpp"
#include "older_schemas.hpp"
#include "temp_dir.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/store.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <sqlite3.h>

using namespace smartgoals;
using namespace smartgoals::test;

namespace {

Date d(const char* text) {
    return *parse_date(text);
}

// What totals_through must say, counted the long way from every record.
Totals counted(Store& store, Week week) {
    const Weekday ws = store.week_start();
    const Date day = week.end();
    Totals t{.as_of = day};
    for (const auto& g : store.all_goals()) {
        if (g.kind == Kind::once) {
            t.goals_achieved += g.status == Status::done && *g.closed <= day;
            continue;
        }
        std::map<Date, std::vector<Date>> by_week;
        for (const auto& c : g.completions) {
            by_week[week_containing(c.date, ws).start].push_back(c.date);
        }
        for (auto& [start, dates] : by_week) {
            std::sort(dates.begin(), dates.end());
            // Rule 9: the target set for that week.
            int target = g.target;
            for (const auto& e : g.earlier_targets) {
                if (start < week_containing(e.until, ws).start) {
                    target = e.target;
                    break;
                }
            }
            const bool kept =
                start >= week_containing(g.planned, ws).start &&
                (g.status != Status::dropped || start <= week_containing(*g.closed, ws).start);
            t.goals_achieved += kept && static_cast<int>(dates.size()) >= target &&
                                dates[static_cast<std::size_t>(target - 1)] <= day;
        }
    }
    std::set<Date> weeks;
    // SPEC §4.1: a check-in counts in the week that holds the day before it.
    for (const auto& c : store.checkins_between(d("2000-01-01"), day + std::chrono::days{1})) {
        ++t.checkins;
        weeks.insert(week_containing(c.date - std::chrono::days{1}, ws).start);
    }
    t.weeks_checked_in = static_cast<int>(weeks.size());
    for (const auto& u : store.urges_between(d("2000-01-01"), day)) {
        ++t.urges_logged;
        t.urges_ridden_out += u.outcome == Outcome::rode_out;
    }
    return t;
}

void check_totals(Store& store, Date day) {
    const Week week = week_containing(day, store.week_start());
    const auto kept = store.totals_through(week);
    const auto all = counted(store, week);
    INFO("through the week of ", format_date(week.start), ", week starting ",
         weekday_name(store.week_start()));
    CHECK(kept.goals_achieved == all.goals_achieved);
    CHECK(kept.weeks_checked_in == all.weeks_checked_in);
    CHECK(kept.checkins == all.checkins);
    CHECK(kept.urges_logged == all.urges_logged);
    CHECK(kept.urges_ridden_out == all.urges_ridden_out);
}

// What a review is told of the open once goals carried from before the week holding `day`
// (schema 15 keeps how many are open), against a count of every goal.
void check_carried(Store& store, Date day) {
    const Date start = week_containing(day, store.week_start()).start;
    int carried = 0;
    for (const auto& g : store.all_goals()) {
        carried += g.kind == Kind::once && g.status == Status::open && g.planned < start;
    }
    INFO("open once goals planned before ", format_date(start));
    CHECK(store.goals_in_weeks(day, day, 0).carried_not_loaded == carried);
}

// The totals through the week that holds `day`.
Totals totals_at(Store& store, const char* day) {
    return store.totals_through(week_containing(d(day), store.week_start()));
}

} // namespace

TEST_CASE("tallied totals agree with a count of everything through random changes, removals "
          "and undo") {
    std::mt19937 random(20261123);
    const Date first = d("2026-01-01");
    const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    const auto some_day = [&] { return first + std::chrono::days{pick(120)}; };
    const char* days[] = {"sunday",   "monday", "tuesday", "wednesday",
                          "thursday", "friday", "saturday"};
    auto store = Store::in_memory();
    std::vector<std::int64_t> goals;
    const auto any_goal = [&] {
        return goals[static_cast<std::size_t>(pick(static_cast<int>(goals.size())))];
    };
    int undone = 0;
    for (int step = 0; step < 2000; ++step) {
        // Each step is one command, kept for undo as the program keeps them.
        store.record_changes();
        const int what = pick(112);
        if (what < 12 || goals.empty()) {
            Goal g{.text = "goal",
                   .kind = pick(2) ? Kind::weekly : Kind::once,
                   .target = 1 + pick(3),
                   .planned = some_day(),
                   .created = "2026-01-01T10:00:00"};
            store.add_goal(g);
            goals.push_back(g.id);
        } else if (what < 50) {
            Completion c{.goal_id =
                             goals[static_cast<std::size_t>(pick(static_cast<int>(goals.size())))],
                         .date = some_day()};
            record(store, c);
        } else if (what < 56) {
            const auto id = goals[static_cast<std::size_t>(pick(static_cast<int>(goals.size())))];
            const auto goal = store.goal(id);
            if (!goal->completions.empty()) {
                const auto& c = goal->completions[static_cast<std::size_t>(
                    pick(static_cast<int>(goal->completions.size())))];
                remove_completion(store, id, c.id);
            }
        } else if (what < 61) {
            const auto id = goals[static_cast<std::size_t>(pick(static_cast<int>(goals.size())))];
            drop(store, id, some_day());
        } else if (what < 64) {
            take_back(store, goals[static_cast<std::size_t>(pick(static_cast<int>(goals.size())))]);
        } else if (what < 68) {
            retarget(store, goals[static_cast<std::size_t>(pick(static_cast<int>(goals.size())))],
                     1 + pick(3), some_day());
        } else if (what < 78) {
            Checkin k{.uuid = fmt::format("checkin-{}", step),
                      .date = some_day(),
                      .created = "2026-01-01T10:00:00"};
            store.add_checkin(k);
        } else if (what < 81) {
            const auto all = store.checkins_between(first, first + std::chrono::days{200});
            if (!all.empty()) {
                store.remove_checkin(
                    all[static_cast<std::size_t>(pick(static_cast<int>(all.size())))].id,
                    k_removal_day);
            }
        } else if (what < 93) {
            Urge u{.date = some_day(),
                   .time = fmt::format("{:02}:{:02}", pick(24), pick(60)),
                   .intensity = 1 + pick(10),
                   .created = "x"};
            if (pick(3) != 0) {
                u.outcome = pick(3) ? Outcome::rode_out : Outcome::acted;
            }
            store.add_urge(u);
        } else if (what < 97) {
            const auto all = store.urges_between(first, first + std::chrono::days{200});
            if (!all.empty()) {
                store.remove_urge(
                    all[static_cast<std::size_t>(pick(static_cast<int>(all.size())))].id,
                    k_removal_day);
            }
        } else if (what < 100) {
            store.set_setting("week-start", days[pick(7)]);
        } else if (what < 102) {
            const auto id = any_goal();
            store.remove_goal(id, k_removal_day);
            goals.erase(std::find(goals.begin(), goals.end(), id));
        } else if (what < 105) {
            // checkin edit --date: the check-in moves to the week its new date counts in.
            auto all = store.checkins_between(first, first + std::chrono::days{200});
            if (!all.empty()) {
                auto k = all[static_cast<std::size_t>(pick(static_cast<int>(all.size())))];
                k.date = some_day();
                store.update_checkin(k);
            }
        } else if (what < 108) {
            // urge-log edit: another day, another ending.
            auto all = store.urges_between(first, first + std::chrono::days{200});
            if (!all.empty()) {
                auto u = all[static_cast<std::size_t>(pick(static_cast<int>(all.size())))];
                u.date = some_day();
                u.outcome = pick(2) ? std::optional(Outcome::rode_out) : std::nullopt;
                store.update_urge(u);
            }
        } else {
            // undo, once or a few times over.
            store.keep_for_undo("step", "x");
            for (int n = 1 + pick(3); n > 0 && store.undo_last(); --n) {
                ++undone;
            }
            goals.clear();
            for (const auto& [id, text] : store.goal_texts(false)) {
                goals.push_back(id);
            }
            continue;
        }
        store.keep_for_undo("step", "x");
        if (step % 50 == 49) {
            check_totals(store, some_day());
            check_totals(store, first + std::chrono::days{130});
            // Before every goal, among them, and after them all: both ways of counting.
            for (const int day : {-30, pick(120), 200}) {
                check_carried(store, first + std::chrono::days{day});
            }
        }
    }
    CHECK(undone > 50); // undo really ran, and often
}

TEST_CASE("a week-start written as in any case counts weeks as that day") {
    auto store = Store::in_memory();
    // A Tuesday and a Thursday: each counts in the week holding the day before it.
    for (const char* day : {"2026-11-17", "2026-11-19"}) {
        Checkin k{.uuid = day, .date = d(day), .created = "x"};
        store.add_checkin(k);
    }
    CHECK(totals_at(store, "2026-11-22").weeks_checked_in == 1);
    store.set_setting("week-start", "Wednesday");
    CHECK(totals_at(store, "2026-11-22").weeks_checked_in == 2);
    CHECK(totals_at(store, "2026-11-17").weeks_checked_in == 1);
    store.set_setting("week-start", "monday");
    CHECK(totals_at(store, "2026-11-22").weeks_checked_in == 1);
}

TEST_CASE(
    "a schema 5 database gets its weekly rollup counted from what it holds, its triggers gone") {
    TempDir tmp;
    const auto path = tmp.path() / "smartgoals.db";
    Totals before{};
    {
        auto store = Store::open(path, Store::Mode::write);
        store.set_setting("week-start", "thursday");
        Goal walk{.text = "walk",
                  .kind = Kind::weekly,
                  .target = 2,
                  .planned = d("2026-10-01"),
                  .created = "x"};
        Goal call{.text = "call", .planned = d("2026-10-01"), .created = "x"};
        store.add_goal(walk);
        store.add_goal(call);
        for (const char* day :
             {"2026-10-02", "2026-10-03", "2026-10-09", "2026-10-10", "2026-10-16"}) {
            Completion c{.goal_id = walk.id, .date = d(day)};
            record(store, c);
        }
        Completion c{.goal_id = call.id, .date = d("2026-10-05")};
        record(store, c);
        for (const char* day : {"2026-10-01", "2026-10-07", "2026-10-08"}) {
            Checkin k{.uuid = day, .date = d(day), .created = "x"};
            store.add_checkin(k);
            Urge u{.date = d(day),
                   .time = "20:00",
                   .intensity = 4,
                   .outcome = Outcome::rode_out,
                   .created = "x"};
            store.add_urge(u);
        }
        before = counted(store, week_containing(d("2026-10-31"), store.week_start()));
        store.commit();
    }
    REQUIRE(before.goals_achieved == 3); // the call and two weeks of walking
    REQUIRE(before.weeks_checked_in == 2);
    take_back(path, k_back_to_schema_5);
    auto store = Store::open(path, Store::Mode::write);
    CHECK(store.database().execAndGet("PRAGMA user_version").getInt() == Store::k_schema_version);
    CHECK(store.database()
              .execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                          "OR name = 'tallies'")
              .getInt() == 0);
    const auto after = totals_at(store, "2026-10-31");
    CHECK(after.goals_achieved == before.goals_achieved);
    CHECK(after.weeks_checked_in == before.weeks_checked_in);
    CHECK(after.checkins == before.checkins);
    CHECK(after.urges_logged == before.urges_logged);
    CHECK(after.urges_ridden_out == before.urges_ridden_out);
    check_totals(store, d("2026-10-08"));
}

TEST_CASE("a schema 6 database counts each check-in again in the week it is about") {
    TempDir tmp;
    const auto path = tmp.path() / "smartgoals.db";
    {
        auto store = Store::open(path, Store::Mode::write);
        // Meetings on Mondays, the week-start: each check-in is about the week before.
        for (const char* day : {"2026-11-09", "2026-11-16"}) {
            Checkin k{.uuid = day, .date = d(day), .rating = 7, .created = "x"};
            store.add_checkin(k);
        }
        store.database().exec(k_back_to_schema_6);
        // Schema 6 counted each in the week holding its own date.
        store.database().exec("DELETE FROM week_totals; INSERT INTO week_totals (week, checkins) "
                              "VALUES ('2026-11-09', 1), ('2026-11-16', 1)");
        store.commit();
    }
    auto store = Store::open(path, Store::Mode::write);
    CHECK(store.database().execAndGet("PRAGMA user_version").getInt() == Store::k_schema_version);
    CHECK(totals_at(store, "2026-11-08").checkins == 1); // the week of 11-02
    CHECK(totals_at(store, "2026-11-15").checkins == 2);
    CHECK(totals_at(store, "2026-11-22").checkins == 2);
    // Nothing stored is rewritten: the check-ins keep their dates.
    const auto kept = store.checkins_between(d("2026-11-01"), d("2026-11-30"));
    REQUIRE(kept.size() == 2);
    CHECK(kept[0].date == d("2026-11-09"));
    CHECK(kept[1].date == d("2026-11-16"));
    check_totals(store, d("2026-11-22"));
}

TEST_CASE("a schema 13 database gains every week's totals, and the totals through each week hold") {
    TempDir tmp;
    const auto path = tmp.path() / "smartgoals.db";
    {
        auto store = Store::open(path, Store::Mode::write);
        Goal walk{.text = "walk", .kind = Kind::weekly, .planned = d("2026-10-05"), .created = "x"};
        store.add_goal(walk);
        for (const char* day : {"2026-10-06", "2026-10-14", "2026-10-29", "2026-11-10"}) {
            Completion c{.goal_id = walk.id, .date = d(day)};
            record(store, c);
            Checkin k{.uuid = day, .date = d(day), .created = "x"};
            store.add_checkin(k);
            Urge u{.date = d(day), .time = "09:00", .intensity = 6, .created = "x"};
            store.add_urge(u);
        }
        store.commit();
    }
    take_back(path, k_back_to_schema_13);
    auto store = Store::open(path, Store::Mode::write);
    CHECK(store.database().execAndGet("PRAGMA user_version").getInt() == Store::k_schema_version);
    CHECK(store.database().execAndGet("SELECT checkins FROM all_time_totals").getInt() == 4);
    for (const char* day : {"2026-09-30", "2026-10-06", "2026-10-20", "2026-11-10", "2027-02-01"}) {
        check_totals(store, d(day));
    }
    CHECK(totals_at(store, "2026-10-20").checkins == 2);
    CHECK(totals_at(store, "2026-10-20").goals_achieved == 2);
    // Kept from here on, as each write counts its week.
    Checkin later{.uuid = "later", .date = d("2026-11-24"), .created = "x"};
    store.add_checkin(later);
    CHECK(totals_at(store, "2026-12-01").checkins == 5);
    CHECK(totals_at(store, "2026-12-01").weeks_checked_in == 5);
    check_totals(store, d("2026-10-20"));
}

TEST_CASE("without the row of every week's totals, the totals are counted from each week") {
    auto store = Store::in_memory();
    for (const char* day : {"2026-11-03", "2026-11-10", "2026-11-17"}) {
        Checkin k{.uuid = day, .date = d(day), .created = "x"};
        store.add_checkin(k);
    }
    store.database().exec("DELETE FROM all_time_totals");
    CHECK(totals_at(store, "2026-11-11").checkins == 2);
    CHECK(totals_at(store, "2026-11-30").checkins == 3);
    check_totals(store, d("2026-11-11"));
}

TEST_CASE("undo of a command kept before schema 14 leaves every week's totals agreeing") {
    auto store = Store::in_memory();
    Checkin first{.uuid = "first", .date = d("2026-11-03"), .created = "x"};
    store.add_checkin(first);
    // A check-in kept for undo as schema 13 kept it: its changes to the check-ins and to the
    // weekly rollup, none to every week's totals (that table did not exist).
    sqlite3* db = store.database().getHandle();
    sqlite3_session* session = nullptr;
    REQUIRE(sqlite3session_create(db, "main", &session) == SQLITE_OK);
    sqlite3session_table_filter(
        session,
        [](void*, const char* table) {
            const std::string_view name(table);
            return name != "undo_log" && name != "all_time_totals" ? 1 : 0;
        },
        nullptr);
    REQUIRE(sqlite3session_attach(session, nullptr) == SQLITE_OK);
    Checkin second{.uuid = "second", .date = d("2026-11-17"), .created = "x"};
    store.add_checkin(second);
    int size = 0;
    void* changes = nullptr;
    REQUIRE(sqlite3session_changeset(session, &size, &changes) == SQLITE_OK);
    sqlite3session_delete(session);
    SQLite::Statement keep(
        store.database(), "INSERT INTO undo_log (at, command, changes) VALUES ('x', 'checkin', ?)");
    keep.bind(1, changes, size);
    keep.exec();
    sqlite3_free(changes);
    REQUIRE(totals_at(store, "2026-11-30").checkins == 2);

    REQUIRE(store.undo_last());
    CHECK(totals_at(store, "2026-11-30").checkins == 1);
    CHECK(totals_at(store, "2026-11-30").weeks_checked_in == 1);
    check_totals(store, d("2026-11-30"));
    check_totals(store, d("2026-11-04"));
}

TEST_CASE("undo takes back commands counted from every week's totals that had drifted") {
    auto store = Store::in_memory();
    Checkin first{.uuid = "first", .date = d("2026-11-03"), .created = "x"};
    store.add_checkin(first);
    // A row off from its weeks (as an undo before this fix could leave it): commands then count
    // on from it, and taking them back must neither stop on it nor keep it.
    store.database().exec("UPDATE all_time_totals SET checkins = checkins + 3");
    for (const char* day : {"2026-11-10", "2026-11-17"}) {
        store.record_changes();
        Checkin k{.uuid = day, .date = d(day), .created = "x"};
        store.add_checkin(k);
        store.keep_for_undo("checkin", "x");
    }
    REQUIRE(store.undo_last());
    check_totals(store, d("2026-11-30"));
    REQUIRE(store.undo_last());
    CHECK(totals_at(store, "2026-11-30").checkins == 1);
    check_totals(store, d("2026-11-30"));
    check_totals(store, d("2026-11-04"));
}

TEST_CASE("a schema 14 database gains the count of open once goals, and a review counts the same") {
    TempDir tmp;
    const auto path = tmp.path() / "smartgoals.db";
    {
        auto store = Store::open(path, Store::Mode::write);
        for (const char* planned : {"2026-10-05", "2026-10-12", "2026-11-02", "2026-11-30"}) {
            Goal g{.text = "call", .planned = d(planned), .created = "x"};
            store.add_goal(g);
        }
        Goal walk{.text = "walk", .kind = Kind::weekly, .planned = d("2026-10-05"), .created = "x"};
        store.add_goal(walk);
        drop(store, 2, d("2026-10-20")); // let go: no longer carried
        store.commit();
    }
    take_back(path, k_back_to_schema_14);
    auto store = Store::open(path, Store::Mode::write);
    CHECK(store.database().execAndGet("PRAGMA user_version").getInt() == Store::k_schema_version);
    CHECK(store.database().execAndGet("SELECT once FROM open_goal_counts").getInt() == 3);
    CHECK(store.goals_in_weeks(d("2026-11-16"), d("2026-11-22"), 0).carried_not_loaded == 2);
    for (const char* day : {"2026-09-01", "2026-10-14", "2026-11-18", "2027-01-01"}) {
        check_carried(store, d(day));
    }
}

TEST_CASE("the open once goals a review counts follow a goal's kind, and a file without the "
          "count's row") {
    auto store = Store::in_memory();
    for (const char* planned : {"2026-10-05", "2026-10-12", "2026-10-19", "2026-11-30"}) {
        Goal g{.text = "call", .planned = d(planned), .created = "x"};
        store.add_goal(g);
    }
    const auto carried = [&](const char* day) {
        return store.goals_in_weeks(d(day), d(day), 0).carried_not_loaded;
    };
    CHECK(carried("2026-11-18") == 3);
    auto goal = *store.goal(1);
    goal.kind = Kind::weekly; // goal edit: once a week from now on
    store.update_goal(goal);
    CHECK(carried("2026-11-18") == 2);
    CHECK(carried("2026-10-14") == 0);
    goal.kind = Kind::once;
    store.update_goal(goal);
    CHECK(carried("2026-11-18") == 3);
    store.remove_goal(3, d("2026-11-20"));
    CHECK(carried("2026-11-18") == 2);
    CHECK(carried("2026-12-31") == 3);
    // A file whose row was deleted by hand: each one is counted.
    store.database().exec("DELETE FROM open_goal_counts");
    CHECK(carried("2026-11-18") == 2);
    CHECK(carried("2026-12-31") == 3);
    CHECK(carried("2026-10-14") == 1);
}

TEST_CASE("undo counts the open once goals again, whatever the command it takes back kept") {
    auto store = Store::in_memory();
    Goal first{.text = "call", .planned = d("2026-10-05"), .created = "x"};
    store.add_goal(first);
    // Undo applies no change to the count (a command kept before schema 15 holds none): it
    // counts again after taking back the goals' own changes.
    store.record_changes();
    Goal second{.text = "write", .planned = d("2026-10-12"), .created = "x"};
    store.add_goal(second);
    store.keep_for_undo("goal add write", "x");
    store.record_changes();
    drop(store, first.id, d("2026-10-20"));
    store.keep_for_undo("goal drop 1", "x");
    REQUIRE(store.goals_in_weeks(d("2026-11-18"), d("2026-11-18"), 0).carried_not_loaded == 1);
    REQUIRE(store.undo_last());
    CHECK(store.database().execAndGet("SELECT once FROM open_goal_counts").getInt() == 2);
    check_carried(store, d("2026-11-18"));
    REQUIRE(store.undo_last());
    CHECK(store.database().execAndGet("SELECT once FROM open_goal_counts").getInt() == 1);
    check_carried(store, d("2026-11-18"));
    check_carried(store, d("2026-10-07"));
}

TEST_CASE("carried goals are counted along either side of a day, however many lie on each") {
    auto store = Store::in_memory();
    // 150 goals planned a week apart before 2026-01-05, and 300 from it on.
    const Date split = d("2026-01-05");
    for (int i = -150; i < 300; ++i) {
        Goal g{.text = "call", .planned = split + std::chrono::days{7 * i}, .created = "x"};
        store.add_goal(g);
    }
    for (const int weeks : {-151, -150, -149, -100, -64, -63, 0, 1, 63, 64, 65, 100, 299, 300}) {
        check_carried(store, split + std::chrono::days{7 * weeks});
    }
}

TEST_CASE("a kept count of open goals that disagrees with the goals is counted again, and one "
          "that is not a number is damage") {
    auto store = Store::in_memory();
    for (const char* planned : {"2026-10-05", "2026-10-06", "2026-10-07", "2026-11-02"}) {
        Goal g{.text = "call", .planned = d(planned), .created = "x"};
        store.add_goal(g);
    }
    const auto review = [&](std::size_t listed) {
        const auto h = store.goals_in_weeks(d("2026-11-18"), d("2026-11-18"), listed);
        return std::pair{h.carried_not_loaded,
                         std::count_if(h.goals.begin(), h.goals.end(),
                                       [](const Goal& g) { return g.status == Status::open; })};
    };
    REQUIRE(review(2) == std::pair{1, 3L}); // the first week's three, the fourth counted
    REQUIRE(review(20) == std::pair{0, 4L});
    // Changed by hand to more than a list of twenty finds, or to fewer than a list loads: each
    // one is counted. (A count the goals cannot contradict is trusted, as the weekly totals are.)
    for (const char* value : {"100", "5"}) {
        CAPTURE(value);
        store.database().exec(fmt::format("UPDATE open_goal_counts SET once = {}", value));
        CHECK(review(20) == std::pair{0, 4L});
    }
    for (const char* value : {"1", "2"}) {
        CAPTURE(value);
        store.database().exec(fmt::format("UPDATE open_goal_counts SET once = {}", value));
        CHECK(review(20) == std::pair{0, 4L});
        CHECK(review(1) == std::pair{1, 3L});
    }
    // Not a count at all: damage, as any stored value that does not read back.
    for (const char* value : {"'x'", "2.5", "-1"}) {
        CAPTURE(value);
        store.database().exec(fmt::format("UPDATE open_goal_counts SET once = {}", value));
        CHECK_THROWS_AS(review(20), StorageError);
    }
    // Counted again whole after an undo, its row made again if it was gone.
    store.database().exec("DELETE FROM open_goal_counts");
    store.record_changes();
    Goal g{.text = "write", .planned = d("2026-10-12"), .created = "x"};
    store.add_goal(g);
    store.keep_for_undo("goal add write", "x");
    REQUIRE(store.undo_last());
    CHECK(store.database().execAndGet("SELECT once FROM open_goal_counts").getInt() == 4);
    CHECK(review(2) == std::pair{1, 3L});
}
