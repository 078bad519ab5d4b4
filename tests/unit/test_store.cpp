// SPDX-License-Identifier: MIT
#include "goal_steps.hpp"
#include "older_schemas.hpp"
#include "temp_dir.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/store.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <sys/stat.h>

using namespace smartgoals;
using namespace smartgoals::test;
using std::chrono::Monday;

namespace {

Date d(const char* text) {
    return *parse_date(text);
}

Goal make_goal(const char* text, const char* planned, Kind kind = Kind::once, int target = 1) {
    return Goal{.text = text,
                .kind = kind,
                .target = target,
                .planned = d(planned),
                .created = std::string(planned) + "T10:00:00"};
}

std::string bytes_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

unsigned mode_of(const std::filesystem::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777;
}

// The totals through the week that holds `day`.
Totals totals_at(Store& store, const char* day) {
    return store.totals_through(week_containing(d(day), store.week_start()));
}

} // namespace

TEST_CASE("completions decide when a once goal is done, and the store keeps it") {
    auto store = Store::in_memory();
    Goal g = make_goal("Call my sister", "2026-11-02", Kind::once, 2);
    store.add_goal(g);
    CHECK(g.id == 1);
    CHECK(g.uuid.size() == 36);
    Completion c1{.goal_id = g.id, .date = d("2026-11-04")};
    record(store, c1);
    CHECK(store.goal(g.id)->status == Status::open);
    Completion c2{.goal_id = g.id, .date = d("2026-11-12"), .note = "on Sunday"};
    record(store, c2);
    auto after = store.goal(g.id);
    CHECK(after->status == Status::done);
    CHECK(after->closed == d("2026-11-12"));
    CHECK(after->completions.size() == 2);
    CHECK(after->completions[1].note == "on Sunday");

    SUBCASE("raising the target reopens it, lowering closes it at the right completion") {
        retarget(store, g.id, 3, d("2026-11-20"));
        CHECK(store.goal(g.id)->status == Status::open);
        retarget(store, g.id, 1, d("2026-11-20"));
        CHECK(store.goal(g.id)->closed == d("2026-11-04"));
    }
    SUBCASE("removing the closing completion reopens it") {
        remove_completion(store, g.id, c2.id);
        CHECK(store.goal(g.id)->status == Status::open);
        CHECK_FALSE(store.goal(g.id)->closed);
    }
}

TEST_CASE("ids are never reused, even after a completion is taken back") {
    auto store = Store::in_memory();
    Goal g = make_goal("Walk", "2026-11-02", Kind::weekly);
    store.add_goal(g);
    Completion first{.goal_id = g.id, .date = d("2026-11-03")};
    record(store, first);
    store.remove_completion(first.id, k_removal_day);
    Completion second{.goal_id = g.id, .date = d("2026-11-04")};
    record(store, second);
    CHECK(second.id == first.id + 1);
    CHECK(second.uuid != first.uuid);
}

TEST_CASE("letting go is stored and taken back") {
    auto store = Store::in_memory();
    Goal g = make_goal("Find work", "2026-11-02");
    store.add_goal(g);
    CHECK(drop(store, g.id, d("2026-11-05")) == Answer::changed);
    CHECK(store.goal(g.id)->status == Status::dropped);
    CHECK(store.goal(g.id)->closed == d("2026-11-05"));
    CHECK(take_back(store, g.id).answer == Answer::changed);
    CHECK(store.goal(g.id)->status == Status::open);
    CHECK_FALSE(store.goal(g.id)->closed);
}

TEST_CASE("a window loads only the goals that can be active in it") {
    auto store = Store::in_memory();
    Goal old_done = make_goal("old, done", "2025-01-06");
    Goal old_open = make_goal("old, still open", "2025-01-06");
    Goal later = make_goal("planned for December", "2026-12-07");
    Goal early = make_goal("planned for December, done early", "2026-12-07");
    Goal now = make_goal("this week", "2026-11-17");
    for (Goal* g : {&old_done, &old_open, &later, &early, &now}) {
        store.add_goal(*g);
    }
    Completion c1{.goal_id = old_done.id, .date = d("2025-01-08")};
    Completion c2{.goal_id = early.id, .date = d("2026-11-18")};
    record(store, c1);
    record(store, c2);
    const auto h = store.history_in_weeks(d("2026-11-16"), d("2026-11-22"));
    std::vector<std::string> texts;
    for (const auto& g : h.goals) {
        texts.push_back(g.text);
    }
    CHECK(texts == std::vector<std::string>{"old, still open", "planned for December, done early",
                                            "this week"});
}

