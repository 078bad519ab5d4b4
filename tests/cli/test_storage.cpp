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
            {"/bin/sh", "-c", "umask 000; exec \"$0\" goal add \"$1\"", smartgoals_binary(), text},
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
    const std::vector<std::string> add{smartgoals_binary(), "goal", "add", "Walk"};
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
        {smartgoals_binary(), "goal", "list", "--all", "--db", (s.dir / "option.db").string()}, env,
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

TEST_CASE("a FIFO, a directory or a device named as the database is refused at once, untouched") {
    Sandbox s;
    const auto fifo = s.dir / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    for (const auto& [path, kind] :
         std::vector<std::pair<std::string, std::string>>{{fifo.string(), "is a FIFO"},
                                                          {s.dir.string(), "is a directory"},
                                                          {"/dev/null", "is a device"}}) {
        for (const auto& command : std::vector<std::vector<std::string>>{
                 {"goal", "add", "Walk"}, {"goal", "list"}, {"export"}}) {
            auto args = command;
            args.insert(args.begin(), {"--db", path});
            const auto r = s.run(args); // a FIFO once made this wait for ever
            CHECK(r.code == 1);
            CHECK(contains(r.err, kind));
            CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        }
    }
    struct stat st {};
    REQUIRE(::stat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
}

TEST_CASE("a file too short to be a database is damage or another program's, never a new one") {
    Sandbox s;
    fs::create_directories(s.db.parent_path());
    SUBCASE("the first byte of a database") {
        std::ofstream(s.db) << "S";
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"goal", "add", "Walk"}, {"goal", "list"}, {"review"}}) {
            check_refused(s, args, "the database is damaged (it holds only 1 byte", 1);
        }
    }
    SUBCASE("one other byte") {
        std::ofstream(s.db) << "x";
        check_refused(s, {"goal", "add", "Walk"}, "is not a smartgoals database (it is not SQLite)",
                      1);
    }
    SUBCASE("the header of a database, cut short") {
        s.ok({"goal", "add", "Walk"});
        fs::resize_file(s.db, 300);
        fs::remove(s.db.string() + "-wal");
        check_refused(s, {"goal", "add", "Call"}, "the database is damaged", 1);
    }
    CHECK(fs::file_size(s.db) < 512);
}

namespace {
// A database left as a program that still had it open would leave it: its newest pages only in
// the -wal file.
void write_with_wal_kept(const Sandbox& s, const fs::path& target, const std::string& sql) {
    const auto source = s.dir / "source.db";
    const auto r =
        run_process({"/usr/bin/sqlite3", source.string(), "PRAGMA journal_mode = WAL", sql,
                     ".shell cp " + source.string() + " " + target.string() + " && cp " +
                         source.string() + "-wal " + target.string() + "-wal"},
                    s.env, "", s.dir);
    REQUIRE(r.code == 0);
    REQUIRE(fs::file_size(target.string() + "-wal") > 0);
}
} // namespace

TEST_CASE("a refused file keeps its -wal byte for byte: classified on a read-only connection") {
    Sandbox s;
    fs::create_directories(s.db.parent_path());
    std::string expected;
    SUBCASE("another program's database") {
        write_with_wal_kept(s, s.db,
                            "CREATE TABLE notes (text); INSERT INTO notes VALUES ('mine')");
        expected = "an SQLite file of another program";
    }
    SUBCASE("a newer smartgoals' database") {
        write_with_wal_kept(s, s.db, "CREATE TABLE goals (x); PRAGMA user_version = 99");
        expected = "was written by a newer smartgoals (schema 99";
    }
    SUBCASE("a schema version no smartgoals wrote") {
        write_with_wal_kept(s, s.db, "CREATE TABLE goals (x); PRAGMA user_version = -3");
        expected = "its schema version -3 is not one smartgoals wrote";
    }
    SUBCASE("a smartgoals database whose schema no longer reads") {
        // Found by the damage fuzzer: the first statement of the connection that may write
        // failed, and closing it wrote the -wal's pages into the file.
        Sandbox maker;
        maker.ok({"goal", "add", "Walk"});
        fs::copy_file(maker.db, s.dir / "source.db");
        write_with_wal_kept(s, s.db,
                            "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = "
                            "replace(sql, 'CHECK (rating', 'CHECK (Iating') WHERE name = "
                            "'checkins'");
        expected = "the database is damaged (malformed database schema (checkins)";
    }
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"goal", "add", "Walk"},
                                               {"goal", "list"},
                                               {"config", "set", "week-start", "wed"},
                                               {"goal", "remove", "1"}}) {
        check_refused(s, args, expected, 1);
    }
    CHECK(fs::file_size(s.db.string() + "-wal") > 0);
}

