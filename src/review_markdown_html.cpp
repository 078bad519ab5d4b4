// SPDX-License-Identifier: MIT
#include <smartgoals/markup.hpp>
#include <smartgoals/review.hpp>
#include <smartgoals/text_width.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <span>

namespace smartgoals {

namespace {

std::string rating_text(const TrendWeek& t) {
    return t.avg_rating_tenths ? format_tenths(*t.avg_rating_tenths) : "–";
}

// How many weeks one chart shows in a row; a longer trend is drawn as rows of up to this many,
// so that every bar keeps its number and its week legible on paper.
constexpr std::size_t k_weeks_per_row = 26;

// A small bar chart of one number per week, each bar labelled with its value and its week. The
// title sits above the tallest bar's number; week labels are thinned so that they never touch.
std::string svg_chart(const std::string& title, std::span<const TrendWeek> trend,
                      const std::function<std::optional<double>(const TrendWeek&)>& value,
                      const std::function<std::string(const TrendWeek&)>& label, double most) {
    constexpr int width = 640, height = 126, top = 34, bottom = 22, left = 6;
    constexpr double week_label_width = 34; // "11-16" at 10px, with a gap
    const int plot = height - top - bottom;
    const double slot = static_cast<double>(width - 2 * left) / static_cast<double>(trend.size());
    const auto every = static_cast<std::size_t>(std::ceil(week_label_width / slot));
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
        // The newest week is always named; the others as often as there is room.
        if ((trend.size() - 1 - i) % every == 0) {
            svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" class=\"week\">{}</text>\n", cx,
                               height - 6, format_date(trend[i].week.start).substr(5));
        }
    }
    return svg + "</svg>\n";
}

// One number of the trend as charts: a row per k_weeks_per_row weeks at most, on one scale.
std::string svg_charts(const std::string& title, const std::vector<TrendWeek>& trend,
                       const std::function<std::optional<double>(const TrendWeek&)>& value,
                       const std::function<std::string(const TrendWeek&)>& label,
                       double scale_max) {
    double most = scale_max;
    for (const auto& t : trend) {
        most = std::max(most, value(t).value_or(0));
    }
    const std::size_t rows = (trend.size() + k_weeks_per_row - 1) / k_weeks_per_row;
    std::string out;
    for (std::size_t row = 0, from = 0; row < rows; ++row) {
        const std::size_t count = (trend.size() - from) / (rows - row);
        const auto weeks = std::span(trend).subspan(from, count);
        // Rows name their weeks in full, as a row's labels leave the year out.
        out += svg_chart(rows == 1 ? title
                                   : fmt::format("{}, weeks of {} to {}", title,
                                                 format_date(weeks.front().week.start),
                                                 format_date(weeks.back().week.start)),
                         weeks, value, label, most);
        from += count;
    }
    return out;
}

