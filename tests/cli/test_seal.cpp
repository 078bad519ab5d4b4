// SPDX-License-Identifier: MIT
// Encryption at rest (SPEC §3.1): nothing readable on disk, a wrong passphrase or none changes
// nothing, any flipped byte is damage, and writers at once, a kill mid-write, import and
// export all work as on a plain database.
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <iterator>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const std::string k_passphrase = "correct horse battery staple";

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// Every file in the database's directory that holds `text`.
std::vector<std::string> files_holding(const Sandbox& s, const std::string& text) {
    std::vector<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(s.db.parent_path())) {
        if (entry.is_regular_file() && contains(read_file(entry.path()), text)) {
            found.push_back(entry.path().filename().string());
        }
    }
    return found;
}

void encrypt(const Sandbox& s) {
    const auto r = s.run({"--passphrase-fd", "0", "encrypt"}, k_passphrase + "\n");
    REQUIRE_MESSAGE(r.code == 0, r.err);
    REQUIRE(read_file(s.db).substr(0, 16) == "smartgoals:seal1");
}

// What a member wrote down, in words nobody else should read from the disk.
const std::vector<std::string> k_private = {"Phone Dana on Sunday evening",
                                            "calm week by the river", "payday pub crawl",
                                            "honesty with my sister", "Quiet flat after the row"};

void write_private_things(const Sandbox& s) {
    s.ok({"-q", "goal", "add", k_private[0]});
    s.ok({"-q", "checkin", "--rating", "7", "--note", k_private[1]});
    s.ok({"-q", "urge-log", "--intensity", "6", "--trigger", k_private[2], "--rode-out"});
    s.ok({"-q", "values", "add", k_private[3]});
    s.ok({"-q", "abc", "new", "--event", k_private[4]});
}

} // namespace

TEST_CASE("encrypted, every command works the same, and nothing of the data is on disk") {
    Sandbox s;
    s.ok({"-q", "goal", "add", "Written before encryption"});
    encrypt(s);
    // The old, readable file was overwritten before it was let go.
    CHECK(files_holding(s, "Written before encryption").empty());
    write_private_things(s);
    s.ok({"-q", "goal", "done", "2"});
    const std::string review = s.ok({"review"});
    for (const auto& text : k_private) {
        CHECK_MESSAGE(contains(unwrapped(review) + s.ok({"export", "--format", "json"}), text),
                      text);
        CHECK_MESSAGE(files_holding(s, text).empty(), text);
    }
    CHECK(files_holding(s, "SQLite format 3").empty());
    CHECK(contains(review, "Written before encryption"));
    // An import into it, and an export where the member asked for one.
    const fs::path file = s.dir / "moved.json";
    s.ok({"export", "--format", "json", "-o", file.string()});
    CHECK(contains(read_file(file), k_private[2])); // plaintext, because it was asked for
    Sandbox other;
    encrypt(other);
    other.ok({"-q", "import", file.string()});
    CHECK(contains(other.ok({"goal", "list", "--all"}), k_private[0]));
    CHECK(files_holding(other, k_private[0]).empty());
    // undo works through the seal as well.
    s.ok({"-q", "goal", "add", "Taken back"});
    s.ok({"-q", "undo"});
    CHECK_FALSE(contains(s.ok({"goal", "list", "--all"}), "Taken back"));
}

