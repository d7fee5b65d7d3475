#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes deliveries straight from bytes, without building a `JSONValue` tree for the
/// objects it knows: the delivery, its `data`, the history items, their `metrics` and the
/// `test_eval_result`. Those hold nearly all of the bytes, so this is where decoding time goes.
///
/// It is a fast path, not a second definition of the format. Whenever the input is anything
/// but a well-formed delivery — a syntax error, a value of the wrong type, a key written
/// twice, an escaped key, a number too large — it gives up (`nil`), and the caller decodes
/// the same bytes with ``JSONParser`` and ``DeliveryDecoder``, which produce the exact error
/// or result. What it does decode goes through the same string, number and timestamp readers
/// and the same field rules (``JSONFieldReading``), so the `Delivery` is the same.
struct DirectDeliveryDecoder {
    private struct GaveUp: Error {}

    private var scanner: JSONScanner
    /// Where strings are shared with the deliveries decoded before; `nil` makes each its own.
    private let repeated: RepeatedStrings?
    /// Holds where the transcripts' message texts go (its ``RepeatedStrings/transcriptTexts``):
    /// the worker's table, or one for these bytes alone.
    private let texts: RepeatedStrings
    /// Reads the delivery's timestamps, remembering the day of the last one.
    private var timestamps = SpeakNodeTimestampReader()

    private init(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int, sharing repeated: RepeatedStrings?) throws {
        scanner = try JSONScanner(document: bytes, maximumDepth: maximumDepth)
        self.repeated = repeated
        texts = repeated ?? RepeatedStrings(sharesRepeats: false)
    }

    /// The delivery that makes up `bytes` (one NDJSON line, say), or `nil` to decode it the general way.
    ///
    /// - Parameter depth: how many arrays are open around the delivery (1 inside a top-level array).
    /// - Parameter repeated: shares the strings of deliveries decoded one after another.
    static func delivery(in bytes: UnsafeBufferPointer<UInt8>, source: SourceLocation, maximumDepth: Int,
                         depth: Int = 0, sharing repeated: RepeatedStrings? = nil) -> Delivery? {
        do {
            var decoder = try DirectDeliveryDecoder(bytes, maximumDepth: maximumDepth, sharing: repeated)
            let delivery = try decoder.delivery(source: source, depth: depth)
            try decoder.scanner.expectEndOfDocument()
            return delivery
        } catch {
            return nil
        }
    }

    /// Appends the deliveries of a document holding one delivery object or an array of them,
    /// located as the general path locates them; `false`, with `deliveries` as it was, to
    /// decode the document the general way.
    ///
    /// Appending in place saves an array per file and copying its deliveries into the batch.
    static func appendDeliveries(inDocument bytes: UnsafeBufferPointer<UInt8>, file: String, maximumDepth: Int,
                                 sharing repeated: RepeatedStrings? = nil, to deliveries: inout [Delivery]) -> Bool {
        let countBefore = deliveries.count
        do {
            var decoder = try DirectDeliveryDecoder(bytes, maximumDepth: maximumDepth, sharing: repeated)
            if decoder.scanner.peekSignificantByte() == ASCIIByte.openBracket {
                try decoder.appendTopLevelArray(file: file, to: &deliveries)
            } else {
                deliveries.append(try decoder.delivery(source: SourceLocation(file: file), depth: 0))
            }
            try decoder.scanner.expectEndOfDocument()
            return true
        } catch {
            deliveries.removeSubrange(countBefore...)
            return false
        }
    }

    /// The deliveries of a top-level array, decoded concurrently, located as the general path
    /// locates them; `nil` to decode the document the general way.
    static func deliveries(inLargeArray bytes: UnsafeBufferPointer<UInt8>, file: String, maximumDepth: Int) -> [Delivery]? {
        // The byte-order mark only counts at the very start; elements start with '{'.
        guard JSONScanner.encodingProblem(in: bytes) == nil,
              let elements = TopLevelArraySplitter.elements(in: bytes, from: JSONScanner.byteOrderMarkLength(of: bytes))
        else { return nil }
        // Only read, and valid throughout: the runs are all decoded when `results` returns.
        nonisolated(unsafe) let shared = bytes
        // Each worker shares repeated strings across the runs of elements it takes.
        let decodedRuns = ClaimedRuns.results(of: WorkerRuns.ranges(count: elements.count), worker: { RepeatedStrings() }) { repeated, run in
            run.map { index in
                DirectDeliveryDecoder.delivery(
                    in: UnsafeBufferPointer(rebasing: shared[elements[index].range]),
                    source: SourceLocation(file: file, line: elements[index].line, index: index),
                    maximumDepth: maximumDepth, depth: 1, sharing: repeated)
            }
        }
        var deliveries: [Delivery] = []
        deliveries.reserveCapacity(elements.count)
        for run in decodedRuns {
            for delivery in run {
                guard let delivery else { return nil }
                deliveries.append(delivery)
            }
        }
        return deliveries
    }

