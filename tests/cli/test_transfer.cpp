// SPDX-License-Identifier: MIT
// Export and import, read back by parsers nobody here wrote: sqlite3, Miller and Python's json.
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <sys/stat.h>

using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> k_hostile = {
    "comma, inside",
    "quote \"inside\" and \"\" doubled",
    "line feed\ninside",
    "CRLF\r\ninside",
    "tab\tinside",
    "emoji 😀🎉 and combining e\u0301 and 友達",
    "=SUM(A1:A9)",
    "+1 call a friend",
    "-1 coffee a day",
    "@home by nine",
    std::string(2000, 'x') + " the end",
};

void fill_hostile(const Sandbox& s) {
    for (const auto& text : k_hostile) {
        s.ok({"goal", "add", "--", text});
        s.ok({"checkin", "--rating", "5", "--note", text});
        s.ok({"urge-log", "--intensity", "3", "--at", "07:00", "--trigger", text, "--strategy",
              text});
    }
    s.ok({"goal", "done", "1", "--note", k_hostile[3]});
}

std::string write_file(const Sandbox& s, const std::string& name, const std::string& content) {
    const auto path = (s.dir / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

std::vector<std::string> column(const Json& rows, const char* key) {
    std::vector<std::string> out;
    for (const auto& row : rows) {
        out.push_back(row[key].get<std::string>());
    }
    return out;
}

} // namespace

TEST_CASE("sqlite3's CSV import reads every hostile text back exactly") {
    Sandbox s;
    fill_hostile(s);
    const auto csv = write_file(s, "goals.csv", s.ok({"export", "goals"}));
    const auto r = run_process({"/usr/bin/sqlite3", "-json", (s.dir / "check.db").string(),
                                ".import --csv " + csv + " goals", "SELECT text FROM goals"},
                               s.env, "", s.dir);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(column(Json::parse(r.out), "text") == k_hostile);
}

TEST_CASE("Miller reads the CSV of every table") {
    Sandbox s;
    fill_hostile(s);
    auto miller = [&](const std::string& table) {
        const auto csv = write_file(s, table + ".csv", s.ok({"export", table}));
        const auto r =
            run_process({"/usr/bin/mlr", "--icsv", "--ojson", "cat", csv}, s.env, "", s.dir);
        INFO(r.err);
        REQUIRE(r.code == 0);
        return Json::parse(r.out);
    };
    // Miller reads a CR LF inside a quoted field as LF (sqlite3, above, keeps it exactly).
    auto expected = k_hostile;
    for (auto& text : expected) {
        if (const auto pos = text.find("\r\n"); pos != std::string::npos) {
            text.erase(pos, 1);
        }
    }
    CHECK(column(miller("goals"), "text") == expected);
    CHECK(column(miller("checkins"), "note") == expected);
    const auto urges = miller("urges");
    CHECK(column(urges, "trigger") == expected);
    CHECK(column(urges, "strategy") == expected);
    CHECK(miller("completions")[0]["note"] == expected[3]);
    CHECK(miller("weeks").size() == 1);
}

TEST_CASE("Python's json reads the JSON exports") {
    Sandbox s;
    fill_hostile(s);
    const auto document = write_file(s, "all.json", s.ok({"export"}));
    const auto r = run_process({"/usr/bin/python3", "-c",
                                "import json,sys; d=json.load(open(sys.argv[1], encoding='utf-8'));"
                                "assert d['format']=='smartgoals' and d['version']==2;"
                                "print(json.dumps([g['text'] for g in d['goals']]))",
                                document},
                               s.env, "", s.dir);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(Json::parse(r.out).get<std::vector<std::string>>() == k_hostile);
    const auto urges = write_file(s, "urges.json", s.ok({"export", "urges", "--format", "json"}));
    const auto u = run_process({"/usr/bin/python3", "-c",
                                "import json,sys; print(json.dumps(json.load(open(sys.argv[1]))[0]"
                                "['strategy']))",
                                urges},
                               s.env, "", s.dir);
    CHECK(Json::parse(u.out) == Json::array({k_hostile[0]}));
}

TEST_CASE("--spreadsheet-safe guards text a spreadsheet would run, and only when asked") {
    Sandbox s;
    fill_hostile(s);
    const auto plain = s.ok({"export", "goals"});
    CHECK(contains(plain, ",=SUM(A1:A9),"));
    const auto safe = s.ok({"export", "goals", "--spreadsheet-safe"});
    for (const char* text : {",'=SUM(A1:A9),", ",'+1 call a friend,", ",'-1 coffee a day,",
                             ",'@home by nine,", ",\"comma, inside\","}) {
        CHECK_MESSAGE(contains(safe, text), std::string(text));
    }
    CHECK(
        contains(s.ok({"export", "urges", "--spreadsheet-safe"}), ",'=SUM(A1:A9),,'=SUM(A1:A9),"));
    check_refused(s, {"export", "goals", "--format", "json", "--spreadsheet-safe"},
                  "--spreadsheet-safe is for CSV");
}

TEST_CASE("export, import into an empty database, export again: the same bytes") {
    Sandbox a;
    fill_hostile(a);
    a.ok({"config", "set", "week-start", "thursday"});
    a.ok({"config", "set", "name", "Sam"});
    a.ok({"goal", "add", "Walk", "--every-week", "--times", "3", "--area", "balance"});
    a.ok({"goal", "add", "Let go"});
    a.ok({"goal", "drop", std::to_string(k_hostile.size() + 2)});
    a.ok({"cbc", "new", "Drinking"});
    a.ok({"cbc", "add", "1", "bn", "Money", "--term", "long", "--weight", "5"});
    a.ok({"cbc", "new", "Nothing yet", "--activity"});
    const auto first = a.ok({"export"});
    const auto file = write_file(a, "backup.json", first);

    Sandbox b;
    const auto r = b.run({"import", file});
    CHECK(r.code == 0);
    CHECK(contains(r.err, "goals        13 added, 0 already here"));
    CHECK(contains(r.err, "settings     2 added, 0 already here"));
    CHECK(b.ok({"export"}) == first);
    CHECK(b.ok({"export", "weeks"}) == a.ok({"export", "weeks"}));
    CHECK(b.ok({"review", "--format", "json"}) == a.ok({"review", "--format", "json"}));

    // Again: everything is already there, nothing changes.
    const auto before = b.state();
    const auto again = b.run({"import", "-"}, first);
    CHECK(again.code == 0);
    CHECK(contains(again.err, "goals        0 added, 13 already here"));
    CHECK(b.state() == before);
}

TEST_CASE("two databases merge by UUID: nothing overwritten, ids kept where free") {
    Sandbox laptop, desktop;
    laptop.ok({"goal", "add", "From the laptop"});
    laptop.ok({"config", "set", "week-start", "sunday"});
    const auto shared = write_file(laptop, "shared.json", laptop.ok({"export"}));
    desktop.ok({"config", "set", "week-start", "thursday"});
    desktop.ok({"import", shared});
    desktop.ok({"goal", "add", "From the desktop"});
    desktop.ok({"goal", "edit", "1", "--text", "From the laptop, edited on the desktop"});
    laptop.ok({"goal", "add", "Also from the laptop"});
    laptop.ok({"goal", "done", "1"});

    const auto r = desktop.run({"import", write_file(laptop, "later.json", laptop.ok({"export"}))});
    CHECK(r.code == 0);
    CHECK(contains(r.err, "goals        1 added, 1 already here"));
    CHECK(contains(r.err, "completions  1 added, 0 already here"));
    CHECK(contains(r.err, "settings     0 added, 1 already here"));
    const auto goals = Json::parse(desktop.ok({"export", "goals", "--format", "json"}));
    REQUIRE(goals.size() == 3);
    CHECK(goals[0]["text"] == "From the laptop, edited on the desktop"); // not overwritten
    CHECK(goals[0]["status"] == "done"); // its new completion came across
    CHECK(goals[1]["text"] == "From the desktop");
    CHECK(goals[2]["text"] == "Also from the laptop");
    CHECK(goals[2]["id"] == 3); // id 2 was taken here, so it got the next one
    CHECK(desktop.ok({"config", "get", "week-start"}) == "thursday\n");
}

TEST_CASE("the whole-document export follows --since and --until, and -o writes privately") {
    Sandbox s;
    s.ok({"--today", "2026-10-05", "goal", "add", "October"});
    s.ok({"--today", "2026-10-05", "checkin", "--rating", "4"});
    s.ok({"goal", "add", "November"});
    const auto doc = Json::parse(s.ok({"export", "--since", "2026-11-01"}));
    REQUIRE(doc["goals"].size() == 1);
    CHECK(doc["goals"][0]["text"] == "November");
    CHECK(doc["checkins"].empty());
    CHECK(Json::parse(s.ok({"export", "--until", "2026-10-31"}))["goals"][0]["text"] == "October");

    const auto path = s.dir / "backup.json";
    std::ofstream(path) << "an older backup";
    ::chmod(path.c_str(), 0644);
    const auto r = s.run({"export", "-o", path.string()});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(read_file(path) == s.ok({"export"}));
    struct stat st {};
    ::stat(path.c_str(), &st);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK_FALSE(fs::exists(path.string() + ".smartgoals-tmp"));
    check_refused(s, {"export", "-o", (s.dir / "no/such/dir/x.json").string()}, "-o: cannot write",
                  1);
    check_refused(s, {"export", "--format", "csv"}, "CSV holds one table");
}

TEST_CASE("a bad import file is refused with its place named, and nothing is written") {
    Sandbox s;
    s.ok({"goal", "add", "Already here"});
    const auto good = Json::parse(s.ok({"export"}));
    auto with = [&](const std::function<void(Json&)>& change) {
        Json doc = good;
        doc["goals"].push_back({{"uuid", "new-goal"},
                                {"text", "New"},
                                {"kind", "once"},
                                {"target", 1},
                                {"week", "2026-11-16"},
                                {"status", "open"},
                                {"created", "2026-11-19"},
                                {"completions", Json::array()}});
        change(doc);
        return doc.dump();
    };
    const std::vector<std::pair<std::string, std::string>> bad{
        {"{\"format\":\"smartgoals\",\"version\":1,\"goals\":[{\"uuid\":", "is not valid JSON"},
        {"name,text\nSam,hello\n", "is not a smartgoals export (it does not begin with '{')"},
        {std::string(3, '\0'), "is not a smartgoals export (it does not begin with '{')"},
        {"{\"format\":\"smartgoals\",\"version\":1,\"version\":1}",
         "the key \"version\" appears twice in one object"},
        {"{\"format\":\"smartgoals\",\"version\":1,\"x\":" + std::string(100, '[') +
             std::string(100, ']') + "}",
         "nests deeper than 64 levels"},
        {"{\"format\":\"smartgoals\",\"version\":1,\"settings\":1E400}",
         "holds a number too large to read"},
        {"{\"format\":\"taskwarrior\"}", "is not a smartgoals export"},
        {"[1, 2, 3]", "is not a smartgoals export"},
        {with([](Json& d) { d["version"] = 3; }), "written by a newer smartgoals (version 3)"},
        {with([](Json& d) {
             d["removed"] = Json::array({{{"uuid", "x"}}});
         }),
         "removed[0].date: is missing"},
        {with([](Json& d) {
             d["removed"] = Json::array({{{"uuid", "x"}, {"date", "2099-01-01"}}});
         }),
         "removed[0].date: 2099-01-01 is in the future"},
        {with([](Json& d) {
             d["removed"] =
                 Json::array({{{"uuid", d["goals"][0]["uuid"]}, {"date", "2026-11-01"}}});
         }),
         "appears twice"},
        {with([](Json& d) { d["version"] = "1"; }), "document.version: is not a whole number"},
        {with([](Json& d) { d["goals"][1]["target"] = "3"; }),
         "goals[1].target: is not a whole number"},
        {with([](Json& d) { d["goals"][1]["target"] = 0; }), "goals[1].target: 0 is out of range"},
        {with([](Json& d) { d["goals"][1]["text"] = ""; }), "goals[1].text: is empty"},
        {with([](Json& d) { d["goals"][1].erase("uuid"); }), "goals[1].uuid: is missing"},
        {with([](Json& d) { d["goals"][1]["area"] = "health"; }),
         "goals[1].area: 'health' is not one of"},
        {with([](Json& d) { d["goals"][1]["week"] = "2026-13-01"; }),
         "goals[1].week: '2026-13-01' is not a date"},
        {with([](Json& d) { d["goals"][1]["status"] = "dropped"; }), "goals[1].closed: is missing"},
        {with([](Json& d) {
             d["goals"][1]["completions"] = {{{"uuid", "c"}, {"date", "2027-01-01"}}};
         }),
         "goals[1].completions[0].date: 2027-01-01 is in the future"},
        {with([](Json& d) { d["goals"][1]["uuid"] = d["goals"][0]["uuid"]; }), "appears twice"},
        {with([](Json& d) {
             d["checkins"] = {{{"uuid", "k"}, {"date", "2026-11-01"}, {"rating", 11}}};
         }),
         "checkins[0].rating: 11 is out of range (1 to 10)"},
        {with([](Json& d) {
             d["urges"] = {{{"uuid", "u"}, {"at", "2026-11-01 10:00"}, {"intensity", 5}}};
         }),
         "urges[0].at: '2026-11-01 10:00' is not a time"},
        {with([](Json& d) {
             d["urges"] = {{{"uuid", "u"},
                            {"at", "2026-11-01T10:00"},
                            {"intensity", 5},
                            {"strategy", "delay"}}};
         }),
         "urges[0].strategy: is not a list"},
        {with([](Json& d) {
             d["cbc"] = {{{"cbc_uuid", "c"},
                          {"title", "T"},
                          {"kind", "substance"},
                          {"created", "2026-11-01"},
                          {"items", {{{"item_uuid", "i"}, {"quadrant", "bx"}, {"text", "x"}}}}}};
         }),
         "cbc[0].items[0].quadrant: 'bx' is not one of"},
        {with([](Json& d) { d["settings"]["colour"] = "blue"; }),
         "settings.colour: is not a setting"},
        {with([](Json& d) { d["goals"] = "many"; }), "document.goals: is not a list"},
        // An id past 2^53 once blocked every later add ("the disk is full").
        {with([](Json& d) { d["goals"][1]["id"] = 9223372036854775807LL; }),
         "goals[1].id: 9223372036854775807 is out of range (1 to 9007199254740992)"},
        {with([](Json& d) { d["goals"][1]["target"] = 9223372036854775808ULL; }),
         "goals[1].target: 9223372036854775808 is out of range (1 to 99)"},
    };
    for (const auto& [content, message] : bad) {
        check_refused(s, {"import", write_file(s, "bad.json", content)}, message);
    }
    check_refused(s, {"import", (s.dir / "missing.json").string()}, "import: cannot read");
    // Endless input is refused at its first byte, not read until memory runs out.
    check_refused(s, {"import", "/dev/zero"}, "/dev/zero is not a smartgoals export");
    const auto dir = s.dir / "a-directory";
    fs::create_directories(dir);
    check_refused(s, {"import", dir.string()}, "import: cannot read");
}
