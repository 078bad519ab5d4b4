// SPDX-License-Identifier: MIT
#include "harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {
unsigned mode_of(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777;
}

// An sqlite3 process, under umask 000, holding a read transaction open on a database until it is
// destroyed: while it does, a smartgoals that closes the database cannot checkpoint and remove
// the -wal and -shm files, so they can be looked at.
class HeldReader {
public:
    HeldReader(const Sandbox& s, const std::string& table) {
        int in[2], out[2];
        REQUIRE(::pipe(in) == 0);
        REQUIRE(::pipe(out) == 0);
        m_pid = ::fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            ::dup2(in[0], 0);
            ::dup2(out[1], 1);
            for (int fd : {in[0], in[1], out[0], out[1]}) {
                ::close(fd);
            }
            ::umask(0);
            const std::string db = s.db.string();
            ::execl("/usr/bin/sqlite3", "sqlite3", db.c_str(), nullptr);
            ::_exit(127);
        }
        ::close(in[0]);
        ::close(out[1]);
        m_stdin = in[1];
        m_stdout = out[0];
        const std::string sql = "BEGIN;\nSELECT count(*) FROM " + table + ";\n";
        REQUIRE(::write(m_stdin, sql.data(), sql.size()) == static_cast<ssize_t>(sql.size()));
        // The count is printed once the read transaction holds its snapshot.
        while (!contains(m_answer, "\n")) {
            pollfd ready{m_stdout, POLLIN, 0};
            REQUIRE_MESSAGE(::poll(&ready, 1, 10000) == 1, "sqlite3 did not answer");
            char buffer[256];
            const auto n = ::read(m_stdout, buffer, sizeof buffer);
            REQUIRE_MESSAGE(n > 0, "sqlite3 ended early: ", m_answer);
            m_answer.append(buffer, static_cast<std::size_t>(n));
        }
    }
    ~HeldReader() {
        ::close(m_stdin); // sqlite3 ends at the end of its input
        ::close(m_stdout);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
    }
    HeldReader(const HeldReader&) = delete;
    HeldReader& operator=(const HeldReader&) = delete;

    // What the SELECT printed.
    const std::string& answer() const { return m_answer; }

private:
    pid_t m_pid = -1;
    int m_stdin = -1, m_stdout = -1;
    std::string m_answer;
};

} // namespace

TEST_CASE("the database is private whatever the umask") {
    Sandbox s;
    const auto add_under_umask_000 = [&](const std::string& text) {
        return run_process(
            {"/bin/sh", "-c", "umask 000; exec \"$0\" goal add \"$1\"", SMARTGOALS_BINARY, text},
            s.env, "", s.dir);
    };
    REQUIRE(add_under_umask_000("Walk").code == 0);
    CHECK(mode_of(s.db.parent_path()) == 0700);
    CHECK(mode_of(s.db) == 0600);

    // While another process reads, a write goes to the -wal file and leaves it and the -shm
    // file behind when smartgoals exits: they hold the data too, and are private as well.
    const fs::path wal = s.db.string() + "-wal", shm = s.db.string() + "-shm";
    HeldReader reader(s, "goals");
    CHECK(reader.answer() == "1\n");
    REQUIRE(add_under_umask_000("Call my sister").code == 0);
    REQUIRE(fs::exists(wal));
    REQUIRE(fs::exists(shm));
    CHECK(fs::file_size(wal) > 0); // the second goal is in it: the write really went there
    CHECK(mode_of(wal) == 0600);
    CHECK(mode_of(shm) == 0600);
    CHECK(mode_of(s.db) == 0600);
    CHECK(mode_of(s.db.parent_path()) == 0700);
    CHECK(contains(s.ok({"goal", "list"}), "#2 [ ] Call my sister"));
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
        // Far beyond any schema this smartgoals will reach.
        expected = "was written by a newer smartgoals (schema 999";
        s.ok({"goal", "add", "Walk"});
        REQUIRE(run_process({"/usr/bin/sqlite3", s.db.string(), "PRAGMA user_version = 999"}, s.env,
                            "", s.dir)
                    .code == 0);
    }
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"goal", "add", "Call"}, {"goal", "list", "--all"}, {"export", "goals"}}) {
        check_refused(s, args, expected, 1);
    }
}