    // MARK: Documents

    /// Appends the elements of a top-level array, each with the line it starts on and its index.
    private mutating func appendTopLevelArray(file: String, to deliveries: inout [Delivery]) throws {
        scanner.position += 1  // the '['
        let firstIndex = deliveries.count
        var line = 1
        var lineCountedUpTo = scanner.textStart
        if peek() == ASCIIByte.closeBracket {
            scanner.position += 1
            return
        }
        while true {
            scanner.skipWhitespace()
            for index in lineCountedUpTo..<scanner.position where scanner.bytes[index] == ASCIIByte.newline {
                line += 1
            }
            lineCountedUpTo = scanner.position
            let source = SourceLocation(file: file, line: line, index: deliveries.count - firstIndex)
            deliveries.append(try delivery(source: source, depth: 1))
            switch peek() {
            case ASCIIByte.comma: scanner.position += 1
            case ASCIIByte.closeBracket:
                scanner.position += 1
                return
            default: throw GaveUp()
            }
        }
    }

    // MARK: The objects of a delivery

    /// - Parameter depth: how many arrays and objects are open around the delivery.
    private mutating func delivery(source: SourceLocation, depth: Int) throws -> Delivery {
        var delivery = Delivery(event: nil, conversation: nil, source: source)
        let depth = depth + 1
        var seen: UInt64 = 0, expected = 0
        var hasMember = try openObject(depth: depth)
        while hasMember {
            switch try key(of: Self.deliveryKeys, expected: &expected, seen: &seen) {
            case .event: delivery.event = try string()
            case .data: delivery.conversation = try conversation(depth: depth)
            case nil: _ = try scanner.parseValue(depthAlreadyOpen: depth)
            }
            hasMember = try memberFollows()
        }
        return delivery
    }

    private mutating func conversation(depth: Int) throws -> Conversation? {
        guard try !takeNull() else { return nil }
        let depth = depth + 1
        var conversation = Conversation()
        var seen: UInt64 = 0, expected = 0
        var hasMember = try openObject(depth: depth)
        while hasMember {
            switch try key(of: Self.conversationKeys, expected: &expected, seen: &seen) {
            case .sessionID: conversation.sessionID = try string()
            case .agentID: conversation.agentID = try string()
            case .agentName: conversation.agentName = try string()
            case .audioURL: conversation.audioURL = try string()
            case .audioURLExpiresAt: conversation.audioURLExpiresAt = try date()
            case .createdAt: conversation.createdAt = try date()
            case .startTime: conversation.startTime = try date()
            case .agentJoinedAt: conversation.agentJoinedAt = try date()
            case .durationSeconds: conversation.durationSeconds = try number()
            case .history: conversation.history = try history(depth: depth)
            case .telecomProvider: conversation.telecomProvider = try string()
            case .fromNumber: conversation.fromNumber = try string()
            case .toNumber: conversation.toNumber = try string()
            case .campaignItemID: conversation.campaignItemID = try string()
            case .campaignID: conversation.campaignID = try string()
            case .campaignName: conversation.campaignName = try string()
            case .urlParameters:
                conversation.urlParameters = try JSONFieldReading.stringDictionary(scanner.parseValue(depthAlreadyOpen: depth))
            case .testRunID: conversation.testRunID = try string()
            case .testID: conversation.testID = try string()
            case .testStatus: conversation.testStatus = try string()
            case .evalResult: conversation.evalResult = try evalResult(depth: depth)
            case nil: _ = try scanner.parseValue(depthAlreadyOpen: depth)
            }
            hasMember = try memberFollows()
        }
        return conversation
    }

