// SPDX-License-Identifier: MIT
#include "golden.hpp"

#include <smartgoals/markup.hpp>
#include <smartgoals/text_width.hpp>
#include <smartgoals/worksheet.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <sstream>

using namespace smartgoals;

namespace {

std::vector<Worksheet> sheets(const char* name) {
    std::vector<Worksheet> out;
    const auto kinds = parse_worksheet_kinds(name); // kept alive for the loop
    for (auto kind : *kinds) {
        out.push_back(build_worksheet(kind));
    }
    return out;
}

std::vector<std::string> pages_of(const std::string& text) {
    std::vector<std::string> pages{""};
    for (char c : text) {
        if (c == '\f') {
            pages.emplace_back();
        } else {
            pages.back() += c;
        }
    }
    return pages;
}

} // namespace

TEST_CASE("every text worksheet fits 80 columns and 60 lines, even with a wide title") {
    for (const char* title :
         {"", "Tuesday group, St Mary's Hall", "木曜グループ・公民館2階・2026年11月",
          "A very long title that a facilitator might type with the group name, "
          "the venue, the date and the time all in one line"}) {
        std::ostringstream out;
        render_worksheets_text(sheets("all"), title, out);
        const auto pages = pages_of(out.str());
        REQUIRE(pages.size() == 7);
        for (const auto& page : pages) {
            std::istringstream lines(page);
            int count = 0;
            for (std::string line; std::getline(lines, line); ++count) {
                CHECK_MESSAGE(display_width(line) <= 80, line);
            }
            CHECK(count <= 60);
            CHECK(count >= 40); // a whole page each, not a stub
        }
        if (*title) {
            CHECK(out.str().find(std::string(title).substr(0, 12)) != std::string::npos);
        }
    }
}

TEST_CASE("each worksheet holds what its SMART tool asks for") {
    auto text_of = [](const char* kind) {
        std::ostringstream out;
        render_worksheets_text(sheets(kind), "", out);
        return out.str();
    };
    const auto weekly = text_of("weekly");
    CHECK(weekly.find("How were the last seven days?") != std::string::npos);
    CHECK(weekly.find("1     2     3     4     5     6     7     8     9     10") !=
          std::string::npos);
    CHECK(weekly.find("my plan for the seven days ahead") != std::string::npos);
    CHECK(weekly.find("What might get in the way") != std::string::npos);
    const auto cbc = text_of("cbc");
    for (const char* box : {"Benefits of using", "Costs of using", "Benefits of not using",
                            "Costs of not using", "S[ ] L[ ]"}) {
        CHECK_MESSAGE(cbc.find(box) != std::string::npos, std::string(box));
    }
    const auto urges = text_of("urge-log");
    for (const char* column :
         {"Strength", "long", "triggered", "Who was", "How I", "Ideas for", "DEADS"}) {
        CHECK_MESSAGE(urges.find(column) != std::string::npos, std::string(column));
    }
    const auto plan = text_of("change-plan");
    for (const char* part :
         {"The changes I want to make", "How important", "How confident", "most important reasons",
          "steps I plan to take", "How other people can help", "working if", "could interfere"}) {
        CHECK_MESSAGE(plan.find(part) != std::string::npos, std::string(part));
    }
    const auto values = text_of("values");
    for (const char* part :
         {"What matters to me, as it comes to mind", "in order", " 1. ___", " 8. ___",
          "How my goals connect to these", "behaviour I want to change"}) {
        CHECK_MESSAGE(values.find(part) != std::string::npos, std::string(part));
    }
    const auto abc = text_of("abc");
    for (const char* part :
         {"A — Activating event", "as a camera would have seen", "B — Beliefs",
          "what did I tell myself", "C — Consequences", "how did I feel, and what did I do",
          "D — Dispute", "Is it true?", "Does it help me?", "What would I tell a friend",
          "E — Effective new belief"}) {
        CHECK_MESSAGE(abc.find(part) != std::string::npos, std::string(part));
    }
    CHECK(abc.find("A — ") < abc.find("B — "));
    CHECK(abc.find("C — ") < abc.find("D — "));
    CHECK(abc.find("D — ") < abc.find("E — "));
    const auto balance = text_of("balance");
    CHECK(balance.find("Now, date:") != std::string::npos);
    CHECK(balance.find("A few weeks later, date:") != std::string::npos);
    CHECK(balance.find("a little more time") != std::string::npos);
    for (const char* area :
         {"Family", "Friends", "Health", "Work", "Leisure", "Money", "Home", "Growth"}) {
        // Each area has its row: the name, then 0 to 10 for now and for a few weeks later.
        const auto row = std::string("\n") + area;
        const auto at = balance.find(row);
        REQUIRE_MESSAGE(at != std::string::npos, std::string(area));
        const auto line = balance.substr(at + 1, balance.find('\n', at + 1) - at - 1);
        CHECK(line.find("0  1  2  3  4  5  6  7  8  9  10   0  1  2  3  4  5  6  7  8  9  10") !=
              std::string::npos);
    }
    CHECK_FALSE(parse_worksheet_kinds("goals"));
    CHECK_FALSE(parse_worksheet_kinds("hierarchy"));
}

