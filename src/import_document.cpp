// SPDX-License-Identifier: MIT
#include <smartgoals/errors.hpp>
#include <smartgoals/seal.hpp>
#include <smartgoals/text_width.hpp>
#include <smartgoals/transfer.hpp>
#include <smartgoals/urges.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace smartgoals {

namespace {

// Bounds on what an import reads (SPEC §8): ids a JSON number holds exactly, and nesting far
// deeper than any export.
constexpr std::int64_t k_max_id = std::int64_t{1} << 53;
constexpr int k_max_depth = 64;

// SAX events of nlohmann-json, keeping only each open object's keys (reused level by level, so
// that a document of many small objects costs few allocations).
struct ShapeCheck {
    std::vector<std::vector<std::string>> keys; // keys[d]: the keys of the object at depth d
    std::size_t depth = 0;                      // open objects and arrays
    std::size_t objects = 0;                    // open objects
    std::vector<bool> is_object;
    std::size_t error_byte = 0;
    bool too_large = false;

    bool open(bool object) {
        if (++depth > static_cast<std::size_t>(k_max_depth)) {
            throw UsageError(fmt::format("import: the file nests deeper than {} levels; it is "
                                         "not an export",
                                         k_max_depth));
        }
        is_object.push_back(object);
        if (object) {
            if (keys.size() <= objects) {
                keys.emplace_back();
            }
            keys[objects++].clear();
        }
        return true;
    }
    bool close() {
        if (!is_object.empty()) {
            if (is_object.back()) {
                --objects;
            }
            is_object.pop_back();
        }
        --depth;
        return true;
    }
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(nlohmann::json::number_integer_t) { return true; }
    bool number_unsigned(nlohmann::json::number_unsigned_t) { return true; }
    bool number_float(nlohmann::json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(nlohmann::json::binary_t&) { return true; }
    bool start_object(std::size_t) { return open(true); }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(false); }
    bool end_array() { return close(); }
    bool key(std::string& name) {
        auto& seen = keys[objects - 1];
        if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
            throw UsageError(fmt::format("import: the key \"{}\" appears twice in one object; "
                                         "it is not an export",
                                         shown(name)));
        }
        seen.push_back(name);
        return true;
    }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& e) {
        error_byte = position;
        too_large = e.id == 406;
        return false;
    }
};

using Json = nlohmann::json;

// Reads one object of the document, naming the place of any problem ("goals[3].target").
class Fields {
public:
    Fields(const Json& object, std::string place) : m_object(object), m_place(std::move(place)) {
        if (!m_object.is_object()) {
            fail("", "is not an object");
        }
    }

    [[noreturn]] void fail(std::string_view key, std::string_view problem) const {
        throw UsageError(
            fmt::format("import: {}{}{}: {}", m_place, key.empty() ? "" : ".", key, problem));
    }

    const Json* find(std::string_view key) const {
        const auto it = m_object.find(key);
        return it == m_object.end() || it->is_null() ? nullptr : &*it;
    }

    std::string text(std::string_view key, bool required = false) const {
        const auto* v = find(key);
        if (!v) {
            if (required) {
                fail(key, "is missing");
            }
            return "";
        }
        if (!v->is_string()) {
            fail(key, "is not text");
        }
        if (required && v->get<std::string>().find_first_not_of(" \t\r\n") == std::string::npos) {
            fail(key, "is empty");
        }
        return v->get<std::string>();
    }

    std::optional<std::int64_t> number(std::string_view key, std::int64_t low, std::int64_t high,
                                       bool required = false) const {
        const auto* v = find(key);
        if (!v) {
            if (required) {
                fail(key, "is missing");
            }
            return std::nullopt;
        }
        if (!v->is_number_integer()) {
            fail(key, "is not a whole number");
        }
        if (v->is_number_unsigned() && v->get<std::uint64_t>() > std::uint64_t(INT64_MAX)) {
            fail(key,
                 fmt::format("{} is out of range ({} to {})", v->get<std::uint64_t>(), low, high));
        }
        const auto n = v->get<std::int64_t>();
        if (n < low || n > high) {
            fail(key, fmt::format("{} is out of range ({} to {})", n, low, high));
        }
        return n;
    }

