// SPDX-License-Identifier: MIT
// The completions, driven in the real shells, offering ids read from the user's database.
#include "harness.hpp"

#include <doctest/doctest.h>

namespace {

const std::string k_completions = std::string(SMARTGOALS_SOURCE_DIR) + "/completions";

std::map<std::string, std::string> shell_env(const Sandbox& s) {
    auto env = s.env;
    const auto bin = std::filesystem::path(SMARTGOALS_BINARY).parent_path().string();
    env["PATH"] = bin + ":/usr/bin:/bin";
    return env;
}

void fill(const Sandbox& s) {
    s.ok({"goal", "add", "Walk to the park"});
    s.ok({"goal", "add", "Call my sister"});
    s.ok({"goal", "add", "Let this go"});
    s.ok({"goal", "drop", "3"});
    s.ok({"cbc", "new", "Drinking"});
}

} // namespace

TEST_CASE("bash completes commands, values and open goal ids") {
    Sandbox s;
    fill(s);
    const std::string script = R"(
source /usr/share/bash-completion/bash_completion
source )" + k_completions + R"(/smartgoals
t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="${COMP_WORDS[*]}"
      COMP_POINT=${#COMP_LINE}; COMPREPLY=(); _smartgoals; echo "${COMPREPLY[*]}"; }
t smartgoals ''
t smartgoals goal ''
t smartgoals goal done ''
t smartgoals goal reopen ''
t smartgoals goal add x --area ''
t smartgoals urge-log --strategy d
t smartgoals cbc show ''
t smartgoals cbc add 1 ''
t smartgoals export ''
t smartgoals worksheet ''
t smartgoals review --format ''
t smartgoals config set week-start t
t smartgoals goal list --week ''
t smartgoals goal done 1 --date t
t smartgoals goal remove ''
t smartgoals checkin ''
t smartgoals urge-log ''
t smartgoals cbc ''
t smartgoals cbc edit 1 1 --term ''
t smartgoals cbc edit 1 1 --quadrant c
)";
    const auto r = run_process({"/bin/bash", "-c", script}, shell_env(s), "", s.dir);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out ==
          "goal checkin review urge-log cbc cba worksheet export import config undo nudge --db "
          "--today "
          "--color --quiet -q --plain --help --version\n"
          "add done drop reopen edit show list remove remove-completion\n"
          "1 2\n"
          "1 2 3\n"
          "motivation urges thoughts balance none\n"
          "deny delay distract\n"
          "1\n"
          "benefits-of-using costs-of-using benefits-of-not-using costs-of-not-using bu cu "
          "bn cn\n"
          "goals completions checkins urges cbc weeks\n"
          "weekly cbc urge-log change-plan values abc balance all\n"
          "text markdown html json\n"
          "tuesday thursday\n"
          "this last next -1 -2 -4 yesterday\n"
          "today tuesday thursday\n"
          "1 2 3\n"
          "list edit remove\n"
          "list show edit remove\n"
          "new add show list remove rename edit delete\n"
          "short long none\n"
          "costs-of-using costs-of-not-using cu cn\n");
}

TEST_CASE("fish completes with complete -C, goal ids with their text") {
    Sandbox s;
    fill(s);
    const std::string script = "source " + k_completions +
                               "/smartgoals.fish; "
                               "complete -C 'smartgoals goal done '; echo ---; "
                               "complete -C 'smartgoals cbc show '; echo ---; "
                               "complete -C 'smartgoals worksheet c'; echo ---; "
                               "complete -C 'smartgoals export --format '; echo ---; "
                               "complete -C 'smartgoals cbc edit 1 1 --term '; echo ---; "
                               "complete -C 'smartgoals urge-log e'";
    const auto r =
        run_process({"/usr/bin/fish", "--no-config", "-c", script}, shell_env(s), "", s.dir);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out == "1\tWalk to the park\n2\tCall my sister\n---\n1\tDrinking\n---\n"
                   "cbc\nchange-plan\n---\ncsv\njson\n---\nlong\nnone\nshort\n---\n"
                   "edit\tCorrect an urge\n");
}

TEST_CASE("zsh loads the completion under compinit") {
    Sandbox s;
    const std::string script = "fpath=(" + k_completions +
                               " $fpath); autoload -Uz compinit; "
                               "compinit -u -d " +
                               (s.dir / "zcompdump").string() +
                               "; "
                               "print -r -- $_comps[smartgoals]; autoload -Uz +X _smartgoals && "
                               "print loaded";
    const auto r = run_process({"/usr/bin/zsh", "-f", "-c", script}, shell_env(s), "", s.dir);
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.out == "_smartgoals\nloaded\n");
    CHECK(r.err.empty());
}

TEST_CASE("the hidden __complete command lists ids quietly, and stays out of --help") {
    Sandbox s;
    CHECK(s.ok({"__complete", "goals"}).empty()); // no database yet: nothing, no error
    fill(s);
    CHECK(s.ok({"__complete", "goals"}) == "1\tWalk to the park\n2\tCall my sister\n");
    CHECK(s.ok({"__complete", "all-goals"}).find("3\tLet this go") != std::string::npos);
    CHECK(s.ok({"__complete", "cbc"}) == "1\tDrinking\n");
    CHECK_FALSE(contains(s.ok({"--help"}), "__complete"));
}
