/// Generates a realistic corpus of `ConversationComplete` deliveries: several test runs of
/// many tests, retried attempts, redeliveries, non-test deliveries, conversations of 10–50
/// turns with latency metrics and tool calls, and hostile text (markup, Mustache tags,
/// Markdown, control characters, any Unicode, very long values).
///
/// The same seed and count always give the same bytes.
struct CorpusGenerator {
    /// How many deliveries to write, redeliveries and non-test deliveries included.
    var deliveryCount: Int
    var seed: UInt64 = 0x5EED

    /// Each delivery as compact JSON, in the order a webhook receiver would have stored them.
    func deliveries() -> [[UInt8]] {
        var random = RandomSource(seed: seed)
        // About 600 deliveries per run, 1–3 attempts per test.
        let runCount = max(1, deliveryCount / 600)
        var plans: [ConversationPlan] = []
        plans.reserveCapacity(deliveryCount)
        var runIndex = 0
        while plans.count < deliveryCount {
            let runID = random.uuid()
            let runStart = 1_795_000_000.0 + Double(runIndex) * 86_400
            let testCount = max(1, deliveryCount / runCount / 2)
            for testIndex in 0..<testCount where plans.count < deliveryCount {
                let testID = random.uuid()
                let attempts = random.pick([1, 1, 1, 2, 2, 3])
                for attempt in 0..<attempts where plans.count < deliveryCount {
                    plans.append(ConversationPlan(
                        runID: runID, testID: testID, testNumber: testIndex,
                        start: runStart + Double(testIndex * 90 + attempt * 400) + Double(random.int(in: 0...30)),
                        isTest: !random.chance(0.01)))
                }
            }
            runIndex += 1
        }
        var output: [[UInt8]] = []
        output.reserveCapacity(deliveryCount)
        var index = 0
        while output.count < deliveryCount {
            let delivery = makeDelivery(plans[index % plans.count], random: &random)
            output.append(delivery)
            // At-least-once delivery: about 2% of deliveries arrive twice.
            if random.chance(0.02) && output.count < deliveryCount { output.append(delivery) }
            index += 1
        }
        return output
    }

    private struct ConversationPlan {
        var runID: String
        var testID: String
        var testNumber: Int
        var start: Double
        var isTest: Bool
    }

    private func makeDelivery(_ plan: ConversationPlan, random: inout RandomSource) -> [UInt8] {
        let sessionID = random.uuid()
        let turnCount = random.int(in: 10...50)
        var json = JSONWriter(capacity: 16_384)
        json.beginObject()
        json.field("event", "ConversationComplete")
        json.key("data")
        json.beginObject()
        json.field("session_id", sessionID)
        json.field("agent_id", "2b1e3b65-2c04-4fa2-a2d7-467901e98978")
        json.field("agent_name", random.pick(Self.agentNames))
        json.field("audio_url", "https://media.speaknode.example/rec/\(sessionID).ogg?expires=1796131870&sig=\(random.uuid())")
        json.field("audio_url_expires_at", Self.timestamp(plan.start + 7 * 86_400, fraction: false))
        var clock = plan.start
        json.field("start_time", Self.timestamp(clock, fraction: true))
        json.field("agent_joined_at", Self.timestamp(clock + 0.8, fraction: false))
        json.key("history")
        json.beginArray()
        for turn in 0..<turnCount {
            clock += Double(random.int(in: 1500...9000)) / 1000
            writeTurn(turn, at: clock, into: &json, random: &random)
        }
        json.endArray()
        json.field("created_at", Self.timestamp(clock + 1.2, fraction: true))
        json.field("duration_seconds", clock - plan.start)
        json.field("telecom_provider", random.pick(["Twilio", "Telnyx", "WebRTC"]))
        json.field("from_number", "+1555\(random.int(in: 1_000_000...9_999_999))")
        json.field("to_number", "+1555\(random.int(in: 1_000_000...9_999_999))")
        json.field("campaign_item_id", random.uuid())
        json.field("campaign_id", "78614b6c-fe7c-41e2-8e25-c9b3a3c91904")
        json.field("campaign_name", "Nightly regression <main>")
        json.key("url_parameters")
        json.beginObject()
        json.field("branch", "feature/ünïcode-\(plan.testNumber % 7)")
        json.field("attempt", Double(random.int(in: 1...3)))
        json.endObject()
        if plan.isTest {
            json.field("test_run_id", plan.runID)
            json.field("test_id", plan.testID)
            json.field("test_status", random.pick(["Completed", "Completed", "Completed", "Failed", "Error"]))
            if random.chance(0.03) {
                json.field("test_eval_result", nil)
            } else {
                json.key("test_eval_result")
                json.beginObject()
                json.field("success", !random.chance(0.15))
                json.key("reasons")
                json.beginArray()
                for _ in 0..<random.int(in: 1...3) { json.string(Self.sentence(&random)) }
                json.endArray()
                json.field("completion_reason", random.pick(["StepsExhausted", "GoalReached", "CallerHungUp"]))
                json.endObject()
            }
        }
        json.endObject()
        json.endObject()
        return json.bytes
    }