// Each goal shown carries the completions the rules need: those of the window, and for a once
// goal a count of its earlier ones. Two layouts, read two ways by the store: a few goals shown out
// of a long history, and nearly every goal shown.
TEST_CASE("a window's goals carry their own completions, whether few or most goals are shown") {
    for (const bool most_open : {false, true}) {
        CAPTURE(most_open);
        auto store = Store::in_memory();
        std::vector<Goal> goals;
        for (int i = 0; i < 12; ++i) {
            goals.push_back(make_goal("goal", "2025-01-06", Kind::once, 3));
            store.add_goal(goals.back());
        }
        Goal weekly = make_goal("walk", "2026-01-05", Kind::weekly, 2);
        store.add_goal(weekly);
        for (std::size_t i = 0; i < goals.size(); ++i) {
            // Every goal has two completions; most are let go (a long history) or all stay open.
            for (const char* day : {"2025-01-07", "2025-01-09"}) {
                Completion c{.goal_id = goals[i].id, .date = d(day)};
                record(store, c);
            }
            if (!most_open && i != 0) {
                drop(store, goals[i].id, d("2025-02-03"));
            }
        }
        for (const char* day : {"2026-01-06", "2026-11-10", "2026-11-17", "2026-11-19"}) {
            Completion c{.goal_id = weekly.id, .date = d(day)};
            record(store, c);
        }
        // The first once goal reaches its target inside the window; the second (open when most
        // are) after it.
        Completion inside{.goal_id = goals[0].id, .date = d("2026-11-18")};
        record(store, inside);
        if (most_open) {
            Completion after{.goal_id = goals[1].id, .date = d("2026-11-25")};
            record(store, after);
        }
        const Week week = week_containing(d("2026-11-16"), std::chrono::Monday);
        const auto h = store.goals_in_weeks(d("2026-11-16"), d("2026-11-22"));
        REQUIRE(h.goals.size() == (most_open ? 13U : 2U));
        for (const auto& g : h.goals) {
            std::vector<std::string> dates;
            for (const auto& c : g.completions) {
                CHECK(c.goal_id == g.id);
                dates.push_back(format_date(c.date));
            }
            if (g.kind == Kind::weekly) {
                CHECK(dates == std::vector<std::string>{"2026-11-17", "2026-11-19"});
                CHECK(g.completions_before == 0);
            } else {
                // Only the window's own are read; the two of January 2025 are counted.
                CHECK(dates == (g.id == goals[0].id ? std::vector<std::string>{"2026-11-18"}
                                                    : std::vector<std::string>{}));
                CHECK(g.completions_before == 2);
                // Progress through the week counts both, and nothing after it.
                CHECK(place(g, week, d("2026-11-20"), std::chrono::Monday).progress ==
                      (g.id == goals[0].id ? 3 : 2));
            }
        }
        CHECK(std::is_sorted(h.goals.begin(), h.goals.end(),
                             [](const Goal& a, const Goal& b) { return a.id < b.id; }));
        // A part at a time, the same goals in the same order with the same completions.
        for (const std::size_t part : {1U, 2U, 5U, 100U}) {
            CAPTURE(part);
            // What a list shows of each: not its uuid, nor when it was added.
            const auto listed = [](const Goal& g) {
                return fmt::format("{} {} {} {} {} {} {} {} {} {}", g.id, g.text,
                                   g.area ? to_string(*g.area) : "-", to_string(g.kind), g.target,
                                   format_date(g.planned), to_string(g.status),
                                   g.closed ? format_date(*g.closed) : "-", g.completions.size(),
                                   g.completions_before);
            };
            std::vector<std::string> seen, whole;
            store.each_goal_in_weeks(d("2026-11-16"), d("2026-11-22"), part,
                                     [&](std::vector<Goal>& got) {
                                         CHECK(got.size() <= part);
                                         for (const auto& g : got) {
                                             seen.push_back(listed(g));
                                             CHECK(g.uuid.empty());
                                         }
                                     });
            for (const auto& g : h.goals) {
                whole.push_back(listed(g));
            }
            CHECK(seen == whole);
        }
    }
}

