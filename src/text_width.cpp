// SPDX-License-Identifier: MIT
#include <smartgoals/text_width.hpp>

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>

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

// Where the first character that shown() writes out visibly begins; text.size() when none.
std::size_t first_unsafe(std::string_view text) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    std::size_t i = 0;
    while (i < text.size()) {
        if (p[i] < 0x80) { // ASCII, most of what members write, needs no decoding
            if (p[i] < 0x20 || p[i] == 0x7f) {
                return i;
            }
            ++i;
            continue;
        }
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (n <= 0 || (cp >= 0x80 && cp <= 0x9f) || is_bidi_control(cp)) {
            return i;
        }
        i += static_cast<std::size_t>(n);
    }
    return i;
}

// What wrap_lines() needs to know of a byte, looked up once per byte: printable ASCII takes a
// column, a control character none, a space ends a word, and the rest begins a character
// beyond ASCII.
enum class ByteKind : unsigned char { shown, control, space, beyond_ascii };
constexpr auto k_byte_kinds = [] {
    std::array<ByteKind, 256> kinds{};
    for (std::size_t c = 0; c < kinds.size(); ++c) {
        kinds[c] = c == ' '                ? ByteKind::space
                   : c >= 0x80             ? ByteKind::beyond_ascii
                   : c < 0x20 || c == 0x7f ? ByteKind::control
                                           : ByteKind::shown;
    }
    return kinds;
}();

} // namespace

std::string shown(std::string_view text) {
    // Most text comes back as it is; what precedes the first character to write out is copied
    // whole.
    const std::size_t clean = first_unsafe(text);
    if (clean == text.size()) {
        return std::string(text);
    }
    std::string out(text.substr(0, clean));
    out.reserve(text.size() + 8);
    each_char(text.substr(clean), [&](utf8proc_int32_t cp, std::string_view bytes) {
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
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) { // ASCII: one column, or none for a control character
            width += c >= 0x20 && c != 0x7f ? 1 : 0;
            ++i;
            continue;
        }
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + i,
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        width += n > 0 ? char_width(cp) : 1; // an invalid byte counts as one column
        i += n > 0 ? static_cast<std::size_t>(n) : 1;
    }
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

std::vector<std::string_view> wrap_lines(std::string_view text, int first, int rest) {
    std::vector<std::string_view> lines;
    lines.reserve(4); // one allocation for most texts, where growing took one per line
    // The line being filled: text[begin, end), `width` columns; begin == npos while empty.
    std::size_t begin = std::string_view::npos, end = 0;
    int width = 0;
    const auto columns = [&] { return lines.empty() ? first : rest; };
    const auto finish = [&] {
        lines.push_back(begin == std::string_view::npos ? std::string_view()
                                                        : text.substr(begin, end - begin));
        begin = std::string_view::npos;
        width = 0;
    };
    const auto take = [&](std::size_t from, std::size_t to, int w) {
        begin = begin == std::string_view::npos ? from : begin;
        end = to;
        width += w;
    };
    std::size_t pos = 0;
    while (pos <= text.size()) {
        // The next word and its width, in one pass (ASCII counted as it is read).
        std::size_t stop = pos;
        int w = 0;
        for (; stop < text.size(); ++stop) {
            const auto kind = k_byte_kinds[static_cast<unsigned char>(text[stop])];
            if (kind == ByteKind::shown) {
                ++w;
            } else if (kind == ByteKind::space) {
                break;
            } else if (kind == ByteKind::beyond_ascii) {
                const auto next = std::min(text.find(' ', stop), text.size());
                w += display_width(text.substr(stop, next - stop));
                stop = next;
                break;
            }
        }
        const auto word = text.substr(pos, stop - pos);
        if (width > 0 && width + 1 + w > columns()) {
            finish();
        } else if (begin != std::string_view::npos) {
            take(begin, pos, 1); // the space before the word stays with it
        }
        if (w <= columns() - width) {
            if (!word.empty()) {
                take(pos, stop, w);
            }
        } else {
            // A word longer than a line is broken across lines, never cut short.
            std::size_t at = pos;
            each_char(word, [&](utf8proc_int32_t cp, std::string_view bytes) {
                const int cw = char_width(cp);
                if (width + cw > columns() && width > 0) {
                    finish();
                }
                take(at, at + bytes.size(), cw);
                at += bytes.size();
                return true;
            });
        }
        pos = stop + 1;
    }
    finish();
    return lines;
}

std::vector<std::string> wrap_to_width(std::string_view text, int columns) {
    const auto views = wrap_lines(text, columns, columns);
    return {views.begin(), views.end()};
}

std::string pad_to_width(std::string_view text, int columns) {
    std::string out(text);
    for (int w = display_width(text); w < columns; ++w) {
        out += ' ';
    }
    return out;
}

} // namespace smartgoals
