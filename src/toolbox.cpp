// SPDX-License-Identifier: MIT
#include <smartgoals/errors.hpp>
#include <smartgoals/markup.hpp>
#include <smartgoals/text_width.hpp>
#include <smartgoals/toolbox.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <ostream>

namespace smartgoals {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return "";
    }
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

// "7 on 2026-11-16", or "not rated yet".
std::string rated(const std::optional<BalanceRating>& r) {
    return r ? fmt::format("{} on {}", r->score, format_date(r->date)) : "not rated yet";
}

std::string bar(int score) {
    std::string out;
    for (int i = 0; i < 10; ++i) {
        out += i < score ? "▇" : "·";
    }
    return out;
}

} // namespace

std::string_view to_string(PlanPart part) {
    switch (part) {
    case PlanPart::reason:
        return "reason";
    case PlanPart::step:
        return "step";
    case PlanPart::helper:
        return "helper";
    case PlanPart::sign:
        return "sign";
    case PlanPart::interfere:
        return "interfere";
    }
    return "step";
}

std::optional<PlanPart> parse_plan_part(std::string_view text) {
    for (auto part : {PlanPart::reason, PlanPart::step, PlanPart::helper, PlanPart::sign,
                      PlanPart::interfere}) {
        if (to_string(part) == text) {
            return part;
        }
    }
    return std::nullopt;
}

std::vector<std::string> default_balance_areas() {
    return {"family", "friends", "health", "work", "leisure", "money", "home", "growth"};
}

std::vector<std::string> parse_balance_areas(std::string_view text, std::string_view what) {
    std::vector<std::string> areas;
    for (std::size_t from = 0; from <= text.size();) {
        const auto comma = std::min(text.find(',', from), text.size());
        const auto area = trimmed(text.substr(from, comma - from));
        if (area.empty()) {
            throw UsageError(fmt::format("{}: an area is empty; name each, separated by commas "
                                         "(family,friends,health)",
                                         what));
        }
        if (area.find('=') != std::string::npos || !valid_utf8(area) || shown(area) != area) {
            throw UsageError(fmt::format("{}: '{}' cannot be an area's name; use words without "
                                         "'=' or control characters",
                                         what, shown(area)));
        }
        if (find_balance_area(areas, area)) {
            throw UsageError(fmt::format("{}: '{}' is there twice", what, area));
        }
        areas.push_back(area);
        from = comma + 1;
    }
    constexpr std::size_t k_most_areas = 16;
    if (areas.size() > k_most_areas) {
        throw UsageError(fmt::format("{}: {} areas are more than a pie can show; keep to {}", what,
                                     areas.size(), k_most_areas));
    }
    return areas;
}

std::optional<std::string> find_balance_area(const std::vector<std::string>& areas,
                                             std::string_view name) {
    const auto wanted = lower(trimmed(name));
    for (const auto& area : areas) {
        if (lower(area) == wanted) {
            return area;
        }
    }
    return std::nullopt;
}

void render_balance_text(const std::vector<AreaRatings>& pie, std::ostream& out, int width,
                         bool plain) {
    for (const auto& line : wrap_to_width(
             "Life balance: each area's latest rating, 0 to 10, and the one before", width)) {
        out << line << '\n';
    }
    int name_width = 0;
    for (const auto& a : pie) {
        name_width = std::max(name_width, std::min(20, display_width(shown(a.area))));
    }
    // A bar and its numbers need about 50 columns beside the names; narrower, and in plain
    // output, each area is a sentence.
    const bool sentences = plain || width < name_width + 50;
    for (const auto& a : pie) {
        const auto name = shown(a.area);
        std::string line;
        if (sentences) {
            line = fmt::format("{}: {}", name, rated(a.latest));
            if (a.previous) {
                line += fmt::format("; before that {}", rated(a.previous));
            }
        } else if (!a.latest) {
            line = fmt::format("{}  not rated yet", pad_to_width(name, name_width));
        } else {
            line = fmt::format("{}  {} {:>2}  ({}){}", pad_to_width(name, name_width),
                               bar(a.latest->score), a.latest->score, format_date(a.latest->date),
                               a.previous ? fmt::format("  before: {} ({})", a.previous->score,
                                                        format_date(a.previous->date))
                                          : "");
        }
        const auto lines = wrap_to_width(line, width - 4);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            out << (i ? "    " : "  ") << lines[i] << '\n';
        }
    }
}

void render_balance_markdown(const std::vector<AreaRatings>& pie, std::ostream& out) {
    out << "# Life balance\n\n| Area | Latest (0 to 10) | Rated on | The one before | Rated on "
           "|\n| --- | ---: | --- | ---: | --- |\n";
    const auto cells = [](const std::optional<BalanceRating>& r) {
        return r ? fmt::format("{} | {}", r->score, format_date(r->date)) : std::string("– | –");
    };
    for (const auto& a : pie) {
        out << "| " << markdown_escape(shown(a.area)) << " | " << cells(a.latest) << " | "
            << cells(a.previous) << " |\n";
    }
}

