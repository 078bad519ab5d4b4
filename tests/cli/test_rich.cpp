// SPDX-License-Identifier: MIT
// The printable side, checked in a real browser: each HTML output is printed to PDF by headless
// Chromium and its pages counted with pdfinfo.
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace {

// Prints `html` to a PDF through Chromium and returns the PDF's path.
fs::path print_to_pdf(const Sandbox& s, const std::string& name, const std::string& html) {
    const auto page = s.dir / (name + ".html");
    const auto pdf = s.dir / (name + ".pdf");
    std::ofstream(page) << html;
    const auto profile = s.dir / ("chromium-" + name);
    const auto r = run_process({"/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                "--no-first-run", "--disable-background-networking",
                                "--disable-component-update", "--disable-sync",
                                "--user-data-dir=" + profile.string(), "--no-pdf-header-footer",
                                "--print-to-pdf=" + pdf.string(), "file://" + page.string()},
                               s.env, "", s.dir);
    INFO(r.err);
    REQUIRE(fs::exists(pdf));
    return pdf;
}

int pages(const Sandbox& s, const fs::path& pdf) {
    const auto r = run_process({"/usr/bin/pdfinfo", pdf.string()}, s.env, "", s.dir);
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, std::regex("Pages:\\s+(\\d+)")));
    return std::stoi(m[1]);
}

std::string pdf_text(const Sandbox& s, const fs::path& pdf) {
    return run_process({"/usr/bin/pdftotext", "-layout", pdf.string(), "-"}, s.env, "", s.dir).out;
}

// A word's box on a printed page, as pdftotext -bbox gives it (points from the top left).
struct Word {
    double x0, y0, x1, y1;
    std::string text;
};
struct Page {
    double height;
    std::vector<Word> words;
};

std::vector<Page> page_words(const Sandbox& s, const fs::path& pdf) {
    const auto r =
        run_process({"/usr/bin/pdftotext", "-bbox", pdf.string(), "-"}, s.env, "", s.dir);
    static const std::regex page_re(R"re(<page width="[\d.]+" height="([\d.]+)">)re");
    static const std::regex word_re(
        R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
    std::vector<Page> out;
    std::istringstream lines(r.out);
    std::smatch m;
    for (std::string line; std::getline(lines, line);) {
        if (std::regex_search(line, m, page_re)) {
            out.push_back({std::stod(m[1]), {}});
        } else if (std::regex_search(line, m, word_re) && !out.empty()) {
            out.back().words.push_back(
                {std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), m[5]});
        }
    }
    return out;
}

// Twenty weeks of a member's life as an export to import: a check-in each day, six goals a week
// of which two roll over, three weekly goals, three urges a week.
std::string twenty_weeks() {
    using namespace std::chrono;
    const sys_days first = sys_days(2026y / 6 / 29); // a Monday; the last week is 2026-11-09
    const auto day = [&](int n) {
        const year_month_day d{first + days(n)};
        char text[32];
        std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                      static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
        return std::string(text);
    };
    int next_uuid = 0;
    const auto uuid = [&] {
        char text[64];
        std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012x", ++next_uuid);
        return std::string(text);
    };
    const std::vector<std::string> texts = {"Call my sister about Sunday lunch",
                                            "Walk to the park",
                                            "Cook a proper dinner",
                                            "Go to the art group",
                                            "Look at two job listings",
                                            "Tidy the kitchen"};
    nlohmann::json goals = nlohmann::json::array(), checkins = nlohmann::json::array(),
                   urges = nlohmann::json::array();
    int id = 0;
    for (int w = 0; w < 20; ++w) {
        for (int i = 0; i < 6; ++i) {
            const bool done = (w + i) % 3 != 0;
            nlohmann::json completions = nlohmann::json::array();
            if (done) {
                completions.push_back(
                    {{"uuid", uuid()}, {"date", day(7 * w + 2)}, {"note", nullptr}});
            }
            goals.push_back({{"id", ++id},
                             {"uuid", uuid()},
                             {"text", texts[static_cast<std::size_t>(i)]},
                             {"area", nullptr},
                             {"kind", "once"},
                             {"target", 1},
                             {"week", day(7 * w)},
                             {"planned", day(7 * w)},
                             {"status", done ? "done" : "open"},
                             {"created", day(7 * w)},
                             {"closed", done ? nlohmann::json(day(7 * w + 2)) : nlohmann::json()},
                             {"completions", completions}});
        }
        for (int d = 0; d < 7; ++d) {
            checkins.push_back({{"uuid", uuid()},
                                {"date", day(7 * w + d)},
                                {"rating", 3 + (w + d) % 7},
                                {"note", d % 3 == 0 ? "a steady day" : ""}});
        }
        for (int u = 0; u < 3; ++u) {
            urges.push_back({{"uuid", uuid()},
                             {"at", day(7 * w + 2 * u) + "T18:30"},
                             {"intensity", u == 0 ? 10 : 4 + u},
                             {"duration_min", 10},
                             {"trigger", "after work"},
                             {"where", "home"},
                             {"strategy", {"delay"}},
                             {"outcome", "rode-out"},
                             {"note", nullptr},
                             {"next_time", nullptr}});
        }
    }
    for (const char* text : {"Meeting", "Swim", "Read with the kids"}) {
        nlohmann::json completions = nlohmann::json::array();
        for (int w = 0; w < 20; ++w) {
            completions.push_back({{"uuid", uuid()}, {"date", day(7 * w + 3)}, {"note", nullptr}});
        }
        goals.push_back({{"id", ++id},
                         {"uuid", uuid()},
                         {"text", text},
                         {"area", nullptr},
                         {"kind", "weekly"},
                         {"target", 2},
                         {"week", day(0)},
                         {"planned", day(0)},
                         {"status", "open"},
                         {"created", day(0)},
                         {"closed", nullptr},
                         {"completions", completions}});
    }
    return nlohmann::json{{"format", "smartgoals"},
                          {"version", 2},
                          {"settings", nlohmann::json::object()},
                          {"goals", goals},
                          {"checkins", checkins},
                          {"urges", urges},
                          {"cbc", nlohmann::json::array()},
                          {"removed", nlohmann::json::array()}}
        .dump();
}

} // namespace

