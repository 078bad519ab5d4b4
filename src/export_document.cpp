// SPDX-License-Identifier: MIT
#include "stored.hpp"

#include <smartgoals/transfer.hpp>
#include <smartgoals/urges.hpp>

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

namespace smartgoals {

namespace {

using Json = nlohmann::ordered_json;

Json text_or_null(const SQLite::Column& column) {
    return column.isNull() || column.getString().empty() ? Json(nullptr) : Json(column.getString());
}
Json int_or_null(const SQLite::Column& column) {
    return column.isNull() ? Json(nullptr) : Json(column.getInt64());
}

// Writes `"key":[` then one record a line, then `]`.
class ArrayWriter {
public:
    ArrayWriter(std::ostream& out, std::string_view key) : m_out(out) {
        m_out << ",\n\"" << key << "\":[";
    }
    ~ArrayWriter() { m_out << (m_first ? "]" : "\n]"); }
    ArrayWriter(const ArrayWriter&) = delete;
    ArrayWriter& operator=(const ArrayWriter&) = delete;
    void add(const Json& record) {
        m_out << (m_first ? "\n" : ",\n") << record.dump();
        m_first = false;
    }

private:
    std::ostream& m_out;
    bool m_first = true;
};

void write_goals(Store& store, const ExportRequest& request, std::ostream& out) {
    ArrayWriter writer(out, "goals");
    const Weekday ws = store.week_start();
    const auto goal_rows = store.rows(Rows::goals, window_of(request));
    auto& goals = *goal_rows;
    // Completions are merged in by goal id from one ordered cursor: no query per goal.
    const auto completion_rows = store.rows(Rows::every_completion, window_of(request));
    auto& completions = *completion_rows;
    bool more = completions.executeStep();
    const auto target_rows = store.rows(Rows::every_goal_target, window_of(request));
    auto& targets = *target_rows;
    bool more_targets = targets.executeStep();
    while (goals.executeStep()) {
        const auto id = goals.getColumn(0).getInt64();
        const Date planned = stored_date(goals.getColumn(6));
        Json nested = Json::array();
        while (more && completions.getColumn(0).getInt64() < id) {
            more = completions.executeStep();
        }
        while (more && completions.getColumn(0).getInt64() == id) {
            nested.push_back({{"id", completions.getColumn(1).getInt64()},
                              {"uuid", completions.getColumn(2).getString()},
                              {"date", completions.getColumn(3).getString()},
                              {"note", text_or_null(completions.getColumn(4))}});
            more = completions.executeStep();
        }
        Json earlier = Json::array();
        while (more_targets && targets.getColumn(0).getInt64() < id) {
            more_targets = targets.executeStep();
        }
        while (more_targets && targets.getColumn(0).getInt64() == id) {
            earlier.push_back({{"until", targets.getColumn(1).getString()},
                               {"target", targets.getColumn(2).getInt64()}});
            more_targets = targets.executeStep();
        }
        Json goal{{"id", id},
                  {"uuid", goals.getColumn(1).getString()},
                  {"text", goals.getColumn(2).getString()},
                  {"area", text_or_null(goals.getColumn(3))},
                  {"kind", goals.getColumn(4).getString()},
                  {"target", goals.getColumn(5).getInt64()},
                  {"week", format_date(week_containing(planned, ws).start)},
                  {"planned", format_date(planned)},
                  {"status", goals.getColumn(7).getString()},
                  {"created", goals.getColumn(8).getString()},
                  {"closed", text_or_null(goals.getColumn(9))}};
        // Only a weekly goal whose target changed has them (rule 9).
        if (!earlier.empty()) {
            goal["earlier_targets"] = std::move(earlier);
        }
        goal["completions"] = std::move(nested);
        writer.add(goal);
    }
}

void write_checkins(Store& store, const ExportRequest& request, std::ostream& out) {
    ArrayWriter writer(out, "checkins");
    const auto rows = store.rows(Rows::checkins, window_of(request));
    auto& query = *rows;
    while (query.executeStep()) {
        writer.add({{"id", query.getColumn(0).getInt64()},
                    {"uuid", query.getColumn(1).getString()},
                    {"date", query.getColumn(2).getString()},
                    {"rating", int_or_null(query.getColumn(3))},
                    {"note", text_or_null(query.getColumn(4))}});
    }
}

void write_urges(Store& store, const ExportRequest& request, std::ostream& out) {
    ArrayWriter writer(out, "urges");
    StrategyLists strategies;
    const auto rows = store.rows(Rows::urges, window_of(request));
    auto& query = *rows;
    while (query.executeStep()) {
        writer.add({{"id", query.getColumn(0).getInt64()},
                    {"uuid", query.getColumn(1).getString()},
                    {"at", query.getColumn(2).getString()},
                    {"intensity", query.getColumn(3).getInt64()},
                    {"duration_min", int_or_null(query.getColumn(4))},
                    {"trigger", text_or_null(query.getColumn(5))},
                    {"where", text_or_null(query.getColumn(6))},
                    {"strategy", strategies.read(query.getColumn(7).getString())},
                    {"outcome", text_or_null(query.getColumn(8))},
                    {"note", text_or_null(query.getColumn(9))},
                    {"next_time", text_or_null(query.getColumn(10))}});
    }
}

void write_comparisons(Store& store, const ExportRequest& request, std::ostream& out) {
    ArrayWriter writer(out, "cbc");
    const auto comparison_rows = store.rows(Rows::comparisons, window_of(request));
    auto& comparisons = *comparison_rows;
    const auto item_rows = store.rows(Rows::every_comparison_item, window_of(request));
    auto& items = *item_rows;
    bool more = items.executeStep();
    while (comparisons.executeStep()) {
        const auto id = comparisons.getColumn(0).getInt64();
        Json nested = Json::array();
        while (more && items.getColumn(0).getInt64() < id) {
            more = items.executeStep();
        }
        while (more && items.getColumn(0).getInt64() == id) {
            nested.push_back({{"item_id", items.getColumn(1).getInt64()},
                              {"item_uuid", items.getColumn(2).getString()},
                              {"quadrant", items.getColumn(3).getString()},
                              {"term", text_or_null(items.getColumn(4))},
                              {"weight", int_or_null(items.getColumn(5))},
                              {"text", items.getColumn(6).getString()},
                              {"created", items.getColumn(7).getString()}});
            more = items.executeStep();
        }
        writer.add({{"cbc_id", id},
                    {"cbc_uuid", comparisons.getColumn(1).getString()},
                    {"title", comparisons.getColumn(2).getString()},
                    {"kind", comparisons.getColumn(3).getString()},
                    {"created", comparisons.getColumn(4).getString()},
                    {"items", nested}});
    }
}

void write_values(Store& store, const ExportRequest& request, std::ostream& out) {
    ArrayWriter writer(out, "values");
    const auto rows = store.rows(Rows::values, window_of(request));
    auto& query = *rows;
    while (query.executeStep()) {
        writer.add({{"id", query.getColumn(0).getInt64()},
                    {"uuid", query.getColumn(1).getString()},
                    {"position", query.getColumn(2).getInt64()},
                    {"text", query.getColumn(3).getString()},
                    {"created", query.getColumn(4).getString()}});
    }
}

void write_abc(Store& store, const ExportRequest& request, std::ostream& out) {
    ArrayWriter writer(out, "abc");
    const auto rows = store.rows(Rows::abc, window_of(request));
    auto& query = *rows;
    while (query.executeStep()) {
        writer.add({{"id", query.getColumn(0).getInt64()},
                    {"uuid", query.getColumn(1).getString()},
                    {"date", query.getColumn(2).getString()},
                    {"event", query.getColumn(3).getString()},
                    {"belief", text_or_null(query.getColumn(4))},
                    {"consequence", text_or_null(query.getColumn(5))},
                    {"dispute", text_or_null(query.getColumn(6))},
                    {"effective", text_or_null(query.getColumn(7))},
                    {"urge_id", int_or_null(query.getColumn(8))},
                    {"urge_uuid", text_or_null(query.getColumn(9))}});
    }
}

void write_plans(Store& store, const ExportRequest& request, std::ostream& out) {
    ArrayWriter writer(out, "plans");
    const auto rows = store.rows(Rows::plans, window_of(request));
    auto& query = *rows;
    Json plan;
    while (query.executeStep()) {
        const auto id = query.getColumn(0).getInt64();
        if (plan.is_null() || plan["plan_id"] != id) {
            if (!plan.is_null()) {
                writer.add(plan);
            }
            plan = Json{{"plan_id", id},
                        {"plan_uuid", query.getColumn(1).getString()},
                        {"change", query.getColumn(2).getString()},
                        {"importance", int_or_null(query.getColumn(3))},
                        {"confidence", int_or_null(query.getColumn(4))},
                        {"created", query.getColumn(5).getString()},
                        {"parts", Json::array()}};
        }
        if (!query.getColumn(6).isNull()) {
            plan["parts"].push_back({{"part", query.getColumn(6).getString()},
                                     {"number", query.getColumn(7).getInt64()},
                                     {"text", query.getColumn(8).getString()},
                                     {"goal_id", int_or_null(query.getColumn(9))},
                                     {"goal_uuid", text_or_null(query.getColumn(10))}});
        }
    }
    if (!plan.is_null()) {
        writer.add(plan);
    }
}

void write_balance(Store& store, const ExportRequest& request, std::ostream& out) {
    ArrayWriter writer(out, "balance");
    const auto rows = store.rows(Rows::balance, window_of(request));
    auto& query = *rows;
    while (query.executeStep()) {
        writer.add({{"id", query.getColumn(0).getInt64()},
                    {"uuid", query.getColumn(1).getString()},
                    {"date", query.getColumn(2).getString()},
                    {"area", query.getColumn(3).getString()},
                    {"score", query.getColumn(4).getInt64()}});
    }
}

void write_removed(Store& store, const ExportRequest& request, std::ostream& out) {
    ArrayWriter writer(out, "removed");
    const auto rows = store.rows(Rows::removed, window_of(request));
    auto& query = *rows;
    while (query.executeStep()) {
        writer.add(
            {{"uuid", query.getColumn(0).getString()}, {"date", query.getColumn(1).getString()}});
    }
}

} // namespace

void export_document(Store& store, const ExportRequest& request, std::ostream& out) {
    Json settings = Json::object();
    for (const auto& [key, value] : store.settings()) {
        settings[key] = value;
    }
    out << "{\"format\":\"smartgoals\",\"version\":" << k_document_version
        << ",\n\"settings\":" << settings.dump();
    write_goals(store, request, out);
    write_checkins(store, request, out);
    write_urges(store, request, out);
    write_comparisons(store, request, out);
    write_values(store, request, out);
    write_abc(store, request, out);
    write_plans(store, request, out);
    write_balance(store, request, out);
    write_removed(store, request, out);
    out << "}\n";
}

} // namespace smartgoals