void render_balance_html(const std::vector<AreaRatings>& pie, std::ostream& out,
                         std::string_view owner) {
    const std::string title =
        owner.empty() ? "Life balance" : fmt::format("{}: life balance", shown(owner));
    out << html_page_start(title, R"(
svg.pie { display: block; margin: 1mm auto 2mm; width: 130mm; height: 94.5mm; }
svg.pie text { font-size: 11px; fill: #222; }
svg.pie .ring { fill: none; stroke: #ccc; }
svg.pie .latest { fill: #4a7fb0; fill-opacity: 0.75; stroke: #2f5f8a; }
svg.pie .previous { fill: none; stroke: #b0702a; stroke-width: 1.5; stroke-dasharray: 4 3; }
table { break-inside: avoid; }
th, td { padding: 0.4mm 1.5mm; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
)");
    out << "<h1>" << html_escape(title)
        << "</h1>\n<p>Each area of life rated 0 to 10: the "
           "filled slice is the latest rating, the dashed line the one before.</p>\n";
    // Equal slices, each filled out from the centre as far as its rating (the balance wheel).
    constexpr double cx = 220, cy = 160, radius = 120; // room for the names either side
    const double slice =
        2 * std::numbers::pi / static_cast<double>(std::max<std::size_t>(1, pie.size()));
    const auto point = [&](double r, double angle) {
        return fmt::format("{:.1f},{:.1f}", cx + r * std::sin(angle), cy - r * std::cos(angle));
    };
    const auto wedge = [&](int score, double from, const char* cls) {
        const double r = radius * score / 10.0;
        return fmt::format("<path class=\"{}\" d=\"M{} L{} A{:.1f},{:.1f} 0 0 1 {} Z\"/>\n", cls,
                           point(0, 0), point(r, from), r, r, point(r, from + slice));
    };
    out << "<svg class=\"pie\" role=\"img\" viewBox=\"0 0 440 320\" "
           "xmlns=\"http://www.w3.org/2000/svg\"><title>"
        << html_escape(title) << "</title>\n";
    for (int ring = 2; ring <= 10; ring += 2) {
        out << fmt::format("<circle class=\"ring\" cx=\"{}\" cy=\"{}\" r=\"{:.1f}\"/>\n", cx, cy,
                           radius * ring / 10.0);
    }
    for (std::size_t i = 0; i < pie.size(); ++i) {
        const double from = slice * static_cast<double>(i);
        const auto& a = pie[i];
        out << "<line x1=\"" << cx << "\" y1=\"" << cy << "\" x2=\""
            << fmt::format("{:.1f}", cx + radius * std::sin(from)) << "\" y2=\""
            << fmt::format("{:.1f}", cy - radius * std::cos(from)) << "\" stroke=\"#ccc\"/>\n";
        if (a.latest && a.latest->score > 0) {
            out << wedge(a.latest->score, from, "latest");
        }
        if (a.previous && a.previous->score > 0) {
            out << wedge(a.previous->score, from, "previous");
        }
        const double middle = from + slice / 2;
        const double s = std::sin(middle);
        const char* anchor = s > 0.2 ? "start" : s < -0.2 ? "end" : "middle";
        out << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\">{} {}</text>\n",
                           cx + (radius + 8) * s, cy - (radius + 8) * std::cos(middle) + 4, anchor,
                           html_escape(shown(a.area)),
                           a.latest ? std::to_string(a.latest->score) : "–");
    }
    out << "</svg>\n<table>\n<thead><tr><th scope=\"col\">Area</th><th scope=\"col\">Latest "
           "(0 to 10)</th><th scope=\"col\">Rated on</th><th scope=\"col\">The one before</th>"
           "<th scope=\"col\">Rated on</th></tr></thead>\n<tbody>\n";
    const auto cells = [](const std::optional<BalanceRating>& r) {
        return r ? fmt::format("<td class=\"n\">{}</td><td>{}</td>", r->score, format_date(r->date))
                 : std::string("<td class=\"n\">–</td><td>–</td>");
    };
    for (const auto& a : pie) {
        out << "<tr><th scope=\"row\">" << html_escape(shown(a.area)) << "</th>" << cells(a.latest)
            << cells(a.previous) << "</tr>\n";
    }
    out << "</tbody>\n</table>\n<p class=\"muted\">Which area would I like to give a little "
           "more time in the weeks ahead?</p>\n"
        << html_page_end();
}

std::string render_balance_json(const std::vector<AreaRatings>& pie) {
    using Json = nlohmann::ordered_json;
    const auto rating = [](const std::optional<BalanceRating>& r) {
        return r ? Json{{"id", r->id},
                        {"uuid", r->uuid},
                        {"date", format_date(r->date)},
                        {"score", r->score}}
                 : Json(nullptr);
    };
    Json areas = Json::array();
    for (const auto& a : pie) {
        areas.push_back(
            {{"area", a.area}, {"latest", rating(a.latest)}, {"previous", rating(a.previous)}});
    }
    return Json{{"areas", areas}}.dump(2) + "\n";
}

} // namespace smartgoals
