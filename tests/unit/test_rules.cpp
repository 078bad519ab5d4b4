// SPDX-License-Identifier: MIT
#include <smartgoals/rules.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

using namespace smartgoals;
using std::chrono::Monday;
using std::chrono::Sunday;

namespace {

Date d(const char* text) {
    return *parse_date(text);
}
Week wk(const char* monday) {
    return Week{d(monday)};
}

// A goal whose status and C follow from its completions by rule 1, as the store keeps them.
Goal goal(Kind kind, const char* planned, std::vector<const char*> done = {}, int target = 1,
          const char* let_go = nullptr) {
    Goal g;
    g.id = 1;
    g.kind = kind;
    g.target = target;
    g.planned = d(planned);
    for (const auto* day : done) {
        g.completions.push_back(Completion{.date = d(day)});
    }
    if (kind == Kind::once) {
        const auto outcome =
            once_outcome(target, g.completions, let_go ? std::optional(d(let_go)) : std::nullopt);
        g.status = outcome.status;
        g.closed = outcome.closed;
    } else if (let_go) {
        g.status = Status::dropped;
        g.closed = d(let_go);
    }
    return g;
}

} // namespace

TEST_CASE("rule 1: a once goal is done when progress reaches the target, at that completion") {
    std::vector<Completion> c{
        {.date = d("2026-11-03")}, {.date = d("2026-11-10")}, {.date = d("2026-11-18")}};
    CHECK(once_outcome(1, c, std::nullopt).closed == d("2026-11-03"));
    CHECK(once_outcome(3, c, std::nullopt).closed == d("2026-11-18"));
    CHECK(once_outcome(3, c, std::nullopt).status == Status::done);
    CHECK(once_outcome(4, c, std::nullopt).status == Status::open);
    CHECK(once_outcome(4, c, std::nullopt).progress == 3);
    CHECK(once_outcome(2, c, d("2026-11-05")).status == Status::dropped);
}

TEST_CASE("an open goal rolls over week after week, counting whole weeks from P") {
    const Date today = d("2026-11-25");
    const Goal g = goal(Kind::once, "2026-11-04");
    const auto w0 = place(g, wk("2026-11-02"), today, Monday);
    CHECK(w0.active);
    CHECK_FALSE(w0.carried);
    CHECK(w0.rolls_over);
    const auto w3 = place(g, wk("2026-11-23"), today, Monday);
    CHECK(w3.active);
    CHECK(w3.carried);
    CHECK(w3.carried_weeks == 3);
    CHECK(w3.rolls_over); // the current week: it is still open
    const auto future = place(g, wk("2026-11-30"), today, Monday);
    CHECK(future.active);
    CHECK(future.carried_weeks == 4);
    CHECK_FALSE(future.rolls_over); // a future week rolls nothing over
    CHECK_FALSE(place(g, wk("2026-10-26"), today, Monday).active);
    CHECK(carried_weeks(g, today, Monday) == 3);
}

TEST_CASE("a goal done in a later week is active and rolls over until that week") {
    const Date today = d("2026-11-25");
    const Goal g = goal(Kind::once, "2026-11-02", {"2026-11-18"});
    CHECK(place(g, wk("2026-11-02"), today, Monday).rolls_over);
    CHECK(place(g, wk("2026-11-09"), today, Monday).rolls_over);
    const auto done_week = place(g, wk("2026-11-16"), today, Monday);
    CHECK(done_week.active);
    CHECK(done_week.done_here);
    CHECK_FALSE(done_week.rolls_over);
    CHECK(done_week.carried_weeks == 2);
    CHECK_FALSE(place(g, wk("2026-11-23"), today, Monday).active);
    CHECK(carried_weeks(g, today, Monday) == 2);
}

TEST_CASE("--times: progress adds up across weeks until the target") {
    const Date today = d("2026-11-25");
    const Goal g = goal(Kind::once, "2026-11-02", {"2026-11-03", "2026-11-12", "2026-11-20"}, 3);
    CHECK(place(g, wk("2026-11-02"), today, Monday).progress == 1);
    CHECK(place(g, wk("2026-11-09"), today, Monday).progress == 2);
    CHECK_FALSE(place(g, wk("2026-11-09"), today, Monday).done_here);
    CHECK(place(g, wk("2026-11-16"), today, Monday).done_here);
    CHECK(g.closed == d("2026-11-20"));
}