TEST_CASE("encrypted, a wrong passphrase is exit 1 and no passphrase at all exit 2, neither "
          "changing anything") {
    Sandbox s;
    s.ok({"-q", "goal", "add", "A goal"});
    encrypt(s);
    s.ok({"lock"});
    const auto before = s.state();

    // No terminal, no kept key, no --passphrase-fd.
    auto r = s.run({"goal", "add", "Another"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "smartgoals: error: "));
    CHECK(contains(r.err, "--passphrase-fd"));
    CHECK(r.out.empty());
    CHECK(s.state() == before);

    r = s.run({"--passphrase-fd", "0", "goal", "add", "Another"}, "not the passphrase\n");
    CHECK(r.code == 1);
    CHECK(contains(r.err, "that passphrase does not open"));
    CHECK(s.state() == before);
    r = s.run({"--passphrase-fd", "0", "goal", "add", "Another"}, "\n");
    CHECK(r.code == 2);
    CHECK(contains(r.err, "the passphrase is empty"));
    r = s.run({"--passphrase-fd", "9", "goal", "add", "Another"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "--passphrase-fd 9"));
    CHECK(s.state() == before);
    // A check for a shell's start-up never asks, and says nothing.
    r = s.run({"nudge"});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());

    // The right one opens it and keeps the key: the next command needs none.
    r = s.run({"--passphrase-fd", "0", "goal", "add", "Another"}, k_passphrase + "\n");
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(contains(s.ok({"goal", "list"}), "Another"));
    // lock forgets it at once; unlock-minutes 0 never keeps it.
    CHECK(contains(s.run({"lock"}).err, "Locked"));
    CHECK(s.run({"goal", "list"}).code == 2);
    CHECK(s.run({"--passphrase-fd", "0", "-q", "config", "set", "unlock-minutes", "0"},
                k_passphrase + "\n")
              .code == 0);
    CHECK(s.run({"goal", "list"}).code == 2);
    CHECK(s.run({"--passphrase-fd", "0", "config", "get", "unlock-minutes"}, k_passphrase + "\n")
              .out == "0\n");
    CHECK(s.run({"goal", "list"}).code == 2);
    r = s.run({"--passphrase-fd", "0", "config", "set", "unlock-minutes", "07"},
              k_passphrase + "\n");
    CHECK(r.code == 2);
    CHECK(contains(r.err, "unlock-minutes: '07'"));
    CHECK(s.run({"--passphrase-fd", "0", "config", "set", "unlock-minutes", "1441"},
                k_passphrase + "\n")
              .code == 2);
}

TEST_CASE("encrypted, a flipped byte anywhere in the file is damage, exit 1, nothing changed") {
    Sandbox s;
    write_private_things(s);
    encrypt(s);
    const std::string original = read_file(s.db);
    REQUIRE(original.size() % 4096 == 0);
    const std::size_t pages = original.size() / 4096;
    MESSAGE(pages, " pages");
    // In each page: what SQLite stores, the settings of page 1 (salt, limits, key check), the
    // nonce and the tag; and page 1's first bytes.
    std::vector<std::size_t> offsets = {3, 15, 16, 17, 20, 4016, 4031, 4047};
    const auto every = pages / static_cast<std::size_t>(sampled(static_cast<int>(pages)));
    for (std::size_t page = 0; page < pages; page += every) {
        for (const std::size_t at : {100UL, 2000UL, 4015UL, 4060UL, 4090UL}) {
            offsets.push_back(page * 4096 + at);
        }
    }
    int damage = 0;
    for (const std::size_t at : offsets) {
        std::string flipped = original;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x04);
        write_file(s.db, flipped);
        // The key is kept (the passphrase is given too, in case no keyring is at hand).
        const auto r =
            s.run({"--passphrase-fd", "0", "goal", "add", "After the flip"}, k_passphrase + "\n");
        CHECK_MESSAGE(r.code == 1, "byte ", at, ": ", r.err);
        CHECK_MESSAGE(contains(r.err, "damaged"), "byte ", at, ": ", r.err);
        CHECK(read_file(s.db) == flipped);
        damage += contains(r.err, "damaged");
    }
    MESSAGE(damage, " of ", offsets.size(), " flipped bytes were found damaged");
    write_file(s.db, original);
    CHECK(contains(s.ok({"goal", "list", "--all"}), k_private[0]));
}

TEST_CASE("encrypted, four writers at once all succeed, and none is lost") {
    Sandbox s;
    s.ok({"-q", "goal", "add", "first"});
    encrypt(s);
    std::vector<std::thread> writers;
    std::vector<int> failures(4, 0);
    for (int w = 0; w < 4; ++w) {
        writers.emplace_back([&, w] {
            for (int i = 0; i < 10; ++i) {
                const auto r = s.run({"-q", "--passphrase-fd", "0", "goal", "add",
                                      "writer " + std::to_string(w) + " goal " + std::to_string(i)},
                                     k_passphrase + "\n");
                failures[static_cast<std::size_t>(w)] += r.code != 0;
            }
        });
    }
    for (auto& t : writers) {
        t.join();
    }
    CHECK(failures == std::vector<int>(4, 0));
    const auto list = nlohmann::json::parse(s.ok({"export", "--format", "json"}));
    CHECK(list["goals"].size() == 41);
}

