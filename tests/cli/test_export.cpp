// SPDX-License-Identifier: MIT
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>

using Json = nlohmann::json;

namespace {

void fill(const Sandbox& s) {
    s.ok({"--today", "2026-10-27", "goal", "add", "Find work, part-time", "--area", "balance"});
    s.ok({"--today", "2026-10-27", "goal", "add", "Walk", "--every-week", "--times", "2"});
    s.ok({"--today", "2026-10-27", "goal", "add", "Say \"no\" once"});
    s.ok({"--today", "2026-10-29", "goal", "done", "3", "--note", "line one\nline two"});
    s.ok({"--today", "2026-10-29", "goal", "done", "2"});
    s.ok({"--today", "2026-10-30", "goal", "done", "2"});
    s.ok({"--today", "2026-11-04", "goal", "done", "2"});
    s.ok({"--today", "2026-11-05", "checkin", "--rating", "6", "--note", "ok, I think"});
    s.ok({"checkin", "--rating", "9"});
    s.ok({"goal", "add", "Let go of this"});
    s.ok({"goal", "drop", "4"});
}

std::string header(const std::string& csv) {
    return csv.substr(0, csv.find("\r\n"));
}

} // namespace

TEST_CASE("each table has the contract's columns, in order") {
    Sandbox s;
    fill(s);
    CHECK(header(s.ok({"export", "goals"})) ==
          "id,uuid,text,area,kind,target,week,status,created,closed,progress,carried_weeks");
    CHECK(header(s.ok({"export", "completions"})) == "id,uuid,goal_id,goal_uuid,date,note");
    CHECK(header(s.ok({"export", "checkins"})) == "id,uuid,date,week,rating,note");
    CHECK(header(s.ok({"export", "weeks"})) ==
          "week,week_end,checkins,avg_rating,goals_active,goals_done,goals_rolled_over,"
          "goals_let_go,urges,avg_intensity,urges_ridden_out");
}

TEST_CASE("CSV is RFC 4180 with CRLF, quoting what needs it") {
    Sandbox s;
    fill(s);
    const auto goals = s.ok({"export", "goals"});
    CHECK(contains(goals,
                   ",\"Find work, part-time\",balance,once,1,2026-10-26,open,2026-10-27,,0,3\r\n"));
    CHECK(contains(
        goals, ",\"Say \"\"no\"\" once\",,once,1,2026-10-26,done,2026-10-27,2026-10-29,1,0\r\n"));
    CHECK(contains(goals, ",Walk,,weekly,2,2026-10-26,open,2026-10-27,,0,\r\n"));
    CHECK(contains(goals,
                   ",Let go of this,,once,1,2026-11-16,dropped,2026-11-19,2026-11-19,0,0\r\n"));
    const auto completions = s.ok({"export", "completions"});
    CHECK(contains(completions, ",3,"));
    CHECK(contains(completions, ",2026-10-29,\"line one\nline two\"\r\n"));
    // Every record ends in CRLF; LF alone appears only inside a quoted field.
    CHECK(completions.substr(completions.size() - 2) == "\r\n");
}

TEST_CASE("weeks count the sets of the rules and agree with the review's totals") {
    Sandbox s;
    fill(s);
    const auto weeks = Json::parse(s.ok({"export", "weeks", "--format", "json"}));
    REQUIRE(weeks.size() == 4);
    CHECK(weeks[0]["week"] == "2026-10-26");
    CHECK(weeks[0]["week_end"] == "2026-11-01");
    CHECK(weeks[0]["goals_active"] == 3);      // find work, walk, say no
    CHECK(weeks[0]["goals_done"] == 2);        // say no; walk twice
    CHECK(weeks[0]["goals_rolled_over"] == 1); // find work
    CHECK(weeks[1]["checkins"] == 1);
    CHECK(weeks[1]["avg_rating"] == 6.0);
    CHECK(weeks[1]["goals_done"] == 0); // walk once of two: it does not pile up
    CHECK(weeks[3]["goals_let_go"] == 1);
    CHECK(weeks[3]["goals_active"] == 3);
    CHECK(weeks[3]["urges"] == 0);
    CHECK(weeks[3]["avg_intensity"].is_null());
    int done = 0;
    for (const auto& w : weeks) {
        done += w["goals_done"].get<int>();
    }
    const auto review = Json::parse(s.ok({"review", "--format", "json"}));
    CHECK(review["totals"]["goals_achieved"] == done);
}