    private mutating func history(depth: Int) throws -> [HistoryItem] {
        guard try !takeNull() else { return [] }
        guard peek() == ASCIIByte.openBracket else { throw GaveUp() }
        try scanner.checkDepth(depth + 1)
        scanner.position += 1
        if peek() == ASCIIByte.closeBracket {
            scanner.position += 1
            return []
        }
        let texts = texts
        return try texts.withTranscriptTexts { transcriptTexts in
            try items(depth: depth, transcriptTexts: &transcriptTexts)
        }
    }

    /// The items of a history whose `[` is consumed and which has at least one element, their
    /// contents going to `transcriptTexts`.
    private mutating func items(depth: Int, transcriptTexts: inout TranscriptTextStore) throws -> [HistoryItem] {
        var items: [HistoryItem] = []
        transcriptTexts.startConversation()
        while true {
            if try !takeNull() {
                items.append(try historyItem(depth: depth + 1, index: items.count, transcriptTexts: &transcriptTexts))
            }
            switch peek() {
            case ASCIIByte.comma: scanner.position += 1
            case ASCIIByte.closeBracket:
                scanner.position += 1
                transcriptTexts.finishConversation(&items)
                return items.withoutSpareCapacity()
            default: throw GaveUp()
            }
        }
    }

    /// Item number `index` of the history being read. A content that is a string goes to the
    /// transcript texts: the item has it now if it was seen before, else when the history ends.
    private mutating func historyItem(depth: Int, index: Int, transcriptTexts: inout TranscriptTextStore) throws -> HistoryItem {
        let depth = depth + 1
        // Gathered apart and stored once, so that the item's out-of-line box is made once, if at all.
        var role: HistoryItem.StoredRole = .absent, unusualRole: String?, kind: HistoryItem.StoredKind = .absent
        var unusualKind: String?, content: HistoryItem.StoredContent?, id: String?, createdAt: Date?
        var interrupted: Bool?, transcriptConfidence: Double?, metrics: TurnMetrics?
        // Only tool calls, tool results, handoffs and configuration changes have details: a
        // spoken message never makes, copies or destroys their eight empty fields.
        var details: HistoryItem.ActionDetails?
        var seen: UInt64 = 0, expected = 0
        var hasMember = try openObject(depth: depth)
        while hasMember {
            switch try key(of: Self.historyItemKeys, expected: &expected, seen: &seen) {
            case .role:
                let name = try self.name(among: Self.knownRoles)
                role = name.known?.stored ?? HistoryItem.StoredRole(name.other)
                unusualRole = name.other
            case .content: content = try self.content(ofItem: index, depth: depth, transcriptTexts: &transcriptTexts)
            case .kind:
                let name = try self.name(among: Self.knownKinds)
                kind = name.known?.stored ?? HistoryItem.StoredKind(name.other)
                unusualKind = name.other
            case .id: id = try string()
            case .createdAt: createdAt = try date()
            case .interrupted: interrupted = try bool()
            case .transcriptConfidence: transcriptConfidence = try number()
            case .metrics: metrics = try self.metrics(depth: depth)
            case .toolName: details.orEmpty.toolName = try string()
            case .toolCallID: details.orEmpty.toolCallID = try string()
            case .toolArgumentsJSON: details.orEmpty.toolArgumentsJSON = try string()
            case .toolOutput: details.orEmpty.toolOutput = try text(depth: depth)
            case .toolIsError: details.orEmpty.toolIsError = try bool()
            case .handoffToAgentID: details.orEmpty.handoffToAgentID = try string()
            case .instructions: details.orEmpty.instructions = try text(depth: depth)
            case .toolsAdded: details.orEmpty.toolsAdded = try strings(depth: depth)
            case nil: _ = try scanner.parseValue(depthAlreadyOpen: depth)
            }
            hasMember = try memberFollows()
        }
        return HistoryItem(
            role: role, unusualRole: unusualRole, content: content, kind: kind, unusualKind: unusualKind, id: id,
            createdAt: createdAt, interrupted: interrupted, transcriptConfidence: transcriptConfidence, metrics: metrics,
            details: details.take())
    }