    std::optional<Date> date(std::string_view key, bool required,
                             std::optional<Date> latest) const {
        const auto t = text(key, required);
        if (t.empty()) {
            return std::nullopt;
        }
        const auto d = parse_date(t);
        if (!d) {
            fail(key, fmt::format("'{}' is not a date (YYYY-MM-DD)", t));
        }
        if (latest && *d > *latest) {
            fail(key, fmt::format("{} is in the future", t));
        }
        return d;
    }

    template <typename T, typename Parse>
    std::optional<T> choice(std::string_view key, Parse parse, std::string_view allowed,
                            bool required = false) const {
        const auto t = text(key, required);
        if (t.empty()) {
            return std::nullopt;
        }
        auto value = parse(t);
        if (!value) {
            fail(key, fmt::format("'{}' is not one of {}", t, allowed));
        }
        return value;
    }

    const Json& array(std::string_view key) const {
        static const Json empty = Json::array();
        const auto* v = find(key);
        if (!v) {
            return empty;
        }
        if (!v->is_array()) {
            fail(key, "is not a list");
        }
        return *v;
    }

    std::string uuid(std::string_view key, std::set<std::string>& seen) const {
        auto u = text(key, true);
        if (u.size() > 64) {
            fail(key, "is too long for a UUID");
        }
        if (!seen.insert(u).second) {
            fail(key, fmt::format("{} appears twice", u));
        }
        return u;
    }

    const std::string& place() const { return m_place; }

private:
    const Json& m_object;
    std::string m_place;
};

std::string timestamp_of(const Date& day) {
    return format_date(day) + "T00:00:00";
}

Goal read_goal(const Fields& f, Date today, std::set<std::string>& uuids) {
    Goal g;
    g.id = f.number("id", 1, k_max_id).value_or(0);
    g.uuid = f.uuid("uuid", uuids);
    g.text = f.text("text", true);
    g.area = f.choice<Area>("area", parse_area, "motivation, urges, thoughts, balance");
    g.kind = *f.choice<Kind>("kind", parse_kind, "once, weekly", true);
    g.target = static_cast<int>(*f.number("target", 1, 99, true));
    const auto planned = f.date("planned", false, std::nullopt);
    g.planned = planned ? *planned : *f.date("week", true, std::nullopt);
    g.created = timestamp_of(*f.date("created", true, today));
    const auto status = *f.choice<Status>("status", parse_status, "open, done, dropped", true);
    const auto closed = f.date("closed", false, today);
    if (status == Status::dropped) {
        if (!closed) {
            f.fail("closed", "is missing for a goal that was let go");
        }
        g.status = Status::dropped;
        g.closed = closed;
    }
    // A weekly goal's earlier targets (rule 9), oldest first.
    const auto& earlier = f.array("earlier_targets");
    if (!earlier.empty() && g.kind != Kind::weekly) {
        f.fail("earlier_targets", "belong to weekly goals only");
    }
    for (std::size_t i = 0; i < earlier.size(); ++i) {
        const Fields e(earlier[i], fmt::format("{}.earlier_targets[{}]", f.place(), i));
        EarlierTarget t{.until = *e.date("until", true, today),
                        .target = static_cast<int>(*e.number("target", 1, 99, true))};
        if (!g.earlier_targets.empty() && t.until <= g.earlier_targets.back().until) {
            e.fail("until", "is not after the one before it");
        }
        g.earlier_targets.push_back(t);
    }
    const auto& completions = f.array("completions");
    for (std::size_t i = 0; i < completions.size(); ++i) {
        const Fields c(completions[i], fmt::format("{}.completions[{}]", f.place(), i));
        Completion done;
        done.id = c.number("id", 1, k_max_id).value_or(0);
        done.uuid = c.uuid("uuid", uuids);
        done.date = *c.date("date", true, today);
        done.note = c.text("note");
        g.completions.push_back(std::move(done));
    }
    return g;
}

Checkin read_checkin(const Fields& f, Date today, std::set<std::string>& uuids) {
    Checkin c;
    c.id = f.number("id", 1, k_max_id).value_or(0);
    c.uuid = f.uuid("uuid", uuids);
    c.date = *f.date("date", true, today);
    if (const auto rating = f.number("rating", 1, 10)) {
        c.rating = static_cast<int>(*rating);
    }
    c.note = f.text("note");
    c.created = timestamp_of(c.date);
    return c;
}

