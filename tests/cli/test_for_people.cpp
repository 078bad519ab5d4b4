// SPDX-License-Identifier: MIT
// Output for people (SPEC §6.4): every human output fits the terminal at 40, 60, 80 and 132
// columns, and --plain says everything in words for screen readers and braille displays.
#include "harness.hpp"

#include <doctest/doctest.h>
#include <utf8proc.h>

#include <algorithm>
#include <regex>
#include <sstream>

namespace {

// Columns a terminal gives a line.
int columns_of(const std::string& line) {
    int width = 0;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(line.data());
    auto left = static_cast<utf8proc_ssize_t>(line.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) {
            return 1000; // not UTF-8: never fits
        }
        width += std::max(0, utf8proc_charwidth(cp));
        p += n;
        left -= n;
    }
    return width;
}

// A history with long words, wide characters and every kind of record.
void fill(Sandbox& s) {
    s.ok({"config", "set", "name", "Samantha Featherstonehaugh"});
    s.ok({"--today", "2026-11-04", "goal", "add",
          "Walk to the park twice with the dog and a friend from the group", "--times", "2",
          "--area", "balance"});
    s.ok({"--today", "2026-11-04", "goal", "add", "Call 友達 and my sister about the weekend"});
    s.ok({"goal", "add", "Swim", "--every-week", "--times", "3", "--area", "balance"});
    s.ok({"goal", "add", "Read " + std::string(70, 'x') + " slowly"});
    s.ok({"--today", "2026-11-05", "goal", "done", "1", "--note",
          "Round the pond and back, longer than I thought it would be"});
    s.ok({"goal", "done", "3", "--note", "Twenty lengths"});
    s.ok({"goal", "done", "2"});
    s.ok({"--today", "2026-11-12", "checkin", "--rating", "6", "--note",
          "Tired, but I made the call and it went better than I expected; the weekend was calm"});
    s.ok({"checkin", "--rating", "8", "--note", "A good week"});
    s.ok({"urge-log",
          "--intensity",
          "7",
          "--at",
          "2026-11-18 21:30",
          "--duration",
          "20",
          "--trigger",
          "payday, walking past the pub on the way home from work",
          "--where",
          "alone",
          "--strategy",
          "delay",
          "--strategy",
          "called a friend from the group",
          "--rode-out",
          "--note",
          "It passed after twenty minutes",
          "--next-time",
          "Take the other road home"});
    s.ok({"urge-log", "--intensity", "4", "--at", "2026-11-10 08:00", "--acted"});
    s.ok({"cbc", "new", "Drinking at the weekend with old friends"});
    s.ok({"cbc", "add", "1", "bu", "Helps me relax after a long week at work", "--term", "short",
          "--weight", "3"});
    s.ok({"cbc", "add", "1", "cn", "Evenings feel long", "--weight", "2"});
    s.ok({"cbc", "add", "1", "bn", "More money for the kids", "--term", "long", "--weight", "5"});
}

const std::vector<std::vector<std::string>> k_human_outputs = {
    {"review"},
    {"review", "--week", "last"},
    {"review", "--week", "2026-11-02"},
    {"goal", "list"},
    {"goal", "list", "--week", "2026-11-02"},
    {"goal", "list", "--all"},
    {"goal", "show", "1"},
    {"goal", "show", "3"},
    {"goal", "show", "4"},
    {"checkin", "list", "--all"},
    {"urge-log", "list", "--all"},
    {"urge-log", "list"},
    {"urge-log", "show", "1"},
    {"cbc", "show", "1"},
    {"cbc", "list"},
    {"undo", "--list"},
};

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

