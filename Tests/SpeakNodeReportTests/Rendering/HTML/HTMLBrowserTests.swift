import Foundation
import Testing
@testable import SpeakNodeReport

/// The headless browser the opt-in browser tests use, when asked for and installed.
enum HeadlessBrowser {
    static let path: String? = {
        guard ProcessInfo.processInfo.environment["SPEAKNODE_BROWSER_TESTS"] == "1" else { return nil }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}

/// Opens a report in headless Chromium and drives its script: filters, search, counts, sorting
/// and deep links. Opt-in (`SPEAKNODE_BROWSER_TESTS=1`), because it needs a browser and a few
/// seconds.
@Suite(
    "HTML report in a browser",
    .enabled(if: HeadlessBrowser.path != nil, "needs SPEAKNODE_BROWSER_TESTS=1 and chromium in /usr/bin")
)
struct HTMLBrowserTests {
    /// Runs after the report's own script and writes what it saw into the title, as JSON.
    static let probe = """
        <script>
        window.addEventListener("load", () => {
          const out = {};
          const form = document.getElementById("filters");
          const shown = () => document.getElementById("shown").textContent;
          const visible = () => Array.from(document.querySelectorAll("tr[data-category]"))
            .filter((row) => !row.hidden).map((row) => row.getAttribute("data-anchor"));
          const target = location.hash.length > 1 ? document.getElementById(location.hash.slice(1)) : null;
          out.target = target ? target.open : null;
          out.playersBefore = document.querySelectorAll("audio").length;
          out.targetPlayers = target ? target.querySelectorAll("audio").length : null;
          out.formShown = !form.hidden;
          out.initial = shown();
          const search = form.querySelector("input[type=search]");
          search.value = "HUNG up";
          form.dispatchEvent(new Event("submit", { cancelable: true }));
          out.search = shown();
          out.searchRows = visible();
          out.counts = Array.from(form.querySelectorAll(".count"), (count) => count.textContent);
          search.value = "";
          const passed = form.querySelector("input[value=passed]");
          passed.checked = false;
          passed.dispatchEvent(new Event("change"));
          out.withoutPassed = visible();
          out.passesSectionHidden = document.getElementById("test-passes").hidden;
          passed.checked = true;
          passed.dispatchEvent(new Event("change"));
          const button = document.querySelector("table.tests th:nth-child(2) button");
          button.click();
          button.click();
          out.sortedByNameDescending = Array.from(document.querySelector("table.tests").tBodies[0].rows,
            (row) => row.getAttribute("data-anchor"));
          out.ariaSort = button.parentElement.getAttribute("aria-sort");
          document.title = JSON.stringify(out);
        });
        </script>
        """

    func open(fragment: String) throws -> [String: Any] {
        let folder = try TemplateSetTests.folder(with: [
            "report.html.mustache": "{{<layout.html}}{{$head}}\(Self.probe){{/head}}{{/layout.html}}"
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try ReportRenderer(templates: TemplateSet(overridesIn: folder.path))
            .render(HTMLFixture.rich(), as: .html, options: RenderOptions())
        let page = folder.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = [
            "120", try #require(HeadlessBrowser.path), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-dev-shm-usage", "--virtual-time-budget=5000", "--dump-dom", page.absoluteString + fragment,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let start = try #require(dom.range(of: "<title>")).upperBound
        let end = try #require(dom.range(of: "</title>", range: start..<dom.endIndex)).lowerBound
        let json = dom[start..<end].replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test("The script shows the filter bar, searches reasons in any case, counts what matches, filters, sorts and opens linked tests")
    func script() throws {
        let seen = try open(fragment: "#test-passes")
        #expect(seen["target"] as? Bool == true, "a link to a closed test opens it")
        #expect(seen["targetPlayers"] as? Int == 1, "opening it added its recording's player")
        #expect(seen["formShown"] as? Bool == true)
        #expect(seen["initial"] as? String == "Showing 5 of 5 tests")
        #expect(seen["search"] as? String == "Showing 1 of 5 tests")
        #expect(seen["searchRows"] as? [String] == ["test-fails"])
        #expect(seen["counts"] as? [String] == ["0", "1", "0", "0", "0"])
        #expect(seen["withoutPassed"] as? [String] == ["test-fails", "test-flaky", "test-skipped"])
        #expect(seen["passesSectionHidden"] as? Bool == true)
        #expect(seen["sortedByNameDescending"] as? [String] == ["test-skipped", "test-passes", "test-flaky", "test-fails"])
        #expect(seen["ariaSort"] as? String == "descending")
    }
}
