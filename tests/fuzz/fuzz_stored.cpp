// SPDX-License-Identifier: MIT
// libFuzzer: reading stored rows (SPEC §3). A database holding any values at all, CHECK
// constraints or not, is read by the review, the lists and every export; each ends in a result
// or a StorageError (or SQLite's own error), never a crash.
#include <smartgoals/errors.hpp>
#include <smartgoals/export.hpp>
#include <smartgoals/review.hpp>
#include <smartgoals/store.hpp>
#include <smartgoals/transfer.hpp>

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

using namespace smartgoals;

namespace {

// The input's lines, handed out in turn; an integer is taken from a line when it reads as one.
class Values {
public:
    explicit Values(std::string_view text) {
        std::size_t start = 0;
        while (start <= text.size()) {
            const auto end = std::min(text.find('\n', start), text.size());
            m_lines.emplace_back(text.substr(start, end - start));
            start = end + 1;
        }
    }
    void bind(SQLite::Statement& statement, int index) {
        const std::string line = m_lines.empty() ? "" : m_lines[m_next++ % m_lines.size()];
        if (line == "NULL") {
            statement.bind(index);
            return;
        }
        try {
            std::size_t used = 0;
            const long long n = std::stoll(line, &used);
            if (used == line.size()) {
                statement.bind(index, static_cast<std::int64_t>(n));
                return;
            }
        } catch (const std::exception&) {
        }
        statement.bind(index, line);
    }

private:
    std::vector<std::string> m_lines;
    std::size_t m_next = 0;
};

void insert(Store& store, Values& values, const char* sql, int columns, int rows) {
    SQLite::Statement statement(store.database(), sql);
    for (int r = 0; r < rows; ++r) {
        for (int c = 1; c <= columns; ++c) {
            values.bind(statement, c);
        }
        try {
            statement.exec();
        } catch (const SQLite::Exception&) {
            // a value SQLite itself refuses (NOT NULL, UNIQUE) is not stored
        }
        (void)statement.tryReset();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Values values(std::string_view(reinterpret_cast<const char*>(data), size));
    Store store = Store::in_memory();
    store.database().exec("PRAGMA ignore_check_constraints = ON");
    store.database().exec("PRAGMA foreign_keys = OFF");
    insert(store, values, "INSERT INTO settings VALUES ('week-start', ?)", 1, 1);
    insert(store, values,
           "INSERT INTO goals (id, uuid, text, area, kind, target, planned_on, created_at, status, "
           "closed_on) VALUES (?, lower(hex(randomblob(8))), ?, ?, ?, ?, ?, ?, ?, ?)",
           9, 3);
    insert(store, values,
           "INSERT INTO completions (uuid, goal_id, date, note) "
           "VALUES (lower(hex(randomblob(8))), ?, ?, ?)",
           3, 3);
    insert(store, values, "INSERT INTO goal_targets VALUES (?, ?, ?)", 3, 1);
    insert(store, values,
           "INSERT INTO checkins (uuid, date, rating, note, created_at) "
           "VALUES (lower(hex(randomblob(8))), ?, ?, ?, ?)",
           4, 2);
    insert(store, values,
           "INSERT INTO urges (uuid, at, intensity, duration_min, trigger, strategies, outcome, "
           "created_at) VALUES (lower(hex(randomblob(8))), ?, ?, ?, ?, ?, ?, ?)",
           7, 2);
    insert(store, values,
           "INSERT INTO comparisons (id, uuid, title, kind, created_at) "
           "VALUES (?, lower(hex(randomblob(8))), ?, ?, ?)",
           4, 1);
    insert(store, values,
           "INSERT INTO comparison_items (uuid, comparison_id, quadrant, term, weight, text, "
           "created_at) VALUES (lower(hex(randomblob(8))), ?, ?, ?, ?, ?, ?)",
           6, 2);
    insert(store, values, "INSERT INTO week_totals VALUES (?, ?, ?, ?, ?)", 5, 2);

    const Date today = *parse_date("2026-11-19");
    const auto reads = {
        +[](Store& s, Date t) {
            const auto review = build_review(s, week_containing(t, s.week_start()), t, 12);
            std::ostringstream out;
            render_text(review, out, TextStyle{});
            (void)render_json(review).dump();
        },
        +[](Store& s, Date) { (void)s.all_goals(); },
        +[](Store& s, Date t) {
            std::ostringstream out;
            export_document(s, ExportRequest{.today = t}, out);
        },
        +[](Store& s, Date t) {
            for (auto table : {ExportTable::goals, ExportTable::completions, ExportTable::checkins,
                               ExportTable::urges, ExportTable::cbc, ExportTable::weeks}) {
                std::ostringstream out;
                export_table(s, ExportRequest{.table = table, .today = t}, out);
            }
        },
        +[](Store& s, Date) { (void)s.comparisons(); },
    };
    for (auto read : reads) {
        try {
            read(store, today);
        } catch (const StorageError&) {
        } catch (const SQLite::Exception&) {
        } catch (const nlohmann::json::type_error&) {
            // a stored text that is not UTF-8: the command line reports it as damage
        }
    }
    return 0;
}
