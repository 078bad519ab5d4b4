// SPDX-License-Identifier: MIT
#include "harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace {
unsigned mode_of(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777;
}
} // namespace

TEST_CASE("the database is private whatever the umask") {
    Sandbox s;
    const auto r =
        run_process({"/bin/sh", "-c", "umask 000; exec \"$0\" goal add 'Walk'", SMARTGOALS_BINARY},
                    s.env, "", s.dir);
    REQUIRE(r.code == 0);
    CHECK(mode_of(s.db.parent_path()) == 0700);
    CHECK(mode_of(s.db) == 0600);
    // A second writer while the first is open would use the -wal and -shm files; they are
    // private too.
    for (const auto* suffix : {"-wal", "-shm"}) {
        if (fs::exists(s.db.string() + suffix)) {
            CHECK(mode_of(s.db.string() + suffix) == 0600);
        }
    }
}

TEST_CASE("default locations: --db, then SMARTGOALS_DB, then XDG_DATA_HOME, then HOME") {
    Sandbox s;
    auto env = s.env;
    env.erase("SMARTGOALS_DB");
    const std::vector<std::string> add{SMARTGOALS_BINARY, "goal", "add", "Walk"};
    REQUIRE(run_process(add, env, "", s.dir).code == 0);
    CHECK(fs::exists(s.dir / "home/.local/share/smartgoals/smartgoals.db"));
    CHECK(mode_of(s.dir / "home/.local/share/smartgoals") == 0700);

    env["XDG_DATA_HOME"] = (s.dir / "xdg").string();
    REQUIRE(run_process(add, env, "", s.dir).code == 0);
    CHECK(fs::exists(s.dir / "xdg/smartgoals/smartgoals.db"));

    env["SMARTGOALS_DB"] = (s.dir / "env.db").string();
    REQUIRE(run_process(add, env, "", s.dir).code == 0);
    CHECK(fs::exists(s.dir / "env.db"));

    auto with_option = add;
    with_option.insert(with_option.begin() + 1, {"--db", (s.dir / "option.db").string()});
    REQUIRE(run_process(with_option, env, "", s.dir).code == 0);
    CHECK(fs::exists(s.dir / "option.db"));
    // Each database holds only the goal written to it.
    const auto list = run_process(
        {SMARTGOALS_BINARY, "goal", "list", "--all", "--db", (s.dir / "option.db").string()}, env,
        "", s.dir);
    CHECK(list.out == "  #1 [ ] Walk  · week of 2026-11-16\n");
}

TEST_CASE(
    "a command that only reads, on a missing database, shows an empty one and creates nothing") {
    Sandbox s;
    const auto r = s.run({"goal", "list"});
    CHECK(r.code == 0);
    CHECK(contains(r.out, "No goals for this week yet."));
    CHECK(s.run({"review"}).code == 0);
    CHECK(s.run({"export", "goals"}).out ==
          "id,uuid,text,area,kind,target,week,status,created,closed,progress,carried_weeks\r\n");
    CHECK_FALSE(fs::exists(s.db.parent_path()));
}

TEST_CASE("files that are not our database are refused with exit 1 and left byte for byte") {
    Sandbox s;
    fs::create_directories(s.db.parent_path());
    std::string expected;
    SUBCASE("not SQLite") {
        expected = "is not a smartgoals database (it is not SQLite); it was left untouched";
        std::ofstream(s.db) << "notes I keep\n";
    }
    SUBCASE("damaged") {
        expected = "the database is damaged";
        for (int i = 0; i < 30; ++i) {
            s.ok({"goal", "add", std::string(300, 'x')});
        }
        const auto root = run_process({"/usr/bin/sqlite3", s.db.string(),
                                       "SELECT rootpage FROM sqlite_master WHERE name = 'goals'"},
                                      s.env, "", s.dir);
        REQUIRE(root.code == 0);
        // Overwrite the header of the goals table's first page.
        std::fstream f(s.db, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp((std::stol(root.out) - 1) * 4096);
        f << std::string(64, '\xAB');
    }
    SUBCASE("a newer version") {
        expected = "was written by a newer smartgoals (schema 7";
        s.ok({"goal", "add", "Walk"});
        REQUIRE(run_process({"/usr/bin/sqlite3", s.db.string(), "PRAGMA user_version = 7"}, s.env,
                            "", s.dir)
                    .code == 0);
    }
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"goal", "add", "Call"}, {"goal", "list", "--all"}, {"export", "goals"}}) {
        check_refused(s, args, expected, 1);
    }
}