TEST_CASE("weekly goals: each week a fresh instance that does not pile up") {
    const Date today = d("2026-11-25");
    const Goal g = goal(Kind::weekly, "2026-11-02", {"2026-11-03", "2026-11-05", "2026-11-10"}, 2);
    const auto w0 = place(g, wk("2026-11-02"), today, Monday);
    CHECK(w0.active);
    CHECK(w0.progress == 2);
    CHECK(w0.done_here);
    const auto w1 = place(g, wk("2026-11-09"), today, Monday);
    CHECK(w1.progress == 1);
    CHECK_FALSE(w1.done_here);
    CHECK_FALSE(w1.rolls_over); // nothing is carried into the next week
    const auto w2 = place(g, wk("2026-11-16"), today, Monday);
    CHECK(w2.active);
    CHECK(w2.progress == 0);
    CHECK(g.status == Status::open);
    CHECK_FALSE(carried_weeks(g, today, Monday));
    CHECK_FALSE(place(g, wk("2026-10-26"), today, Monday).active);
}

TEST_CASE("a weekly goal has instances until the week it is let go, inclusive") {
    const Date today = d("2026-11-25");
    const Goal g = goal(Kind::weekly, "2026-11-02", {}, 1, "2026-11-11");
    CHECK(place(g, wk("2026-11-09"), today, Monday).active);
    CHECK(place(g, wk("2026-11-09"), today, Monday).let_go_here);
    CHECK_FALSE(place(g, wk("2026-11-16"), today, Monday).active);
}

TEST_CASE("a goal planned for next week but done early shows in the week it was done") {
    const Date today = d("2026-11-19");
    const Goal g = goal(Kind::once, "2026-11-25", {"2026-11-18"});
    const auto here = place(g, wk("2026-11-16"), today, Monday);
    CHECK(here.active);
    CHECK(here.done_here);
    CHECK_FALSE(here.carried);
    CHECK_FALSE(place(g, wk("2026-11-23"), today, Monday).active);
    CHECK(carried_weeks(g, today, Monday) == 0); // never below 0
}

TEST_CASE("a goal let go is active in that week and then leaves") {
    const Date today = d("2026-11-25");
    const Goal g = goal(Kind::once, "2026-11-02", {}, 1, "2026-11-12");
    CHECK(place(g, wk("2026-11-02"), today, Monday).rolls_over);
    const auto w1 = place(g, wk("2026-11-09"), today, Monday);
    CHECK(w1.let_go_here);
    CHECK_FALSE(w1.rolls_over);
    CHECK_FALSE(place(g, wk("2026-11-16"), today, Monday).active);
}

TEST_CASE("changing week-start moves P to the week that holds its date") {
    const Date today = d("2026-11-25");
    const Goal g = goal(Kind::once, "2026-11-22"); // a Sunday
    CHECK(place(g, wk("2026-11-16"), today, Monday).active);
    CHECK_FALSE(place(g, Week{d("2026-11-15")}, today, Sunday).active);
    CHECK(place(g, Week{d("2026-11-22")}, today, Sunday).active);
    CHECK_FALSE(place(g, Week{d("2026-11-22")}, today, Sunday).carried);
}

TEST_CASE("rolling over across the new year counts weeks right") {
    const Date today = d("2026-01-14");
    const Goal g = goal(Kind::once, "2025-12-30");
    const auto at = place(g, wk("2026-01-12"), today, Monday);
    CHECK(at.carried);
    CHECK(at.carried_weeks == 2);
}

TEST_CASE("summarize counts a week as the weeks table does") {
    History h;
    h.goals.push_back(goal(Kind::once, "2026-11-02", {"2026-11-18"}));      // done in W
    h.goals.push_back(goal(Kind::once, "2026-11-09"));                      // rolls over
    h.goals.push_back(goal(Kind::once, "2026-11-16", {}, 1, "2026-11-17")); // let go
    h.goals.push_back(goal(Kind::weekly, "2026-11-02", {"2026-11-17", "2026-11-18"}, 2));
    h.goals.push_back(goal(Kind::once, "2026-11-30")); // later
    h.checkins.push_back(Checkin{.date = d("2026-11-17"), .rating = 7});
    h.checkins.push_back(Checkin{.date = d("2026-11-20"), .rating = 8});
    h.checkins.push_back(Checkin{.date = d("2026-11-21")});
    const auto s = summarize(h, wk("2026-11-16"), d("2026-11-22"));
    CHECK(s.active == 4);
    CHECK(s.done == 2);
    CHECK(s.rolled_over == 1);
    CHECK(s.let_go == 1);
    CHECK(s.checkins.size() == 3);
    CHECK(s.avg_rating_tenths == 75);
    const auto plan = plan_ahead(h, wk("2026-11-16"), d("2026-11-22"));
    REQUIRE(plan.size() == 2);
    CHECK(plan[0] == &h.goals[1]);
    CHECK(plan[1] == &h.goals[3]);
}