TEST_CASE("a database missing one of its tables is damaged, and refused before any write") {
    Sandbox s;
    s.ok({"goal", "add", "Walk"});
    REQUIRE(
        run_process({"/usr/bin/sqlite3", s.db.string(), "DROP TABLE week_totals"}, s.env, "", s.dir)
            .code == 0);
    // Told from the file's header, checked on the one connection the command opens: the
    // refused file is as it was, its permissions too (even looser than private, or read-only),
    // with no -wal or -shm left beside it.
    for (const unsigned mode : {0644U, 0444U}) {
        fs::permissions(s.db, static_cast<fs::perms>(mode));
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"goal", "add", "Call"}, {"review"}, {"goal", "list"}, {"export", "goals"}}) {
            check_refused(s, args, "its table week_totals is missing", 1);
            CHECK(mode_of(s.db) == mode);
            CHECK_FALSE(fs::exists(s.db.string() + "-wal"));
            CHECK_FALSE(fs::exists(s.db.string() + "-shm"));
        }
    }
}

TEST_CASE("a smartgoals database whose schema no longer reads is damaged, and left as it was") {
    Sandbox s;
    s.ok({"goal", "add", "Walk"});
    REQUIRE(run_process({"/usr/bin/sqlite3", s.db.string(),
                         "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = "
                         "replace(sql, 'CHECK (rating', 'CHECK (Iating') WHERE name = 'checkins'"},
                        s.env, "", s.dir)
                .code == 0);
    REQUIRE_FALSE(fs::exists(s.db.string() + "-wal"));
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"review"}, {"goal", "list"}, {"goal", "add", "Call"}, {"undo"}}) {
        check_refused(s, args, "the database is damaged (malformed database schema (checkins)", 1);
        CHECK_FALSE(fs::exists(s.db.string() + "-wal"));
        CHECK_FALSE(fs::exists(s.db.string() + "-shm"));
    }
}

TEST_CASE("permissions looser than private are tightened, with one line saying so") {
    Sandbox s;
    const auto data = s.dir / "xdg";
    auto env = s.env;
    env.erase("SMARTGOALS_DB");
    env["XDG_DATA_HOME"] = data.string();
    const auto run = [&](const std::vector<std::string>& args) {
        std::vector<std::string> argv{smartgoals_binary()};
        argv.insert(argv.end(), args.begin(), args.end());
        return run_process(argv, env, "", s.dir);
    };
    REQUIRE(run({"goal", "add", "Walk"}).code == 0);
    const auto dir = data / "smartgoals";
    const auto file = dir / "smartgoals.db";
    fs::permissions(dir, fs::perms::all);
    fs::permissions(file, static_cast<fs::perms>(0666));
    const auto r = run({"goal", "list"});
    CHECK(r.code == 0);
    CHECK(contains(r.out, "Walk"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(contains(r.err, dir.string() + " from 0777 to 0700"));
    CHECK(contains(r.err, file.string() + " from 0666 to 0600"));
    CHECK(mode_of(dir) == 0700);
    CHECK(mode_of(file) == 0600);
    CHECK(run({"goal", "list"}).err.empty()); // said once, when it changed something

    // A directory the member chose is theirs; the file in it is still made private.
    const auto chosen = s.dir / "notes";
    fs::create_directories(chosen);
    fs::permissions(chosen, static_cast<fs::perms>(0755));
    REQUIRE(run({"--db", (chosen / "goals.db").string(), "goal", "add", "Walk"}).code == 0);
    fs::permissions(chosen / "goals.db", static_cast<fs::perms>(0644));
    const auto chosen_run = run({"--db", (chosen / "goals.db").string(), "goal", "add", "Call"});
    CHECK(chosen_run.code == 0);
    CHECK(contains(chosen_run.err, "goals.db from 0644 to 0600"));
    CHECK(mode_of(chosen) == 0755);
    CHECK(mode_of(chosen / "goals.db") == 0600);
}

TEST_CASE("a failing first command creates no file and no directory") {
    Sandbox s;
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"goal", "done", "5"},
                                               {"cbc", "add", "3", "bu", "x"},
                                               {"checkin", "--rating", "11"},
                                               {"config", "set", "week-start", "someday"}}) {
        const auto r = s.run(args);
        CHECK(r.code == 2);
        CHECK_FALSE(fs::exists(s.db.parent_path()));
    }
    s.ok({"goal", "add", "Walk"});
    const auto left = std::distance(fs::directory_iterator(s.db.parent_path()), {});
    CHECK(left == 1); // the database alone: no temporary file stays beside it
}