    private mutating func metrics(depth: Int) throws -> TurnMetrics? {
        guard try !takeNull() else { return nil }
        let depth = depth + 1
        var metrics = TurnMetrics()
        var seen: UInt64 = 0, expected = 0
        var hasMember = try openObject(depth: depth)
        while hasMember {
            switch try key(of: Self.metricsKeys, expected: &expected, seen: &seen) {
            case .startedSpeakingAt: metrics.startedSpeakingAt = try date()
            case .stoppedSpeakingAt: metrics.stoppedSpeakingAt = try date()
            case .transcriptionDelay: metrics.transcriptionDelay = try measurement()
            case .endOfTurnDelay: metrics.endOfTurnDelay = try measurement()
            case .onUserTurnCompletedDelay: metrics.onUserTurnCompletedDelay = try measurement()
            case .llmNodeTTFT: metrics.llmNodeTTFT = try measurement()
            case .ttsNodeTTFB: metrics.ttsNodeTTFB = try measurement()
            case .e2eLatency: metrics.e2eLatency = try measurement()
            case nil: _ = try scanner.parseValue(depthAlreadyOpen: depth)
            }
            hasMember = try memberFollows()
        }
        return metrics.isEmpty ? nil : metrics
    }

    private mutating func evalResult(depth: Int) throws -> EvalResult? {
        guard try !takeNull() else { return nil }
        let depth = depth + 1
        var result = EvalResult()
        var seen: UInt64 = 0, expected = 0
        var hasMember = try openObject(depth: depth)
        while hasMember {
            switch try key(of: Self.evalResultKeys, expected: &expected, seen: &seen) {
            case .success: result.success = try bool()
            case .reasons: result.reasons = try strings(depth: depth)
            case .completionReason: result.completionReason = try string()
            case nil: _ = try scanner.parseValue(depthAlreadyOpen: depth)
            }
            hasMember = try memberFollows()
        }
        return result
    }

    // MARK: Values

    /// A string or `null`; anything else gives up.
    ///
    /// A string of plain ASCII only (an item's id, a session id, a URL) is made straight from
    /// the input once its one run of plain bytes reaches the closing quote; any other string is
    /// read again from its start by the scanner.
    private mutating func string() throws -> String? {
        switch peek() {
        case ASCIIByte.quote:
            let start = scanner.position + 1
            let end = PlainStringRun.end(in: scanner.bytes, from: start)
            guard end < scanner.bytes.count, scanner.bytes[end] == ASCIIByte.quote else {
                return try scanner.parseString(sharing: repeated)
            }
            scanner.position = end + 1
            let bytes = UnsafeBufferPointer(rebasing: scanner.bytes[start..<end])
            if let repeated { return repeated.string(alreadyValidatedUTF8: bytes, isASCII: true) }
            return String(alreadyValidatedUTF8: bytes, isASCII: true)
        case UInt8(ascii: "n"):
            try scanner.expectLiteral("null")
            return nil
        default: throw GaveUp()
        }
    }

    /// An array of strings with `null` elements skipped, a single string, or `null`, as
    /// ``JSONFieldReading/strings(_:)`` reads them; anything else gives up. Read directly, the
    /// evaluator's reasons, which many deliveries repeat, share their strings too.
    ///
    /// - Parameter depth: how many arrays and objects are open around the value.
    private mutating func strings(depth: Int) throws -> [String] {
        switch peek() {
        case ASCIIByte.quote:
            return [try scanner.parseString(sharing: repeated)]
        case UInt8(ascii: "n"):
            try scanner.expectLiteral("null")
            return []
        case ASCIIByte.openBracket:
            try scanner.checkDepth(depth + 1)
            scanner.position += 1
            var strings: [String] = []
            if peek() == ASCIIByte.closeBracket {
                scanner.position += 1
                return strings
            }
            while true {
                if let text = try string() { strings.append(text) }
                switch peek() {
                case ASCIIByte.comma: scanner.position += 1
                case ASCIIByte.closeBracket:
                    scanner.position += 1
                    return strings
                default: throw GaveUp()
                }
            }
        default:
            throw GaveUp()
        }
    }

