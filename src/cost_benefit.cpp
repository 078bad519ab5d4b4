// SPDX-License-Identifier: MIT
#include <smartgoals/cost_benefit.hpp>
#include <smartgoals/markup.hpp>
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

// Two boxes side by side need this many columns each; narrower, the quadrants are listed.
constexpr int k_narrowest_cell = 30; // "Benefits of not using" and "total 99"

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
std::vector<std::string> box_lines(const CostBenefit& c, Quadrant q, int cell) {
    std::vector<std::string> lines;
    for (const auto& item : c.items) {
        if (item.quadrant != q) {
            continue;
        }
        // The text wraps; its term and weight stay together, on their own line if need be.
        auto wrapped = wrap_to_width(fmt::format("#{} {}", item.id, item.text), cell - 2);
        const auto meta = item_meta(item);
        if (!meta.empty()) {
            if (display_width(wrapped.back()) + 1 + display_width(meta) <= cell - 2) {
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

std::string rule(std::string_view left, std::string_view middle, std::string_view right, int cell) {
    std::string line(left);
    for (int i = 0; i < cell + 2; ++i) {
        line += "─";
    }
    line += middle;
    for (int i = 0; i < cell + 2; ++i) {
        line += "─";
    }
    return line + std::string(right);
}

std::string row(std::string_view left, std::string_view right, int cell) {
    return "│ " + pad_to_width(left, cell) + " │ " + pad_to_width(right, cell) + " │";
}

void render_pair(const CostBenefit& c, Quadrant left, Quadrant right, std::ostream& out, int cell) {
    auto heading = [&](Quadrant q) {
        const auto total = fmt::format("total {}", weighted_total(c, q));
        const auto label = quadrant_label(q, c.activity);
        return pad_to_width(label, cell - display_width(total)) + total;
    };
    out << row(heading(left), heading(right), cell) << '\n';
    out << rule("├", "┼", "┤", cell) << '\n';
    const auto a = box_lines(c, left, cell), b = box_lines(c, right, cell);
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
        out << row(i < a.size() ? a[i] : "", i < b.size() ? b[i] : "", cell) << '\n';
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

void render_grid_text(const CostBenefit& c, std::ostream& out, int width, bool plain) {
    const auto title =
        fmt::format("#{} {} ({}, started {})", c.id, c.title, c.kind(), c.created.substr(0, 10));
    for (const auto& line : wrap_to_width(title, width - 1)) {
        out << line << '\n';
    }
    // Two boxes and their borders fill the width; a screen reader, or a narrow terminal, gets
    // each quadrant as a heading with its items under it.
    const int cell = (width - 8) / 2;
    if (plain || cell < k_narrowest_cell) {
        for (const auto q : k_quadrants) {
            out << '\n'
                << fmt::format("{} (total {})", quadrant_label(q, c.activity), weighted_total(c, q))
                << '\n';
            for (const auto& line : box_lines(c, q, width - 3)) {
                out << "  " << line << '\n';
            }
        }
        return;
    }
    out << rule("┌", "┬", "┐", cell) << '\n';
    render_pair(c, Quadrant::benefits_of_using, Quadrant::costs_of_using, out, cell);
    out << rule("├", "┼", "┤", cell) << '\n';
    render_pair(c, Quadrant::benefits_of_not_using, Quadrant::costs_of_not_using, out, cell);
    out << rule("└", "┴", "┘", cell) << '\n';
}

void render_comparison_markdown(const CostBenefit& c, std::ostream& out) {
    out << "# " << markdown_escape(c.title) << "\n\n"
        << fmt::format("A cost-benefit comparison of {} {}, started {}.\n\n",
                       c.activity ? "an" : "a", c.kind(), c.created.substr(0, 10));
    for (const auto q : k_quadrants) {
        out << "## " << quadrant_label(q, c.activity) << " (total " << weighted_total(c, q)
            << ")\n\n";
        bool any = false;
        for (const auto& item : c.items) {
            if (item.quadrant == q) {
                const auto meta = item_meta(item);
                out << "- #" << item.id << " " << markdown_escape(item.text)
                    << (meta.empty() ? "" : " *" + markdown_escape(meta) + "*") << '\n';
                any = true;
            }
        }
        out << (any ? "\n" : "Nothing yet.\n\n");
    }
}

void render_comparison_html(const CostBenefit& c, std::ostream& out) {
    out << html_page_start(c.title, R"(
.grid { width: 100%; table-layout: fixed; }
.grid td { width: 50%; padding: 2mm 3mm; }
.grid h2 { border: 0; margin: 0 0 1mm; display: flex; justify-content: space-between; }
.grid ul { margin: 0; padding-left: 5mm; }
.meta { color: #555; font-size: 9pt; }
)");
    out << "<h1>" << html_escape(c.title) << "</h1>\n<p class=\"muted\">A cost-benefit comparison "
        << "of " << (c.activity ? "an activity" : "a substance") << ", started "
        << html_escape(c.created.substr(0, 10)) << ".</p>\n<table class=\"grid\">\n";
    for (int half = 0; half < 2; ++half) {
        out << "<tr>";
        for (int side = 0; side < 2; ++side) {
            const auto q = k_quadrants[static_cast<std::size_t>(2 * half + side)];
            out << "<td><h2><span>" << html_escape(quadrant_label(q, c.activity))
                << "</span><span>total " << weighted_total(c, q) << "</span></h2><ul>";
            for (const auto& item : c.items) {
                if (item.quadrant == q) {
                    out << "<li>#" << item.id << " " << html_escape(item.text) << " <span "
                        << "class=\"meta\">" << html_escape(item_meta(item)) << "</span></li>";
                }
            }
            out << "</ul></td>";
        }
        out << "</tr>\n";
    }
    out << "</table>\n" << html_page_end();
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
