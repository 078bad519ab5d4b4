// SPDX-License-Identifier: MIT
// Nothing is lost: several writers at once, a process killed mid-import, a full disk, and a
// seeded storm of random command lines.
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <set>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string sqlite(const Sandbox& s, const std::string& sql) {
    const auto r = run_process({"/usr/bin/sqlite3", s.db.string(), sql}, s.env, "", s.dir);
    REQUIRE(r.code == 0);
    return r.out;
}

// An export with `goals` goals (two completions each) and `urges` urges, all new.
std::string big_document(int goals, int urges) {
    Json doc{{"format", "smartgoals"},
             {"version", 1},
             {"goals", Json::array()},
             {"urges", Json::array()}};
    for (int i = 0; i < goals; ++i) {
        doc["goals"].push_back(
            {{"uuid", "g-" + std::to_string(i)},
             {"text", "goal " + std::to_string(i)},
             {"kind", "once"},
             {"target", 3},
             {"week", "2026-10-05"},
             {"status", "open"},
             {"created", "2026-10-05"},
             {"completions",
              {{{"uuid", "c-a-" + std::to_string(i)}, {"date", "2026-10-06"}},
               {{"uuid", "c-b-" + std::to_string(i)}, {"date", "2026-10-07"}}}}});
    }
    for (int i = 0; i < urges; ++i) {
        doc["urges"].push_back({{"uuid", "u-" + std::to_string(i)},
                                {"at", "2026-11-0" + std::to_string(1 + i % 9) + "T10:00"},
                                {"intensity", 1 + i % 10},
                                {"strategy", {"delay"}},
                                {"outcome", "rode-out"}});
    }
    return doc.dump();
}

pid_t spawn(const Sandbox& s, const std::vector<std::string>& args) {
    std::vector<std::string> argv{smartgoals_binary()};
    argv.insert(argv.end(), args.begin(), args.end());
    return spawn_process(argv, s.env, s.dir);
}

} // namespace

TEST_CASE("four processes adding goals at once: every add succeeds and none is lost") {
    Sandbox s;
    s.ok({"goal", "add", "first"});
    std::vector<std::thread> writers;
    std::vector<int> failures(4, 0);
    for (int w = 0; w < 4; ++w) {
        writers.emplace_back([&, w] {
            for (int i = 0; i < 15; ++i) {
                const auto r =
                    s.run({"-q", "goal", "add",
                           "writer " + std::to_string(w) + " goal " + std::to_string(i)});
                failures[static_cast<std::size_t>(w)] += r.code != 0;
            }
        });
    }
    for (auto& t : writers) {
        t.join();
    }
    CHECK(failures == std::vector<int>{0, 0, 0, 0});
    const auto goals = Json::parse(s.ok({"export", "goals", "--format", "json"}));
    CHECK(goals.size() == 61);
    std::set<long long> ids;
    for (const auto& g : goals) {
        ids.insert(g["id"].get<long long>());
    }
    CHECK(ids.size() == 61);
    CHECK(sqlite(s, "PRAGMA integrity_check") == "ok\n");
}

TEST_CASE("sixteen first commands racing on a new database all succeed, and none is lost") {
    // Each round starts from no database at all; every process starts at the same moment.
    for (int round = 0; round < sampled(8); ++round) {
        Sandbox s;
        std::vector<std::thread> racers;
        std::vector<Result> results(16);
        for (std::size_t i = 0; i < results.size(); ++i) {
            racers.emplace_back([&, i] {
                results[i] = s.run({"-q", "goal", "add", "racer " + std::to_string(i)});
            });
        }
        for (auto& t : racers) {
            t.join();
        }
        for (const auto& r : results) {
            INFO("round ", round, ": ", r.err);
            CHECK(r.code == 0);
        }
        const auto goals = Json::parse(s.ok({"export", "goals", "--format", "json"}));
        CHECK(goals.size() == results.size());
        CHECK(sqlite(s, "PRAGMA integrity_check") == "ok\n");
        CHECK(std::distance(fs::directory_iterator(s.db.parent_path()), {}) <= 3);
    }
}