TEST_CASE("encrypted, an import killed mid-write leaves all or none of it, and nothing readable") {
    Sandbox s;
    s.ok({"-q", "goal", "add", "kept through everything"});
    encrypt(s);
    nlohmann::json doc{
        {"format", "smartgoals"}, {"version", 1}, {"goals", nlohmann::json::array()}};
    for (int i = 0; i < 3000; ++i) {
        doc["goals"].push_back({{"uuid", "g-" + std::to_string(i)},
                                {"text", "hidden-goal-" + std::to_string(i)},
                                {"kind", "once"},
                                {"target", 1},
                                {"week", "2026-11-16"},
                                {"status", "open"},
                                {"created", "2026-11-16"}});
    }
    const fs::path file = s.dir / "big.json";
    write_file(file, doc.dump());
    const fs::path wal = s.db.string() + "-wal";
    int killed_inside = 0;
    for (int round = 0; round < 3; ++round) {
        std::vector<std::string> argv{smartgoals_binary(), "-q", "import", file.string()};
        const pid_t pid = spawn_process(argv, s.env, s.dir);
        bool running = true;
        const bool written = wait_until_written(pid, wal, running);
        if (running) {
            ::kill(pid, SIGKILL);
            int status = 0;
            ::waitpid(pid, &status, 0);
            killed_inside += written;
        }
        // What the kill left on disk, -wal included, holds no goal's text.
        CHECK(files_holding(s, "hidden-goal-").empty());
        const auto goals = nlohmann::json::parse(s.ok({"export", "--format", "json"}))["goals"];
        CHECK((goals.size() == 1 || goals.size() == 3001));
        if (goals.size() == 3001) {
            s.ok({"-q", "undo"});
        }
    }
    MESSAGE(killed_inside, " of 3 kills landed after pages reached the -wal");
    CHECK(killed_inside > 0);
    CHECK(contains(s.ok({"goal", "list", "--all"}), "kept through everything"));
}

TEST_CASE("decrypt gives back a plain database with everything, and encrypt, decrypt and lock say "
          "when there is nothing to do") {
    Sandbox s;
    write_private_things(s);
    const std::string review = s.ok({"review"});
    CHECK(contains(s.run({"lock"}).err, "not encrypted"));
    CHECK(contains(s.run({"decrypt"}).err, "not encrypted; nothing to do"));
    encrypt(s);
    CHECK(contains(s.run({"encrypt"}).err, "already encrypted"));
    // Decrypting asks for the passphrase even with the key kept.
    auto r = s.run({"decrypt"});
    CHECK(r.code == 2);
    CHECK(read_file(s.db).substr(0, 16) == "smartgoals:seal1");
    r = s.run({"--passphrase-fd", "0", "decrypt"}, "wrong\n");
    CHECK(r.code == 1);
    CHECK(read_file(s.db).substr(0, 16) == "smartgoals:seal1");
    r = s.run({"--passphrase-fd", "0", "decrypt"}, k_passphrase + "\n");
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(read_file(s.db).substr(0, 16) == std::string("SQLite format 3\0", 16));
    CHECK(s.ok({"review"}) == review);
    const auto count = run_process({"/usr/bin/sqlite3", s.db.string(), "SELECT text FROM goals"},
                                   s.env, "", s.dir);
    CHECK(count.out == k_private[0] + "\n");
    // Encrypting an empty place makes the database first.
    Sandbox fresh;
    encrypt(fresh);
    CHECK(fresh.ok({"goal", "list"}).find("Phone") == std::string::npos);
}

TEST_CASE("encrypt on a terminal warns first, asks twice without echo, and refuses two different "
          "answers") {
    Sandbox s;
    s.ok({"-q", "goal", "add", "On the terminal"});
    const auto before = s.state();
    auto r = s.converse({"encrypt"}, {{"New passphrase: ", "first try\n"},
                                      {"The same passphrase again: ", "second try\n"}});
    CHECK(r.code == 2);
    CHECK(contains(r.out, "the two passphrases differ"));
    CHECK(s.state() == before);
    r = s.converse({"encrypt"}, {{"New passphrase: ", "tidal river stones\n"},
                                 {"The same passphrase again: ", "tidal river stones\n"}});
    CHECK(r.code == 0);
    CHECK(r.out.find("if it is forgotten") < r.out.find("New passphrase"));
    CHECK_FALSE(contains(r.out, "tidal river")); // never echoed
    CHECK(read_file(s.db).substr(0, 16) == "smartgoals:seal1");
    s.ok({"lock"});
    // Ctrl-D at the question stops it, as at every other question.
    r = s.converse({"goal", "list"}, {{"Passphrase for ", "\x04"}});
    CHECK(r.code == 2);
    CHECK(contains(r.out, "nothing was recorded"));
    r = s.converse({"goal", "list"}, {{"Passphrase for ", "tidal river stones\n"}});
    CHECK(r.code == 0);
    CHECK(contains(r.out, "On the terminal"));
    CHECK_FALSE(contains(r.out, "tidal river"));
    // --passphrase-fd naming the terminal asks there, without echo too.
    s.ok({"lock"});
    r = s.converse({"--passphrase-fd", "0", "goal", "list"},
                   {{"Passphrase: ", "tidal river stones\n"}});
    CHECK(r.code == 0);
    CHECK(contains(r.out, "On the terminal"));
    CHECK_FALSE(contains(r.out, "tidal river"));
}