Urge read_urge(const Fields& f, Date today, std::set<std::string>& uuids) {
    Urge u;
    u.id = f.number("id", 1, k_max_id).value_or(0);
    u.uuid = f.uuid("uuid", uuids);
    const auto at = f.text("at", true);
    const auto date =
        at.size() == 16 && at[10] == 'T' ? parse_date(at.substr(0, 10)) : std::nullopt;
    const auto hh = at.size() == 16 ? at.substr(11, 2) : "",
               mm = at.size() == 16 ? at.substr(14, 2) : "";
    const bool digits = hh.find_first_not_of("0123456789") == std::string::npos &&
                        mm.find_first_not_of("0123456789") == std::string::npos;
    if (!date || !digits || hh.size() != 2 || at[13] != ':' || std::stoi(hh) > 23 ||
        std::stoi(mm) > 59) {
        f.fail("at", fmt::format("'{}' is not a time (YYYY-MM-DDTHH:MM)", at));
    }
    if (*date > today) {
        f.fail("at", fmt::format("{} is in the future", at));
    }
    u.date = *date;
    u.time = at.substr(11);
    u.intensity = static_cast<int>(*f.number("intensity", 1, 10, true));
    if (const auto minutes = f.number("duration_min", 0, 24 * 60)) {
        u.duration_min = static_cast<int>(*minutes);
    }
    u.trigger = f.text("trigger");
    u.where = f.text("where");
    const auto& strategies = f.array("strategy");
    for (std::size_t i = 0; i < strategies.size(); ++i) {
        if (!strategies[i].is_string() || strategies[i].get<std::string>().empty()) {
            f.fail(fmt::format("strategy[{}]", i), "is not text");
        }
        u.strategies.push_back(strategies[i].get<std::string>());
    }
    u.outcome = f.choice<Outcome>("outcome", parse_outcome, "rode-out, acted");
    u.note = f.text("note");
    u.next_time = f.text("next_time");
    u.created = timestamp_of(u.date);
    return u;
}

CostBenefit read_comparison(const Fields& f, Date today, std::set<std::string>& uuids) {
    CostBenefit c;
    c.id = f.number("cbc_id", 1, k_max_id).value_or(0);
    c.uuid = f.uuid("cbc_uuid", uuids);
    c.title = f.text("title", true);
    const auto kind = f.text("kind", true);
    if (kind != "substance" && kind != "activity") {
        f.fail("kind", fmt::format("'{}' is not one of substance, activity", kind));
    }
    c.activity = kind == "activity";
    c.created = timestamp_of(*f.date("created", true, today));
    const auto& items = f.array("items");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Fields it(items[i], fmt::format("{}.items[{}]", f.place(), i));
        CostBenefitItem item;
        item.id = it.number("item_id", 1, k_max_id).value_or(0);
        item.uuid = it.uuid("item_uuid", uuids);
        item.quadrant = *it.choice<Quadrant>("quadrant", parse_quadrant,
                                             "benefits-of-using, costs-of-using, "
                                             "benefits-of-not-using, costs-of-not-using",
                                             true);
        item.term = it.choice<Term>("term", parse_term, "short, long");
        if (const auto weight = it.number("weight", 1, 5)) {
            item.weight = static_cast<int>(*weight);
        }
        item.text = it.text("text", true);
        const auto created = it.date("created", false, today);
        item.created = created ? timestamp_of(*created) : c.created;
        c.items.push_back(std::move(item));
    }
    return c;
}

Value read_value(const Fields& f, Date today, std::set<std::string>& uuids) {
    Value v;
    v.id = f.number("id", 1, k_max_id).value_or(0);
    v.uuid = f.uuid("uuid", uuids);
    v.position = static_cast<int>(*f.number("position", 1, k_max_id, true));
    v.text = f.text("text", true);
    v.created = timestamp_of(*f.date("created", true, today));
    return v;
}

Abc read_abc(const Fields& f, Date today, std::set<std::string>& uuids) {
    Abc a;
    a.id = f.number("id", 1, k_max_id).value_or(0);
    a.uuid = f.uuid("uuid", uuids);
    a.date = *f.date("date", true, today);
    a.event = f.text("event", true);
    a.belief = f.text("belief");
    a.consequence = f.text("consequence");
    a.dispute = f.text("dispute");
    a.effective = f.text("effective");
    a.urge_uuid = f.text("urge_uuid");
    a.created = timestamp_of(a.date);
    return a;
}