// The numbers a text holds, in order: what plain output must keep.
std::vector<std::string> numbers_in(const std::string& text) {
    std::vector<std::string> out;
    const std::regex number("[0-9]+(\\.[0-9]+)?");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), number);
         it != std::sregex_iterator(); ++it) {
        out.push_back(it->str());
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("every human output fits the terminal at 40, 60, 80 and 132 columns") {
    Sandbox s;
    fill(s);
    for (const int width : {40, 60, 80, 132}) {
        s.env["COLUMNS"] = std::to_string(width);
        for (const auto& command : k_human_outputs) {
            const auto out = s.ok(command);
            REQUIRE_FALSE(out.empty());
            for (const auto& line : lines_of(out)) {
                INFO(width, " columns: ", command.front(), " ", command.back(), ": ", line);
                CHECK(columns_of(line) <= width);
            }
            // Nothing is lost to the width: the words are all there, however it wraps (the
            // review's trend and the comparison's boxes change their layout when narrow).
            if (command.front() == "review" || command.front() == "cbc") {
                continue;
            }
            s.env["COLUMNS"] = "200";
            const auto wide = s.ok(command);
            s.env["COLUMNS"] = std::to_string(width);
            const auto words = [](const std::string& text) {
                std::string joined;
                std::istringstream in(text);
                for (std::string w; in >> w;) {
                    joined += w;
                }
                return joined;
            };
            CHECK(words(out) == words(wide));
        }
    }
    // Below 40, COLUMNS is taken as 40; a COLUMNS that is not a number is not used.
    s.env["COLUMNS"] = "12";
    const auto narrow = s.ok({"goal", "show", "1"});
    s.env["COLUMNS"] = "40";
    CHECK(narrow == s.ok({"goal", "show", "1"}));
    s.env["COLUMNS"] = "wide";
    s.env.erase("COLUMNS");
    const auto unset = s.ok({"goal", "list"});
    s.env["COLUMNS"] = "wide";
    CHECK(s.ok({"goal", "list"}) == unset);
}

TEST_CASE("--plain says it all in words: no box drawing, bars or symbols, every number kept") {
    Sandbox s;
    fill(s);
    for (const auto& command : k_human_outputs) {
        std::vector<std::string> plain_command{"--plain"};
        plain_command.insert(plain_command.end(), command.begin(), command.end());
        const auto plain = s.ok(plain_command);
        const auto usual = s.ok(command);
        INFO(command.front(), " ", command.back(), ":\n", plain);
        for (const char* glyph :
             {"─", "│", "┌", "┼", "└", "▇", "✓", "→", "·", "[x]", "[ ]", "[-]"}) {
            CAPTURE(glyph);
            CHECK_FALSE(contains(plain, glyph));
        }
        CHECK(numbers_in(plain) == numbers_in(usual));
        // The same through the environment, as a screen reader's profile would set it.
        s.env["SMARTGOALS_PLAIN"] = "1";
        CHECK(s.ok(command) == plain);
        s.env.erase("SMARTGOALS_PLAIN");
    }
    // A goal's state is a word, where a sighted reader sees a box.
    const auto list = s.ok({"--plain", "goal", "list", "--all"});
    CHECK(contains(list, "#2 done: Call 友達 and my sister"));
    CHECK(contains(list, "#1 open: Walk to the park twice"));
    CHECK(contains(s.ok({"--plain", "review", "--week", "last"}),
                   "Week of 2026-11-09: rating 6.0, 0 goals achieved, 1 urge"));
}

TEST_CASE("the guided check-in and urge log fit a 40- and a 60-column terminal") {
    for (const int width : {40, 60}) {
        CAPTURE(width);
        Sandbox s;
        s.ok({"--today", "2026-11-10", "goal", "add",
              "Find a volunteer role with the food bank on Saturday mornings"});
        auto r = s.converse({"checkin"},
                            {{"skip) ", "7\n"},
                             {"skip): ", "Busy but good, and I kept going\n"},
                             {"[y/n/s] ", "n\n"},
                             {"  > ", "Walk x3 weekly @balance\n"},
                             {"  > ", "\n"}},
                            width);
        CHECK(r.code == 0);
        // What smartgoals shows; the terminal itself wraps what the member types.
        const auto check_fits = [&](const std::string& shown) {
            std::string text = shown;
            text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
            for (const auto& line : lines_of(text)) {
                if (contains(line, "Busy but good") || contains(line, "Walk x3") ||
                    contains(line, "delay, distract")) {
                    continue;
                }
                INFO(line);
                CHECK(columns_of(line) <= width);
            }
        };
        check_fits(r.out);
        CHECK(contains(s.ok({"goal", "list", "--week", "next"}), "Walk"));
        r = s.converse({"urge-log"},
                       {{"now) ", "\n"},
                        {"(needed) ", "6\n"},
                        {"minutes? ", "15\n"},
                        {"triggered it? ", "payday\n"},
                        {"were you? ", "\n"},
                        {"commas) ", "delay, distract\n"},
                        {"skip) ", "r\n"},
                        {"after? ", "\n"},
                        {"next time? ", "\n"}},
                       width);
        CHECK(r.code == 0);
        check_fits(r.out);
    }
}