TEST_CASE("encrypt at the edges: nothing made without a passphrase, links kept, a read-only file "
          "refused, a stopped copy removed") {
    Sandbox s;
    // No terminal and no --passphrase-fd: nothing is made, and the message says what is needed.
    auto r = s.run({"encrypt"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "encrypt needs a new passphrase"));
    CHECK_FALSE(fs::exists(s.db.parent_path()));
    r = s.run({"--passphrase-fd", "-1", "goal", "list"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "--passphrase-fd: '-1' is not a file descriptor"));

    // Through a symbolic link the file it leads to is encrypted, and the link stays.
    s.ok({"-q", "goal", "add", "Behind a link"});
    const fs::path link = s.dir / "link.db";
    fs::create_symlink(s.db, link);
    r = s.run({"--db", link.string(), "--passphrase-fd", "0", "encrypt"}, k_passphrase + "\n");
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(fs::is_symlink(link));
    CHECK(read_file(s.db).substr(0, 16) == "smartgoals:seal1");
    CHECK(contains(s.ok({"--db", link.string(), "goal", "list"}), "Behind a link"));

    // A hard link keeps the old file: it is left whole, and the member is told.
    Sandbox linked;
    linked.ok({"-q", "goal", "add", "Twice named"});
    const fs::path other = linked.dir / "other-name.db";
    fs::create_hard_link(linked.db, other);
    r = linked.run({"--passphrase-fd", "0", "encrypt"}, k_passphrase + "\n");
    CHECK(r.code == 0);
    CHECK(contains(r.err, "another name (a hard link)"));
    CHECK(contains(read_file(other), "Twice named"));

    // A read-only file stays as it is.
    Sandbox kept;
    kept.ok({"-q", "goal", "add", "Read only"});
    fs::permissions(kept.db, fs::perms::owner_read);
    if (::geteuid() != 0) { // root writes anyway
        const auto before = kept.state();
        r = kept.run({"--passphrase-fd", "0", "encrypt"}, k_passphrase + "\n");
        CHECK(r.code == 1);
        CHECK(kept.state() == before);
    }

    // What an encrypt or decrypt stopped by SIGKILL left beside the file goes at the next use.
    const fs::path left = s.db.string() + ".opening-Ab12Cd";
    write_file(left, "a plain copy cut short");
    s.ok({"goal", "list"});
    CHECK_FALSE(fs::exists(left));
}

TEST_CASE("--passphrase-fd is read whether or not a key is kept, and unlock-minutes survives an "
          "export and import") {
    Sandbox s;
    encrypt(s);
    s.ok({"-q", "config", "set", "unlock-minutes", "5"});
    const std::string doc = s.ok({"export"});
    for (int i = 0; i < 2; ++i) { // the second time the key is kept
        const auto r =
            s.run({"--passphrase-fd", "0", "-q", "import", "-"}, k_passphrase + "\n" + doc);
        CHECK_MESSAGE(r.code == 0, r.err);
    }
    Sandbox other;
    const auto r = other.run({"-q", "import", "-"}, doc);
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(other.ok({"config", "get", "unlock-minutes"}) == "5\n");
}

TEST_CASE("encrypt, decrypt and lock show a database path holding control characters visibly") {
    Sandbox s;
    const fs::path odd = s.dir / "ev\x1bil" / "x.db";
    fs::create_directories(odd.parent_path());
    s.ok({"--db", odd.string(), "-q", "goal", "add", "A goal"});
    const auto encrypted =
        s.run({"--db", odd.string(), "--passphrase-fd", "0", "encrypt"}, k_passphrase + "\n");
    const auto locked = s.run({"--db", odd.string(), "lock"});
    const auto decrypted =
        s.run({"--db", odd.string(), "--passphrase-fd", "0", "decrypt"}, k_passphrase + "\n");
    for (const auto& r : {encrypted, locked, decrypted}) {
        CHECK(r.code == 0);
        CHECK_FALSE(contains(r.err, "\x1b"));
    }
    CHECK(contains(encrypted.err, "ev^[il"));
    CHECK(contains(decrypted.err, "ev^[il"));
}
