import Mustache
import Foundation
import Testing

@Suite("Lazy values")
struct LazyValueTests {
    /// Counts how often lazy values are built, from any thread.
    final class BuildCounter: @unchecked Sendable {
        // Guarded by `lock`.
        private var count = 0
        private let lock = NSLock()
        func increment() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test("A lazy value renders exactly as the value it builds, in every position")
    func rendersAsItsValue() throws {
        let template = try Template(
            "{{name}} {{#items}}[{{.}}]{{/items}} {{#obj}}{{k}}{{/obj}} {{obj.k}} {{^empty}}none{{/empty}} {{#flag}}on{{/flag}}")
        let eager: MustacheValue = [
            "name": "<n>", "items": ["a", "b"], "obj": ["k": "v"], "empty": [], "flag": true,
        ]
        let lazy: MustacheValue = .lazy {
            [
                "name": .lazy { "<n>" }, "items": .lazy { [.lazy { "a" }, "b"] }, "obj": .lazy { ["k": .lazy { "v" }] },
                "empty": .lazy { [] }, "flag": .lazy { true },
            ]
        }
        #expect(try template.render(lazy) == template.render(eager))
        #expect(try template.render(lazy) == "&lt;n&gt; [a][b] v v none on")
    }

    @Test("Each item of a list is built when the section reaches it, and never when no template does")
    func builtOnDemand() throws {
        let counter = BuildCounter()
        let items: [MustacheValue] = (0..<3).map { index in
            .lazy {
                counter.increment()
                return ["n": .int(index)]
            }
        }
        let context: MustacheValue = ["items": .list(items)]
        #expect(try Template("{{#items}}{{n}}{{/items}}").render(context) == "012")
        #expect(counter.value == 3)
        #expect(try Template("nothing").render(context) == "nothing")
        #expect(counter.value == 3)
    }

    @Test("A lazy value is equal only to itself")
    func identity() {
        let one: MustacheValue = .lazy { "x" }
        let other: MustacheValue = .lazy { "x" }
        #expect(one == one)
        #expect(one != other)
        #expect(one.resolved == "x")
        #expect(Set([one, one, other]).count == 2)
    }

    @Test("A lazy value that builds another lazy value resolves all the way")
    func nested() throws {
        let value: MustacheValue = .lazy { .lazy { .lazy { "deep" } } }
        #expect(value.resolved == "deep")
        #expect(try Template("{{v}}").render(["v": value]) == "deep")
    }
}