TEST_CASE("a -wal left without its database is never replayed into a new one") {
    Sandbox s;
    s.ok({"goal", "add", "Walk"});
    // A -wal holding pages, as a program killed while writing leaves it; then the database goes.
    const auto wal = s.db.string() + "-wal";
    const auto r = run_process({"/usr/bin/python3", "-c",
                                "import sqlite3, shutil, sys\n"
                                "c = sqlite3.connect(sys.argv[1])\n"
                                "c.execute('PRAGMA wal_autocheckpoint = 0')\n"
                                "c.execute(\"INSERT INTO settings VALUES ('name', 'Sam')\")\n"
                                "c.commit()\n"
                                "shutil.copy(sys.argv[1] + '-wal', sys.argv[1] + '.kept')\n",
                                s.db.string()},
                               s.env, "", s.dir);
    REQUIRE(r.code == 0);
    fs::remove(s.db);
    fs::remove(s.db.string() + "-shm");
    fs::copy_file(s.db.string() + ".kept", wal, fs::copy_options::overwrite_existing);
    const auto kept = fs::file_size(wal);
    const auto add = s.run({"goal", "add", "Call"});
    CHECK(add.code == 1);
    CHECK(contains(add.err, "-wal is left from a database that is no longer there"));
    CHECK_FALSE(fs::exists(s.db));
    CHECK(fs::file_size(wal) == kept);
}

TEST_CASE("a failing command on a closed database leaves no -wal or -shm behind") {
    Sandbox s;
    s.ok({"goal", "add", "Walk"});
    REQUIRE_FALSE(fs::exists(s.db.string() + "-wal"));
    const auto before = s.state();
    for (const auto& args : std::vector<std::vector<std::string>>{{"goal", "done", "99"},
                                                                  {"checkin", "--rating", "0"},
                                                                  {"cbc", "add", "7", "bu", "x"}}) {
        CHECK(s.run(args).code == 2);
        CHECK_FALSE(fs::exists(s.db.string() + "-wal"));
        CHECK_FALSE(fs::exists(s.db.string() + "-shm"));
    }
    CHECK(s.state() == before);
}

TEST_CASE("making the database private keeps it read-only when the member made it so") {
    Sandbox s;
    s.ok({"goal", "add", "Walk"});
    fs::permissions(s.db, static_cast<fs::perms>(0444));
    const auto r = s.run({"goal", "list"});
    CHECK(r.code == 0);
    CHECK(contains(r.err, "from 0444 to 0400"));
    CHECK(mode_of(s.db) == 0400);
}

TEST_CASE("an empty --db is refused, never the member's own database") {
    Sandbox s;
    check_refused(s, {"--db", "", "goal", "add", "Walk"}, "--db: the path is empty", 2);
    CHECK_FALSE(fs::exists(s.db));
}