    private func writeTurn(_ turn: Int, at time: Double, into json: inout JSONWriter, random: inout RandomSource) {
        json.beginObject()
        let isUser = turn % 2 == 1
        let isToolCall = !isUser && random.chance(0.12)
        json.field("id", "item_\(turn)")
        json.field("created_at", Self.timestamp(time, fraction: true))
        if isToolCall {
            let tool = random.pick(["verify_identity", "lock_card", "lookup_order", "transfer_call"])
            json.field("role", "Assistant")
            json.field("kind", "FunctionCall")
            json.field("tool_name", tool)
            json.field("tool_call_id", "call_\(turn)")
            json.field("tool_arguments_json", "{\"customer\": \"\(random.pick(Self.names))\", \"reason\": \"\(Self.sentence(&random))\"}")
            json.endObject()
            json.beginObject()
            json.field("id", "item_\(turn)_out")
            json.field("role", "Tool")
            json.field("kind", "FunctionCallOutput")
            json.field("tool_name", tool)
            json.field("tool_call_id", "call_\(turn)")
            let repeats = random.chance(0.03) ? random.int(in: 10...40) : random.int(in: 1...3)
            json.field("tool_output", (0..<repeats).map { _ in Self.sentence(&random) }.joined(separator: "\n"))
            json.field("tool_is_error", random.chance(0.1))
            json.endObject()
            return
        }
        json.field("role", isUser ? "User" : "Assistant")
        json.field("kind", "Message")
        json.field("content", Self.spokenText(&random))
        json.field("interrupted", random.chance(0.05))
        if isUser { json.field("transcript_confidence", Double(random.int(in: 700...999)) / 1000) }
        json.key("metrics")
        json.beginObject()
        json.field("started_speaking_at", Self.timestamp(time, fraction: true))
        json.field("stopped_speaking_at", Self.timestamp(time + Double(random.int(in: 800...6000)) / 1000, fraction: true))
        if isUser {
            json.field("transcription_delay", Double(random.int(in: 80...600)) / 1000)
            json.field("end_of_turn_delay", Double(random.int(in: 200...1200)) / 1000)
            json.field("on_user_turn_completed_delay", Double(random.int(in: 1...20)) / 1000)
        } else {
            json.field("llm_node_ttft", Double(random.int(in: 150...1800)) / 1000)
            json.field("tts_node_ttfb", Double(random.int(in: 90...700)) / 1000)
            // 0 means "not measured".
            json.field("e2e_latency", random.chance(0.1) ? 0 : Double(random.int(in: 400...3500)) / 1000)
        }
        json.endObject()
        json.endObject()
    }

