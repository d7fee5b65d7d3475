import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Collector")
struct CollectorTests {
    typealias F = EvaluationFixture
    let collector = Collector()

    @Test("only ConversationComplete deliveries with a run and a test id are test conversations")
    func classifiesDeliveries() {
        let deliveries = [
            F.delivery(session: "a", line: 1),
            F.delivery(event: nil, session: "b", line: 2),
            F.delivery(event: "ConversationStarted", session: "c", line: 3),
            F.delivery(run: nil, session: "d", line: 4),
            F.delivery(test: "", session: "e", line: 5),
            F.delivery(run: "  ", session: "f", line: 6),
            Delivery(event: Delivery.conversationComplete, conversation: nil, source: SourceLocation(file: "x", line: 7)),
            Delivery(event: "AgentCreated", conversation: nil, source: SourceLocation(file: "x", line: 8)),
        ]
        let collection = collector.collect(deliveries)
        #expect(F.sessions(collection) == ["run-1/test-1": ["a", "b"]])
        #expect(collection.nonTestDeliveries == 6)
        #expect(collection.redeliveries == 0)
    }

    @Test("runs and tests are grouped by id and sorted by id")
    func groupsRunsAndTests() {
        let collection = collector.collect([
            F.delivery(run: "run-b", test: "t2", session: "s1", line: 1),
            F.delivery(run: "run-a", test: "t9", session: "s2", line: 2),
            F.delivery(run: "run-b", test: "t1", session: "s3", line: 3),
            F.delivery(run: "run-b", test: "t2", session: "s4", start: 1, line: 4),
        ])
        #expect(collection.runs.map(\.id) == ["run-a", "run-b"])
        #expect(collection.runs[1].tests.map(\.id) == ["t1", "t2"])
        #expect(collection.runs[1].tests.allSatisfy { $0.runID == "run-b" })
        #expect(F.sessions(collection)["run-b/t2"] == ["s4", "s1"])
    }

    @Test("a conversation without a session id is an attempt of its own, keyed by its source")
    func sessionlessConversationsStayApart() throws {
        let collection = collector.collect([
            F.delivery(session: nil, eval: F.passed, line: 3),
            F.delivery(session: "", eval: F.passed, line: 1),
            F.delivery(session: nil, eval: F.passed, line: 2),
        ])
        let attempts = try #require(collection.runs.first?.tests.first?.attempts)
        #expect(attempts.map(\.key) == [1, 2, 3].map { .unidentified(SourceLocation(file: "input.ndjson", line: $0)) })
        #expect(attempts.allSatisfy { $0.key.sessionID == nil })
        #expect(collection.redeliveries == 0)
    }

    @Test("a redelivered session keeps the copy with a verdict, whichever came first")
    func redeliveryPrefersEvaluatedCopy() throws {
        let withVerdict = F.delivery(session: "s", eval: F.failed, created: 1, line: 1)
        let withoutVerdict = F.delivery(session: "s", eval: EvalResult(success: nil), created: 5, line: 2)
        for input in [[withVerdict, withoutVerdict], [withoutVerdict, withVerdict]] {
            let collection = collector.collect(input)
            let attempt = try #require(collection.attempts.first)
            #expect(collection.attempts.count == 1)
            #expect(attempt.conversation.evalResult == F.failed)
            #expect(attempt.source.line == 1)
            #expect(attempt.redeliveries == 1)
            #expect(collection.redeliveries == 1)
        }
    }

    @Test("among equally complete copies the later created_at wins, then the earlier source")
    func redeliveryTiebreaks() throws {
        let early = F.delivery(session: "s", eval: F.passed, created: 1, line: 1)
        let late = F.delivery(session: "s", eval: F.passed, created: 2, line: 2)
        let undated = F.delivery(session: "s", eval: F.passed, line: 0)
        let collection = collector.collect([early, undated, late])
        #expect(collection.attempts.map(\.source.line) == [2])
        #expect(collection.redeliveries == 2)

        let twinA = F.delivery(session: "s", eval: F.passed, created: 1, file: "b.json", line: 1)
        let twinB = F.delivery(session: "s", eval: F.passed, created: 1, file: "a.json", line: 9)
        #expect(collector.collect([twinA, twinB]).attempts.map(\.source.file) == ["a.json"])
        #expect(collector.collect([twinB, twinA]).attempts.map(\.source.file) == ["a.json"])
    }

    @Test("a session is one attempt across the whole input, placed where its kept copy says")
    func sessionIsGlobal() {
        let collection = collector.collect([
            F.delivery(run: "run-1", test: "t1", session: "s", line: 1),
            F.delivery(run: "run-2", test: "t7", session: "s", eval: F.passed, line: 2),
        ])
        #expect(F.sessions(collection) == ["run-2/t7": ["s"]])
        #expect(collection.redeliveries == 1)
    }

