// SPDX-License-Identifier: MIT
#include <smartgoals/cost_benefit.hpp>
#include <smartgoals/markup.hpp>
#include <smartgoals/text_width.hpp>
#include <smartgoals/worksheet.hpp>

#include <fmt/format.h>

#include <algorithm>

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
)";

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