ChangePlan read_plan(const Fields& f, Date today, std::set<std::string>& uuids) {
    ChangePlan p;
    p.id = f.number("plan_id", 1, k_max_id).value_or(0);
    p.uuid = f.uuid("plan_uuid", uuids);
    p.change = f.text("change", true);
    if (const auto n = f.number("importance", 1, 10)) {
        p.importance = static_cast<int>(*n);
    }
    if (const auto n = f.number("confidence", 1, 10)) {
        p.confidence = static_cast<int>(*n);
    }
    p.created = timestamp_of(*f.date("created", true, today));
    const auto& parts = f.array("parts");
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Fields l(parts[i], fmt::format("{}.parts[{}]", f.place(), i));
        PlanLine line;
        line.part = *l.choice<PlanPart>("part", parse_plan_part,
                                        "reason, step, helper, sign, interfere", true);
        line.number = static_cast<int>(*l.number("number", 1, 1'000'000, true));
        line.text = l.text("text", true);
        line.goal_uuid = l.text("goal_uuid");
        if (!line.goal_uuid.empty() && line.part != PlanPart::step) {
            l.fail("goal_uuid", "belongs to steps only: only a step becomes a goal");
        }
        for (const auto& other : p.lines) {
            if (other.part == line.part && other.number == line.number) {
                l.fail("number",
                       fmt::format("{} {} appears twice", to_string(line.part), line.number));
            }
        }
        p.lines.push_back(std::move(line));
    }
    return p;
}

BalanceRating read_balance(const Fields& f, Date today, std::set<std::string>& uuids) {
    BalanceRating r;
    r.id = f.number("id", 1, k_max_id).value_or(0);
    r.uuid = f.uuid("uuid", uuids);
    r.date = *f.date("date", true, today);
    r.area = f.text("area", true);
    // An area as `balance areas --set` would take it: one name, trimmed, nothing hidden in it.
    bool one_name = false;
    try {
        one_name = parse_balance_areas(r.area, "area") == std::vector<std::string>{r.area};
    } catch (const UsageError&) {
    }
    if (!one_name) {
        f.fail("area", fmt::format("'{}' is not an area's name as 'balance areas --set' takes it",
                                   shown(r.area)));
    }
    r.score = static_cast<int>(*f.number("score", 0, 10, true));
    r.created = timestamp_of(r.date);
    return r;
}

template <typename Read, typename Out>
void read_all(const Fields& root, std::string_view key, Read read, Date today,
              std::set<std::string>& uuids, std::vector<Out>& out) {
    const auto& records = root.array(key);
    for (std::size_t i = 0; i < records.size(); ++i) {
        out.push_back(read(Fields(records[i], fmt::format("{}[{}]", key, i)), today, uuids));
    }
}

} // namespace