TEST_CASE("averages round half up to a tenth") {
    CHECK(average_tenths(29, 4) == 73);   // 7.25
    CHECK(average_tenths(143, 20) == 72); // 7.15
    CHECK(average_tenths(724, 100) == 72);
    CHECK(average_tenths(2, 3) == 7); // 0.67
    CHECK_FALSE(average_tenths(0, 0));
}

TEST_CASE("summarize_weeks agrees with summarize on every week of random histories") {
    std::mt19937 random(20261122);
    const Date first = d("2025-12-01");
    auto day = [&](unsigned span) {
        return first + std::chrono::days{static_cast<int>(random() % span)};
    };
    for (int round = 0; round < 20; ++round) {
        History h;
        h.week_start = round % 2 ? Monday : Sunday;
        const Date today = first + std::chrono::days{120};
        for (int i = 0; i < 40; ++i) {
            Goal g;
            g.id = i + 1;
            g.kind = random() % 3 ? Kind::once : Kind::weekly;
            g.target = 1 + static_cast<int>(random() % 3);
            g.planned = day(140);
            for (auto n = random() % 5; n > 0; --n) {
                g.completions.push_back(Completion{.date = day(121)});
            }
            std::sort(g.completions.begin(), g.completions.end(),
                      [](const auto& a, const auto& b) { return a.date < b.date; });
            const bool let_go = random() % 5 == 0;
            const auto let_go_on = let_go ? std::optional(day(121)) : std::nullopt;
            if (g.kind == Kind::once) {
                const auto outcome = once_outcome(g.target, g.completions, let_go_on);
                g.status = outcome.status;
                g.closed = outcome.closed;
            } else if (let_go) {
                g.status = Status::dropped;
                g.closed = let_go_on;
            }
            h.goals.push_back(g);
        }
        const Week a = week_containing(first, h.week_start);
        const Week b = week_containing(today, h.week_start);
        const auto weeks = summarize_weeks(h, a, b, today);
        REQUIRE(weeks.size() == static_cast<std::size_t>(weeks_between(a, b) + 1));
        for (const auto& w : weeks) {
            const auto one = summarize(h, w.week, today);
            CHECK(w.active == one.active);
            CHECK(w.done == one.done);
            CHECK(w.rolled_over == one.rolled_over);
            CHECK(w.let_go == one.let_go);
        }
    }
}

TEST_CASE("goal done records one completion, and says when there is nothing to do (rule 6)") {
    auto open = record_completion(goal(Kind::once, "2026-11-02", {}, 2),
                                  Completion{.date = d("2026-11-04")}, Monday);
    CHECK(open.answer == Answer::changed);
    REQUIRE(open.added.size() == 1);
    CHECK(open.after.status == Status::open);
    auto done = record_completion(open.after, Completion{.date = d("2026-11-03")}, Monday);
    CHECK(done.after.status == Status::done);
    // Completions count in date order: the later of the two closes it.
    CHECK(done.after.closed == d("2026-11-04"));
    CHECK(record_completion(done.after, Completion{.date = d("2026-11-05")}, Monday).answer ==
          Answer::unchanged);
    CHECK(record_completion(goal(Kind::once, "2026-11-02", {}, 1, "2026-11-05"),
                            Completion{.date = d("2026-11-06")}, Monday)
              .answer == Answer::conflicts);
}

TEST_CASE("a weekly goal always records, but not before its first week (rule 4)") {
    const Goal walk = goal(Kind::weekly, "2026-11-09", {"2026-11-10"}, 1);
    auto again = record_completion(walk, Completion{.date = d("2026-11-11")}, Monday);
    CHECK(again.answer == Answer::changed);
    CHECK(again.after.status == Status::open);
    CHECK(record_completion(walk, Completion{.date = d("2026-11-08")}, Monday).answer ==
          Answer::before_start);
    // Under a Sunday week-start, the Sunday before is already in its first week.
    CHECK(record_completion(walk, Completion{.date = d("2026-11-08")}, Sunday).answer ==
          Answer::changed);
}

