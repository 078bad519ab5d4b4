// SPDX-License-Identifier: MIT
#include <smartgoals/cost_benefit.hpp>
#include <smartgoals/text_width.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace smartgoals {

namespace {

struct QuadrantNames {
    Quadrant quadrant;
    std::string_view name;
    std::string_view short_name;
};
constexpr std::array<QuadrantNames, 4> k_quadrant_names{{
    {Quadrant::benefits_of_using, "benefits-of-using", "bu"},
    {Quadrant::costs_of_using, "costs-of-using", "cu"},
    {Quadrant::benefits_of_not_using, "benefits-of-not-using", "bn"},
    {Quadrant::costs_of_not_using, "costs-of-not-using", "cn"},
}};

constexpr int k_cell = 36; // two boxes of 36 columns and their borders: 79 columns

std::string item_meta(const CostBenefitItem& item) {
    std::vector<std::string> meta;
    if (item.term) {
        meta.emplace_back(item.term == Term::short_term ? "short-term" : "long-term");
    }
    if (item.weight) {
        meta.push_back(fmt::format("weight {}", *item.weight));
    }
    return meta.empty() ? "" : fmt::format("({})", fmt::join(meta, ", "));
}

// One box's lines: items wrapped to the box, a blank line between items.
std::vector<std::string> box_lines(const CostBenefit& c, Quadrant q) {
    std::vector<std::string> lines;
    for (const auto& item : c.items) {
        if (item.quadrant != q) {
            continue;
        }
        // The text wraps; its term and weight stay together, on their own line if need be.
        auto wrapped = wrap_to_width(fmt::format("#{} {}", item.id, item.text), k_cell - 2);
        const auto meta = item_meta(item);
        if (!meta.empty()) {
            if (display_width(wrapped.back()) + 1 + display_width(meta) <= k_cell - 2) {
                wrapped.back() += " " + meta;
            } else {
                wrapped.push_back(meta);
            }
        }
        for (std::size_t i = 0; i < wrapped.size(); ++i) {
            lines.push_back((i ? "  " : "") + wrapped[i]);
        }
    }
    if (lines.empty()) {
        lines.emplace_back("(nothing yet)");
    }
    return lines;
}

std::string rule(std::string_view left, std::string_view middle, std::string_view right) {
    std::string line(left);
    for (int i = 0; i < k_cell + 2; ++i) {
        line += "─";
    }
    line += middle;
    for (int i = 0; i < k_cell + 2; ++i) {
        line += "─";
    }
    return line + std::string(right);
}

std::string row(std::string_view left, std::string_view right) {
    return "│ " + pad_to_width(left, k_cell) + " │ " + pad_to_width(right, k_cell) + " │";
}

void render_pair(const CostBenefit& c, Quadrant left, Quadrant right, std::ostream& out) {
    auto heading = [&](Quadrant q) {
        const auto total = fmt::format("total {}", weighted_total(c, q));
        const auto label = quadrant_label(q, c.activity);
        return pad_to_width(label, k_cell - display_width(total)) + total;
    };
    out << row(heading(left), heading(right)) << '\n';
    out << rule("├", "┼", "┤") << '\n';
    const auto a = box_lines(c, left), b = box_lines(c, right);
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
        out << row(i < a.size() ? a[i] : "", i < b.size() ? b[i] : "") << '\n';
    }
}

} // namespace

std::optional<Quadrant> parse_quadrant(std::string_view text) {
    for (const auto& q : k_quadrant_names) {
        if (text == q.name || text == q.short_name) {
            return q.quadrant;
        }
    }
    return std::nullopt;
}

std::string_view to_string(Quadrant quadrant) {
    return k_quadrant_names[static_cast<std::size_t>(quadrant)].name;
}

std::optional<Term> parse_term(std::string_view text) {
    if (text == "short") {
        return Term::short_term;
    }
    if (text == "long") {
        return Term::long_term;
    }
    return std::nullopt;
}

std::string_view to_string(Term term) {
    return term == Term::short_term ? "short" : "long";
}

std::string quadrant_label(Quadrant quadrant, bool activity) {
    const std::string_view verb = activity ? "doing" : "using";
    switch (quadrant) {
    case Quadrant::benefits_of_using:
        return fmt::format("Benefits of {}", verb);
    case Quadrant::costs_of_using:
        return fmt::format("Costs of {}", verb);
    case Quadrant::benefits_of_not_using:
        return fmt::format("Benefits of not {}", verb);
    case Quadrant::costs_of_not_using:
        return fmt::format("Costs of not {}", verb);
    }
    return "";
}

int weighted_total(const CostBenefit& comparison, Quadrant quadrant) {
    int total = 0;
    for (const auto& item : comparison.items) {
        if (item.quadrant == quadrant) {
            total += item.weight.value_or(1);
        }
    }
    return total;
}

void render_grid_text(const CostBenefit& c, std::ostream& out) {
    const auto title =
        fmt::format("#{} {} ({}, started {})", c.id, c.title, c.kind(), c.created.substr(0, 10));
    for (const auto& line : wrap_to_width(title, 79)) {
        out << line << '\n';
    }
    out << rule("┌", "┬", "┐") << '\n';
    render_pair(c, Quadrant::benefits_of_using, Quadrant::costs_of_using, out);
    out << rule("├", "┼", "┤") << '\n';
    render_pair(c, Quadrant::benefits_of_not_using, Quadrant::costs_of_not_using, out);
    out << rule("└", "┴", "┘") << '\n';
}

nlohmann::ordered_json render_comparison_json(const CostBenefit& c) {
    using Json = nlohmann::ordered_json;
    Json quadrants = Json::object();
    for (const auto q : k_quadrants) {
        Json items = Json::array();
        for (const auto& item : c.items) {
            if (item.quadrant == q) {
                items.push_back(
                    {{"id", item.id},
                     {"uuid", item.uuid},
                     {"text", item.text},
                     {"term", item.term ? Json(std::string(to_string(*item.term))) : Json(nullptr)},
                     {"weight", item.weight ? Json(*item.weight) : Json(nullptr)},
                     {"added", item.created.substr(0, 10)}});
            }
        }
        quadrants[std::string(to_string(q))] = {{"label", quadrant_label(q, c.activity)},
                                                {"total", weighted_total(c, q)},
                                                {"items", items}};
    }
    return Json{{"id", c.id},
                {"uuid", c.uuid},
                {"title", c.title},
                {"kind", c.kind()},
                {"created", c.created.substr(0, 10)},
                {"quadrants", quadrants}};
}

} // namespace smartgoals
