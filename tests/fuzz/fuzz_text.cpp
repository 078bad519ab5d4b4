// SPDX-License-Identifier: MIT
// libFuzzer: the terminal-text cleaner (SPEC §6.4) takes any bytes; what it gives back is valid
// UTF-8 with no control character and no direction control left, and text that needed nothing
// comes back as it was.
#include <smartgoals/text_width.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace smartgoals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string out = shown(text);
    if (!valid_utf8(out)) {
        std::abort();
    }
    for (const char c : out) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == 0x7f) {
            std::abort();
        }
    }
    for (const std::string_view bidi : {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066",
                                        "\u2067", "\u2068", "\u2069", "\u0085", "\u009b"}) {
        if (out.find(bidi) != std::string::npos) {
            std::abort();
        }
    }
    const bool plain = valid_utf8(text) && std::none_of(text.begin(), text.end(), [](char c) {
                           const auto b = static_cast<unsigned char>(c);
                           return b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2;
                       });
    if (plain && out != text) {
        std::abort();
    }
    return 0;
}