ImportDocument parse_document(const std::string& text, Date today) {
    // First a pass that builds nothing: nesting and keys given twice, which a reader would
    // resolve by keeping one of the two values without a word.
    ShapeCheck shape;
    if (!Json::sax_parse(text, &shape)) {
        if (shape.too_large) {
            // JSON allows numbers no double holds, such as 1E400; no export has one.
            throw UsageError(
                "import: the file holds a number too large to read; it is not an export");
        }
        throw UsageError(fmt::format("import: the file is not valid JSON (byte {}): it may be "
                                     "cut short or not an export",
                                     shape.error_byte));
    }
    Json root;
    try {
        root = Json::parse(text);
    } catch (const Json::exception&) {
        throw UsageError("import: the file is not valid JSON; it is not an export");
    }
    if (!root.is_object() || !root.contains("format") || root["format"] != "smartgoals") {
        throw UsageError("import: this is not a smartgoals export (it has no \"format\": "
                         "\"smartgoals\"); export one with 'smartgoals export --format json'");
    }
    const Fields top(root, "document");
    const auto version = top.number("version", 1, INT64_MAX, true);
    if (*version > k_document_version) {
        throw UsageError(fmt::format("import: the file was written by a newer smartgoals "
                                     "(version {}); this one reads version {}",
                                     *version, k_document_version));
    }
    ImportDocument doc;
    if (const auto* settings = top.find("settings")) {
        const Fields s(*settings, "settings");
        for (const auto& [key, value] : settings->items()) {
            if (key != "week-start" && key != "name" && key != k_balance_areas_setting &&
                key != "unlock-minutes") {
                s.fail(key, "is not a setting (week-start, name, balance-areas, unlock-minutes)");
            }
            const auto v = s.text(key, true);
            if (key == "unlock-minutes" && !seal::parse_unlock_minutes(v)) {
                s.fail(key, fmt::format("'{}' is not a number of minutes from 0 to {}", v,
                                        seal::k_max_unlock_minutes));
            }
            if (key == "week-start" && !parse_weekday(v)) {
                s.fail(key, fmt::format("'{}' is not a day", v));
            }
            if (key == k_balance_areas_setting) {
                try {
                    parse_balance_areas(v, "");
                } catch (const UsageError&) {
                    s.fail(key, fmt::format("'{}' is not a list of areas", v));
                }
            }
            doc.settings[key] = v;
        }
    }
    std::set<std::string> uuids;
    read_all(top, "goals", read_goal, today, uuids, doc.goals);
    read_all(top, "checkins", read_checkin, today, uuids, doc.checkins);
    read_all(top, "urges", read_urge, today, uuids, doc.urges);
    read_all(top, "cbc", read_comparison, today, uuids, doc.comparisons);
    read_all(top, "values", read_value, today, uuids, doc.values);
    read_all(top, "abc", read_abc, today, uuids, doc.abc);
    read_all(top, "plans", read_plan, today, uuids, doc.plans);
    read_all(top, "balance", read_balance, today, uuids, doc.balance);
    const auto& removed = top.array("removed");
    for (std::size_t i = 0; i < removed.size(); ++i) {
        const Fields r(removed[i], fmt::format("removed[{}]", i));
        const auto uuid = r.uuid("uuid", uuids);
        doc.removed.emplace_back(uuid, *r.date("date", true, today));
    }
    return doc;
}

