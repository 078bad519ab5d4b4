// SPDX-License-Identifier: MIT
#include <smartgoals/cost_benefit.hpp>
#include <smartgoals/markup.hpp>
#include <smartgoals/text_width.hpp>
#include <smartgoals/worksheet.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace smartgoals {

namespace {

constexpr int k_width = 80;

std::string repeat(std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) {
        out += s;
    }
    return out;
}

// --- text ---------------------------------------------------------------------------------

void text_paragraph(std::ostream& out, std::string_view text) {
    for (const auto& line : wrap_to_width(text, k_width)) {
        out << line << '\n';
    }
}

void text_writing_lines(std::ostream& out, int n) {
    for (int i = 0; i < n; ++i) {
        out << '\n' << repeat("_", k_width) << '\n';
    }
}

std::string text_rule(const std::vector<int>& widths) {
    std::string line = "+";
    for (int w : widths) {
        line += repeat("-", w + 2) + "+";
    }
    return line;
}

void text_table(std::ostream& out, const Block& b) {
    if (!b.text.empty()) {
        out << b.text << ":\n";
    }
    std::vector<std::vector<std::string>> heads;
    std::size_t head_lines = 1;
    for (std::size_t i = 0; i < b.columns.size(); ++i) {
        heads.push_back(wrap_to_width(b.columns[i], b.widths[i]));
        head_lines = std::max(head_lines, heads.back().size());
    }
    const auto rule = text_rule(b.widths);
    out << rule << '\n';
    for (std::size_t l = 0; l < head_lines; ++l) {
        std::string line = "|";
        for (std::size_t i = 0; i < heads.size(); ++i) {
            line += " " + pad_to_width(l < heads[i].size() ? heads[i][l] : "", b.widths[i]) + " |";
        }
        out << line << '\n';
    }
    out << rule << '\n';
    // Rows are left tall enough to write in by hand.
    const int row_height = b.columns.size() > 4 ? 3 : 1;
    for (int r = 0; r < b.count; ++r) {
        for (int h = 0; h < row_height; ++h) {
            std::string line = "|";
            for (std::size_t i = 0; i < b.widths.size(); ++i) {
                const bool done_box = b.columns[i] == "Done" && h == 0;
                line += " " + pad_to_width(done_box ? "[ ]" : "", b.widths[i]) + " |";
            }
            out << line << '\n';
        }
        out << rule << '\n';
    }
}

void text_quadrants(std::ostream& out, int count) {
    constexpr int cell = 36;
    auto border = [&](std::string_view l, std::string_view m, std::string_view r) {
        return std::string(l) + repeat("─", cell + 2) + std::string(m) + repeat("─", cell + 2) +
               std::string(r);
    };
    auto row = [&](std::string_view a, std::string_view b) {
        return "│ " + pad_to_width(a, cell) + " │ " + pad_to_width(b, cell) + " │";
    };
    const std::string blank = "S[ ] L[ ] " + repeat("_", cell - 10);
    out << border("┌", "┬", "┐") << '\n';
    for (int half = 0; half < 2; ++half) {
        const auto left = k_quadrants[static_cast<std::size_t>(2 * half)];
        const auto right = k_quadrants[static_cast<std::size_t>(2 * half + 1)];
        out << row(quadrant_label(left, false), quadrant_label(right, false)) << '\n';
        for (int i = 0; i < count; ++i) {
            out << row("", "") << '\n' << row(blank, blank) << '\n';
        }
        out << (half == 0 ? border("├", "┼", "┤") : border("└", "┴", "┘")) << '\n';
    }
    out << "(\"Using\" can be read as \"doing\" for an activity.)\n";
}

// Eleven numbers with room to circle one by hand at 12 characters to the inch.
constexpr std::string_view k_zero_to_ten = "0  1  2  3  4  5  6  7  8  9  10";

void text_numbered(std::ostream& out, const Block& b) {
    text_paragraph(out, b.text);
    for (int i = 1; i <= b.count; ++i) {
        out << '\n' << fmt::format("{:>2}. ", i) << repeat("_", k_width - 4) << '\n';
    }
}

// An area's name, then its two scales side by side: 12 + 1 + 32 + 3 + 32 = 80 columns.
void text_ratings(std::ostream& out, const Block& b) {
    constexpr int area = 12;
    const auto scale_width = display_width(k_zero_to_ten);
    out << repeat(" ", area + 1) << pad_to_width("Now, date: __________", scale_width + 3)
        << "A few weeks later, date: ______\n";
    auto row = [&](std::string_view name) {
        out << '\n'
            << pad_to_width(name, area) << ' ' << k_zero_to_ten << "   " << k_zero_to_ten << '\n';
    };
    for (const auto& name : b.columns) {
        row(name);
    }
    for (int i = 0; i < b.count; ++i) {
        row(repeat("_", area));
    }
}

