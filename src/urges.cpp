// SPDX-License-Identifier: MIT
#include <smartgoals/errors.hpp>
#include <smartgoals/rules.hpp>
#include <smartgoals/text_width.hpp>
#include <smartgoals/urges.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <map>

namespace smartgoals {

std::string grouping_key(std::string_view text) {
    const auto trimmed = trim(text);
    utf8proc_uint8_t* folded = nullptr;
    const auto n = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(trimmed.data()),
        static_cast<utf8proc_ssize_t>(trimmed.size()), &folded,
        static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE));
    if (n < 0) {
        return trimmed; // not valid UTF-8: group by the bytes themselves
    }
    std::string key(reinterpret_cast<char*>(folded), static_cast<std::size_t>(n));
    std::free(folded);
    return key;
}

const std::vector<std::string>& StrategyLists::read(std::string_view stored) {
    auto it = m_lists.find(stored);
    if (it == m_lists.end()) {
        std::vector<std::string> list;
        try {
            list = nlohmann::json::parse(stored).get<std::vector<std::string>>();
        } catch (const nlohmann::json::exception&) {
            throw StorageError(fmt::format("the database is damaged: a stored list of ways to "
                                           "cope is not a list ('{}'); nothing was changed",
                                           stored.substr(0, 40)));
        }
        it = m_lists.emplace(std::string(stored), std::move(list)).first;
    }
    return it->second;
}

namespace {

template <typename T> void sort_by_count(std::vector<T>& items, int T::*count) {
    std::stable_sort(items.begin(), items.end(),
                     [count](const T& a, const T& b) { return a.*count > b.*count; });
}

} // namespace

UrgeSummary summarize_urges(const std::vector<const Urge*>& urges) {
    UrgeSummary s;
    long long intensity_sum = 0;
    std::map<std::string, std::size_t> strategy_index, trigger_index;
    // Members write the same few strategies and triggers again and again: fold each text once.
    std::map<std::string, std::string, std::less<>> keys;
    const auto key_of = [&keys](const std::string& text) -> const std::string& {
        auto it = keys.find(text);
        if (it == keys.end()) {
            it = keys.emplace(text, grouping_key(text)).first;
        }
        return it->second;
    };
    for (const auto* u : urges) {
        ++s.count;
        intensity_sum += u->intensity;
        s.highest_intensity = std::max(s.highest_intensity.value_or(0), u->intensity);
        s.total_minutes += u->duration_min.value_or(0);
        s.timed += u->duration_min ? 1 : 0;
        const bool passed = u->outcome == Outcome::rode_out;
        s.rode_out += passed ? 1 : 0;
        s.acted += u->outcome == Outcome::acted ? 1 : 0;
        for (const auto& strategy : u->strategies) {
            const auto& key = key_of(strategy);
            auto [it, added] = strategy_index.try_emplace(key, s.strategies.size());
            if (added) {
                s.strategies.push_back({trim(strategy), 0, 0});
            }
            ++s.strategies[it->second].used;
            s.strategies[it->second].rode_out += passed ? 1 : 0;
        }
        if (const auto& key = key_of(u->trigger); !key.empty()) {
            auto [it, added] = trigger_index.try_emplace(key, s.triggers.size());
            if (added) {
                s.triggers.push_back({trim(u->trigger), 0});
            }
            ++s.triggers[it->second].count;
        }
    }
    s.avg_intensity_tenths = average_tenths(intensity_sum, s.count);
    sort_by_count(s.strategies, &StrategyUse::used);
    sort_by_count(s.triggers, &TriggerCount::count);
    if (s.triggers.size() > 3) {
        s.triggers.resize(3);
    }
    return s;
}

} // namespace smartgoals
