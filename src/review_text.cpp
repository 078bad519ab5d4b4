// SPDX-License-Identifier: MIT
#include <smartgoals/review.hpp>
#include <smartgoals/text_width.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace smartgoals {

namespace {

std::string bar(int value, int max, int width) {
    const int cells = max <= 0 ? 0 : (value * width + max - 1) / max;
    std::string out;
    for (int i = 0; i < cells; ++i) {
        out += "▇";
    }
    return pad_to_width(out, width);
}

class Printer {
public:
    Printer(std::ostream& out, TextStyle style) : m_out(out), m_style(style) {}

    void heading(std::string_view text) {
        m_out << '\n';
        for (const auto& line : wrap_to_width(text, m_style.width)) {
            m_out << paint("1", line) << '\n';
        }
    }
    // An item, wrapped to the width with following lines indented under its text; plain
    // output leaves the mark out (the section's title says what the items are).
    void line(std::string_view text, std::string_view mark = "") {
        const bool marked = !mark.empty() && !m_style.plain;
        const auto lines = wrap_to_width(
            marked ? fmt::format("{} {}", mark, text) : std::string(text), m_style.width - 4);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::string shown = lines[i];
            if (i == 0 && marked && mark == "✓") {
                shown = paint("32", mark) + shown.substr(mark.size());
            }
            m_out << (i ? "    " : "  ") << shown << '\n';
        }
    }
    std::string paint(std::string_view code, std::string_view text) const {
        return m_style.color ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
    }
    const TextStyle& style() const { return m_style; }

private:
    std::ostream& m_out;
    TextStyle m_style;
};

void print_section(Printer& p, const ReviewSection& s) {
    if (s.items.empty() && s.when_empty.empty()) {
        return;
    }
    p.heading(s.title);
    if (s.items.empty()) {
        p.line(s.when_empty);
    }
    for (const auto& item : s.items) {
        p.line(with_field_breaks(item, "  "), s.mark);
    }
}

// The table with bars needs 60 columns; narrower, and in plain output, each week is a sentence.
constexpr int k_trend_table_width = 60;

void print_trend(Printer& p, const std::vector<TrendWeek>& trend) {
    if (trend.empty()) {
        return;
    }
    p.heading(fmt::format("The last {} week{}", trend.size(), trend.size() == 1 ? "" : "s"));
    if (p.style().plain || p.style().width < k_trend_table_width) {
        for (const auto& t : trend) {
            p.line(fmt::format("Week of {}: {}, {} goal{} achieved, {} urge{}",
                               format_date(t.week.start),
                               t.avg_rating_tenths ? "rating " + format_tenths(*t.avg_rating_tenths)
                                                   : std::string("no rating"),
                               t.goals_achieved, t.goals_achieved == 1 ? "" : "s", t.urges,
                               t.urges == 1 ? "" : "s"));
        }
        return;
    }
    int most_done = 1, most_urges = 1;
    for (const auto& t : trend) {
        most_done = std::max(most_done, t.goals_achieved);
        most_urges = std::max(most_urges, t.urges);
    }
    p.line(fmt::format("{:<12}{:<17}{:<14}{}", "week of", "rating", "achieved", "urges"));
    for (const auto& t : trend) {
        const std::string rating = t.avg_rating_tenths ? bar(*t.avg_rating_tenths, 100, 10) + " " +
                                                             format_tenths(*t.avg_rating_tenths)
                                                       : pad_to_width("", 11) + "-";
        p.line(fmt::format(
            "{:<12}{}{}{}", format_date(t.week.start), pad_to_width(rating, 17),
            pad_to_width(
                fmt::format("{} {}", bar(t.goals_achieved, most_done, 8), t.goals_achieved), 14),
            fmt::format("{} {}", bar(t.urges, most_urges, 8), t.urges)));
    }
}

} // namespace

void render_text(const Review& review, std::ostream& out, TextStyle style) {
    Printer p(out, style);
    const auto doc = layout_review(review);
    for (const auto& line : wrap_to_width(shown(doc.heading), style.width)) {
        out << p.paint("1", line) << '\n';
    }
    if (!doc.values.empty()) {
        for (const auto& line : wrap_to_width(doc.values, style.width)) {
            out << line << '\n';
        }
    }
    for (const auto& s : doc.sections) {
        print_section(p, s);
    }
    print_trend(p, doc.trend);
    print_section(p, doc.totals);
    for (const auto& s : doc.closing) {
        print_section(p, s);
    }
}

} // namespace smartgoals