TEST_CASE("an import killed inside its transaction leaves all of it or none of it") {
    Sandbox s;
    s.ok({"goal", "add", "kept through everything"});
    const auto file = (s.dir / "big.json").string();
    std::ofstream(file) << big_document(1000, 10000);
    const fs::path wal = s.db.string() + "-wal";
    // sqlite3 closes the database last, so it also checkpoints and removes the -wal file: each
    // round starts with none, and a -wal found after a kill was made by the killed import.
    const auto reset = [&] {
        sqlite(s, "DELETE FROM urges; DELETE FROM completions; DELETE FROM goals WHERE id > 1");
    };
    // Time one whole import on this machine (and build), into the database as each round finds
    // it: emptied by reset() after an import (which makes an import about twice as slow as into
    // a new file).
    s.ok({"-q", "import", file});
    reset();
    const auto started = std::chrono::steady_clock::now();
    s.ok({"-q", "import", file});
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - started)
                          .count();
    reset();
    MESSAGE("a whole import takes ", took, " ms");

    // Where each kill landed, told by what it left (looked at before anything opens the file).
    int before_open = 0; // no -wal: start-up, reading and checking the file
    int in_memory = 0;   // an empty -wal: the database open to write, no page written yet
    int uncommitted = 0; // pages in the -wal but no commit: recovery must drop them
    int committed = 0;   // everything there
    const auto kill_and_check = [&](pid_t pid, bool ended) {
        if (!ended) {
            ::kill(pid, SIGKILL);
            int status = 0;
            ::waitpid(pid, &status, 0);
        }
        std::error_code missing;
        const auto wal_size = fs::file_size(wal, missing);
        CHECK(sqlite(s, "PRAGMA integrity_check") == "ok\n");
        const auto counts =
            sqlite(s, "SELECT (SELECT count(*) FROM goals), "
                      "(SELECT count(*) FROM completions), (SELECT count(*) FROM urges)");
        const bool all = counts == "1001|2000|10000\n";
        const bool nothing = counts == "1|0|0\n";
        CHECK_MESSAGE((all || nothing), counts);
        CHECK(contains(s.ok({"goal", "list", "--all"}), "kept through everything"));
        if (all) {
            ++committed;
        } else if (missing) {
            ++before_open;
        } else if (wal_size == 0) {
            ++in_memory;
        } else {
            ++uncommitted;
        }
        reset(); // back to the one goal, and no -wal
    };

    // Kills at random moments across the whole run.
    std::mt19937 random(7);
    for (int round = 0; round < sampled(12); ++round) {
        REQUIRE_FALSE(fs::exists(wal));
        const pid_t pid = spawn(s, {"-q", "import", file});
        std::this_thread::sleep_for(
            std::chrono::milliseconds(random() % static_cast<unsigned>(took * 5 / 4 + 1)));
        kill_and_check(pid, false);
    }
    // Kills as soon as the import has written into the -wal: inside the transaction, after its
    // first pages reached the disk, before its commit.
    for (int round = 0; round < sampled(4); ++round) {
        REQUIRE_FALSE(fs::exists(wal));
        const pid_t pid = spawn(s, {"-q", "import", file});
        bool running = true;
        const bool written = wait_until_written(pid, wal, running);
        CHECK_MESSAGE(written, "the import ended (or took 30 s) with nothing seen in the -wal");
        kill_and_check(pid, !running);
    }
    MESSAGE("kills before the database was opened: ", before_open,
            ", in the transaction before any page was written: ", in_memory,
            ", after pages reached the -wal but before the commit: ", uncommitted,
            ", after the commit: ", committed);
    // The kills did land inside the write transaction, with its pages half written to the
    // -wal, and what they left was recovered to the state before the import.
    CHECK(uncommitted > 0);
}

