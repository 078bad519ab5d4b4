// SPDX-License-Identifier: MIT
// The completions, driven in the real shells, offering ids read from the user's database.
#include "harness.hpp"

#include <doctest/doctest.h>

namespace {

const std::string k_completions = std::string(SMARTGOALS_SOURCE_DIR) + "/completions";

std::map<std::string, std::string> shell_env(const Sandbox& s) {
    auto env = s.env;
    const auto bin = std::filesystem::path(smartgoals_binary()).parent_path().string();
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
    s.ok({"balance", "areas", "--set", "family,health,my faith"});
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
t smartgoals values ''
t smartgoals values add x --p
t smartgoals balance ''
t smartgoals balance rate ''
t smartgoals balance rate health=6 m
t smartgoals balance rate health=6 --d
t smartgoals balance show --format ''
t smartgoals balance areas --s
t smartgoals export v
t smartgoals abc ''
t smartgoals abc new --e
t smartgoals abc edit 1 --urge 3 --c
t smartgoals abc list --week ''
t smartgoals abc show 1 --format ''
t smartgoals plan ''
t smartgoals plan new x --importance ''
t smartgoals plan new x --step y --s
t smartgoals plan edit 1 --c
t smartgoals plan goal 1 2 --w
t smartgoals export p
t smartgoals config set u
t smartgoals --passphrase-fd 3 l
)";
    const auto r = run_process({"/bin/bash", "-c", script}, shell_env(s), "", s.dir);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out ==
          "goal checkin review urge-log cbc cba values balance abc plan worksheet export import "
          "config undo nudge encrypt decrypt lock --db "
          "--today "
          "--color --quiet -q --plain --passphrase-fd --help --version\n"
          "add done drop reopen edit show list remove remove-completion\n"
          "1 2\n"
          "1 2 3\n"
          "motivation urges thoughts balance none\n"
          "deny delay distract\n"
          "1\n"
          "benefits-of-using costs-of-using benefits-of-not-using costs-of-not-using bu cu "
          "bn cn\n"
          "goals completions checkins urges cbc weeks values abc plans balance\n"
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
          "costs-of-using costs-of-not-using cu cn\n"
          "add list move edit remove\n"
          "--position --plain --passphrase-fd\n"
          "rate show areas list remove\n"
          "family= health= my\\ faith=\n" // the member's own areas, read from the database
          "my\\ faith=\n"
          "--date --db\n"
          "text markdown html json\n"
          "--set\n"
          "values\n"
          "new list show edit remove\n"
          "--event --effective\n"
          "--consequence --color\n"
          "this last next -1 -2 -4 yesterday\n"
          "text markdown html json\n"
          "new list show edit remove goal\n"
          "1 2 3 4 5 6 7 8 9 10\n"
          "--step --sign\n"
          "--change --confidence --color\n"
          "--week\n"
          "plans\n"
          "unlock-minutes\n"
          "lock\n");
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
                               "complete -C 'smartgoals urge-log e'; echo ---; "
                               "complete -C 'smartgoals values '; echo ---; "
                               "complete -C 'smartgoals balance rate '; echo ---; "
                               "complete -C 'smartgoals balance show --format '; echo ---; "
                               "complete -C 'smartgoals export b'; echo ---; "
                               "complete -C 'smartgoals goal add x --area balance '; echo ---; "
                               "complete -C 'smartgoals abc '; echo ---; "
                               "complete -C 'smartgoals abc new --e'; echo ---; "
                               "complete -C 'smartgoals abc show 1 --format '; echo ---; "
                               "complete -C 'smartgoals abc list --a'; echo ---; "
                               "complete -C 'smartgoals plan '; echo ---; "
                               "complete -C 'smartgoals plan new x --i'; echo ---; "
                               "complete -C 'smartgoals plan goal '; echo ---; "
                               "complete -C 'smartgoals plan goal 1 2 --w'; echo ---; "
                               "complete -C 'smartgoals export p'";
    const auto r =
        run_process({"/usr/bin/fish", "--no-config", "-c", script}, shell_env(s), "", s.dir);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out == "1\tWalk to the park\n2\tCall my sister\n---\n1\tDrinking\n---\n"
                   "cbc\nchange-plan\n---\ncsv\njson\n---\nlong\nnone\nshort\n---\n"
                   "edit\tCorrect an urge\n---\n"
                   "add\tAdd what matters to you\nedit\tPut a value in new words\n"
                   "list\tMost important first\nmove\tMove a value to another place\n"
                   "remove\tRemove a value\n---\n"
                   "family=\nfriends=\ngrowth=\nhealth=\nhome=\nleisure=\nmoney=\nwork=\n---\n"
                   "html\njson\nmarkdown\ntext\n---\nbalance\n---\n"
                   "---\n" // after --area balance: no balance subcommands
                   "edit\tChange or add to any part\nlist\tEvery ABC, newest first\n"
                   "new\tRecord an ABC\nremove\tRemove an ABC\nshow\tOne ABC in full\n---\n"
                   "--effective\tE: the effective new belief\n"
                   "--event\tA: what happened, as a camera would have seen it\n---\n"
                   "html\njson\nmarkdown\ntext\n---\n"
                   "---\n" // checkin's and urge-log's --all, not abc list's
                   "edit\tChange a plan\ngoal\tTurn a step into a goal\nlist\tEvery change plan\n"
                   "new\tMake a change plan\nremove\tRemove a plan; goals made from it stay\n"
                   "show\tA plan in full, with the goals its steps became\n---\n"
                   "--importance\tHow important the change is\n"
                   "--interfere\tWhat could interfere, and what to do (repeat for more)\n---\n"
                   "---\n" // plan's goal subcommand, not the goal command's subcommands
                   "--week\tThe week it is for\n---\n"
                   "plans\n");
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

