// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace smartgoals {

// Text without the spaces, tabs and line ends around it.
std::string trim(std::string_view text);

// A member's text made safe to print for people (SPEC §6.4): shown, never obeyed. Control
// characters (C0 as ^@..^_, DEL as ^?, C1 as <U+0085>), bidirectional controls (<U+202E>) and
// bytes that are not UTF-8 (<0xE9>) are written out visibly; a line break becomes ⏎. CSV and
// JSON never go through it.
std::string shown(std::string_view text);
// Whether `text` is valid UTF-8.
bool valid_utf8(std::string_view text);

// Display columns of UTF-8 text on a terminal: wide characters count 2, combining marks 0.
int display_width(std::string_view text);
// Cuts text to at most `columns` display columns, ending in "…" when it was cut.
std::string truncate_to_width(std::string_view text, int columns);
// Breaks text at spaces into lines of at most `columns` display columns (a longer word is cut).
std::vector<std::string> wrap_to_width(std::string_view text, int columns);
// The same as parts of `text`, the first line `first` columns wide and the rest `rest`.
std::vector<std::string_view> wrap_lines(std::string_view text, int first, int rest);
// Pads with spaces on the right to `columns` display columns.
std::string pad_to_width(std::string_view text, int columns);

} // namespace smartgoals
