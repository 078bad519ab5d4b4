// SPDX-License-Identifier: MIT
#include <smartgoals/rules.hpp>
#include <smartgoals/urges.hpp>

#include <doctest/doctest.h>

using namespace smartgoals;

namespace {

Urge urge(int intensity, const char* trigger, std::vector<std::string> strategies,
          std::optional<Outcome> outcome, std::optional<int> minutes = std::nullopt) {
    Urge u;
    u.date = *parse_date("2026-11-18");
    u.time = "18:00";
    u.intensity = intensity;
    u.trigger = trigger;
    u.strategies = std::move(strategies);
    u.outcome = outcome;
    u.duration_min = minutes;
    return u;
}

std::vector<const Urge*> pointers(const std::vector<Urge>& urges) {
    std::vector<const Urge*> out;
    for (const auto& u : urges) {
        out.push_back(&u);
    }
    return out;
}

} // namespace

TEST_CASE("a week's urges: count, strength, minutes and how they ended") {
    const std::vector<Urge> urges{urge(6, "after work", {"distract"}, Outcome::rode_out, 20),
                                  urge(8, "payday", {}, Outcome::acted, 45),
                                  urge(3, "", {}, std::nullopt)};
    const auto s = summarize_urges(pointers(urges));
    CHECK(s.count == 3);
    CHECK(s.avg_intensity_tenths == 57); // 17 / 3 = 5.67
    CHECK(s.highest_intensity == 8);
    CHECK(s.total_minutes == 65);
    CHECK(s.rode_out == 1);
    CHECK(s.acted == 1);
    const auto none = summarize_urges({});
    CHECK(none.count == 0);
    CHECK_FALSE(none.avg_intensity_tenths);
    CHECK_FALSE(none.highest_intensity);
}

TEST_CASE("triggers group ignoring case and surrounding space, most common first, three at most") {
    const std::vector<Urge> urges{
        urge(5, "After work", {}, std::nullopt),      urge(5, " after WORK ", {}, std::nullopt),
        urge(5, "payday", {}, std::nullopt),          urge(5, "Été chaud", {}, std::nullopt),
        urge(5, "été CHAUD", {}, std::nullopt),       urge(5, "after work", {}, std::nullopt),
        urge(5, "a friend called", {}, std::nullopt), urge(5, "   ", {}, std::nullopt)};
    const auto s = summarize_urges(pointers(urges));
    REQUIRE(s.triggers.size() == 3);
    CHECK(s.triggers[0].trigger == "After work");
    CHECK(s.triggers[0].count == 3);
    CHECK(s.triggers[1].trigger == "Été chaud");
    CHECK(s.triggers[1].count == 2);
    CHECK(s.triggers[2].trigger == "payday"); // ties keep the order first seen
}

TEST_CASE("strategies count how often each was used and how often the urge was ridden out") {
    const std::vector<Urge> urges{
        urge(5, "", {"distract", "delay"}, Outcome::rode_out),
        urge(5, "", {"Distract"}, Outcome::acted),
        urge(5, "", {"distract ", "call Sam"}, Outcome::rode_out),
    };
    const auto s = summarize_urges(pointers(urges));
    REQUIRE(s.strategies.size() == 3);
    CHECK(s.strategies[0].strategy == "distract");
    CHECK(s.strategies[0].used == 3);
    CHECK(s.strategies[0].rode_out == 2);
    CHECK(s.strategies[1].strategy == "delay");
    CHECK(s.strategies[1].rode_out == 1);
    CHECK(s.strategies[2].strategy == "call Sam");
}

TEST_CASE("a week's summary holds that week's urges only") {
    History h;
    h.urges.push_back(urge(4, "", {}, std::nullopt));
    h.urges.push_back(urge(4, "", {}, std::nullopt));
    h.urges.back().date = *parse_date("2026-11-23");
    const auto s = summarize(h, Week{*parse_date("2026-11-16")}, *parse_date("2026-11-25"));
    CHECK(s.urges.size() == 1);
    const auto weeks = summarize_weeks(h, Week{*parse_date("2026-11-16")},
                                       Week{*parse_date("2026-11-23")}, *parse_date("2026-11-25"));
    CHECK(weeks[0].urges.size() == 1);
    CHECK(weeks[1].urges.size() == 1);
}
