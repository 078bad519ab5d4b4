// SPDX-License-Identifier: MIT
#pragma once

#include <smartgoals/model.hpp>

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smartgoals {

// SMART's DEADS ways of coping with an urge, offered in prompts and completions.
inline constexpr std::array<std::string_view, 8> k_deads_words = {
    "deny", "delay", "escape", "avoid", "accept", "attack", "distract", "substitute"};

struct StrategyUse {
    std::string strategy; // as first written
    int used = 0;
    int rode_out = 0; // of those, how often the urge passed
};

struct TriggerCount {
    std::string trigger; // as first written
    int count = 0;
};

// The urges of a week, in SPEC §6's words: count, intensity, minutes, strategies, triggers.
struct UrgeSummary {
    int count = 0;
    std::optional<int> avg_intensity_tenths;
    std::optional<int> highest_intensity;
    int total_minutes = 0;
    int timed = 0; // urges logged with a duration: the minutes are only said when there are some
    int rode_out = 0;
    int acted = 0;
    std::vector<StrategyUse> strategies; // most used first
    std::vector<TriggerCount> triggers;  // most common first, at most three
};
UrgeSummary summarize_urges(const std::vector<const Urge*>& urges);

// An urge's strategies as stored (a JSON list of text), read back. Members use a handful of
// lists again and again, so each distinct text is parsed once.
class StrategyLists {
public:
    const std::vector<std::string>& read(std::string_view stored);

private:
    std::map<std::string, std::vector<std::string>, std::less<>> m_lists;
};

// Case-folded, trimmed text: the key that groups "After work" with " after WORK".
std::string grouping_key(std::string_view text);

} // namespace smartgoals