TEST_CASE("a completion date that no longer reads is damage wherever it lies, before, in or after "
          "a window") {
    for (const std::string day : {"2025-01-07", "2026-11-18", "2026-12-01"}) {
        for (const bool dense_walk : {false, true}) {
            CAPTURE(day);
            CAPTURE(dense_walk);
            TempDir tmp;
            const auto path = tmp.path() / "smartgoals.db";
            std::int64_t damaged = 0;
            {
                auto store = Store::open(path, Store::Mode::write);
                // One goal among many closed long ago (a few shown out of a long history), or
                // nearly the only goals there are (one walk along the index).
                for (int i = 0; i < (dense_walk ? 0 : 40); ++i) {
                    Goal old = make_goal("old", "2020-01-06");
                    store.add_goal(old);
                    drop(store, old.id, d("2020-02-03"));
                }
                Goal g = make_goal("read", "2025-01-06", Kind::once, 5);
                store.add_goal(g);
                Completion c{.goal_id = g.id, .date = d(day.c_str())};
                REQUIRE(record(store, c) == Answer::changed);
                store.commit();
                damaged = g.id;
            }
            {
                SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
                REQUIRE(raw.exec("UPDATE completions SET date = '2026-02-30' WHERE goal_id = " +
                                 std::to_string(damaged)) == 1);
            }
            auto store = Store::open(path, Store::Mode::read);
            CHECK_THROWS_AS(store.goals_in_weeks(d("2026-11-16"), d("2026-11-22")), StorageError);
        }
    }
}

TEST_CASE("totals count goals achieved and weeks checked in up to a week") {
    auto store = Store::in_memory();
    Goal once = make_goal("once", "2026-11-02");
    Goal weekly = make_goal("walk", "2026-11-02", Kind::weekly, 2);
    store.add_goal(once);
    store.add_goal(weekly);
    for (const char* day : {"2026-11-03", "2026-11-04", "2026-11-10", "2026-11-17", "2026-11-18"}) {
        Completion c{.goal_id = weekly.id, .date = d(day)};
        record(store, c);
    }
    Completion c{.goal_id = once.id, .date = d("2026-11-12")};
    record(store, c);
    for (const char* day : {"2026-11-03", "2026-11-05", "2026-11-19"}) {
        Checkin k{.uuid = std::string("u-") + day,
                  .date = d(day),
                  .rating = 6,
                  .created = "2026-11-19T10:00:00"};
        store.add_checkin(k);
    }
    const auto all = totals_at(store, "2026-11-22");
    CHECK(all.goals_achieved == 3); // the once goal and two weekly instances
    CHECK(all.weeks_checked_in == 2);
    CHECK(all.checkins == 3);
    const auto early = totals_at(store, "2026-11-08");
    CHECK(early.goals_achieved == 1);
    CHECK(early.weeks_checked_in == 1);
    CHECK(early.checkins == 2);
}

TEST_CASE("urge totals stay right through adding and removing urges") {
    auto store = Store::in_memory();
    std::vector<std::int64_t> ids;
    for (const char* day : {"2026-11-02", "2026-11-10", "2026-11-18"}) {
        Urge u{.date = d(day),
               .time = "09:00",
               .intensity = 5,
               .outcome = Outcome::rode_out,
               .created = "x"};
        store.add_urge(u);
        ids.push_back(u.id);
    }
    Urge acted{.date = d("2026-11-11"),
               .time = "09:00",
               .intensity = 7,
               .outcome = Outcome::acted,
               .created = "x"};
    store.add_urge(acted);
    auto totals = totals_at(store, "2026-11-15");
    CHECK(totals.urges_logged == 3);
    CHECK(totals.urges_ridden_out == 2);
    store.remove_urge(ids.front(), k_removal_day); // the one of 2026-11-02, ridden out
    store.remove_urge(acted.id, k_removal_day);
    totals = totals_at(store, "2026-11-15");
    CHECK(totals.urges_logged == 1);
    CHECK(totals.urges_ridden_out == 1);
    CHECK(totals_at(store, "2026-11-22").urges_logged == 2);
    CHECK(totals_at(store, "2026-11-22").urges_ridden_out == 2);
}

