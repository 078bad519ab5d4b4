// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

// Blank, printable worksheets for a group (SPEC §6 `worksheet`). A worksheet never holds a
// member's data: it is built from its kind alone, then rendered as text, Markdown or HTML.
namespace smartgoals {

enum class WorksheetKind { weekly, cbc, urge_log, change_plan, values, abc, balance };

// `weekly`, `cbc` (or `cba`), `urge-log`, `change-plan`, `values`, `abc`, `balance`; `all` gives
// every kind, in that order.
std::optional<std::vector<WorksheetKind>> parse_worksheet_kinds(std::string_view name);

// One part of a worksheet.
struct Block {
    enum class Type {
        heading,   // a section heading
        text,      // a sentence of guidance
        scale,     // `text`, then 1 to 10 to circle
        lines,     // `text`, then `count` blank lines to write on
        table,     // `columns` over `count` blank rows
        quadrants, // the cost-benefit 2x2, `count` lines a box, each with short/long boxes
        numbered,  // `text`, then `count` numbered lines to write on, in order
        ratings,   // each of `columns` (areas of life) rated 0 to 10, now and a few weeks later,
                   // then `count` rows left blank for areas a member names; HTML adds the pie
    };
    Type type;
    std::string text;
    int count = 0;
    std::vector<std::string> columns;
    std::vector<int> widths; // text columns per table column
};

struct Worksheet {
    WorksheetKind kind;
    std::string name; // e.g. "Weekly check-in and seven-day plan"
    std::vector<Block> blocks;
};

Worksheet build_worksheet(WorksheetKind kind);

// Text fits 80 columns and 60 lines a worksheet; worksheets are separated by a form feed.
void render_worksheets_text(const std::vector<Worksheet>& sheets, std::string_view title,
                            std::ostream& out);
void render_worksheets_markdown(const std::vector<Worksheet>& sheets, std::string_view title,
                                std::ostream& out);
// One self-contained page; each worksheet prints on one A4 or Letter page.
void render_worksheets_html(const std::vector<Worksheet>& sheets, std::string_view title,
                            std::ostream& out);

} // namespace smartgoals