void text_block(std::ostream& out, const Block& b) {
    switch (b.type) {
    case Block::Type::heading:
        out << '\n' << b.text << '\n' << repeat("=", display_width(b.text)) << '\n';
        break;
    case Block::Type::text:
        out << '\n';
        text_paragraph(out, b.text);
        break;
    case Block::Type::scale:
        out << '\n' << b.text << "   (circle one)\n";
        out << "    1     2     3     4     5     6     7     8     9     10\n";
        break;
    case Block::Type::lines:
        out << '\n';
        text_paragraph(out, b.text);
        text_writing_lines(out, b.count);
        break;
    case Block::Type::table:
        out << '\n';
        text_table(out, b);
        break;
    case Block::Type::quadrants:
        out << '\n';
        text_quadrants(out, b.count);
        break;
    case Block::Type::numbered:
        out << '\n';
        text_numbered(out, b);
        break;
    case Block::Type::ratings:
        out << '\n';
        text_ratings(out, b);
        break;
    }
}

// --- Markdown -------------------------------------------------------------------------------

void markdown_block(std::ostream& out, const Block& b) {
    const auto line = "\\" + repeat("_\\", 39) + "_";
    switch (b.type) {
    case Block::Type::heading:
        out << "### " << markdown_escape(b.text) << "\n\n";
        break;
    case Block::Type::text:
        out << markdown_escape(b.text) << "\n\n";
        break;
    case Block::Type::scale:
        out << "**" << markdown_escape(b.text) << "** (circle one)\n\n"
            << "1 · 2 · 3 · 4 · 5 · 6 · 7 · 8 · 9 · 10\n\n";
        break;
    case Block::Type::lines:
        out << "**" << markdown_escape(b.text) << "**\n\n";
        for (int i = 0; i < b.count; ++i) {
            out << line << "\n\n";
        }
        break;
    case Block::Type::table: {
        if (!b.text.empty()) {
            out << "**" << markdown_escape(b.text) << "**\n\n";
        }
        std::string head = "|", rule = "|", empty = "|";
        for (const auto& c : b.columns) {
            head += " " + markdown_escape(c) + " |";
            rule += " --- |";
            empty += c == "Done" ? " ☐ |" : " &nbsp; |";
        }
        out << head << '\n' << rule << '\n';
        for (int r = 0; r < b.count; ++r) {
            out << empty << '\n';
        }
        out << '\n';
        break;
    }
    case Block::Type::quadrants:
        for (int half = 0; half < 2; ++half) {
            const auto left = k_quadrants[static_cast<std::size_t>(2 * half)];
            const auto right = k_quadrants[static_cast<std::size_t>(2 * half + 1)];
            out << "| " << quadrant_label(left, false) << " | " << quadrant_label(right, false)
                << " |\n| --- | --- |\n";
            for (int i = 0; i < b.count; ++i) {
                out << "| S ☐ L ☐ | S ☐ L ☐ |\n";
            }
            out << '\n';
        }
        out << "\"Using\" can be read as \"doing\" for an activity.\n\n";
        break;
    case Block::Type::numbered:
        out << "**" << markdown_escape(b.text) << "**\n\n";
        for (int i = 1; i <= b.count; ++i) {
            out << i << ". " << line << "\n\n";
        }
        break;
    case Block::Type::ratings: {
        const std::string scale = "0 · 1 · 2 · 3 · 4 · 5 · 6 · 7 · 8 · 9 · 10";
        const std::string date = repeat("\\_", 8);
        out << "| Area | Now, date: " << date << " | A few weeks later, date: " << date
            << " |\n| --- | --- | --- |\n";
        for (const auto& name : b.columns) {
            out << "| " << markdown_escape(name) << " | " << scale << " | " << scale << " |\n";
        }
        for (int i = 0; i < b.count; ++i) {
            out << "| " << repeat("\\_", 10) << " | " << scale << " | " << scale << " |\n";
        }
        out << '\n';
        break;
    }
    }
}

// --- HTML -----------------------------------------------------------------------------------