TEST_CASE("settings live in the database") {
    auto store = Store::in_memory();
    CHECK(store.week_start() == Monday);
    store.set_setting("week-start", "thursday");
    CHECK(store.week_start() == std::chrono::Thursday);
    store.set_setting("week-start", "sunday");
    CHECK(store.settings().size() == 1);
}

TEST_CASE("a new database is private, in WAL mode, and survives a reopen") {
    TempDir tmp;
    const auto old_mask = ::umask(0);
    const auto path = tmp.path() / "a" / "b" / "smartgoals.db";
    {
        auto store = Store::open(path, Store::Mode::write);
        Goal g = make_goal("x", "2026-11-02");
        store.add_goal(g);
        store.commit();
        CHECK(store.database().execAndGet("PRAGMA journal_mode").getString() == "wal");
        CHECK(store.database().execAndGet("PRAGMA synchronous").getInt() == 2);
        CHECK(store.database().execAndGet("PRAGMA foreign_keys").getInt() == 1);
        CHECK(store.database().execAndGet("PRAGMA secure_delete").getInt() == 1);
        CHECK(mode_of(path.string() + "-wal") == 0600);
    }
    ::umask(old_mask);
    CHECK(mode_of(path) == 0600);
    CHECK(mode_of(path.parent_path()) == 0700);
    CHECK(mode_of(path.parent_path().parent_path()) == 0700);
    auto again = Store::open(path, Store::Mode::read);
    CHECK(again.goal(1)->text == "x");
}

TEST_CASE("a read of a missing database is empty and creates nothing") {
    TempDir tmp;
    const auto path = tmp.path() / "none" / "smartgoals.db";
    auto store = Store::open(path, Store::Mode::read);
    CHECK(store.all_goals().empty());
    CHECK_FALSE(std::filesystem::exists(path.parent_path()));
}