ImportReport import_document(Store& store, const ImportDocument& doc) {
    ImportReport report;
    for (const auto& [key, value] : doc.settings) {
        if (store.setting(key)) {
            ++report.settings.skipped;
        } else {
            store.set_setting(key, value);
            ++report.settings.added;
        }
    }
    for (const auto& goal : doc.goals) {
        auto id = store.id_of_uuid("goals", goal.uuid);
        if (!id && store.is_removed(goal.uuid)) {
            ++report.goals.removed_here; // and its completions with it
            report.completions.removed_here += static_cast<int>(goal.completions.size());
            continue;
        }
        if (id) {
            ++report.goals.skipped;
        } else {
            Goal copy = goal;
            copy.status = Status::open;
            copy.closed.reset();
            copy.completions.clear();
            store.add_goal(copy);
            id = copy.id;
            ++report.goals.added;
        }
        for (const auto& completion : goal.completions) {
            if (store.id_of_uuid("completions", completion.uuid)) {
                ++report.completions.skipped;
                continue;
            }
            if (store.is_removed(completion.uuid)) {
                ++report.completions.removed_here;
                continue;
            }
            Completion copy = completion;
            copy.goal_id = *id;
            store.add_completion(copy);
            ++report.completions.added;
        }
        // Rule 1 once per goal, from all of a once goal's completions (a weekly goal's status
        // does not follow from them); a goal let go in the file is let go here too.
        auto now = *store.goal_without_completions(*id);
        if (now.kind == Kind::once) {
            now = *store.goal(*id);
        }
        auto change = GoalChange{.after = settled(std::move(now))};
        if (goal.status == Status::dropped && change.after.status == Status::open) {
            change = let_go(std::move(change.after), *goal.closed);
        }
        store.update_goal(change.after);
    }
    for (const auto& checkin : doc.checkins) {
        if (store.id_of_uuid("checkins", checkin.uuid)) {
            ++report.checkins.skipped;
        } else if (store.is_removed(checkin.uuid)) {
            ++report.checkins.removed_here;
        } else {
            Checkin copy = checkin;
            store.add_checkin(copy);
            ++report.checkins.added;
        }
    }
    for (const auto& urge : doc.urges) {
        if (store.id_of_uuid("urges", urge.uuid)) {
            ++report.urges.skipped;
        } else if (store.is_removed(urge.uuid)) {
            ++report.urges.removed_here;
        } else {
            Urge copy = urge;
            store.add_urge(copy);
            ++report.urges.added;
        }
    }
    for (const auto& comparison : doc.comparisons) {
        auto id = store.id_of_uuid("comparisons", comparison.uuid);
        if (!id && store.is_removed(comparison.uuid)) {
            ++report.comparisons.removed_here; // and its items with it
            report.items.removed_here += static_cast<int>(comparison.items.size());
            continue;
        }
        if (id) {
            ++report.comparisons.skipped;
        } else {
            CostBenefit copy = comparison;
            store.add_comparison(copy);
            id = copy.id;
            ++report.comparisons.added;
        }
        for (const auto& item : comparison.items) {
            if (store.id_of_uuid("comparison_items", item.uuid)) {
                ++report.items.skipped;
                continue;
            }
            if (store.is_removed(item.uuid)) {
                ++report.items.removed_here;
                continue;
            }
            CostBenefitItem copy = item;
            store.add_comparison_item(*id, copy);
            ++report.items.added;
        }
    }
    // Values in the order of their places, each put at its own place: into an empty database
    // they come back as they were; among values already here, each goes where the file had it.
    std::vector<const Value*> values;
    for (const auto& value : doc.values) {
        values.push_back(&value);
    }
    std::stable_sort(values.begin(), values.end(),
                     [](const Value* a, const Value* b) { return a->position < b->position; });
    for (const auto* value : values) {
        if (store.id_of_uuid("life_values", value->uuid)) {
            ++report.values.skipped;
        } else if (store.is_removed(value->uuid)) {
            ++report.values.removed_here;
        } else {
            Value copy = *value;
            store.add_value(copy);
            ++report.values.added;
        }
    }
    for (const auto& abc : doc.abc) {
        if (store.id_of_uuid("abcs", abc.uuid)) {
            ++report.abc.skipped;
        } else if (store.is_removed(abc.uuid)) {
            ++report.abc.removed_here;
        } else {
            Abc copy = abc;
            // Linked to its urge when that urge is here (imported above, or here before).
            copy.urge_id =
                copy.urge_uuid.empty() ? std::nullopt : store.id_of_uuid("urges", copy.urge_uuid);
            store.add_abc(copy);
            ++report.abc.added;
        }
    }
    for (const auto& plan : doc.plans) {
        if (store.id_of_uuid("plans", plan.uuid)) {
            ++report.plans.skipped;
        } else if (store.is_removed(plan.uuid)) {
            ++report.plans.removed_here;
        } else {
            ChangePlan copy = plan;
            // A step stays linked to the goal it became when that goal is here.
            for (auto& line : copy.lines) {
                line.goal_id = line.goal_uuid.empty() ? std::nullopt
                                                      : store.id_of_uuid("goals", line.goal_uuid);
            }
            store.add_plan(copy);
            ++report.plans.added;
        }
    }
    for (const auto& rating : doc.balance) {
        if (store.id_of_uuid("balance_ratings", rating.uuid)) {
            ++report.balance.skipped;
        } else if (store.is_removed(rating.uuid)) {
            ++report.balance.removed_here;
        } else {
            BalanceRating copy = rating;
            store.add_balance_rating(copy);
            ++report.balance.added;
        }
    }
    constexpr std::string_view k_records[] = {
        "goals",       "completions",     "checkins", "urges", "comparisons", "comparison_items",
        "life_values", "balance_ratings", "abcs",     "plans"};
    for (const auto& removal : doc.removed) {
        // Named, not bound: clang 14 cannot capture a structured binding in a lambda.
        const std::string& uuid = removal.first;
        const Date day = removal.second;
        const bool here =
            std::any_of(std::begin(k_records), std::end(k_records),
                        [&](std::string_view t) { return store.id_of_uuid(t, uuid); });
        if (here) {
            ++report.removals.removed_here;
        } else if (store.remember_removed(uuid, day)) {
            ++report.removals.added;
        } else {
            ++report.removals.skipped;
        }
    }
    return report;
}

} // namespace smartgoals
