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