TEST_CASE("a full disk: exit 1 with a clear message, and nothing already stored is lost") {
    Sandbox s;
    s.ok({"goal", "add", "stored before the disk filled"});
    s.ok({"checkin", "--rating", "7"});
    const auto before = s.ok({"export"});
    const auto file = (s.dir / "big.json").string();
    std::ofstream(file) << big_document(300, 4000);
    // The file size limit makes every write past 256 KiB fail, as a full disk does.
    const auto r =
        run_process({"/bin/bash", "-c", "trap '' XFSZ; ulimit -f 256; exec \"$0\" import \"$1\"",
                     smartgoals_binary(), file},
                    s.env, "", s.dir);
    CHECK(r.code == 1);
    CHECK(r.err.rfind("smartgoals: error: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(contains(r.err, "nothing was changed"));
    CHECK(sqlite(s, "PRAGMA integrity_check") == "ok\n");
    CHECK(s.ok({"export"}) == before);
}

TEST_CASE("output that cannot be written is exit 1 with the reason, and a reader that stops "
          "early ends the command quietly") {
    Sandbox s;
    const auto file = (s.dir / "big.json").string();
    std::ofstream(file) << big_document(300, 3000);
    s.ok({"import", file});
    const auto shell = [&](const std::string& script, const std::vector<std::string>& args) {
        std::vector<std::string> argv{"/bin/bash", "-c", script, smartgoals_binary()};
        argv.insert(argv.end(), args.begin(), args.end());
        return run_process(argv, s.env, "", s.dir);
    };
    const auto one_error = [](const Result& r, const std::string& reason) {
        CHECK(r.code == 1);
        CHECK(r.err.rfind("smartgoals: error: ", 0) == 0);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(contains(r.err, reason));
    };
    // stdout on a full disk, or closed.
    for (const auto& command : std::vector<std::string>{"export", "review", "goal list --all"}) {
        INFO(command);
        one_error(shell("exec \"$0\" " + command + " > /dev/full", {}), "the disk is full");
    }
    one_error(shell("exec \"$0\" export >&-", {}), "cannot write the output");
    // -o on a full disk, and a backup that would be cut short by a file-size limit (as a full
    // disk does): the earlier backup is left whole.
    one_error(s.run({"export", "-o", "/dev/full"}), "-o: cannot write /dev/full: the disk is full");
    const auto backup = s.dir / "backup.json";
    std::ofstream(backup) << "the earlier backup";
    one_error(shell("trap '' XFSZ; ulimit -f 64; exec \"$0\" export -o \"$1\"", {backup.string()}),
              "was left as it was");
    std::ifstream kept(backup);
    CHECK(std::string(std::istreambuf_iterator<char>(kept), {}) == "the earlier backup");
    for (const auto& entry : fs::directory_iterator(s.dir)) {
        CHECK(entry.path().filename().string().find("backup.json.") == std::string::npos);
    }
    // A reader that stops after a few bytes: exit 0, nothing said, for output far larger than
    // a pipe holds.
    const auto head = shell("\"$0\" export | head -c 100 > /dev/null; exit ${PIPESTATUS[0]}", {});
    CHECK(head.code == 0);
    CHECK(head.err.empty());
}

TEST_CASE("a seeded storm of random command lines exits only with 0, 1 or 2, errors formatted") {
    Sandbox s;
    s.ok({"goal", "add", "Walk"});
    s.ok({"cbc", "new", "Drinking"});
    const std::vector<std::string> words{"goal",
                                         "add",
                                         "done",
                                         "drop",
                                         "reopen",
                                         "edit",
                                         "list",
                                         "checkin",
                                         "review",
                                         "urge-log",
                                         "cbc",
                                         "cba",
                                         "new",
                                         "show",
                                         "remove",
                                         "rename",
                                         "worksheet",
                                         "export",
                                         "import",
                                         "config",
                                         "get",
                                         "set",
                                         "week-start",
                                         "name",
                                         "--week",
                                         "--area",
                                         "--times",
                                         "--every-week",
                                         "--date",
                                         "--note",
                                         "--all",
                                         "--rating",
                                         "--trend",
                                         "--format",
                                         "--intensity",
                                         "--duration",
                                         "--at",
                                         "--trigger",
                                         "--strategy",
                                         "--rode-out",
                                         "--acted",
                                         "--term",
                                         "--weight",
                                         "--title",
                                         "--since",
                                         "--until",
                                         "--today",
                                         "--color",
                                         "-q",
                                         "--",
                                         "-",
                                         "1",
                                         "2",
                                         "0",
                                         "-1",
                                         "99999999999999999999",
                                         "10",
                                         "11",
                                         "x",
                                         "",
                                         " ",
                                         "this",
                                         "last",
                                         "next",
                                         "-3",
                                         "2026-11-19",
                                         "2026-02-30",
                                         "2026-W53",
                                         "2021-W53",
                                         "monday",
                                         "funday",
                                         "balance",
                                         "bu",
                                         "cn",
                                         "short",
                                         "json",
                                         "csv",
                                         "html",
                                         "markdown",
                                         "text",
                                         "goals",
                                         "urges",
                                         "weeks",
                                         "all",
                                         "weekly",
                                         "08:00",
                                         "2026-11-19 08:00",
                                         "24:00",
                                         "\xff\xfe",
                                         "😀",
                                         "a,b\"c",
                                         "=1+1",
                                         "out.csv",
                                         "nope.json",
                                         "--help",
                                         "--version",
                                         "--nonsense",
                                         "-x"};
    std::mt19937 random(20261119);
    int codes[3] = {0, 0, 0};
    for (int run = 0; run < sampled(250); ++run) {
        std::vector<std::string> args;
        const auto n = 1 + random() % 6;
        for (unsigned i = 0; i < n; ++i) {
            args.push_back(words[random() % words.size()]);
        }
        const auto r = s.run(args);
        std::string shown;
        for (const auto& a : args) {
            shown += "[" + a + "] ";
        }
        INFO("smartgoals ", shown, "\nstderr: ", r.err);
        REQUIRE((r.code == 0 || r.code == 1 || r.code == 2));
        ++codes[r.code];
        if (r.code != 0) {
            CHECK(r.err.rfind("smartgoals: error: ", 0) == 0);
            CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        }
    }
    MESSAGE("exit 0: ", codes[0], ", exit 1: ", codes[1], ", exit 2: ", codes[2]);
    CHECK(codes[2] > 0);
    CHECK(sqlite(s, "PRAGMA integrity_check") == "ok\n");
}
