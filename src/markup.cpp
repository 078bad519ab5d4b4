// SPDX-License-Identifier: MIT
#include <smartgoals/markup.hpp>

#include <fmt/format.h>

namespace smartgoals {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string markdown_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\r') {
            continue;
        }
        if (c == '\n') {
            out += ' ';
            continue;
        }
        if (c == '<') {
            out += "&lt;";
            continue;
        }
        if (c == '>') {
            out += "&gt;";
            continue;
        }
        if (c == '&') {
            out += "&amp;";
            continue;
        }
        // Our text never starts a line (it follows "- ", "# " or "| "), so only the characters
        // that act anywhere in a line need a backslash.
        if (std::string_view("\\`*_[]|~").find(c) != std::string_view::npos) {
            out += '\\';
        }
        out += c;
    }
    return out;
}

std::string html_page_start(std::string_view title, std::string_view extra_css) {
    return fmt::format(R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{}</title>
<style>
@page {{ margin: 14mm; }}
* {{ box-sizing: border-box; }}
body {{ font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt;
       color: #222; margin: 0 auto; max-width: 182mm; line-height: 1.35; }}
h1 {{ font-size: 16pt; margin: 0 0 2mm; }}
h2 {{ font-size: 12pt; margin: 4mm 0 1.5mm; border-bottom: 1px solid #999; }}
p {{ margin: 1mm 0; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #777; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }}
th {{ background: #eee; font-weight: 600; }}
.muted {{ color: #555; font-size: 9pt; }}
@media screen {{ body {{ padding: 8mm; }} }}
{}
</style>
</head>
<body>
)",
                       html_escape(title), extra_css);
}

std::string html_page_end() {
    return "</body>\n</html>\n";
}

} // namespace smartgoals
