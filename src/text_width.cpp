// SPDX-License-Identifier: MIT
#include <smartgoals/text_width.hpp>

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>

namespace smartgoals {

namespace {

// Calls f(codepoint, bytes) for each character; invalid bytes count as one column each.
template <typename F> void each_char(std::string_view text, F f) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t cp = *p;
        utf8proc_ssize_t n = 1; // ASCII, most of what members write, needs no decoding
        if (cp >= 0x80) {
            n = utf8proc_iterate(p, left, &cp);
        }
        if (n <= 0) {
            n = 1;
            cp = -1;
        }
        if (!f(cp, std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n)))) {
            return;
        }
        p += n;
        left -= n;
    }
}

int char_width(utf8proc_int32_t cp) {
    if (cp < 0) {
        return 1;
    }
    if (cp < 0x20 || cp == 0x7f) {
        return 0;
    }
    return cp < 0x7f ? 1 : utf8proc_charwidth(cp);
}

bool is_bidi_control(utf8proc_int32_t cp) {
    return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

} // namespace

std::string shown(std::string_view text) {
    // Most text is printable ASCII and comes back as it is.
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c != 0x7f; }) &&
        std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; })) {
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size() + 8);
    each_char(text, [&](utf8proc_int32_t cp, std::string_view bytes) {
        if (cp < 0) {
            out += fmt::format("<0x{:02X}>", static_cast<unsigned char>(bytes[0]));
        } else if (cp == '\n') {
            out += "⏎";
        } else if (cp < 0x20) {
            out += '^';
            out += static_cast<char>(cp + 0x40);
        } else if (cp == 0x7f) {
            out += "^?";
        } else if ((cp >= 0x80 && cp <= 0x9f) || is_bidi_control(cp)) {
            out += fmt::format("<U+{:04X}>", cp);
        } else {
            out += bytes;
        }
        return true;
    });
    return out;
}

bool valid_utf8(std::string_view text) {
    bool valid = true;
    each_char(text, [&](utf8proc_int32_t cp, std::string_view) {
        valid = cp >= 0;
        return valid;
    });
    return valid;
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return "";
    }
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

int display_width(std::string_view text) {
    int width = 0;
    each_char(text, [&](utf8proc_int32_t cp, std::string_view) {
        width += char_width(cp);
        return true;
    });
    return width;
}

std::string truncate_to_width(std::string_view text, int columns) {
    if (display_width(text) <= columns) {
        return std::string(text);
    }
    std::string out;
    int width = 0;
    each_char(text, [&](utf8proc_int32_t cp, std::string_view bytes) {
        const int w = char_width(cp);
        if (width + w > columns - 1) {
            return false;
        }
        width += w;
        out += bytes;
        return true;
    });
    return out + "…";
}

std::vector<std::string> wrap_to_width(std::string_view text, int columns) {
    std::vector<std::string> lines(1);
    int width = 0;
    auto start_line = [&] {
        lines.emplace_back();
        width = 0;
    };
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto end = text.find(' ', pos);
        end = end == std::string_view::npos ? text.size() : end;
        const auto word = text.substr(pos, end - pos);
        const int w = display_width(word);
        if (width > 0 && width + 1 + w > columns) {
            start_line();
        } else if (width > 0) {
            lines.back() += ' ';
            ++width;
        }
        if (w <= columns - width) {
            lines.back() += word;
            width += w;
        } else {
            // A word longer than a line is broken across lines, never cut short.
            each_char(word, [&](utf8proc_int32_t cp, std::string_view bytes) {
                const int cw = char_width(cp);
                if (width + cw > columns && width > 0) {
                    start_line();
                }
                lines.back() += bytes;
                width += cw;
                return true;
            });
        }
        pos = end + 1;
    }
    return lines;
}

std::string pad_to_width(std::string_view text, int columns) {
    std::string out(text);
    for (int w = display_width(text); w < columns; ++w) {
        out += ' ';
    }
    return out;
}

} // namespace smartgoals
