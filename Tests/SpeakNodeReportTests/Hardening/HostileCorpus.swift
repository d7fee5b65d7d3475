import Foundation
@testable import SpeakNodeReport

/// Deliveries whose every text field holds hostile text, read through the real pipeline, and a
/// benign twin with the same shape, so the structure of the reports can be compared.
enum HostileCorpus {
    /// Text that tries to become markup, end a CDATA section or a table row, reorder the display,
    /// run template code, or smuggle a link.
    static let payloads: [String] = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><b onclick=\"x\">bold</b><a href='",
        "' onmouseover='alert(1)' x='",
        "]]><injected/><![CDATA[",
        "&amp; &lt; &#x41; &#0; &bogus;",
        "\u{0}\u{1}\u{8}\u{B}\u{C}\u{1B}[31mred\u{7F}\u{85}\u{9F}\u{FFFE}\u{FFFF}",
        "\u{202E}deliaf\u{202C} \u{202D}x\u{2066}isolated\u{2069}\u{2067}\u{2068}",
        "zero\u{200B}width\u{200C}\u{200D}\u{2060}\u{FEFF}",
        "{{title}} {{{title}}} {{&title}} {{#runs}}loop{{/runs}} {{> layout.html}} {{=<% %>=}} <%title%>",
        "| a | b |\n# Heading\n- item\n> quote\n```\ncode\n</details><details open>\n---",
        "[link](javascript:alert(1)) ![image](data:text/html;base64,PHNjcmlwdD4=) <https://evil.example>",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "../../etc/passwd",
        "name \"with\" 'quotes' and `backticks`",
        "@everyone #1 *bold* _em_ ~~strike~~ $x$ \\",
        "line1\r\nline2\rline3\u{2028}line4\u{2029}line5\tend",
        String(repeating: "R", count: 1 << 20),
    ]

    /// The report for the hostile deliveries (`hostile: true`) or their benign twin.
    static func report(hostile: Bool) -> Report {
        let texts = payloads.indices.map { hostile ? payloads[$0] + " \($0)" : "text \($0)" }
        let run = hostile ? payloads[9] : "run"
        var lines: [String] = []
        var names: [String: String] = [:]
        for (index, text) in texts.enumerated() {
            let data: [String: Any] = [
                "session_id": text, "test_run_id": run, "test_id": text, "agent_name": text,
                "campaign_name": hostile ? payloads[0] : "campaign", "test_status": "Completed",
                "audio_url": hostile ? (index.isMultiple(of: 2) ? "javascript:alert(1)" : "data:text/html,x") : "none",
                "start_time": "2026-11-25T10:00:00Z", "duration_seconds": 10 + index,
                "history": [
                    ["role": text, "content": text, "created_at": "2026-11-25T10:00:01Z"],
                    ["kind": "FunctionCall", "tool_name": text, "tool_arguments_json": text],
                ],
                "test_eval_result": ["success": false, "reasons": [text, text], "completion_reason": text],
            ]
            lines.append(json(["event": "ConversationComplete", "data": data]))
            names[text] = text
        }
        // One line that is not valid, so the problem list holds payload text too.
        lines.append(#"{"event":"ConversationComplete","data":{"session_id":42}}"#)
        let file = hostile ? "../\"<evil>\" {{title}} \u{202E}.ndjson" : "input.ndjson"
        let batch = DeliveryContentsDecoder().decode(Array(lines.joined(separator: "\n").utf8), file: file, format: .ndjson)
        let collection = Collector().collect(batch.deliveries)
        return Evaluator(policy: .latest, names: names).evaluate(collection, problems: batch.problems)
    }

    static func options(hostile: Bool) -> RenderOptions {
        hostile
            ? RenderOptions(title: payloads[1] + payloads[9], reportURL: "javascript:alert(1)", toolVersion: payloads[4])
            : RenderOptions(title: "title", reportURL: "not a link", toolVersion: "1.0")
    }

    static func render(_ format: ReportFormat, hostile: Bool) throws -> String {
        try ReportRenderer(templates: TemplateSet()).render(report(hostile: hostile), as: format, options: options(hostile: hostile))
    }

    private static func json(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