    /// An item's `kind` or `role`, a string or `null`. A value this tool knows comes back as its
    /// case (`other` is `nil`), so no string is made from its bytes (`FunctionCallOutput` is too
    /// long to be stored inside a `String` value, and every tool result would otherwise allocate
    /// one; every item has a role) and the item need not compare a text to store it. Any other
    /// string comes back as `other`; `null` as neither.
    ///
    /// The known values are compared in place, as keys are (see ``KeyTable/entry(_:isNamedAt:in:)``),
    /// so a known value's string is never scanned.
    private mutating func name<Known>(among knownNames: KeyTable<Known>) throws -> (known: Known?, other: String?) {
        guard peek() == ASCIIByte.quote else { return (nil, try string()) }
        let start = scanner.position + 1
        for index in 0..<knownNames.count {
            if let (known, _, count) = knownNames.entry(index, isNamedAt: start, in: scanner.bytes) {
                scanner.position = start + count + 1
                return (known, nil)
            }
        }
        guard let end = try unescapedStringEnd() else { return (nil, try scanner.parseString()) }
        return (nil, String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[start..<end]), as: UTF8.self))
    }

    /// The content of history item number `index`, read as ``text(depth:)`` reads it; a string
    /// goes to the transcript texts and comes back when it is already stored (see
    /// ``historyItem(depth:index:transcriptTexts:)``).
    private mutating func content(ofItem index: Int, depth: Int,
                                  transcriptTexts: inout TranscriptTextStore) throws -> HistoryItem.StoredContent? {
        guard peek() == ASCIIByte.quote else { return try text(depth: depth).map(HistoryItem.StoredContent.init) }
        return try scanner.withParsedString { bytes, isASCII in
            transcriptTexts.content(ofItem: index, bytes, isASCII: isASCII).map(HistoryItem.StoredContent.shared)
        }
    }

    /// A string, an array of strings (lines) or `null`, as ``JSONFieldReading/text(_:)`` reads it.
    private mutating func text(depth: Int) throws -> String? {
        if peek() == ASCIIByte.quote { return try scanner.parseString(sharing: repeated) }
        return try JSONFieldReading.text(scanner.parseValue(depthAlreadyOpen: depth))
    }

    /// A number or `null`. A short decimal, what nearly every latency is, is read right here
    /// (as ``JSONScanner/parseNumber()`` would read it first, see ``ShortDecimalNumber``).
    private mutating func number() throws -> Double? {
        switch peek() {
        case ASCIIByte.minus, ASCIIByte.zero...ASCIIByte.nine:
            if let (value, end) = ShortDecimalNumber.value(in: scanner.bytes, from: scanner.position) {
                scanner.position = end
                return value
            }
            return try scanner.parseNumber()
        case UInt8(ascii: "n"):
            try scanner.expectLiteral("null")
            return nil
        default: throw GaveUp()
        }
    }

    /// A duration where `0` means "not measured", as ``JSONFieldReading/measurement(_:)`` reads it.
    private mutating func measurement() throws -> Double? {
        guard let value = try number(), value != 0 else { return nil }
        return value
    }

    private mutating func bool() throws -> Bool? {
        switch peek() {
        case UInt8(ascii: "t"):
            try scanner.expectLiteral("true")
            return true
        case UInt8(ascii: "f"):
            try scanner.expectLiteral("false")
            return false
        case UInt8(ascii: "n"):
            try scanner.expectLiteral("null")
            return nil
        default: throw GaveUp()
        }
    }

    /// A timestamp string, read from the bytes when it has no escapes, or epoch seconds.
    private mutating func date() throws -> Date? {
        switch peek() {
        case ASCIIByte.quote:
            let start = scanner.position + 1
            if let (date, closingQuote) = speakNodeTimestamp(from: start) {
                scanner.position = closingQuote + 1
                return date
            }
            if let end = try unescapedStringEnd() {
                guard let date = TimestampParser.date(fromUTF8: UnsafeBufferPointer(rebasing: scanner.bytes[start..<end]))
                else { throw GaveUp() }
                return date
            }
            guard let date = TimestampParser.date(from: try scanner.parseString()) else { throw GaveUp() }
            return date
        case UInt8(ascii: "n"):
            try scanner.expectLiteral("null")
            return nil
        case ASCIIByte.minus, ASCIIByte.zero...ASCIIByte.nine:
            return TimestampParser.date(fromEpochSeconds: try scanner.parseNumber())
        default:
            throw GaveUp()
        }
    }

    /// The timestamp starting at `start` and the index of the quote that closes it, when it
    /// is in SpeakNode's own form with milliseconds or none (24 or 20 bytes), read in place
    /// without scanning for the string's end first. That form is only digits, `-`, `T`, `:`,
    /// `.` and `Z`, so when the bytes before a quote read as one, they are the whole string.
    @inline(__always)
    private mutating func speakNodeTimestamp(from start: Int) -> (date: Date, closingQuote: Int)? {
        // `YYYY-MM-DDThh:mm:ss.sssZ`, then `YYYY-MM-DDThh:mm:ssZ`.
        speakNodeTimestamp(from: start, count: 24) ?? speakNodeTimestamp(from: start, count: 20)
    }

    @inline(__always)
    private mutating func speakNodeTimestamp(from start: Int, count: Int) -> (date: Date, closingQuote: Int)? {
        let end = start + count
        guard end < scanner.bytes.count, scanner.bytes[end] == ASCIIByte.quote,
              let date = timestamps.date(inSpeakNodeForm: UnsafeBufferPointer(rebasing: scanner.bytes[start..<end]))
        else { return nil }
        return (date, end)
    }

    /// With the scanner at a string's opening quote: when the string has no escapes, steps
    /// past it (checking every byte) and returns the index of its closing quote; when it has
    /// one, returns `nil` and leaves the scanner where it was.
    private mutating func unescapedStringEnd() throws -> Int? {
        let openingQuote = scanner.position
        scanner.position += 1
        try scanner.advanceOverUnescapedCharacters()
        guard scanner.position < scanner.bytes.count else { throw GaveUp() }
        if scanner.bytes[scanner.position] == ASCIIByte.backslash {
            scanner.position = openingQuote
            return nil
        }
        scanner.position += 1
        return scanner.position - 1
    }

    // MARK: Structure

    /// The next byte that is not whitespace, not consumed; 0 at the end of the input.
    /// Asked before every token, and nearly always the very next byte, so it is inlined.
    @inline(__always)
    private mutating func peek() -> UInt8 {
        scanner.peekSignificantByte() ?? 0
    }

    /// Consumes a `null` if one comes next.
    private mutating func takeNull() throws -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try scanner.expectLiteral("null")
        return true
    }

    /// Consumes the `{` that must come next, checking the nesting depth it reaches; `false`
    /// when the object is empty (its `}` consumed too).
    private mutating func openObject(depth: Int) throws -> Bool {
        guard peek() == ASCIIByte.openBrace else { throw GaveUp() }
        try scanner.checkDepth(depth)
        scanner.position += 1
        guard peek() == ASCIIByte.closeBrace else { return true }
        scanner.position += 1
        return false
    }

    /// After a member's value: `true` when a `,` (consumed) announces another member, `false`
    /// at the closing `}` (consumed).
    private mutating func memberFollows() throws -> Bool {
        switch peek() {
        case ASCIIByte.comma:
            scanner.position += 1
            return true
        case ASCIIByte.closeBrace:
            scanner.position += 1
            return false
        default:
            throw GaveUp()
        }
    }

    /// Reads `"key":`, returning the key when the table knows it (`nil` for any other key).
    /// A known key written twice gives up: the general path keeps only the last one.
    ///
    /// - Parameter expected: the table entry tried first (then the one after it), compared in
    ///   place with the input before the key is scanned at all; on return, the entry after the key read. Deliveries
    ///   write an object's keys in the same order every time, and the tables list them in
    ///   that order, so the expected key is nearly always the one that comes.
    private mutating func key<Key>(of keys: KeyTable<Key>, expected: inout Int, seen: inout UInt64) throws -> Key? {
        guard peek() == ASCIIByte.quote else { throw GaveUp() }
        let start = scanner.position + 1
        let found: (key: Key, bit: UInt64, index: Int)?
        if let (key, bit, nameCount) = keys.entry(expected, isNamedAt: start, in: scanner.bytes) {
            scanner.position = start + nameCount + 1
            found = (key, bit, expected)
        } else if let (key, bit, nameCount) = keys.entry(expected + 1, isNamedAt: start, in: scanner.bytes) {
            // The expected key is one that objects may leave out (an agent's turn has no
            // `transcript_confidence`, say): the key after it is the next most likely.
            scanner.position = start + nameCount + 1
            found = (key, bit, expected + 1)
        } else {
            guard let end = try unescapedStringEnd() else { throw GaveUp() }
            found = keys.lookUp(start..<end, in: scanner.bytes)
        }
        guard peek() == ASCIIByte.colon else { throw GaveUp() }
        scanner.position += 1
        guard let (key, bit, index) = found else { return nil }
        guard seen & bit == 0 else { throw GaveUp() }
        seen |= bit
        expected = index + 1 < keys.count ? index + 1 : 0
        return key
    }

    // MARK: Keys

    private enum DeliveryKey: String, CaseIterable {
        case event, data
    }

    // The keys of each object in the order deliveries write them (see `key(of:expected:seen:)`).

    private enum ConversationKey: String, CaseIterable {
        case sessionID = "session_id", agentID = "agent_id", agentName = "agent_name", audioURL = "audio_url"
        case audioURLExpiresAt = "audio_url_expires_at", startTime = "start_time", agentJoinedAt = "agent_joined_at"
        case history, createdAt = "created_at", durationSeconds = "duration_seconds"
        case telecomProvider = "telecom_provider", fromNumber = "from_number", toNumber = "to_number"
        case campaignItemID = "campaign_item_id", campaignID = "campaign_id", campaignName = "campaign_name"
        case urlParameters = "url_parameters", testRunID = "test_run_id", testID = "test_id"
        case testStatus = "test_status", evalResult = "test_eval_result"
    }

    private enum HistoryItemKey: String, CaseIterable {
        case id, createdAt = "created_at", role, kind, content, interrupted
        case transcriptConfidence = "transcript_confidence", metrics, toolName = "tool_name"
        case toolCallID = "tool_call_id", toolArgumentsJSON = "tool_arguments_json", toolOutput = "tool_output"
        case toolIsError = "tool_is_error", handoffToAgentID = "handoff_to_agent_id", instructions
        case toolsAdded = "tools_added"
    }

    private enum MetricsKey: String, CaseIterable {
        case startedSpeakingAt = "started_speaking_at", stoppedSpeakingAt = "stopped_speaking_at"
        case transcriptionDelay = "transcription_delay", endOfTurnDelay = "end_of_turn_delay"
        case onUserTurnCompletedDelay = "on_user_turn_completed_delay", llmNodeTTFT = "llm_node_ttft"
        case ttsNodeTTFB = "tts_node_ttfb", e2eLatency = "e2e_latency"
    }

    private enum EvalResultKey: String, CaseIterable {
        case success, reasons, completionReason = "completion_reason"
    }

    /// The roles that SpeakNode documents, most common first.
    private enum KnownRole: String, CaseIterable {
        case user = "User", assistant = "Assistant", tool = "Tool", system = "System"

        /// How an item stores this role: known here, so the item need not compare the text again.
        var stored: HistoryItem.StoredRole {
            switch self {
            case .user: .user
            case .assistant: .assistant
            case .tool: .tool
            case .system: .system
            }
        }
    }

    /// The kinds of history item that SpeakNode documents.
    private enum KnownKind: String, CaseIterable {
        case message = "Message", functionCall = "FunctionCall", functionCallOutput = "FunctionCallOutput"
        case agentHandoff = "AgentHandoff", agentConfigUpdate = "AgentConfigUpdate"

        /// How an item stores this kind: known here, so the item need not compare the text again.
        var stored: HistoryItem.StoredKind {
            switch self {
            case .message: .message
            case .functionCall: .functionCall
            case .functionCallOutput: .functionCallOutput
            case .agentHandoff: .agentHandoff
            case .agentConfigUpdate: .agentConfigUpdate
            }
        }
    }

    private static let deliveryKeys = KeyTable<DeliveryKey>()
    private static let conversationKeys = KeyTable<ConversationKey>()
    private static let historyItemKeys = KeyTable<HistoryItemKey>()
    private static let metricsKeys = KeyTable<MetricsKey>()
    private static let evalResultKeys = KeyTable<EvalResultKey>()
    private static let knownKinds = KeyTable<KnownKind>()
    private static let knownRoles = KeyTable<KnownRole>()
}