TEST_CASE("the printed review opens with a summary, keeps its words apart and its pages full") {
    Sandbox s;
    std::ofstream(s.dir / "history.json") << twenty_weeks();
    s.ok({"-q", "import", (s.dir / "history.json").string()});
    const auto review = nlohmann::json::parse(
        s.ok({"review", "--week", "last", "--trend", "20", "--format", "json"}));
    const auto html = s.ok({"review", "--week", "last", "--trend", "20", "--format", "html"});
    const auto pdf = print_to_pdf(s, "review-20-weeks", html);
    const auto printed = page_words(s, pdf);
    REQUIRE(printed.size() >= 2);

    // The summary comes first, its numbers those of the review: the week beside the totals.
    std::string first_page;
    for (const auto& w : printed[0].words) {
        first_page += w.text + " ";
    }
    CHECK(first_page.find("At a glance") < first_page.find("How the last seven days"));
    std::vector<std::string> rows;
    const std::regex row_re("<tr><th scope=\"row\">([^<]*)</th>((?:<td>[^<]*</td>)*)</tr>");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), row_re);
         it != std::sregex_iterator(); ++it) {
        rows.push_back(std::regex_replace((*it)[1].str() + (*it)[2].str(),
                                          std::regex("<td>([^<]*)</td>"), "|$1"));
    }
    const auto& t = review["totals"];
    const auto& u = review["urges"];
    const auto n = [](const nlohmann::json& j) { return j.dump(); };
    CHECK(rows.size() == 2);
    rows.resize(2);
    // Check-ins, average rating, weeks checked in, achieved, rolled over, let go, urges, ridden out
    CHECK(rows[0] == "That week|" + std::to_string(review["checkins"].size()) + "|" +
                         n(review["avg_rating"]) + "||" +
                         std::to_string(review["achieved"].size()) + "|" +
                         std::to_string(review["rolling_over"].size()) + "|" +
                         std::to_string(review["let_go"].size()) + "|" + n(u["count"]) + "|" +
                         n(u["rode_out"]));
    CHECK(rows[1] == "To " + t["as_of"].get<std::string>() + "|" + n(t["checkins"]) + "||" +
                         n(t["weeks_checked_in"]) + "|" + n(t["goals_achieved"]) + "|||" +
                         n(t["urges_logged"]) + "|" + n(t["urges_ridden_out"]));
    CHECK(t["goals_achieved"].get<int>() > 70); // the history is what it says

    // Fields a terminal sets apart with spaces are set apart by a mark on paper, where spaces
    // run together.
    CHECK(contains(html, "2026-11-12 · rated 4/10 · a steady day"));
    const auto body = html.substr(html.find("<body>"));
    CHECK_FALSE(std::regex_search(body, std::regex(">[^<]*\\S  +\\S[^<]*<")));

    for (std::size_t p = 0; p < printed.size(); ++p) {
        INFO("page ", p + 1, " of ", printed.size());
        const auto& words = printed[p].words;
        // No word is printed over another: the chart titles clear the tallest bar's number,
        // and the weeks under the bars are spaced out.
        std::string overlapping;
        for (std::size_t i = 0; i < words.size(); ++i) {
            for (std::size_t j = i + 1; j < words.size(); ++j) {
                const auto& a = words[i];
                const auto& b = words[j];
                if (a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 &&
                    b.y0 < a.y1 - 0.5) {
                    overlapping += "'" + a.text + "' over '" + b.text + "'; ";
                }
            }
        }
        CHECK(overlapping == "");
        // Each page but the last is filled to at least two thirds: a section that does not fit
        // runs on, rather than leaving half a page empty.
        if (p + 1 < printed.size()) {
            double lowest = 0;
            for (const auto& w : words) {
                lowest = std::max(lowest, w.y1);
            }
            CHECK(lowest > printed[p].height * 2 / 3);
        }
    }
}

