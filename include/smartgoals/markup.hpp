// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

// Escaping of a member's own words for the rich formats, and the page both HTML outputs share.
namespace smartgoals {

// &, <, >, " and ' as entities.
std::string html_escape(std::string_view text);
// Text that stays text in Markdown and inside a table cell: specials backslashed, line ends
// and | made harmless.
std::string markdown_escape(std::string_view text);

// The start of a self-contained HTML page (no external fonts, scripts or images) with print CSS
// for A4 and Letter; `extra_css` is added to the shared style.
std::string html_page_start(std::string_view title, std::string_view extra_css);
std::string html_page_end();

} // namespace smartgoals
