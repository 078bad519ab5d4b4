// SPDX-License-Identifier: MIT
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

// Compares rendered output with tests/unit/golden/NAME, which only scripts/update-golden.sh
// writes. On a mismatch, shows the first line that differs.
inline void check_golden_file(const std::string& name, const std::string& actual) {
    const std::string path = std::string(SMARTGOALS_GOLDEN_DIR) + "/" + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "missing golden file ", path);
    const std::string expected{std::istreambuf_iterator<char>(in), {}};
    if (actual == expected) {
        return;
    }
    const auto lines_of = [](const std::string& text) {
        std::vector<std::string> lines;
        std::istringstream stream(text);
        for (std::string line; std::getline(stream, line);) {
            lines.push_back(line);
        }
        return lines;
    };
    const auto want = lines_of(expected), got = lines_of(actual);
    std::size_t i = 0;
    while (i < want.size() && i < got.size() && want[i] == got[i]) {
        ++i;
    }
    const auto line = [i](const std::vector<std::string>& lines, const char* end) {
        return i < lines.size() ? "\"" + lines[i] + "\"" : std::string(end);
    };
    FAIL_CHECK(name, " differs from ", path, " at line ", i + 1,
               "\n  expected: ", line(want, "(end of file)"),
               "\n    actual: ", line(got, "(end of output)"),
               std::string(i == want.size() && i == got.size()
                               ? "\n(only the line break at the end differs)"
                               : ""),
               "\nIf the change is intended, run scripts/update-golden.sh and review the diff.");
}