/// The keys of one kind of object, matched against a key's raw UTF-8 bytes so that no
/// `String` is made for a key; each key also has a bit, to notice a key written twice.
///
/// Every key of every object goes through here, so a look-up is cheap: each entry holds its
/// name's length and bytes as a few numbers (``KeyTable/Words``), which settle a comparison
/// without a call for any name of up to 32 bytes (every key SpeakNode sends); only longer
/// names compare their other bytes with `memcmp`. Entries hold only plain values, so nothing
/// is retained or released.
private struct KeyTable<Key: RawRepresentable & CaseIterable & Sendable>: Sendable where Key.RawValue == String {
    /// A name's length, its first and last eight bytes (the same bytes twice, padded with
    /// zeros, when it is shorter than eight), and for longer names bytes 8..<16 (past 16
    /// bytes) and 16..<24 (past 24), else 0: together all of a name of up to 32 bytes.
    private struct Words: Equatable, Sendable {
        var count: Int
        var head: UInt64
        var tail: UInt64
        var middle: UInt64 = 0
        var third: UInt64 = 0

        /// The longest name that the words hold all of.
        static var wholeNameCount: Int { 32 }

        /// - Parameter readable: how many bytes may be read from the name's start. A name
        ///   shorter than eight bytes with eight readable (a key inside a document nearly always
        ///   has them: at least `":` and a value follow it) is read in one load and masked,
        ///   rather than byte by byte.
        @inline(__always)
        init(_ bytes: UnsafeRawBufferPointer, readable: Int) {
            count = bytes.count
            if count >= 8 {
                head = bytes.loadUnaligned(as: UInt64.self)
                tail = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                if count > 16 { middle = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self) }
                if count > 24 { third = bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self) }
            } else if readable >= 8, let start = bytes.baseAddress {
                // Byte i in bits 8i..<8i+8, whatever the machine's byte order, as below.
                let word = UInt64(littleEndian: start.loadUnaligned(as: UInt64.self))
                head = word & ((1 << (8 * UInt64(count))) &- 1)
                tail = head
            } else {
                head = 0
                for (index, byte) in bytes.enumerated() { head |= UInt64(byte) << (8 * UInt64(index)) }
                tail = head
            }
        }
    }

    private struct Entry: Sendable {
        var words: Words
        /// Where the name starts in `names`.
        var start: Int
        var key: Key
        var bit: UInt64
    }

    private let names: [UInt8]
    private let entries: [Entry]

    init() {
        var names: [UInt8] = []
        var entries: [Entry] = []
        for (index, key) in Key.allCases.enumerated() {
            let name = Array(key.rawValue.utf8)
            let words = name.withUnsafeBytes { Words($0, readable: $0.count) }
            entries.append(Entry(words: words, start: names.count, key: key, bit: 1 << UInt64(index)))
            names.append(contentsOf: name)
        }
        self.names = names
        self.entries = entries
    }

    /// How many keys the table has.
    var count: Int { entries.count }

    /// Entry `index`'s key, bit and name length when the bytes of `document` from `start` are
    /// exactly its name followed by a quote; nothing past that quote is read. A name has no
    /// quote, backslash, control or non-ASCII byte, so those bytes are then the whole of a
    /// valid, unescaped key, and the key needs no scanning.
    @inline(__always)
    func entry(_ index: Int, isNamedAt start: Int, in document: UnsafeBufferPointer<UInt8>) -> (key: Key, bit: UInt64, count: Int)? {
        entries.withUnsafeBufferPointer { entries in
            guard index < entries.count else { return nil }
            let entry = entries[index]
            let end = start + entry.words.count
            guard end < document.count, document[end] == ASCIIByte.quote,
                  entry.words == Words(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: document[start..<end])), readable: document.count - start),
                  entry.words.count <= Words.wholeNameCount || names.withUnsafeBufferPointer({ names in
                      guard let namesStart = names.baseAddress, let keyStart = document.baseAddress else { return false }
                      return memcmp(namesStart + entry.start + 8, keyStart + start + 8, entry.words.count - 16) == 0
                  })
            else { return nil }
            return (entry.key, entry.bit, entry.words.count)
        }
    }

    /// The key named by the bytes `range` of `document`, with its bit and its index in the table.
    func lookUp(_ range: Range<Int>, in document: UnsafeBufferPointer<UInt8>) -> (key: Key, bit: UInt64, index: Int)? {
        guard let documentStart = document.baseAddress else { return nil }
        let bytes = UnsafeBufferPointer(rebasing: document[range])
        let keyStart = documentStart + range.lowerBound
        let words = Words(UnsafeRawBufferPointer(bytes), readable: document.count - range.lowerBound)
        return names.withUnsafeBufferPointer { names in
            entries.withUnsafeBufferPointer { entries in
                guard let namesStart = names.baseAddress else { return nil }
                for (index, entry) in entries.enumerated() where entry.words == words
                    && (words.count <= Words.wholeNameCount || memcmp(namesStart + entry.start + 8, keyStart + 8, words.count - 16) == 0) {
                    return (entry.key, entry.bit, index)
                }
                return nil
            }
        }
    }
}

private extension Optional<HistoryItem.ActionDetails> {
    /// The details, starting empty when there are none yet: setting a field through it makes them.
    var orEmpty: HistoryItem.ActionDetails {
        get { self ?? HistoryItem.ActionDetails() }
        set { self = newValue }
    }
}
