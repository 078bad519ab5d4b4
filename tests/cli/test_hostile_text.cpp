// SPDX-License-Identifier: MIT
// A member's text is shown, never obeyed, in everything printed for people; CSV and JSON keep
// it exactly (SPEC §6.4).
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <thread>

namespace {

const std::string k_title = "Walk\x1b]0;owned\x07 \x1b[2J\rnow\xe2\x80\xae"
                            "gnp.exe\nsecond";

bool has_control(const std::string& text) {
    for (const char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if ((b < 0x20 && c != '\n') || b == 0x7f) {
            return true;
        }
    }
    return text.find("\xe2\x80\xae") != std::string::npos;
}

} // namespace

TEST_CASE("a goal's text with escape sequences is shown visibly in every view for people") {
    Sandbox s;
    s.ok({"-q", "goal", "add", "--", k_title});
    s.ok({"-q", "checkin", "--rating", "6", "--note", "fine\x1b[31m red\x1f unit"});
    s.ok({"-q", "urge-log", "--intensity", "5", "--trigger", "a\x1b]52;c;ZXZpbA==\x07"});
    s.ok({"-q", "cbc", "new", "Bad\x1b[5m title"});
    s.ok({"-q", "cbc", "add", "1", "bu", "item\r over"});
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"goal", "list"},
                                               {"goal", "list", "--all"},
                                               {"review"},
                                               {"review", "--format", "markdown"},
                                               {"review", "--format", "html"},
                                               {"urge-log", "list"},
                                               {"cbc", "show", "1"},
                                               {"cbc", "show", "1", "--format", "markdown"},
                                               {"cbc", "list"}}) {
        const auto r = s.run(args);
        INFO(args.front(), " ", args.size() > 1 ? args[1] : "");
        CHECK(r.code == 0);
        CHECK_FALSE(has_control(r.out));
        CHECK_FALSE(has_control(r.err));
    }
    const auto list = s.ok({"goal", "list"});
    CHECK(contains(list, "Walk^[]0;owned^G ^[[2J^Mnow<U+202E>gnp.exe⏎second"));
    CHECK(contains(s.ok({"cbc", "show", "1"}), "item^M over"));
    // A unit separator in a note is shown as itself, never taken for the mark between fields.
    CHECK(contains(s.ok({"review"}), "rated 6/10  fine^[[31m red^_ unit"));
    CHECK(contains(s.ok({"review", "--format", "html"}), "rated 6/10 · fine^[[31m red^_ unit"));
    // JSON and CSV carry the text exactly.
    const auto doc = nlohmann::json::parse(s.ok({"export", "--format", "json"}));
    CHECK(doc["goals"][0]["text"] == k_title);
    CHECK(contains(s.ok({"export", "goals"}), "\x1b]0;owned\x07"));
}

TEST_CASE("a line break in a bad value cannot forge a second error line") {
    Sandbox s;
    s.ok({"-q", "goal", "add", "Walk"});
    const auto r = s.run({"goal", "done", "1\nsmartgoals: error: forged"});
    CHECK(r.code == 2);
    CHECK(r.err.find('\n') == r.err.size() - 1);
    CHECK(contains(r.err, "1⏎smartgoals: error: forged"));
}

TEST_CASE("text that is not UTF-8 is refused, and nothing is written") {
    Sandbox s;
    s.ok({"-q", "goal", "add", "Walk"});
    check_refused(s, {"goal", "add", "caf\xe9"}, "'caf<0xE9>' is not valid UTF-8 text");
    check_refused(s, {"urge-log", "--intensity", "4", "--trigger", "\xff"},
                  "'<0xFF>' is not valid UTF-8 text");
    // JSON output keeps working afterwards.
    CHECK(nlohmann::json::parse(s.ok({"export", "--format", "json"}))["goals"].size() == 1);
}

TEST_CASE("on a real terminal, goal list sends no escape sequence a goal's text held") {
    Sandbox s;
    s.ok({"-q", "goal", "add", "--", k_title});
    s.ok({"-q", "goal", "add", "Clip\x1b]52;c;ZXZpbA==\x07 board"});
    // On a terminal, with colour left to auto: whatever reaches the screen is smartgoals' own.
    const auto r = s.converse({"goal", "list", "--color", "auto"}, {{"Goals for the week", ""}});
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "^[]0;owned^G"));
    CHECK(contains(r.out, "Clip^[]52;c;ZXZpbA==^G board"));
    CHECK(r.out.find("\x1b]") == std::string::npos);   // no title, no clipboard
    CHECK(r.out.find("\x1b[2J") == std::string::npos); // no clearing of the screen
    CHECK(r.out.find("\xe2\x80\xae") == std::string::npos);
}

TEST_CASE("in tmux, goal list with hostile texts leaves the title, the screen and the clipboard "
          "as they were") {
    Sandbox s;
    s.ok({"-q", "goal", "add", "--", k_title});
    s.ok({"-q", "goal", "add", "Clip\x1b]52;c;ZXZpbA==\x07 board"});
    auto env = s.env;
    env["TMUX_TMPDIR"] = s.dir.string(); // a server of this test's own
    env["TERM"] = "xterm-256color";
    const auto tmux = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"/usr/bin/tmux", "-L", "hostile", "-f", "/dev/null"});
        return run_process(args, env, "", s.dir);
    };
    const auto script = (s.dir / "show.sh").string();
    {
        std::ofstream(script) << "printf 'BEFORE\\n'; \"$1\" goal list --color auto; "
                                 "printf 'AFTER\\n'; exec sleep 30\n";
    }
    // With set-clipboard on, an OSC 52 sequence reaching tmux fills a paste buffer.
    REQUIRE(tmux({"start-server", ";", "set-option", "-g", "set-clipboard", "on", ";",
                  "new-session", "-d", "-x", "80", "-y", "24", "sh", script, smartgoals_binary()})
                .code == 0);
    std::string screen;
    for (int i = 0; i < 100 && !contains(screen, "AFTER"); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        screen = tmux({"capture-pane", "-p"}).out;
    }
    const auto title = tmux({"display-message", "-p", "#{pane_title}"}).out;
    const auto buffers = tmux({"list-buffers"}).out;
    tmux({"kill-server"});
    INFO(screen);
    CHECK(contains(screen, "BEFORE")); // nothing cleared the screen
    CHECK(contains(screen, "AFTER"));
    CHECK(contains(screen, "^[]0;owned^G"));
    CHECK(contains(screen, "Clip^[]52;c;ZXZpbA==^G board"));
    CHECK_FALSE(contains(title, "owned"));
    CHECK(buffers.empty()); // OSC 52 would have put "evil" here
}