TEST_CASE("letting go: a done goal must be reopened first, a goal let go stays so (rule 6)") {
    auto change = let_go(goal(Kind::once, "2026-11-02"), d("2026-11-06"));
    CHECK(change.answer == Answer::changed);
    CHECK(change.after.status == Status::dropped);
    CHECK(change.after.closed == d("2026-11-06"));
    CHECK(let_go(change.after, d("2026-11-07")).answer == Answer::unchanged);
    CHECK(let_go(goal(Kind::once, "2026-11-02", {"2026-11-03"}), d("2026-11-06")).answer ==
          Answer::conflicts);
}

TEST_CASE("reopen takes back completions, latest first, until progress is below the target") {
    SUBCASE("a goal done at its target loses the one that reached it") {
        auto change = reopen(goal(Kind::once, "2026-11-02", {"2026-11-03", "2026-11-04"}, 2));
        CHECK(change.answer == Answer::changed);
        REQUIRE(change.taken_back.size() == 1);
        CHECK(change.taken_back[0].date == d("2026-11-04"));
        CHECK(change.after.status == Status::open);
        CHECK_FALSE(change.after.closed);
    }
    SUBCASE("done three times, then its target lowered to 1: all three are taken back") {
        Goal twice = goal(Kind::once, "2026-11-02", {"2026-11-03", "2026-11-04", "2026-11-05"}, 3);
        REQUIRE(twice.status == Status::done);
        auto lowered = change_target(twice, 1, d("2026-11-20"), Monday);
        CHECK(lowered.after.status == Status::done);
        CHECK(lowered.after.closed == d("2026-11-03"));
        auto change = reopen(lowered.after);
        CHECK(change.taken_back.size() == 3);
        CHECK(change.taken_back.front().date == d("2026-11-05"));
        CHECK(change.after.status == Status::open);
        CHECK(change.after.completions.empty());
    }
    SUBCASE("a goal let go is open again with its completions kept") {
        auto change = reopen(goal(Kind::once, "2026-11-02", {"2026-11-03"}, 2, "2026-11-06"));
        CHECK(change.taken_back.empty());
        CHECK(change.after.status == Status::open);
        CHECK(change.after.completions.size() == 1);
    }
    SUBCASE("an open goal is already open") {
        CHECK(reopen(goal(Kind::weekly, "2026-11-02", {"2026-11-03"})).answer == Answer::unchanged);
    }
}

TEST_CASE("changing a once goal's target re-applies rule 1") {
    const Goal g = goal(Kind::once, "2026-11-02", {"2026-11-03", "2026-11-10"}, 2);
    CHECK(change_target(g, 3, d("2026-11-20"), Monday).after.status == Status::open);
    CHECK(change_target(g, 1, d("2026-11-20"), Monday).after.closed == d("2026-11-03"));
    // A goal let go stays let go whatever its target.
    const Goal dropped = goal(Kind::once, "2026-11-02", {"2026-11-03"}, 2, "2026-11-06");
    CHECK(change_target(dropped, 1, d("2026-11-20"), Monday).after.status == Status::dropped);
}

