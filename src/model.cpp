// SPDX-License-Identifier: MIT
#include <smartgoals/model.hpp>

#include <array>
#include <utility>

namespace smartgoals {

namespace {

template <typename E, std::size_t N>
std::optional<E> find_name(const std::array<std::pair<E, std::string_view>, N>& names,
                           std::string_view text) {
    for (const auto& [value, name] : names) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& names, E value) {
    for (const auto& [v, name] : names) {
        if (v == value) {
            return name;
        }
    }
    return "";
}

constexpr std::array<std::pair<Area, std::string_view>, 4> k_areas{
    {{Area::motivation, "motivation"},
     {Area::urges, "urges"},
     {Area::thoughts, "thoughts"},
     {Area::balance, "balance"}}};
constexpr std::array<std::pair<Kind, std::string_view>, 2> k_kinds{
    {{Kind::once, "once"}, {Kind::weekly, "weekly"}}};
constexpr std::array<std::pair<Status, std::string_view>, 3> k_statuses{
    {{Status::open, "open"}, {Status::done, "done"}, {Status::dropped, "dropped"}}};

constexpr std::array<std::pair<Outcome, std::string_view>, 2> k_outcomes{
    {{Outcome::rode_out, "rode-out"}, {Outcome::acted, "acted"}}};

} // namespace

std::string_view to_string(Outcome outcome) {
    return name_of(k_outcomes, outcome);
}
std::optional<Outcome> parse_outcome(std::string_view text) {
    return find_name(k_outcomes, text);
}
std::string_view to_string(Area area) {
    return name_of(k_areas, area);
}
std::string_view to_string(Kind kind) {
    return name_of(k_kinds, kind);
}
std::string_view to_string(Status status) {
    return name_of(k_statuses, status);
}
std::optional<Area> parse_area(std::string_view text) {
    return find_name(k_areas, text);
}
std::optional<Kind> parse_kind(std::string_view text) {
    return find_name(k_kinds, text);
}
std::optional<Status> parse_status(std::string_view text) {
    return find_name(k_statuses, text);
}

} // namespace smartgoals