TEST_CASE("--since and --until are inclusive and filter by each record's date") {
    Sandbox s;
    fill(s);
    auto rows = Json::parse(s.ok({"export", "completions", "--format", "json", "--since",
                                  "2026-10-30", "--until", "2026-11-04"}));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["date"] == "2026-10-30");
    CHECK(rows[1]["date"] == "2026-11-04");
    rows = Json::parse(s.ok({"export", "goals", "--format", "json", "--since", "2026-11-01"}));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["text"] == "Let go of this");
    rows = Json::parse(s.ok(
        {"export", "weeks", "--format", "json", "--since", "2026-11-02", "--until", "2026-11-09"}));
    REQUIRE(rows.size() == 2);
    CHECK(rows[1]["week"] == "2026-11-09");
}

TEST_CASE("-o writes a private file and nothing on stdout") {
    Sandbox s;
    fill(s);
    const auto file = s.dir / "goals.csv";
    const auto r = s.run({"export", "goals", "-o", file.string()});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    struct stat st {};
    ::stat(file.c_str(), &st);
    CHECK((st.st_mode & 0777) == 0600);
    std::ifstream in(file, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    CHECK(content.str() == s.ok({"export", "goals"}));
}

namespace fs = std::filesystem;

TEST_CASE("-o never follows a planted link, never leaves a temporary file, and two exports at "
          "once leave one whole file") {
    Sandbox s;
    fill(s);
    const auto file = s.dir / "backup.json";
    // The name an earlier smartgoals wrote through, planted as a link to a file of the member's.
    const auto victim = s.dir / "letter.txt";
    std::ofstream(victim) << "dear sister";
    fs::create_symlink(victim, s.dir / "backup.json.smartgoals-tmp");
    const auto entries = std::distance(fs::directory_iterator(s.dir), {});
    s.ok({"export", "-o", file.string()});
    std::ifstream letter(victim);
    CHECK(std::string(std::istreambuf_iterator<char>(letter), {}) == "dear sister");
    struct stat st {};
    ::stat(victim.c_str(), &st);
    CHECK((st.st_mode & 0777) != 0600);
    CHECK(std::distance(fs::directory_iterator(s.dir), {}) == entries + 1); // the backup alone

    const auto whole = s.ok({"export"});
    for (int round = 0; round < 5; ++round) {
        std::vector<std::thread> writers;
        std::vector<int> codes(2, -1);
        for (std::size_t i = 0; i < codes.size(); ++i) {
            writers.emplace_back([&, i] {
                codes[i] = s.run({"export", "-o", file.string()}).code;
            });
        }
        for (auto& t : writers) {
            t.join();
        }
        CHECK(codes == std::vector<int>{0, 0});
        std::ifstream in(file, std::ios::binary);
        CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == whole);
    }
    CHECK(std::distance(fs::directory_iterator(s.dir), {}) == entries + 1);
}

TEST_CASE("-o to a FIFO or /dev/stdout writes into it and never replaces it") {
    Sandbox s;
    fill(s);
    const auto whole = s.ok({"export"});
    const auto fifo = s.dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    std::thread reader([&] {
        std::ifstream in(fifo, std::ios::binary);
        received.assign(std::istreambuf_iterator<char>(in), {});
    });
    const auto r = s.run({"export", "-o", fifo.string()});
    reader.join();
    CHECK(r.code == 0);
    CHECK(received == whole);
    struct stat st {};
    REQUIRE(::lstat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));

    const auto to_stdout = s.run({"export", "-o", "/dev/stdout"});
    CHECK(to_stdout.code == 0);
    CHECK(to_stdout.out == whole);
    REQUIRE(::lstat("/dev/stdout", &st) == 0);
    CHECK(S_ISLNK(st.st_mode));
    check_refused(s, {"export", "-o", s.dir.string()}, "is a directory", 2);
}

TEST_CASE("-o /dev/stdout appends where stdout points, and -o never names the database itself") {
    Sandbox s;
    fill(s);
    const auto log = s.dir / "log";
    std::ofstream(log) << "kept\n";
    const auto r =
        run_process({"/bin/sh", "-c", "exec \"$0\" export goals -o /dev/stdout >> \"$1\"",
                     smartgoals_binary(), log.string()},
                    s.env, "", s.dir);
    CHECK(r.code == 0);
    std::ifstream in(log, std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) ==
          "kept\n" + s.ok({"export", "goals"}));
    check_refused(s, {"export", "-o", s.db.string()}, "is the database itself", 2);
    check_refused(s, {"export", "goals", "-o", s.db.string()}, "is the database itself", 2);
    check_refused(s, {"export", "-o", ""}, "-o: the file name is empty", 2);
}