TEST_CASE("the values, ABC and balance worksheets match their golden files") {
    for (const char* kind : {"values", "abc", "balance"}) {
        std::ostringstream out;
        render_worksheets_text(sheets(kind), "", out);
        check_golden_file(std::string("worksheet_") + kind + ".txt", out.str());
    }
}

TEST_CASE("worksheets are tools for thinking: no word of failure or scorekeeping, in any format") {
    std::ostringstream text, markdown, html;
    render_worksheets_text(sheets("all"), "", text);
    render_worksheets_markdown(sheets("all"), "", markdown);
    render_worksheets_html(sheets("all"), "", html);
    for (auto all : {text.str(), markdown.str(), html.str()}) {
        std::transform(all.begin(), all.end(), all.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        for (const char* word : {"fail", "missed", "relapse", "streak", "overdue", "score:"}) {
            CHECK_MESSAGE(all.find(word) == std::string::npos, word);
        }
    }
}

TEST_CASE("Markdown worksheets have clean headings and tables") {
    std::ostringstream out;
    render_worksheets_markdown(sheets("all"), "Tuesday | *group*", out);
    const auto md = out.str();
    CHECK(md.rfind("# Tuesday \\| \\*group\\*: Weekly check-in and seven-day plan\n", 0) == 0);
    CHECK(md.find("| Goal | Area | How often | Done |\n| --- | --- | --- | --- |\n") !=
          std::string::npos);
    CHECK(md.find("| Benefits of using | Costs of using |") != std::string::npos);
    CHECK(md.find("\n---\n") != std::string::npos);
    CHECK(md.find("# Tuesday \\| \\*group\\*: Hierarchy of values\n") != std::string::npos);
    CHECK(md.find("\n1. \\_\\_") != std::string::npos);
    CHECK(md.find("\n8. \\_\\_") != std::string::npos);
    CHECK(md.find("**A — Activating event:") != std::string::npos);
    CHECK(md.find("| Area | Now, date: ") != std::string::npos);
    CHECK(md.find("| Growth | 0 · 1 · 2 · 3 · 4 · 5 · 6 · 7 · 8 · 9 · 10 | 0 · 1 · 2") !=
          std::string::npos);
}

TEST_CASE("HTML worksheets are one self-contained page with print CSS") {
    std::ostringstream out;
    render_worksheets_html(sheets("all"), "<b>Tuesday</b> & friends", out);
    const auto html = out.str();
    CHECK(html.find("@page") != std::string::npos);
    CHECK(html.find("&lt;b&gt;Tuesday&lt;/b&gt; &amp; friends") != std::string::npos);
    CHECK(html.find("<b>Tuesday") == std::string::npos);
    for (const char* outside : {"http://", "https://", "<script", "<link", "src=", "@import"}) {
        CHECK_MESSAGE(html.find(outside) == std::string::npos, outside);
    }
    std::size_t sections = 0;
    for (auto pos = html.find("<section class=\"sheet"); pos != std::string::npos;
         pos = html.find("<section class=\"sheet", pos + 1)) {
        ++sections;
    }
    CHECK(sections == 7);
    for (const char* kind : {"values", "abc", "balance"}) {
        CHECK_MESSAGE(html.find(std::string("<section class=\"sheet ") + kind + "\">") !=
                          std::string::npos,
                      kind);
    }
    // The balance pie: ten rings, a spoke and a label a slice, and a row of 0 to 10 twice an area.
    CHECK(html.find("<svg viewBox=") != std::string::npos);
    std::size_t rings = 0, spokes = 0;
    for (auto pos = html.find("<circle r="); pos != std::string::npos;
         pos = html.find("<circle r=", pos + 1)) {
        ++rings;
    }
    for (auto pos = html.find("<line x1="); pos != std::string::npos;
         pos = html.find("<line x1=", pos + 1)) {
        ++spokes;
    }
    CHECK(rings == 10);
    CHECK(spokes == 8);
    CHECK(html.find(">Leisure</text>") != std::string::npos);
    CHECK(html.find("<tr><th scope=\"row\">Money</th><td><span class=\"dots\"><span>0</span>") !=
          std::string::npos);
}

TEST_CASE("a member's words stay words in HTML and Markdown") {
    CHECK(html_escape("<script>alert('x') & \"y\"</script>") ==
          "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    CHECK(markdown_escape("a | b *c* _d_ [e](f) `g`") ==
          "a \\| b \\*c\\* \\_d\\_ \\[e\\](f) \\`g\\`");
    CHECK(markdown_escape("two\nlines") == "two lines");
    CHECK(markdown_escape("<b> &lt;") == "&lt;b&gt; &amp;lt;");
}
