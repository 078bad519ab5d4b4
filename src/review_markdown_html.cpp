// SPDX-License-Identifier: MIT
#include <smartgoals/markup.hpp>
#include <smartgoals/review.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace smartgoals {

namespace {

std::string rating_text(const TrendWeek& t) {
    return t.avg_rating_tenths ? format_tenths(*t.avg_rating_tenths) : "–";
}

// A small bar chart of one number per week, each bar labelled with its value and its week.
std::string svg_chart(const std::string& title, const std::vector<TrendWeek>& trend,
                      const std::function<std::optional<double>(const TrendWeek&)>& value,
                      const std::function<std::string(const TrendWeek&)>& label, double scale_max) {
    constexpr int width = 640, height = 120, top = 24, bottom = 22, left = 6;
    const int plot = height - top - bottom;
    double most = scale_max;
    for (const auto& t : trend) {
        most = std::max(most, value(t).value_or(0));
    }
    const double slot = static_cast<double>(width - 2 * left) / static_cast<double>(trend.size());
    std::string svg =
        fmt::format("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {} {}\" width=\"100%\" "
                    "xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>\n"
                    "<text x=\"{}\" y=\"14\" class=\"chart-title\">{}</text>\n"
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#999\"/>\n",
                    width, height, html_escape(title), left, html_escape(title), left, top + plot,
                    width - left, top + plot);
    for (std::size_t i = 0; i < trend.size(); ++i) {
        const auto v = value(trend[i]);
        const double x = left + slot * static_cast<double>(i);
        const double h = v && most > 0 ? *v / most * plot : 0;
        const double cx = x + slot / 2;
        if (v) {
            svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                               "fill=\"#4a7fb0\"/>\n",
                               x + slot * 0.2, top + plot - h, slot * 0.6, h);
        }
        svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" class=\"value\">{}</text>\n", cx,
                           top + plot - h - 4, html_escape(label(trend[i])));
        svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" class=\"week\">{}</text>\n", cx, height - 6,
                           format_date(trend[i].week.start).substr(5));
    }
    return svg + "</svg>\n";
}

constexpr std::string_view k_review_css = R"(
ul { margin: 1mm 0 2mm; padding-left: 6mm; }
li { margin: 0.5mm 0; }
li.mark-done::marker { content: "✓  "; color: #2e7d32; }
li.mark-rolling::marker { content: "→  "; }
li.mark-let-go::marker { content: "·  "; }
.chart { display: block; max-width: 170mm; margin: 1mm 0 3mm; }
.chart text { font-size: 12px; fill: #222; }
.chart .chart-title { font-weight: 600; }
.chart .value, .chart .week { text-anchor: middle; }
.chart .week { fill: #555; font-size: 10px; }
section { break-inside: avoid; }
)";

std::string mark_class(const std::string& mark) {
    if (mark == "✓") {
        return "mark-done";
    }
    if (mark == "→") {
        return "mark-rolling";
    }
    return mark == "·" ? "mark-let-go" : "";
}

void html_section(std::ostream& out, const ReviewSection& s) {
    if (s.items.empty() && s.when_empty.empty()) {
        return;
    }
    out << "<section>\n<h2>" << html_escape(s.title) << "</h2>\n";
    if (s.items.empty()) {
        out << "<p class=\"muted\">" << html_escape(s.when_empty) << "</p>\n";
    } else {
        out << "<ul>\n";
        for (const auto& item : s.items) {
            const auto cls = mark_class(s.mark);
            out << "<li" << (cls.empty() ? "" : " class=\"" + cls + "\"") << ">"
                << html_escape(item) << "</li>\n";
        }
        out << "</ul>\n";
    }
    out << "</section>\n";
}

void markdown_section(std::ostream& out, const ReviewSection& s) {
    if (s.items.empty() && s.when_empty.empty()) {
        return;
    }
    out << "## " << markdown_escape(s.title) << "\n\n";
    if (s.items.empty()) {
        out << markdown_escape(s.when_empty) << "\n\n";
        return;
    }
    for (const auto& item : s.items) {
        out << "- " << (s.mark.empty() ? "" : s.mark + " ") << markdown_escape(item) << '\n';
    }
    out << '\n';
}

} // namespace

void render_markdown(const Review& review, std::ostream& out) {
    const auto doc = layout_review(review);
    out << "# " << markdown_escape(doc.heading) << "\n\n";
    for (const auto& s : doc.sections) {
        markdown_section(out, s);
    }
    if (!doc.trend.empty()) {
        out << "## The last " << doc.trend.size() << " week" << (doc.trend.size() == 1 ? "" : "s")
            << "\n\n| Week of | Rating | Goals achieved | Urges |\n| --- | ---: | ---: | ---: |\n";
        for (const auto& t : doc.trend) {
            out << fmt::format("| {} | {} | {} | {} |\n", format_date(t.week.start), rating_text(t),
                               t.goals_achieved, t.urges);
        }
        out << '\n';
    }
    for (const auto& s : doc.closing) {
        markdown_section(out, s);
    }
}

void render_html(const Review& review, std::ostream& out) {
    const auto doc = layout_review(review);
    out << html_page_start(doc.heading, k_review_css);
    out << "<h1>" << html_escape(doc.heading) << "</h1>\n";
    for (const auto& s : doc.sections) {
        html_section(out, s);
    }
    if (!doc.trend.empty()) {
        out << "<section>\n<h2>The last " << doc.trend.size() << " week"
            << (doc.trend.size() == 1 ? "" : "s") << "</h2>\n";
        out << svg_chart(
            "Rating (1 to 10)", doc.trend,
            [](const TrendWeek& t) -> std::optional<double> {
                return t.avg_rating_tenths ? std::optional(*t.avg_rating_tenths / 10.0)
                                           : std::nullopt;
            },
            rating_text, 10);
        out << svg_chart(
            "Goals achieved", doc.trend,
            [](const TrendWeek& t) { return std::optional<double>(t.goals_achieved); },
            [](const TrendWeek& t) { return std::to_string(t.goals_achieved); }, 1);
        out << svg_chart(
            "Urges logged", doc.trend,
            [](const TrendWeek& t) { return std::optional<double>(t.urges); },
            [](const TrendWeek& t) { return std::to_string(t.urges); }, 1);
        out << "</section>\n";
    }
    for (const auto& s : doc.closing) {
        html_section(out, s);
    }
    out << html_page_end();
}

} // namespace smartgoals