TEST_CASE("rule 9: a weekly goal's new target applies from this week on") {
    // Walk twice a week from the week of 11-02; achieved in the weeks of 11-02 and 11-09.
    Goal walk = goal(Kind::weekly, "2026-11-02",
                     {"2026-11-03", "2026-11-04", "2026-11-10", "2026-11-12", "2026-11-17"}, 2);
    const auto before = weeks_achieved(walk, Monday);
    REQUIRE(before.size() == 2);

    SUBCASE("raising it never takes an achieved week away") {
        auto raised = change_target(walk, 3, d("2026-11-18"), Monday).after;
        CHECK(raised.target == 3);
        REQUIRE(raised.earlier_targets.size() == 1);
        CHECK(raised.earlier_targets[0].target == 2);
        CHECK(target_in(raised, wk("2026-11-09"), Monday) == 2);
        CHECK(target_in(raised, wk("2026-11-16"), Monday) == 3);
        CHECK(target_in(raised, wk("2026-11-23"), Monday) == 3);
        CHECK(weeks_achieved(raised, Monday) == before);
        const auto now = place(raised, wk("2026-11-16"), d("2026-11-18"), Monday);
        CHECK(now.target == 3);
        CHECK_FALSE(now.done_here);
        CHECK(place(raised, wk("2026-11-09"), d("2026-11-18"), Monday).target == 2);
    }
    SUBCASE("lowering it achieves this week, not earlier ones") {
        Goal once_a_week = goal(Kind::weekly, "2026-11-02", {"2026-11-03", "2026-11-17"}, 2);
        CHECK(weeks_achieved(once_a_week, Monday).empty());
        auto lowered = change_target(once_a_week, 1, d("2026-11-18"), Monday).after;
        CHECK(weeks_achieved(lowered, Monday) == std::vector<Week>{wk("2026-11-16")});
    }
    SUBCASE("two changes in one week keep one earlier target") {
        auto twice = change_target(walk, 3, d("2026-11-17"), Monday).after;
        twice = change_target(twice, 4, d("2026-11-19"), Monday).after;
        CHECK(twice.earlier_targets.size() == 1);
        CHECK(target_in(twice, wk("2026-11-09"), Monday) == 2);
        CHECK(target_in(twice, wk("2026-11-16"), Monday) == 4);
        // Back to what it was: nothing left to remember.
        auto back = change_target(twice, 2, d("2026-11-19"), Monday).after;
        CHECK(back.earlier_targets.empty());
        CHECK(weeks_achieved(back, Monday) == before);
    }
    SUBCASE("changes in later weeks stack up, oldest first") {
        auto later = change_target(walk, 3, d("2026-11-10"), Monday).after;
        later = change_target(later, 1, d("2026-11-24"), Monday).after;
        REQUIRE(later.earlier_targets.size() == 2);
        CHECK(target_in(later, wk("2026-11-02"), Monday) == 2);
        CHECK(target_in(later, wk("2026-11-09"), Monday) == 3);
        CHECK(target_in(later, wk("2026-11-16"), Monday) == 3);
        CHECK(target_in(later, wk("2026-11-23"), Monday) == 1);
        // A change dated back (with --today) replaces what came after it.
        auto redone = change_target(later, 5, d("2026-11-11"), Monday).after;
        CHECK(target_in(redone, wk("2026-11-02"), Monday) == 2);
        CHECK(target_in(redone, wk("2026-11-23"), Monday) == 5);
        CHECK(redone.earlier_targets.size() == 1);
    }
    SUBCASE("a goal that has not begun yet takes the target for all its weeks") {
        Goal ahead = goal(Kind::weekly, "2026-11-30", {}, 2);
        auto changed = change_target(ahead, 4, d("2026-11-18"), Monday).after;
        CHECK(changed.earlier_targets.empty());
        CHECK(target_in(changed, wk("2026-11-30"), Monday) == 4);
    }
    SUBCASE("the week a change applies from follows the week-start, as P does (rule 7)") {
        auto raised = change_target(walk, 3, d("2026-11-18"), Monday).after; // a Wednesday
        // Under Thursday weeks, Wednesday 11-18 is in the week of 11-12.
        CHECK(target_in(raised, Week{d("2026-11-05")}, std::chrono::Thursday) == 2);
        CHECK(target_in(raised, Week{d("2026-11-12")}, std::chrono::Thursday) == 3);
    }
}

TEST_CASE("a check-in on the meeting day counts in the week just ended, for every meeting day") {
    const Date monday = d("2026-12-28"); // the turn of a year is inside every week below
    for (unsigned start = 0; start < 7; ++start) {
        const Weekday ws{start};
        const Date meeting = monday + (ws - Monday);
        CAPTURE(format_date(meeting));
        History h;
        h.week_start = ws;
        h.checkins = {Checkin{.id = 1, .date = meeting, .rating = 4},
                      Checkin{.id = 2, .date = meeting - std::chrono::days{1}, .rating = 6},
                      Checkin{.id = 3, .date = meeting + std::chrono::days{3}, .rating = 9}};
        const Week ended = week_containing(meeting, ws).plus(-1);
        const auto before = summarize(h, ended, meeting);
        REQUIRE(before.checkins.size() == 2);
        CHECK(before.avg_rating_tenths == 50);
        const auto now = summarize(h, ended.plus(1), meeting + std::chrono::days{3});
        REQUIRE(now.checkins.size() == 1);
        CHECK(now.checkins[0]->id == 3);
        // The whole-history summary agrees with the one-week one.
        const auto weeks = summarize_weeks(h, ended, ended.plus(1), meeting + std::chrono::days{3});
        CHECK(weeks[0].checkins.size() == 2);
        CHECK(weeks[1].checkins.size() == 1);
    }
    // After a change of week-start, the same check-in counts in the week holding its day before.
    History h;
    h.checkins = {Checkin{.id = 1, .date = d("2026-11-19")}}; // a Thursday
    h.week_start = std::chrono::Thursday;
    CHECK(summarize(h, Week{d("2026-11-12")}, d("2026-11-19")).checkins.size() == 1);
    h.week_start = Monday;
    CHECK(summarize(h, Week{d("2026-11-16")}, d("2026-11-19")).checkins.size() == 1);
}
