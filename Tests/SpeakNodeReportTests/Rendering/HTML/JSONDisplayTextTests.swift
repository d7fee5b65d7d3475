import Testing
@testable import SpeakNodeReport

@Suite("Tool JSON for display")
struct JSONDisplayTextTests {
    @Test("An object or array is re-indented with its numbers, escapes and member order kept")
    func prettyPrinted() {
        let text = #"{"b":1.50,"a":[1,2e3,{"s":"x, \"y\": {z}"}],"e":{},"f":[],"n":null}"#
        #expect(JSONDisplayText.prettyPrinted(text) == """
            {
              "b": 1.50,
              "a": [
                1,
                2e3,
                {
                  "s": "x, \\"y\\": {z}"
                }
              ],
              "e": {},
              "f": [],
              "n": null
            }
            """)
        #expect(JSONDisplayText.prettyPrinted(" [ ] ") == "[]")
    }

    @Test("Text that is not a JSON object or array is shown as it came")
    func notJSON() {
        for text in ["", "plain words", "42", #""a string""#, "{not json", #"{"a":1} trailing"#, "[1,]"] {
            #expect(JSONDisplayText.prettyPrinted(text) == nil, "\(text)")
            #expect(JSONDisplayText.display(text) == text)
        }
    }

    @Test("Very long values are cut with a note")
    func cut() {
        let long = "[" + Array(repeating: "1", count: 5000).joined(separator: ",") + "]"
        let shown = JSONDisplayText.display(long)
        #expect(shown.hasPrefix("[\n  1,\n  1,"))
        #expect(shown.hasSuffix("more characters)"))
        #expect(shown.count < JSONDisplayText.maximumLength + 40)
    }
}
