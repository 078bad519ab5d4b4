// SPDX-License-Identifier: MIT
// The printable side, checked in a real browser: each HTML output is printed to PDF by headless
// Chromium and its pages counted with pdfinfo.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <regex>

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

} // namespace

TEST_CASE("each HTML worksheet prints on exactly one page, and all on one page each") {
    Sandbox s;
    for (const char* kind : {"weekly", "cbc", "urge-log", "change-plan"}) {
        INFO(kind);
        const auto html = s.ok({"worksheet", kind, "--format", "html", "--title",
                                "Tuesday group — St Mary's Hall, 7 pm"});
        const auto pdf = print_to_pdf(s, kind, html);
        CHECK(pages(s, pdf) == 1);
        CHECK(contains(pdf_text(s, pdf), "Tuesday group"));
    }
    const auto all = print_to_pdf(s, "all", s.ok({"worksheet", "all", "--format", "html"}));
    CHECK(pages(s, all) == 4);
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

TEST_CASE("worksheet rejects unknown kinds and formats") {
    Sandbox s;
    check_refused(s, {"worksheet", "goals"}, "'goals' is not a worksheet");
    check_refused(s, {"worksheet", "weekly", "--format", "pdf"},
                  "--format: 'pdf' is not a worksheet format");
    check_refused(s, {"review", "--format", "docx"}, "use text, markdown, html or json");
}