constexpr std::string_view k_review_css = R"(
ul { margin: 1mm 0 2mm; padding-left: 6mm; }
li { margin: 0.5mm 0; }
li.mark-done::marker { content: "✓  "; color: #2e7d32; }
li.mark-rolling::marker { content: "→  "; }
li.mark-let-go::marker { content: "·  "; }
.chart { display: block; max-width: 170mm; margin: 1mm 0 3mm; break-inside: avoid; }
.chart text { font-size: 12px; fill: #222; }
.chart .chart-title { font-weight: 600; }
.chart .value, .chart .week { text-anchor: middle; }
.chart .week { fill: #555; font-size: 10px; }
table.summary { margin: 2mm 0 1mm; break-inside: avoid; }
table.summary th, table.summary td { text-align: right; font-variant-numeric: tabular-nums; }
table.summary th:first-child, table.summary thead th { text-align: left; }
table.summary thead th { font-weight: 600; }
table.summary tbody th { white-space: nowrap; }
ul.columns { columns: 2; column-gap: 8mm; }
/* A long list may run on to the next page, never a heading without its first lines, nor a
   line cut in two; a short section stays whole. */
h2 { break-after: avoid; }
li { break-inside: avoid; }
section.short { break-inside: avoid; }
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

// A section of up to this many lines is kept on one page.
constexpr std::size_t k_short_section = 12;

// The summary a printed review opens with: each number in a column, the week over the total.
void html_summary(std::ostream& out, const ReviewDocument& doc) {
    out << "<section class=\"short\">\n<h2>At a glance</h2>\n<table class=\"summary\">\n"
           "<thead><tr><th scope=\"col\"></th>";
    for (const auto& row : doc.summary) {
        out << "<th scope=\"col\">" << html_escape(row.label) << "</th>";
    }
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& [name, cell] : {std::pair{doc.summary_week, &SummaryRow::week},
                                     std::pair{doc.summary_to_date, &SummaryRow::to_date}}) {
        out << "<tr><th scope=\"row\">" << html_escape(name) << "</th>";
        for (const auto& row : doc.summary) {
            out << "<td>" << html_escape(row.*cell) << "</td>";
        }
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n</section>\n";
}

void markdown_summary(std::ostream& out, const ReviewDocument& doc) {
    out << "## At a glance\n\n| | " << markdown_escape(doc.summary_week) << " | "
        << markdown_escape(doc.summary_to_date) << " |\n| --- | ---: | ---: |\n";
    for (const auto& row : doc.summary) {
        out << "| " << markdown_escape(row.label) << " | " << markdown_escape(row.week) << " | "
            << markdown_escape(row.to_date) << " |\n";
    }
    out << '\n';
}

// A list of many short lines (weekly goals, say) is set in two columns to spare paper.
bool in_columns(const ReviewSection& s) {
    constexpr std::size_t k_many = 8;
    constexpr int k_short_line = 48;
    return s.items.size() >= k_many && std::ranges::all_of(s.items, [](const std::string& item) {
               return display_width(item) <= k_short_line;
           });
}

void html_section(std::ostream& out, const ReviewSection& s) {
    if (s.items.empty() && s.when_empty.empty()) {
        return;
    }
    out << "<section" << (s.items.size() <= k_short_section ? " class=\"short\"" : "") << ">\n<h2>"
        << html_escape(s.title) << "</h2>\n";
    if (s.items.empty()) {
        out << "<p class=\"muted\">" << html_escape(s.when_empty) << "</p>\n";
    } else {
        out << (in_columns(s) ? "<ul class=\"columns\">\n" : "<ul>\n");
        for (const auto& item : s.items) {
            const auto cls = mark_class(s.mark);
            out << "<li" << (cls.empty() ? "" : " class=\"" + cls + "\"") << ">"
                << html_escape(with_field_breaks(item, " · ")) << "</li>\n";
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
        out << "- " << (s.mark.empty() ? "" : s.mark + " ")
            << markdown_escape(with_field_breaks(item, " · ")) << '\n';
    }
    out << '\n';
}

} // namespace

void render_markdown(const Review& review, std::ostream& out) {
    const auto doc = layout_review(review);
    out << "# " << markdown_escape(doc.heading) << "\n\n";
    if (!doc.values.empty()) {
        out << markdown_escape(doc.values) << "\n\n";
    }
    markdown_summary(out, doc);
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
    if (!doc.values.empty()) {
        out << "<p class=\"values\">" << html_escape(doc.values) << "</p>\n";
    }
    html_summary(out, doc);
    for (const auto& s : doc.sections) {
        html_section(out, s);
    }
    if (!doc.trend.empty()) {
        out << "<section>\n<h2>The last " << doc.trend.size() << " week"
            << (doc.trend.size() == 1 ? "" : "s") << "</h2>\n";
        out << svg_charts(
            "Rating (1 to 10)", doc.trend,
            [](const TrendWeek& t) -> std::optional<double> {
                return t.avg_rating_tenths ? std::optional(*t.avg_rating_tenths / 10.0)
                                           : std::nullopt;
            },
            rating_text, 10);
        out << svg_charts(
            "Goals achieved", doc.trend,
            [](const TrendWeek& t) { return std::optional<double>(t.goals_achieved); },
            [](const TrendWeek& t) { return std::to_string(t.goals_achieved); }, 1);
        out << svg_charts(
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
