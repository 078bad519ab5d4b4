// SPDX-License-Identifier: MIT
#include <smartgoals/markup.hpp>
#include <smartgoals/text_width.hpp>
#include <smartgoals/worksheet.hpp>

#include <doctest/doctest.h>

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
        REQUIRE(pages.size() == 4);
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
    CHECK_FALSE(parse_worksheet_kinds("goals"));
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
    CHECK(sections == 4);
}

TEST_CASE("a member's words stay words in HTML and Markdown") {
    CHECK(html_escape("<script>alert('x') & \"y\"</script>") ==
          "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    CHECK(markdown_escape("a | b *c* _d_ [e](f) `g`") ==
          "a \\| b \\*c\\* \\_d\\_ \\[e\\](f) \\`g\\`");
    CHECK(markdown_escape("two\nlines") == "two lines");
    CHECK(markdown_escape("<b> &lt;") == "&lt;b&gt; &amp;lt;");
}