    @Test("attempts are ordered by start_time, then created_at, then session id with missing ids last")
    func ordersAttempts() {
        let collection = collector.collect([
            F.delivery(session: nil, start: 1, created: 1, line: 1),
            F.delivery(session: "b", start: 1, created: 1, line: 2),
            F.delivery(session: "a", start: 1, created: 1, line: 3),
            F.delivery(session: "early-created", start: 1, created: 0, line: 4),
            F.delivery(session: "first", start: 0, created: 9, line: 5),
            F.delivery(session: "no-start", created: 0, line: 6),
            F.delivery(session: "no-times", line: 7),
        ])
        #expect(F.sessions(collection)["run-1/test-1"] == [
            "first", "early-created", "a", "b", "<no session id @ input.ndjson:1>", "no-start", "no-times",
        ])
    }

    @Test("the collection does not depend on the order deliveries arrive in")
    func independentOfDeliveryOrder() {
        let deliveries = [
            F.delivery(run: "r1", test: "t1", session: "s1", eval: F.failed, start: 0, created: 1, line: 1),
            F.delivery(run: "r1", test: "t1", session: "s2", eval: F.passed, start: 2, created: 3, line: 2),
            F.delivery(run: "r1", test: "t1", session: "s2", start: 2, created: 4, line: 3),
            F.delivery(run: "r1", test: "t2", session: nil, eval: F.passed, line: 4),
            F.delivery(run: "r1", test: "t2", session: nil, status: "Error", line: 5),
            F.delivery(run: "r2", test: "t1", session: "s3", eval: F.passed, created: 1, line: 6),
            F.delivery(run: "r2", test: "t1", session: "s3", eval: F.failed, created: 1, file: "other.json", line: 1),
            F.delivery(run: "r2", test: "t3", session: "s4", start: 5, line: 7),
            F.delivery(run: "r2", test: "t3", session: "s5", start: 5, line: 8),
            F.delivery(event: "Other", session: "s6", line: 9),
            F.delivery(run: nil, test: nil, session: "s7", line: 10),
        ]
        let expected = collector.collect(deliveries)
        #expect(expected.redeliveries == 2)
        #expect(expected.nonTestDeliveries == 2)
        #expect(expected.attempts.count == 7)
        #expect(collector.collect(deliveries.reversed()) == expected)
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<50 {
            #expect(collector.collect(deliveries.shuffled(using: &generator)) == expected)
        }
    }

    @Test("no input gives an empty collection")
    func emptyInput() {
        #expect(collector.collect([]) == CollectedInput())
    }

    @Test("ids that are the same text in another Unicode form share a run and a test, named as the first kept copy read names them")
    func canonicallyEquivalentIDs() throws {
        let decomposed = "caf\u{65}\u{301}", precomposed = "caf\u{e9}"
        let collection = collector.collect([
            F.delivery(run: decomposed, test: precomposed, session: "s1", start: 2, line: 1),
            F.delivery(run: precomposed, test: decomposed, session: "s2", start: 1, line: 2),
        ])
        let run = try #require(collection.runs.first)
        #expect(collection.runs.count == 1 && run.tests.count == 1)
        #expect(Array(run.id.unicodeScalars) == Array(decomposed.unicodeScalars))
        #expect(Array(run.tests[0].id.unicodeScalars) == Array(precomposed.unicodeScalars))
        #expect(Array(run.tests[0].runID.unicodeScalars) == Array(decomposed.unicodeScalars))
        #expect(run.tests[0].attempts.map(\.key.sessionID) == ["s2", "s1"])
    }

    @Test("many sessions over many runs and tests: grouped, ordered and counted")
    func manySessions() {
        var deliveries: [Delivery] = []
        for index in 0..<600 {
            // Every seventh session is delivered again, the second copy with a verdict.
            let session = "s\(index)"
            let run = "run-\(index % 7)", test = "t\(index % 23)"
            deliveries.append(F.delivery(run: run, test: test, session: session, start: Double(600 - index), line: 2 * index))
            if index % 7 == 0 {
                deliveries.append(F.delivery(run: run, test: test, session: session, eval: F.passed,
                                             start: Double(600 - index), line: 2 * index + 1))
            }
        }
        let collection = collector.collect(deliveries)
        #expect(collection.runs.map(\.id) == (0..<7).map { "run-\($0)" })
        #expect(collection.redeliveries == 86)
        #expect(collection.attempts.count == 600)
        for run in collection.runs {
            #expect(run.tests.map(\.id) == run.tests.map(\.id).sorted())
            for test in run.tests {
                #expect(test.runID == run.id)
                let starts = test.attempts.compactMap(\.conversation.startTime)
                #expect(starts == starts.sorted())
                #expect(test.attempts.allSatisfy { $0.conversation.sessionID.flatMap { Int($0.dropFirst()) }.map { $0 % 7 == 0 } == ($0.redeliveries == 1) })
                #expect(test.attempts.filter { $0.redeliveries == 1 }.allSatisfy { $0.conversation.evalResult == F.passed })
            }
        }
    }

    @Test("collecting by taking the deliveries gives the same collection, and moves out only the kept conversations")
    func collectTaking() {
        let deliveries = [
            F.delivery(run: "r1", test: "t1", session: "s1", eval: F.failed, start: 0, created: 1, line: 1),
            F.delivery(run: "r1", test: "t1", session: "s2", eval: F.passed, start: 2, created: 3, line: 2),
            F.delivery(run: "r1", test: "t1", session: "s2", start: 2, created: 4, line: 3),
            F.delivery(run: "r1", test: "t2", session: nil, eval: F.passed, line: 4),
            F.delivery(event: "Other", session: "s6", line: 5),
            F.delivery(run: "r2", test: "t1", session: "s3", eval: F.passed, created: 1, line: 6),
        ]
        var taken = deliveries
        #expect(collector.collect(taking: &taken) == collector.collect(deliveries))
        #expect(taken.map(\.conversation?.sessionID) == [nil, nil, "s2", nil, "s6", nil])
        #expect(taken.map(\.source) == deliveries.map(\.source))
    }
}