constexpr std::string_view k_sheet_css = R"(
.sheet { break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.sheet > h1 .name { display: block; font-size: 12pt; font-weight: normal; color: #444; }
.write { border-bottom: 1px solid #777; height: 7.5mm; }
.scale { display: flex; gap: 3mm; margin: 1mm 0 2mm; }
.scale span { display: inline-block; width: 8mm; height: 8mm; line-height: 8mm; text-align: center;
              border: 1px solid #777; border-radius: 50%; }
.blank td { height: 9mm; }
.tall td { height: 19mm; }
.box { display: inline-block; width: 3.2mm; height: 3.2mm; border: 1px solid #444;
       vertical-align: middle; margin: 0 1mm 0 0.5mm; }
.quadrants td { width: 50%; padding: 1.5mm 2mm; }
.quadrants .line { border-bottom: 1px solid #999; height: 7.5mm; padding-top: 2.5mm;
                   font-size: 8.5pt; color: #555; }
.urge-log th { font-size: 8.5pt; }
.num { display: flex; align-items: flex-end; padding-bottom: 0.5mm; height: 9mm; }
.num span { width: 7mm; }
.pie-row { display: flex; align-items: center; gap: 6mm; margin: 1mm 0 2mm; }
.pie-row svg { width: 80mm; height: 61mm; flex: none; }
.pie-row text { font-size: 9.5px; fill: #222; }
.ratings th, .ratings td { vertical-align: middle; padding: 0.6mm 1.5mm; }
.ratings tbody th { background: none; font-weight: normal; width: 24mm; height: 7mm; }
.dots { display: flex; gap: 0.9mm; }
.dots span { display: inline-block; width: 5.2mm; height: 5.2mm; line-height: 5mm; font-size: 7.5pt;
             text-align: center; border: 1px solid #999; border-radius: 50%; }
)";

// A blank balance pie: one slice an area, rings 1 to 10 from the centre out, for a member to put
// a dot on each slice and join them up.
void html_pie(std::ostream& out, const std::vector<std::string>& areas) {
    constexpr double pi = 3.14159265358979323846;
    constexpr int ring = 8; // 10 rings make a radius of 80
    const auto n = static_cast<double>(areas.size());
    out << "<svg viewBox=\"-120 -92 240 184\" role=\"img\" aria-label=\"A blank pie of "
        << areas.size() << " slices: 0 at the centre, 10 at the rim\">\n";
    for (int k = 1; k <= 10; ++k) {
        out << fmt::format("<circle r=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"/>",
                           k * ring, k == 10 ? "#555" : "#ccc", k == 10 ? 1.2 : 0.6);
    }
    out << '\n';
    for (std::size_t i = 0; i < areas.size(); ++i) {
        const double spoke = -pi / 2 + 2 * pi * static_cast<double>(i) / n;
        const double middle = spoke + pi / n;
        const double x = 86 * std::cos(middle), y = 86 * std::sin(middle);
        const char* anchor = x > 5 ? "start" : x < -5 ? "end" : "middle";
        out << fmt::format("<line x1=\"0\" y1=\"0\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
                           "stroke=\"#555\" stroke-width=\"0.8\"/>",
                           10 * ring * std::cos(spoke), 10 * ring * std::sin(spoke))
            << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" "
                           "dominant-baseline=\"middle\">{}</text>\n",
                           x, y, anchor, html_escape(areas[i]));
    }
    out << "</svg>\n";
}

std::string html_zero_to_ten() {
    std::string dots = "<span class=\"dots\">";
    for (int i = 0; i <= 10; ++i) {
        dots += "<span>" + std::to_string(i) + "</span>";
    }
    return dots + "</span>";
}

void html_block(std::ostream& out, const Block& b) {
    switch (b.type) {
    case Block::Type::heading:
        out << "<h2>" << html_escape(b.text) << "</h2>\n";
        break;
    case Block::Type::text:
        out << "<p class=\"muted\">" << html_escape(b.text) << "</p>\n";
        break;
    case Block::Type::scale:
        out << "<p>" << html_escape(b.text) << " <span class=\"muted\">(circle one)</span></p>\n"
            << "<div class=\"scale\">";
        for (int i = 1; i <= 10; ++i) {
            out << "<span>" << i << "</span>";
        }
        out << "</div>\n";
        break;
    case Block::Type::lines:
        out << "<p>" << html_escape(b.text) << "</p>\n";
        for (int i = 0; i < b.count; ++i) {
            out << "<div class=\"write\"></div>\n";
        }
        break;
    case Block::Type::table: {
        if (!b.text.empty()) {
            out << "<p>" << html_escape(b.text) << ":</p>\n";
        }
        const bool tall = b.columns.size() > 4;
        out << "<table class=\"" << (tall ? "tall" : "blank") << "\"><thead><tr>";
        for (const auto& c : b.columns) {
            out << "<th>" << html_escape(c) << "</th>";
        }
        out << "</tr></thead><tbody>\n";
        for (int r = 0; r < b.count; ++r) {
            out << "<tr>";
            for (const auto& c : b.columns) {
                out << (c == "Done" ? "<td><span class=\"box\"></span></td>" : "<td></td>");
            }
            out << "</tr>\n";
        }
        out << "</tbody></table>\n";
        break;
    }
    case Block::Type::quadrants:
        out << "<table class=\"quadrants\">\n";
        for (int half = 0; half < 2; ++half) {
            out << "<tr>";
            for (int side = 0; side < 2; ++side) {
                const auto q = k_quadrants[static_cast<std::size_t>(2 * half + side)];
                out << "<td><strong>" << html_escape(quadrant_label(q, false)) << "</strong>";
                for (int i = 0; i < b.count; ++i) {
                    out << "<div class=\"line\">S<span class=\"box\"></span> "
                           "L<span class=\"box\"></span></div>";
                }
                out << "</td>";
            }
            out << "</tr>\n";
        }
        out << "</table>\n<p class=\"muted\">\"Using\" can be read as \"doing\" for an "
               "activity.</p>\n";
        break;
    case Block::Type::numbered:
        out << "<p>" << html_escape(b.text) << "</p>\n";
        for (int i = 1; i <= b.count; ++i) {
            out << "<div class=\"write num\"><span>" << i << ".</span></div>\n";
        }
        break;
    case Block::Type::ratings: {
        out << "<div class=\"pie-row\">\n";
        html_pie(out, b.columns);
        out << "<p class=\"muted\">On the pie, the centre is 0 and the rim is 10: put a dot on "
               "each slice at its number and join the dots up. Where the shape dips, that area "
               "may want a little more room.</p>\n</div>\n";
        const auto dots = html_zero_to_ten();
        out << "<table class=\"ratings\"><thead><tr><th>Area</th><th>Now, date: __________</th>"
               "<th>A few weeks later, date: __________</th></tr></thead><tbody>\n";
        for (const auto& name : b.columns) {
            out << "<tr><th scope=\"row\">" << html_escape(name) << "</th><td>" << dots
                << "</td><td>" << dots << "</td></tr>\n";
        }
        for (int i = 0; i < b.count; ++i) {
            out << "<tr><th scope=\"row\"></th><td>" << dots << "</td><td>" << dots
                << "</td></tr>\n";
        }
        out << "</tbody></table>\n";
        break;
    }
    }
}

std::string_view css_class(WorksheetKind kind) {
    switch (kind) {
    case WorksheetKind::weekly:
        return "weekly";
    case WorksheetKind::cbc:
        return "cbc";
    case WorksheetKind::urge_log:
        return "urge-log";
    case WorksheetKind::change_plan:
        return "change-plan";
    case WorksheetKind::values:
        return "values";
    case WorksheetKind::abc:
        return "abc";
    case WorksheetKind::balance:
        return "balance";
    }
    return "";
}

} // namespace

void render_worksheets_text(const std::vector<Worksheet>& sheets, std::string_view title,
                            std::ostream& out) {
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        if (i > 0) {
            out << '\f';
        }
        if (!title.empty()) {
            text_paragraph(out, title);
        }
        out << "SMART Recovery — " << sheets[i].name << '\n';
        out << "Name: " << repeat("_", 34) << "  Date: " << repeat("_", 32) << '\n';
        for (const auto& b : sheets[i].blocks) {
            text_block(out, b);
        }
    }
}

void render_worksheets_markdown(const std::vector<Worksheet>& sheets, std::string_view title,
                                std::ostream& out) {
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        if (i > 0) {
            out << "\n---\n\n";
        }
        out << "# " << (title.empty() ? "" : markdown_escape(title) + ": ")
            << markdown_escape(sheets[i].name) << "\n\n";
        out << "Name: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ Date: \\_\\_\\_\\_\\_\\_\\_\\_\n\n";
        for (const auto& b : sheets[i].blocks) {
            markdown_block(out, b);
        }
    }
}

void render_worksheets_html(const std::vector<Worksheet>& sheets, std::string_view title,
                            std::ostream& out) {
    const std::string page_title = title.empty() ? "SMART Recovery worksheets" : std::string(title);
    out << html_page_start(page_title, k_sheet_css);
    for (const auto& sheet : sheets) {
        out << "<section class=\"sheet " << css_class(sheet.kind) << "\">\n<h1>";
        if (!title.empty()) {
            out << html_escape(title) << "<span class=\"name\">" << html_escape(sheet.name)
                << "</span>";
        } else {
            out << html_escape(sheet.name);
        }
        out << "</h1>\n<p>Name: ______________________ &nbsp; Date: ______________</p>\n";
        for (const auto& b : sheet.blocks) {
            html_block(out, b);
        }
        out << "</section>\n";
    }
    out << html_page_end();
}

} // namespace smartgoals
