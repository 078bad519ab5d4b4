// SPDX-License-Identifier: MIT
// A member's text is shown, never obeyed (SPEC §6.4).
#include <smartgoals/text_width.hpp>

#include <doctest/doctest.h>

using namespace smartgoals;

TEST_CASE("control characters, line breaks and bidi controls are shown, not obeyed") {
    CHECK(shown("Walk to the park") == "Walk to the park");
    CHECK(shown("Café ☕ 散歩") == "Café ☕ 散歩");
    CHECK(shown("\x1b]0;owned\x07title") == "^[]0;owned^Gtitle");
    CHECK(shown("\x1b]52;c;ZXZpbA==\x1b\\") == "^[]52;c;ZXZpbA==^[\\");
    CHECK(shown("hidden\rshown") == "hidden^Mshown");
    CHECK(shown("two\nlines") == "two⏎lines");
    CHECK(shown("tab\there") == "tab^Ihere");
    CHECK(shown(std::string("nul\0byte", 8)) == "nul^@byte");
    CHECK(shown("del\x7f") == "del^?");
    CHECK(shown("c1\xc2\x9b"
                "2J") == "c1<U+009B>2J");
    CHECK(shown("\xe2\x80\xae"
                "txt.exe") == "<U+202E>txt.exe");
    CHECK(shown("\xe2\x81\xa6isolate\xe2\x81\xa9") == "<U+2066>isolate<U+2069>");
    CHECK(shown("caf\xe9") == "caf<0xE9>");
    // What is shown has no control characters left, whatever went in.
    std::string every;
    for (int c = 0; c < 256; ++c) {
        every += static_cast<char>(c);
    }
    for (const char c : shown(every)) {
        CHECK((static_cast<unsigned char>(c) >= 0x20 && c != 0x7f));
    }
}

TEST_CASE("valid UTF-8 is told from what is not") {
    CHECK(valid_utf8("plain"));
    CHECK(valid_utf8("Café ☕ 🚶"));
    CHECK(valid_utf8(""));
    CHECK_FALSE(valid_utf8("caf\xe9"));
    CHECK_FALSE(valid_utf8("\xc0\xaf"));         // an overlong '/'
    CHECK_FALSE(valid_utf8("\xed\xa0\x80"));     // a surrogate
    CHECK_FALSE(valid_utf8("\xf4\x90\x80\x80")); // beyond U+10FFFF
    CHECK_FALSE(valid_utf8("cut \xe2\x98"));     // cut short
}

TEST_CASE("a line's display width counts columns, not bytes") {
    CHECK(display_width("Walk to the park") == 16);
    CHECK(display_width("  · 2/3") == 7);    // U+00B7 is one column in two bytes
    CHECK(display_width("散歩") == 4);       // wide characters take two
    CHECK(display_width("e\xcc\x81") == 1);  // a combining accent takes none
    CHECK(display_width("caf\xe9 ok") == 7); // a byte that is not UTF-8 counts as one
    CHECK(display_width("tab\there") == 7);  // a control character takes none
    CHECK(display_width("") == 0);
}

TEST_CASE("wrapping breaks at spaces, hangs the rest, and keeps every character") {
    // The first line and the rest each have their own width; lines are parts of the text.
    const std::string_view text = "#12 [ ] Walk to the park · urges · rolled over (3 weeks)";
    const auto lines = wrap_lines(text, 30, 20);
    CHECK(lines == std::vector<std::string_view>{"#12 [ ] Walk to the park ·",
                                                 "urges · rolled over", "(3 weeks)"});
    for (const auto line : lines) {
        CHECK(display_width(line) <= 30);
        CHECK(text.find(line) != std::string_view::npos);
    }
    CHECK(wrap_lines(text, 200, 20) == std::vector<std::string_view>{text});
    // Spaces inside a line are kept; at a break they go.
    CHECK(wrap_lines("one  two three", 9, 9) == std::vector<std::string_view>{"one  two", "three"});
    // A word longer than a line is broken across lines, never cut short.
    CHECK(wrap_to_width("abcdefghij xy", 4) ==
          std::vector<std::string>{"abcd", "efgh", "ij", "xy"});
    CHECK(wrap_to_width("散歩散歩散歩", 5) == std::vector<std::string>{"散歩", "散歩", "散歩"});
    CHECK(wrap_to_width("", 10) == std::vector<std::string>{""});
    // A control character takes no column in a line; a delete neither; a byte beyond ASCII
    // that is not UTF-8 takes one.
    CHECK(wrap_lines("ab\x01\x7f c", 4, 4) == std::vector<std::string_view>{"ab\x01\x7f c"});
    CHECK(wrap_lines("ab\xe9 c", 4, 4) == std::vector<std::string_view>{"ab\xe9", "c"});
    // A character beyond ASCII takes its own width, not one column a byte.
    CHECK(wrap_lines("a · b", 5, 5) == std::vector<std::string_view>{"a · b"});
    CHECK(wrap_lines("友 ab", 5, 5) == std::vector<std::string_view>{"友 ab"});
}
