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
    if (name == "all") {
        return std::vector{K::weekly, K::cbc, K::urge_log, K::change_plan};
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
    }
    return weekly();
}

} // namespace smartgoals
