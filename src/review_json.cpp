// SPDX-License-Identifier: MIT
#include <smartgoals/review.hpp>

namespace smartgoals {

namespace {

using Json = nlohmann::ordered_json;

Json tenths_or_null(std::optional<int> tenths) {
    return tenths ? Json(*tenths / 10.0) : Json(nullptr);
}

Json goal_json(const Goal& goal, Weekday week_start) {
    return Json{{"id", goal.id},
                {"uuid", goal.uuid},
                {"text", goal.text},
                {"area", goal.area ? Json(std::string(to_string(*goal.area))) : Json(nullptr)},
                {"kind", to_string(goal.kind)},
                {"target", goal.target},
                {"week", format_date(week_containing(goal.planned, week_start).start)},
                {"status", to_string(goal.status)},
                {"closed", goal.closed ? Json(format_date(*goal.closed)) : Json(nullptr)}};
}

Json urges_json(const UrgeSummary& u) {
    Json strategies = Json::array(), triggers = Json::array();
    for (const auto& s : u.strategies) {
        strategies.push_back(
            {{"strategy", s.strategy}, {"used", s.used}, {"rode_out", s.rode_out}});
    }
    for (const auto& t : u.triggers) {
        triggers.push_back({{"trigger", t.trigger}, {"count", t.count}});
    }
    return Json{
        {"count", u.count},
        {"avg_intensity", tenths_or_null(u.avg_intensity_tenths)},
        {"highest_intensity", u.highest_intensity ? Json(*u.highest_intensity) : Json(nullptr)},
        {"total_minutes", u.total_minutes},
        {"rode_out", u.rode_out},
        {"acted", u.acted},
        {"strategies", strategies},
        {"triggers", triggers}};
}

Json abc_json(const std::vector<Abc>& abcs) {
    Json out = Json::array();
    for (const auto& a : abcs) {
        out.push_back({{"id", a.id},
                       {"uuid", a.uuid},
                       {"date", format_date(a.date)},
                       {"event", a.event},
                       {"effective", a.effective.empty() ? Json(nullptr) : Json(a.effective)}});
    }
    return out;
}

} // namespace

Json render_json(const Review& r) {
    const Weekday ws = r.history->week_start;
    Json checkins = Json::array(), achieved = Json::array(), rolling = Json::array(),
         let_go = Json::array(), weekly = Json::array(), trend = Json::array(),
         ahead = Json::array();
    for (const auto* c : r.summary.checkins) {
        checkins.push_back({{"id", c->id},
                            {"uuid", c->uuid},
                            {"date", format_date(c->date)},
                            {"rating", c->rating ? Json(*c->rating) : Json(nullptr)},
                            {"note", c->note}});
    }
    // A goal as it stood in the reviewed week (rule 10): its status and C by the week's end,
    // the target it had then, and for a once goal the weeks it was carried, as the text says.
    auto goal_in_week = [&](const ReviewGoal& g) {
        Json j = goal_json(*g.goal, ws);
        const Status then = status_in(*g.goal, r.week());
        j["status"] = to_string(then);
        if (then == Status::open) {
            j["closed"] = nullptr;
        }
        j["target"] = g.at.target;
        j["progress"] = g.at.progress;
        if (g.goal->kind == Kind::weekly) {
            j["achieved"] = g.at.done_here;
            j["let_go"] = g.at.let_go_here;
        } else {
            j["carried_weeks"] = g.carried_weeks;
        }
        return j;
    };
    for (const auto& g : r.goals.weekly) {
        weekly.push_back(goal_in_week(g));
    }
    for (const auto& g : r.goals.achieved) {
        achieved.push_back(goal_in_week(g));
    }
    for (const auto& g : r.goals.let_go) {
        let_go.push_back(goal_in_week(g));
    }
    for (const auto& g : r.goals.rolling_over) {
        rolling.push_back(goal_in_week(g));
    }
    for (const auto& t : r.trend) {
        trend.push_back({{"week", format_date(t.week.start)},
                         {"avg_rating", tenths_or_null(t.avg_rating_tenths)},
                         {"checkins", t.checkins},
                         {"goals_achieved", t.goals_achieved},
                         {"urges", t.urges}});
    }
    const Week next = r.week().plus(1);
    for (const auto* goal : r.plan) {
        // As it stood at the end of the reviewed week: open, with the target it has ahead.
        Json g = goal_json(*goal, ws);
        g["status"] = to_string(status_in(*goal, r.week()));
        if (status_in(*goal, r.week()) == Status::open) {
            g["closed"] = nullptr;
        }
        g["target"] = target_in(*goal, next, ws);
        const Week planned = week_containing(goal->planned, ws);
        g["carried_weeks"] = goal->kind == Kind::once && planned < next
                                 ? Json(weeks_between(planned, next))
                                 : Json(nullptr);
        ahead.push_back(g);
    }
    return Json{
        {"week",
         {{"start", format_date(r.week().start)},
          {"end", format_date(r.week().end())},
          {"current", r.is_current()}}},
        {"today", format_date(r.today)},
        {"name", r.owner.empty() ? Json(nullptr) : Json(r.owner)},
        {"values", r.values},
        {"week_start", weekday_name(ws)},
        {"checkins", checkins},
        {"avg_rating", tenths_or_null(r.summary.avg_rating_tenths)},
        {"goals_active", r.summary.active},
        {"achieved", achieved},
        {"rolling_over", rolling},
        {"let_go", let_go},
        {"weekly", weekly},
        {"urges", urges_json(r.urges)},
        {"abc", abc_json(r.abcs)},
        {"trend", trend},
        {"totals",
         {{"as_of", format_date(r.totals.as_of)},
          {"goals_achieved", r.totals.goals_achieved},
          {"weeks_checked_in", r.totals.weeks_checked_in},
          {"checkins", r.totals.checkins},
          {"urges_logged", r.totals.urges_logged},
          {"urges_ridden_out", r.totals.urges_ridden_out}}},
        {"ahead",
         {{"start", format_date(next.start)}, {"end", format_date(next.end())}, {"goals", ahead}}}};
}

} // namespace smartgoals
