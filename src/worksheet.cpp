// SPDX-License-Identifier: MIT
#include <smartgoals/worksheet.hpp>

namespace smartgoals {

namespace {

Block heading(std::string text) {
    return {Block::Type::heading, std::move(text)};
}
Block text(std::string t) {
    return {Block::Type::text, std::move(t)};
}
Block scale(std::string t) {
    return {Block::Type::scale, std::move(t)};
}
Block lines(std::string t, int n) {
    return {Block::Type::lines, std::move(t), n};
}
Block table(std::string caption, std::vector<std::string> columns, std::vector<int> widths,
            int rows) {
    return {Block::Type::table, std::move(caption), rows, std::move(columns), std::move(widths)};
}

Worksheet weekly() {
    return {WorksheetKind::weekly,
            "Weekly check-in and seven-day plan",
            {
                heading("Check-in: how the last seven days have been"),
                scale("How were the last seven days?"),
                lines("What went well, and what I am pleased with:", 3),
                lines("What was hard:", 2),
                heading("Check-out: my plan for the seven days ahead"),
                table("", {"Goal", "Area", "How often", "Done"}, {40, 11, 9, 7}, 5),
                lines("What might get in the way, and what I can do about it:", 2),
                lines("Who can help:", 1),
                text("Areas are SMART's four points: motivation, urges, thoughts, balance. A goal "
                     "not reached yet is simply tried again next week."),
            }};
}

Worksheet cost_benefit() {
    return {WorksheetKind::cbc,
            "Cost-benefit analysis",
            {
                lines("What I am weighing up:", 1),
                text("In each box, write what comes to mind, and tick S (short-term) or L "
                     "(long-term)."),
                {Block::Type::quadrants, "", 7},
                lines("What stands out to me:", 2),
                text("Come back to it when motivation wavers: add to it over the weeks."),
            }};
}

Worksheet urge_log() {
    return {WorksheetKind::urge_log,
            "Urge log",
            {
                text("Note an urge when it comes. One or two entries a week is plenty; "
                     "acting on it is part of learning too."),
                table("",
                      {"Date and time", "Strength 1-10", "How long", "What triggered it",
                       "Who was there, where", "How I coped, how I felt", "Ideas for next time"},
                      {8, 8, 6, 9, 8, 10, 9}, 8),
                text("Ways to cope (DEADS): Deny or Delay; Escape; Avoid, Accept or Attack; "
                     "Distract; Substitute."),
            }};
}

Worksheet change_plan() {
    return {WorksheetKind::change_plan,
            "Change plan",
            {
                lines("The changes I want to make are:", 2),
                scale("How important is this change to me?"),
                scale("How confident am I that I can make it?"),
                lines("My most important reasons for making these changes are:", 2),
                lines("The steps I plan to take are:", 3),
                table("How other people can help", {"Who", "How they can help"}, {25, 48}, 3),
                lines("I will know that my plan is working if:", 2),
                lines("What could interfere with my plan:", 2),
            }};
}

Worksheet values() {
    return {WorksheetKind::values,
            "Hierarchy of values",
            {
                text("Why change? The answer is in what matters to me. There are no right "
                     "answers here, only mine."),
                lines("What matters to me, as it comes to mind (family, health, work, friends, "
                      "self-respect, anything at all):",
                      2),
                {Block::Type::numbered,
                 "What matters most to me, in order (1 is the most important to me):", 8},
                lines("How my goals connect to these: which of them does each goal serve?", 3),
                lines("Where does the behaviour I want to change sit among these? How does it "
                      "touch each one?",
                      2),
                text("What matters can shift over time; come back to this list whenever you like."),
            }};
}

Worksheet abc() {
    return {WorksheetKind::abc,
            "ABC: thinking it through",
            {
                text("Take one moment that stirred up strong feelings or an urge, letter by "
                     "letter."),
                lines("A — Activating event: what happened? Write it as a camera would have seen "
                      "it.",
                      2),
                lines("B — Beliefs: what did I tell myself about it? (Listen for \"should\", "
                      "\"must\", \"can't stand\", \"awful\".)",
                      3),
                lines("C — Consequences: how did I feel, and what did I do?", 3),
                lines("D — Dispute: question the belief, one question at a time. Is it true? "
                      "Where is the evidence?",
                      2),
                lines("Does it help me?", 2),
                lines("What would I tell a friend who believed this?", 2),
                lines("E — Effective new belief: a more helpful way to see it.", 3),
                text("An urge can be the A, too: then B is what I tell myself about the urge "
                     "(\"it's unbearable\", \"it won't go away\")."),
            }};
}

Worksheet balance() {
    return {WorksheetKind::balance,
            "Lifestyle balance pie",
            {
                text("How satisfied am I with each area of my life? Circle a number for each: 0 "
                     "is not at all, 10 is as good as it could be. It is a picture of my life "
                     "today, not a score."),
                {Block::Type::ratings,
                 "",
                 2,
                 {"Family", "Friends", "Health", "Work", "Leisure", "Money", "Home", "Growth"}},
                lines("Which area would I like to give a little more time in the seven days "
                      "ahead? One small step I could take:",
                      3),
                lines("What or who could help:", 2),
                text("Rate it again in a few weeks, in the second column, to see what has "
                     "changed. Name your own areas on the blank rows if these do not fit."),
            }};
}

} // namespace

std::optional<std::vector<WorksheetKind>> parse_worksheet_kinds(std::string_view name) {
    using K = WorksheetKind;
    if (name == "weekly") {
        return std::vector{K::weekly};
    }
    if (name == "cbc" || name == "cba") {
        return std::vector{K::cbc};
    }
    if (name == "urge-log") {
        return std::vector{K::urge_log};
    }
    if (name == "change-plan") {
        return std::vector{K::change_plan};
    }
    if (name == "values") {
        return std::vector{K::values};
    }
    if (name == "abc") {
        return std::vector{K::abc};
    }
    if (name == "balance") {
        return std::vector{K::balance};
    }
    if (name == "all") {
        return std::vector{K::weekly, K::cbc, K::urge_log, K::change_plan,
                           K::values, K::abc, K::balance};
    }
    return std::nullopt;
}

Worksheet build_worksheet(WorksheetKind kind) {
    switch (kind) {
    case WorksheetKind::weekly:
        return weekly();
    case WorksheetKind::cbc:
        return cost_benefit();
    case WorksheetKind::urge_log:
        return urge_log();
    case WorksheetKind::change_plan:
        return change_plan();
    case WorksheetKind::values:
        return values();
    case WorksheetKind::abc:
        return abc();
    case WorksheetKind::balance:
        return balance();
    }
    return weekly();
}

} // namespace smartgoals
