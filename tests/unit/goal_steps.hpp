// SPDX-License-Identifier: MIT
#pragma once
// What the goal commands do, for tests that build a history through the store: the rule
// decides (rules.hpp), the store writes what it decided.

#include <smartgoals/rules.hpp>
#include <smartgoals/store.hpp>

#include <doctest/doctest.h>

namespace smartgoals::test {

// The day removals are remembered on, in tests that do not look at it.
inline constexpr Date k_removal_day{std::chrono::year{2026} / 11 / 23};

// goal done: one completion; `completion` gets its id. Returns what the rule answered.
inline Answer record(Store& store, Completion& completion) {
    auto change =
        record_completion(*store.goal(completion.goal_id), completion, store.week_start());
    if (change.answer == Answer::changed) {
        store.save(change, k_removal_day);
        completion = change.added.front();
    }
    return change.answer;
}

inline Answer drop(Store& store, std::int64_t goal_id, Date day) {
    auto change = let_go(*store.goal(goal_id), day);
    if (change.answer == Answer::changed) {
        store.save(change, k_removal_day);
    }
    return change.answer;
}

inline GoalChange take_back(Store& store, std::int64_t goal_id) {
    auto change = reopen(*store.goal(goal_id));
    if (change.answer == Answer::changed) {
        store.save(change, k_removal_day);
    }
    return change;
}

// `goal edit --times` on `today`.
inline void retarget(Store& store, std::int64_t goal_id, int target, Date today) {
    auto change = change_target(*store.goal(goal_id), target, today, store.week_start());
    store.save(change, k_removal_day);
}

// A completion removed by id, with rule 1 re-applied to its goal.
inline void remove_completion(Store& store, std::int64_t goal_id, std::int64_t completion_id) {
    store.remove_completion(completion_id, k_removal_day);
    store.update_goal(settled(*store.goal(goal_id)));
}

} // namespace smartgoals::test