TEST_CASE("each HTML worksheet prints on exactly one page, and all on one page each") {
    Sandbox s;
    const std::vector<const char*> kinds{"weekly", "cbc", "urge-log", "change-plan",
                                         "values", "abc", "balance"};
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (!sampled_in(i)) {
            continue;
        }
        const char* kind = kinds[i];
        INFO(kind);
        const auto html = s.ok({"worksheet", kind, "--format", "html", "--title",
                                "Tuesday group — St Mary's Hall, 7 pm"});
        const auto pdf = print_to_pdf(s, kind, html);
        CHECK(pages(s, pdf) == 1);
        CHECK(contains(pdf_text(s, pdf), "Tuesday group"));
    }
    const auto all = print_to_pdf(s, "all", s.ok({"worksheet", "all", "--format", "html"}));
    CHECK(pages(s, all) == 7);
    // Each worksheet starts its own page, in order, the new tools after the first four.
    const auto printed = page_words(s, all);
    REQUIRE(printed.size() == 7);
    const auto first_words = [&](std::size_t p) {
        std::string words;
        for (std::size_t i = 0; i < printed[p].words.size() && i < 6; ++i) {
            words += printed[p].words[i].text + " ";
        }
        return words;
    };
    CHECK(contains(first_words(4), "Hierarchy of values"));
    CHECK(contains(first_words(5), "ABC"));
    CHECK(contains(first_words(6), "Lifestyle balance pie"));
    CHECK_FALSE(std::filesystem::exists(s.db)); // a worksheet never touches anyone's data
}

TEST_CASE("the HTML review draws the trend as SVG charts with their numbers, and escapes text") {
    Sandbox s;
    s.ok({"--today", "2026-11-03", "goal", "add", "<script>alert(1)</script>"});
    s.ok({"--today", "2026-11-04", "checkin", "--rating", "6"});
    s.ok({"checkin", "--rating", "9", "--note", "A <b>good</b> week & more"});
    s.ok({"urge-log", "--intensity", "4", "--at", "08:00"});
    const auto html = s.ok({"review", "--format", "html", "--trend", "3"});
    CHECK_FALSE(contains(html, "<script>"));
    CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(contains(html, "A &lt;b&gt;good&lt;/b&gt; week &amp; more"));
    CHECK(contains(html, "<title>Rating (1 to 10)</title>"));
    CHECK(contains(html, "<title>Goals achieved</title>"));
    CHECK(contains(html, "<title>Urges logged</title>"));
    CHECK(contains(html, "class=\"value\">9.0</text>"));
    CHECK(contains(html, "class=\"value\">6.0</text>"));
    const auto pdf = print_to_pdf(s, "review", html);
    const auto text = pdf_text(s, pdf);
    CHECK(contains(text, "<script>alert(1)</script>")); // shown as text, not run
    CHECK(contains(text, "9.0"));
}

TEST_CASE("the Markdown review keeps a member's words from breaking lists and tables") {
    Sandbox s;
    s.ok({"goal", "add", "Walk | twice *a* week"});
    const auto md = s.ok({"review", "--format", "markdown", "--trend", "2"});
    CHECK(contains(md, "# Week of 2026-11-16 to 2026-11-22 (this week)\n"));
    CHECK(contains(md, "- → #1 Walk \\| twice \\*a\\* week\n"));
    CHECK(contains(
        md, "| Week of | Rating | Goals achieved | Urges |\n| --- | ---: | ---: | ---: |\n"));
    CHECK(contains(md, "| 2026-11-16 | – | 0 | 0 |\n"));
}