    /// `2026-11-24T13:30:01.500Z`, or without the fraction.
    static func timestamp(_ seconds: Double, fraction: Bool) -> String {
        let whole = Int(seconds.rounded(.down))
        var days = whole / 86_400
        let secondOfDay = whole % 86_400
        // Civil date from days since 1970 (Howard Hinnant's algorithm).
        days += 719_468
        let era = days / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
        if fraction {
            let millis = Int(((seconds - Double(whole)) * 1000).rounded()) % 1000
            text += "." + (millis < 10 ? "00" : millis < 100 ? "0" : "") + "\(millis)"
        }
        return text + "Z"
    }

    static let agentNames = ["Northbank Card Services", "Acme Dental <Front Desk>", "Ünïcode Hotel — Réception", "Pizza & Co"]
    static let names = ["Ada O'Neil", "José Müller", "李小龙", "Zoë \"Z\" Smith", "<b>Robert'); DROP TABLE</b>"]
    /// Ordinary sentences, mixed with the hostile text reports must survive.
    static let sentences = [
        "Hello, thanks for calling, how can I help you today?",
        "I think my debit card was stolen at the train station this morning.",
        "Could you confirm the last four digits of the card, please?",
        "Sure, it's 0142, and I'd like it blocked right away.",
        "I have locked the card; a replacement will arrive in three to five business days.",
        "The agent asked for the full card number, which the policy forbids.",
        "Caller asked to speak to a human; the agent transferred correctly.",
        "<script>alert('x')</script> & <img src=x onerror=alert(1)>",
        "{{title}} {{{reportURL}}} {{#runs}}loop{{/runs}} {{> partial}}",
        "| not | a | table | **bold** _it_ [link](javascript:alert(1)) @everyone #123",
        "Control \u{0007} bell, \u{001B}[31mred\u{001B}[0m, and a tab\tand ]]> end of CDATA",
        "Emoji 🙂👍🏽, RTL مرحبا بك, CJK 你好世界, combining é and Zalgo z̸̢͓a̴l̵g̷o",
        "Line one\nline two\r\nline three",
    ]

    /// A very long value, used now and then.
    static let longText = "Über-long reason: " + String(repeating: "lorem ipsum dolor sit amet ", count: 60)

    /// A sentence, once in a while a very long one.
    static func sentence(_ random: inout RandomSource) -> String {
        random.chance(0.01) ? longText : random.pick(sentences)
    }

    /// What a caller or an agent says in one turn: one to three sentences, nearly always with
    /// details of this call (a time, an amount, a reference). Real turns are rarely word for
    /// word the same, so the corpus must not be either: a reader that shares repeated text
    /// would otherwise look smaller and faster here than on real deliveries.
    static func spokenText(_ random: inout RandomSource) -> String {
        var text = (0..<random.int(in: 1...3)).map { _ in sentence(&random) }.joined(separator: " ")
        if random.chance(0.9) {
            text += " " + details(&random)
        }
        return text
    }

    /// `That was at 7:42, reference 48213.`, and the like.
    private static func details(_ random: inout RandomSource) -> String {
        let reference = random.int(in: 10_000...99_999)
        let minutes = random.int(in: 0...59)
        let time = "\(random.int(in: 1...12)):\(minutes < 10 ? "0" : "")\(minutes)"
        let cents = random.int(in: 0...99)
        let amount = "$\(random.int(in: 2...2_000)).\(cents < 10 ? "0" : "")\(cents)"
        switch random.int(in: 0...4) {
        case 0: return "That was at \(time), reference \(reference)."
        case 1: return "The charge was \(amount) on the card ending \(random.int(in: 1_000...9_999))."
        case 2: return "My name is \(random.pick(names)) and my account number ends in \(reference % 10_000)."
        case 3: return "Ticket \(reference) says \(amount), opened at \(time)."
        default: return "I'll note that for \(random.pick(names)): \(time), order \(reference)-\(random.int(in: 10...99))."
        }
    }
}