TEST_CASE("zsh's completion function offers each command's words and the member's own") {
    // zsh's completion system needs a terminal to run; here its builtins are stood in for by
    // functions that print what _smartgoals hands them, for a given command line.
    Sandbox s;
    fill(s);
    s.ok({"balance", "areas", "--set", "family,health,my faith"});
    const std::string script = R"(
_arguments() { if [[ $1 == -C ]]; then state=$STATE; line=(${=LINE}); return 1; fi
               print -r -- "${(j: :)${(q-)@}}"; }
_values() { print -r -- "$*"; }
_describe() { print -r -- "${(j:|:)${(P)4}}"; }
compadd() { print -r -- "compadd $*"; }
t() { STATE=$1 LINE=$2 CURRENT=$3; source )" +
                               k_completions +
                               R"(/_smartgoals; }
t argument values 2
t argument 'values add' 3
t argument balance 2
t argument 'balance rate' 3
t argument 'balance show' 3
t argument 'balance areas' 3
t argument abc 2
t argument 'abc new' 3
t argument 'abc show' 3
t argument plan 2
t argument 'plan edit' 3
t argument 'plan goal' 3
t argument export 2
typeset -A opt_args
_smartgoals_areas
_smartgoals_ids goals
_arguments() { if [[ $1 == -C ]]; then state=$STATE; line=(${=LINE}); return 1; fi
               print -r -- "$CURRENT:${(j:,:)words}"; }
words=(abc new --) # the subcommand, not the command, is the command word for abc's and plan's
t argument 'abc new' 3
words=(plan goal 1 '')
t argument 'plan goal 1' 4
)";
    const auto r = run_process({"/usr/bin/zsh", "-f", "-c", script}, shell_env(s), "", s.dir);
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out ==
          "subcommand add list move edit remove\n"
          "'--position[its place, 1 for what matters most]:position:' 1:text:\n"
          "subcommand rate show areas list remove\n"
          "'--date[the day it is about]:day:(today yesterday monday tuesday wednesday thursday "
          "friday saturday sunday)' '*:area=score:_smartgoals_areas'\n"
          "'--format[format]:format:(text markdown html json)'\n"
          "'--set[your areas, separated by commas]:areas:'\n"
          "subcommand new list show edit remove\n"
          "'--event[A, what happened, as a camera would have seen it]:event:' "
          "'--belief[B, what you told yourself about it]:belief:' "
          "'--consequence[C, how you felt, and what you did]:consequence:' "
          "'--dispute[D, questioning the belief (is it true? does it help me?)]:dispute:' "
          "'--effective[E, the effective new belief]:new belief:' "
          "'--urge[the logged urge it started from (urge-log list shows them)]:urge id:' "
          "'--date[the day it is about]:day:(today yesterday monday tuesday wednesday thursday "
          "friday saturday sunday)'\n"
          "'--format[format]:format:(text markdown html json)' '1:ABC id (abc list shows them):'\n"
          "subcommand new list show edit remove goal\n"
          "'--change[the change, in new words]:change:' "
          "'--importance[how important the change is, 1 to 10]:importance:(1 2 3 4 5 6 7 8 9 10)' "
          "'--confidence[how confident you are of making it, 1 to 10]:confidence:(1 2 3 4 5 6 7 "
          "8 9 10)' '*--reason[a reason for the change (repeat for more)]:reason:' "
          "'*--step[a step to take (repeat for more, in order)]:step:' "
          "'*--helper[who can help, and how (repeat for more)]:helper:' "
          "'*--sign[how you will know the plan is working (repeat for more)]:sign:' "
          "'*--interfere[what could interfere, and what to do about it (repeat for more)]:"
          "interfere:' '1:plan id (plan list shows them):'\n"
          "'--week[the week it is for]:week:(this last next -1 -2 -4 yesterday)' "
          "'1:plan id (plan list shows them):' '2:step number (plan show lists them):'\n"
          "'--format[format]:format:(csv json)' '--since[from]:day:(today yesterday monday "
          "tuesday wednesday thursday friday saturday sunday)' '--until[to]:day:(today yesterday "
          "monday tuesday wednesday thursday friday saturday sunday)' "
          "'(-o --output)-o[file]:file:_files' '(-o --output)--output[file]:file:_files' "
          "'--spreadsheet-safe[guard formulas]' "
          "'1::table:(goals completions checkins urges cbc weeks values abc plans balance)'\n"
          "compadd -S = -- family health my faith\n"
          "1:Walk to the park|2:Call my sister\n"
          "2:new,--\n"
          "3:goal,1,\n");
    const auto commands = run_process(
        {"/usr/bin/zsh", "-f", "-c",
         "_arguments() { state=command; return 1; }; "
         "_describe() { print -rl -- ${(P)4}; }; source " +
             k_completions + "/_smartgoals | grep -E '^(values|balance|abc|plan|export):'"},
        shell_env(s), "", s.dir);
    CHECK(commands.out == "values:Hierarchy of Values: what matters most to you, in order\n"
                          "balance:Lifestyle Balance Pie: rate areas of life 0 to 10\n"
                          "abc:SMART's ABC: an event, the beliefs it stirred, a dispute, a new "
                          "belief\n"
                          "plan:Change Plan: the change you want, your reasons and steps\n"
                          "export:write your data as CSV or JSON\n");
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
