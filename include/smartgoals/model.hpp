// SPDX-License-Identifier: MIT
#pragma once

#include <smartgoals/dates.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smartgoals {

// SMART's four points.
enum class Area { motivation, urges, thoughts, balance };
// `once`: done when its target is reached; `weekly`: a fresh instance every week.
enum class Kind { once, weekly };
// Letting go is stored; `done` follows from completions and target (SPEC §5 rule 1).
enum class Status { open, done, dropped };

std::string_view to_string(Area area);
std::string_view to_string(Kind kind);
std::string_view to_string(Status status);
std::optional<Area> parse_area(std::string_view text);
std::optional<Kind> parse_kind(std::string_view text);
std::optional<Status> parse_status(std::string_view text);

struct Completion {
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t goal_id = 0;
    Date date;
    std::string note;
};

// A weekly goal's target before a change (SPEC §5 rule 9): `target` held in the weeks before the
// one that holds `until` (the day it was changed), back to the previous change or to P.
struct EarlierTarget {
    Date until;
    int target = 1;
    auto operator<=>(const EarlierTarget&) const = default;
};

struct Goal {
    std::int64_t id = 0;
    std::string uuid;
    std::string text;
    std::optional<Area> area;
    Kind kind = Kind::once;
    int target = 1; // a weekly goal's target from the last change on
    // Weekly goals: the targets of earlier weeks, oldest first (empty when never changed).
    std::vector<EarlierTarget> earlier_targets;
    // The date the goal was planned for; its week P follows from the current week-start (rule 7).
    Date planned;
    std::string created; // local time, YYYY-MM-DDTHH:MM:SS
    Status status = Status::open;
    // C: when the goal was done or let go.
    std::optional<Date> closed;
    // Sorted by date, then id.
    std::vector<Completion> completions;
    // A once goal read for a window of weeks (Store::goals_in_weeks and the like): how many of
    // its completions are dated before the window, counted but not read; `completions` then
    // holds only those inside it. 0 whenever every completion is read.
    int completions_before = 0;
};

struct Checkin {
    std::int64_t id = 0;
    std::string uuid;
    Date date;
    std::optional<int> rating;
    std::string note;
    std::string created;
};

// How an urge ended: it passed (rode it out) or the person acted on it. Never judged.
enum class Outcome { rode_out, acted };
std::string_view to_string(Outcome outcome);
std::optional<Outcome> parse_outcome(std::string_view text);

// One entry of SMART's Urge Log.
struct Urge {
    std::int64_t id = 0;
    std::string uuid;
    Date date;
    std::string time;  // HH:MM, local
    int intensity = 1; // 1..10
    std::optional<int> duration_min;
    std::string trigger;
    std::string where; // who was there, where
    std::vector<std::string> strategies;
    std::optional<Outcome> outcome;
    std::string note;      // how I coped, how I felt
    std::string next_time; // ideas for next time
    std::string created;

    std::string at() const { return format_date(date) + "T" + time; }
};

// Everything the rules need about a stretch of time: goals (with their completions' ids and
// dates: the rules count them, and nothing shown from a History names one) and check-ins, and
// the week-start they are seen under.
struct History {
    std::vector<Goal> goals;
    // Open once goals carried into the window from before it that were counted, not loaded
    // (Store::goals_in_weeks with `listed`); every one of them rolls over through the window.
    int carried_not_loaded = 0;
    std::vector<Checkin> checkins;
    std::vector<Urge> urges;
    Weekday week_start = std::chrono::Monday;
};

} // namespace smartgoals