TEST_CASE("a file that is not a smartgoals database is refused and left untouched") {
    TempDir tmp;
    const auto path = tmp.path() / "notes.db";
    SUBCASE("plain text") {
        std::ofstream(path) << "my shopping list\nmilk\n";
    }
    SUBCASE("another program's SQLite file") {
        SQLite::Database other(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE recipes (name TEXT)");
    }
    SUBCASE("a newer smartgoals") {
        {
            auto store = Store::open(path, Store::Mode::write);
            store.commit();
        }
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 99");
    }
    const auto before = bytes_of(path);
    CHECK_THROWS_AS(Store::open(path, Store::Mode::write), StorageError);
    CHECK_THROWS_AS(Store::open(path, Store::Mode::read), StorageError);
    CHECK(bytes_of(path) == before);
}

TEST_CASE("an older database is brought forward, keeping its data") {
    TempDir tmp;
    const auto path = tmp.path() / "smartgoals.db";
    {
        auto store = Store::open(path, Store::Mode::write);
        Goal g = make_goal("kept", "2026-11-02");
        store.add_goal(g);
        store.commit();
    }
    {
        // What a database of schema 1 looked like: no urges and no comparisons.
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec(k_back_to_schema_5);
        raw.exec("DROP TABLE urges; DROP TABLE comparison_items; DROP TABLE comparisons; "
                 "DROP INDEX goals_closed_status; DROP TABLE tallies; DROP TRIGGER "
                 "checkin_weeks_insert; PRAGMA user_version = 1");
    }
    auto store = Store::open(path, Store::Mode::read);
    CHECK(store.database().execAndGet("PRAGMA user_version").getInt() == Store::k_schema_version);
    CHECK(store.goal(1)->text == "kept");
    CHECK(store.urges_between(d("2026-01-01"), d("2026-12-31")).empty());
    CHECK(store.comparisons().empty());
}

TEST_CASE("where the database lives: --db, SMARTGOALS_DB, XDG_DATA_HOME, HOME") {
    CHECK(database_path("a.db", "b.db", "/x", "/home/u") == "a.db");
    CHECK(database_path("", "b.db", "/x", "/home/u") == "b.db");
    CHECK(database_path("", "", "/x", "/home/u") == "/x/smartgoals/smartgoals.db");
    CHECK(database_path("", "", "relative", "/home/u") ==
          "/home/u/.local/share/smartgoals/smartgoals.db");
    CHECK(database_path("", "", "", "/home/u") == "/home/u/.local/share/smartgoals/smartgoals.db");
    CHECK_THROWS_AS(database_path("", "", "", ""), StorageError);
}

TEST_CASE("a schema 7 database gains the undo log, keeping its data") {
    TempDir tmp;
    const auto path = tmp.path() / "smartgoals.db";
    {
        auto store = Store::open(path, Store::Mode::write);
        Goal g = make_goal("kept", "2026-11-02");
        store.add_goal(g);
        store.commit();
    }
    take_back(path, k_back_to_schema_7);
    {
        auto store = Store::open(path, Store::Mode::write);
        CHECK(store.database().execAndGet("PRAGMA user_version").getInt() ==
              Store::k_schema_version);
        CHECK(store.undoable().empty()); // nothing from before the upgrade can be taken back
        CHECK_FALSE(store.undo_last());
        store.record_changes();
        Goal g = make_goal("new", "2026-11-09");
        store.add_goal(g);
        store.keep_for_undo("goal add new", "2026-11-09T10:00:00");
        store.commit();
    }
    auto store = Store::open(path, Store::Mode::write);
    REQUIRE(store.undoable().size() == 1);
    CHECK(store.undo_last()->command == "goal add new");
    CHECK(store.goal(1)->text == "kept");
    CHECK_FALSE(store.goal(2));
}

TEST_CASE("a schema 9 database gains values and balance ratings, keeping its data") {
    TempDir tmp;
    const auto path = tmp.path() / "smartgoals.db";
    {
        auto store = Store::open(path, Store::Mode::write);
        Goal g = make_goal("kept", "2026-11-02");
        store.add_goal(g);
        store.commit();
    }
    take_back(path, k_back_to_schema_9);
    // Read-only commands read an older file as it is, with no values yet.
    CHECK(Store::open(path, Store::Mode::read).values().empty());
    auto store = Store::open(path, Store::Mode::write);
    CHECK(store.database().execAndGet("PRAGMA user_version").getInt() == Store::k_schema_version);
    Value v{.uuid = "v-1", .text = "My kids", .created = "2026-11-09T10:00:00"};
    store.add_value(v);
    BalanceRating r{.uuid = "b-1", .date = *parse_date("2026-11-09"), .area = "family", .score = 0};
    store.add_balance_rating(r);
    CHECK(store.values().at(0).position == 1);
    CHECK(store.balance_pie().at(0).latest->score == 0);
    CHECK(store.goal(1)->text == "kept");
}

TEST_CASE("values keep places 1.. with no gaps through adds, moves and removals") {
    auto store = Store::in_memory();
    const auto add = [&](const char* text, int position) {
        Value v{.uuid = std::string("u-") + text, .position = position, .text = text};
        store.add_value(v);
        return v.id;
    };
    const auto order = [&] {
        std::string out;
        int expected = 1;
        for (const auto& v : store.values()) {
            CHECK(v.position == expected++);
            out += v.text;
        }
        return out;
    };
    const auto a = add("a", 0);
    add("b", 0);
    const auto c = add("c", 1);
    CHECK(order() == "cab");
    add("d", 99); // past the end: last
    CHECK(order() == "cabd");
    store.move_value(c, 4);
    CHECK(order() == "abdc");
    store.move_value(c, 2);
    CHECK(order() == "acbd");
    CHECK(store.remove_value(a, *parse_date("2026-11-19")));
    CHECK(order() == "cbd");
    CHECK(store.is_removed("u-a"));
    CHECK_FALSE(store.remove_value(a, *parse_date("2026-11-19")));
    // The first places only, in order; a limit of none, or past the end, gives what there is.
    const auto first = store.values(2);
    REQUIRE(first.size() == 2);
    CHECK(first[0].text == "c");
    CHECK(first[1].text == "b");
    CHECK(store.values(0).empty());
    CHECK(store.values(10).size() == 3);
}

TEST_CASE("a schema 10 database gains ABCs, keeping its values") {
    TempDir tmp;
    const auto path = tmp.path() / "smartgoals.db";
    {
        auto store = Store::open(path, Store::Mode::write);
        Value v{.uuid = "v-1", .text = "My kids", .created = "2026-11-09T10:00:00"};
        store.add_value(v);
        store.commit();
    }
    take_back(path, k_back_to_schema_10);
    CHECK(Store::open(path, Store::Mode::read).abcs_between(std::nullopt, std::nullopt).empty());
    auto store = Store::open(path, Store::Mode::write);
    CHECK(store.database().execAndGet("PRAGMA user_version").getInt() == Store::k_schema_version);
    Abc a{.uuid = "a-1", .date = *parse_date("2026-11-09"), .event = "Payday"};
    store.add_abc(a);
    CHECK(store.abc(a.id)->event == "Payday");
    CHECK(store.values().at(0).text == "My kids");
}

TEST_CASE("a schema 11 database gains change plans, keeping its ABCs") {
    TempDir tmp;
    const auto path = tmp.path() / "smartgoals.db";
    {
        auto store = Store::open(path, Store::Mode::write);
        Abc a{.uuid = "a-1", .date = *parse_date("2026-11-09"), .event = "Payday"};
        store.add_abc(a);
        store.commit();
    }
    take_back(path, k_back_to_schema_11);
    CHECK(Store::open(path, Store::Mode::read).plans().empty());
    auto store = Store::open(path, Store::Mode::write);
    CHECK(store.database().execAndGet("PRAGMA user_version").getInt() == Store::k_schema_version);
    ChangePlan p{.uuid = "p-1", .change = "Cut down"};
    p.lines.push_back({.part = PlanPart::step, .number = 1, .text = "Swim"});
    store.add_plan(p);
    CHECK(store.plan(p.id)->lines.at(0).text == "Swim");
    CHECK(store.abc(1)->event == "Payday");
}

TEST_CASE("a schema 12 database gains open goals by kind, and reviews read the same from it") {
    TempDir tmp;
    const auto path = tmp.path() / "smartgoals.db";
    {
        auto store = Store::open(path, Store::Mode::write);
        for (const char* planned : {"2026-01-19", "2026-01-05", "2026-01-14", "2026-01-12"}) {
            Goal g = make_goal("carried", planned);
            store.add_goal(g);
        }
        Goal w = make_goal("walk", "2026-01-05", Kind::weekly);
        store.add_goal(w);
        store.commit();
    }
    take_back(path, k_back_to_schema_12);
    auto store = Store::open(path, Store::Mode::write);
    CHECK(store.database().execAndGet("PRAGMA user_version").getInt() == Store::k_schema_version);
    CHECK(store.database()
              .execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'goals_open_kind'")
              .getInt() == 1);
    // Listing two: the two carried longest, the other goal of the second one's week and the
    // weekly goal are loaded, in id order; the goal planned last is counted.
    const auto h = store.goals_in_weeks(d("2026-11-16"), d("2026-11-22"), 2);
    std::vector<std::int64_t> ids;
    for (const auto& g : h.goals) {
        ids.push_back(g.id);
    }
    CHECK(ids == std::vector<std::int64_t>{2, 3, 4, 5});
    CHECK(h.carried_not_loaded == 1);
    CHECK(store.goals_in_weeks(d("2026-11-16"), d("2026-11-22")).goals.size() == 5);
    CHECK(store.goals_in_weeks(d("2026-11-16"), d("2026-11-22"), 0).carried_not_loaded == 4);
}