TEST_CASE("cbc show as Markdown and as a printable HTML grid") {
    Sandbox s;
    s.ok({"cbc", "new", "Gaming <late>", "--activity"});
    s.ok({"cbc", "add", "1", "bu", "Fun | company", "--weight", "2"});
    s.ok({"cbc", "add", "1", "cn", "Bored <at first>", "--term", "short"});
    const auto md = s.ok({"cbc", "show", "1", "--format", "markdown"});
    CHECK(contains(md, "# Gaming &lt;late&gt;\n"));
    CHECK(contains(md, "## Benefits of doing (total 2)\n\n- #1 Fun \\| company *(weight 2)*\n"));
    CHECK(contains(md, "## Costs of doing (total 0)\n\nNothing yet.\n"));
    const auto html = s.ok({"cbc", "show", "1", "--format", "html"});
    CHECK(contains(html, "Bored &lt;at first&gt;"));
    const auto pdf = print_to_pdf(s, "cbc", html);
    CHECK(pages(s, pdf) == 1);
    CHECK(contains(pdf_text(s, pdf), "Costs of not doing"));
}

namespace {

// Prints `balance show --format html` on one page, each area's name followed by its latest
// score (as the pie's labels and the table print them), and the names of areas not yet rated.
void check_balance_page(const Sandbox& s, const std::string& name,
                        const std::vector<std::pair<std::string, int>>& latest,
                        const std::vector<std::string>& unrated) {
    const auto pdf = print_to_pdf(s, name, s.ok({"balance", "show", "--format", "html"}));
    CHECK(pages(s, pdf) == 1);
    const auto text = pdf_text(s, pdf);
    INFO(text);
    for (const auto& [area, score] : latest) {
        INFO(area);
        CHECK(std::regex_search(
            text, std::regex("(^|\\s)" + area + "\\s+" + std::to_string(score) + "(\\s|$)")));
    }
    for (const auto& area : unrated) {
        CHECK(contains(text, area));
    }
}

} // namespace

TEST_CASE("balance show as HTML prints its pie on one page, every area with its score") {
    Sandbox s;
    s.ok(
        {"balance", "rate", "family=6", "health=4", "work=7", "leisure=3", "--date", "2026-10-29"});
    s.ok({"balance", "rate", "family=8", "health=5", "friends=9", "money=0"});
    check_balance_page(
        s, "balance",
        {{"family", 8}, {"friends", 9}, {"health", 5}, {"work", 7}, {"leisure", 3}, {"money", 0}},
        {"home", "growth"});
}

// A member's own sixteen areas, the most there can be, still print on one page.
TEST_CASE("balance show as HTML with a member's own sixteen areas prints on one page") {
    Sandbox s;
    const std::vector<std::string> own = {"family",  "friends", "health",       "work",
                                          "leisure", "money",   "home",         "growth",
                                          "faith",   "music",   "garden",       "learning",
                                          "sleep",   "cooking", "volunteering", "community"};
    std::string set;
    for (const auto& area : own) {
        set += (set.empty() ? "" : ",") + area;
    }
    s.ok({"balance", "areas", "--set", set});
    std::vector<std::string> first = {"balance", "rate", "--date", "2026-11-02"};
    std::vector<std::string> second = {"balance", "rate"};
    std::vector<std::pair<std::string, int>> latest;
    for (std::size_t i = 0; i < own.size(); ++i) {
        const int score = static_cast<int>(i % 11);
        first.push_back(own[i] + "=" + std::to_string(10 - score));
        second.push_back(own[i] + "=" + std::to_string(score));
        latest.emplace_back(own[i], score);
    }
    s.ok(first);
    s.ok(second);
    check_balance_page(s, "balance-16", latest, {});
}

TEST_CASE("an ABC and a change plan each print on one page, their words shown as text") {
    Sandbox s;
    s.ok({"-q", "abc", "new", "--event", "Payday, walked past the <pub>", "--belief",
          "I deserve it", "--consequence", "Felt restless", "--dispute",
          "Is it true? Does it help me?", "--effective", "A good meal is my treat"});
    s.ok({"-q",           "plan",
          "new",          "Cut down at weekends",
          "--importance", "9",
          "--confidence", "6",
          "--reason",     "Kids",
          "--reason",     "Health",
          "--step",       "No drinks at home",
          "--step",       "Swim on Sunday",
          "--step",       "Call my sister on Fridays",
          "--helper",     "My sister",
          "--sign",       "Saturday mornings feel good",
          "--interfere",  "Payday: plan the evening"});
    s.ok({"-q", "plan", "goal", "1", "2"});
    for (const auto& [name, args] :
         {std::pair{"abc", std::vector<std::string>{"abc", "show", "1", "--format", "html"}},
          std::pair{"plan", std::vector<std::string>{"plan", "show", "1", "--format", "html"}}}) {
        INFO(name);
        const auto pdf = print_to_pdf(s, name, s.ok(args));
        CHECK(pages(s, pdf) == 1);
        const auto text = pdf_text(s, pdf);
        CHECK(contains(text, name == std::string("abc") ? "Payday, walked past the <pub>"
                                                        : "2. Swim on Sunday (goal #1, open)"));
    }
}
