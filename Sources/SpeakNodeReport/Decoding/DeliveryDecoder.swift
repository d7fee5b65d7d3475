#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns a parsed JSON value into a ``Delivery``, leniently.
///
/// Every field is optional, unknown fields are ignored, `null` anywhere means absent and
/// open sets of strings are kept as they came, because SpeakNode promises little and adds
/// fields over time. A value of the wrong type, though, makes the whole delivery invalid,
/// since guessing what it meant could turn a failed test into a passed one. The few
/// tolerances are harmless ones: `content` as an array of lines, a single string where an
/// array of strings is expected, and numbers or booleans among `url_parameters`.
public struct DeliveryDecoder: Sendable {
    public init() {}

    /// The delivery that `value` describes, marked as read from `source`.
    public func decode(_ value: JSONValue, source: SourceLocation) throws(DeliveryDecodingError) -> Delivery {
        guard case .object(let object) = value else {
            throw DeliveryDecodingError(reason: "expected a delivery object, found \(value.typeDescription)")
        }
        var delivery = Delivery(event: nil, conversation: nil, source: source)
        for member in object.members {
            do throws(DeliveryDecodingError) {
                switch member.key {
                case "event": delivery.event = try JSONFieldReading.string(member.value)
                case "data": delivery.conversation = try conversation(member.value)
                default: break
                }
            } catch {
                throw error.under(key: member.key)
            }
        }
        return delivery
    }

    private func conversation(_ value: JSONValue) throws(DeliveryDecodingError) -> Conversation? {
        guard let object = try JSONFieldReading.object(value) else { return nil }
        var conversation = Conversation()
        for member in object.members {
            let value = member.value
            do throws(DeliveryDecodingError) {
                switch member.key {
                case "session_id": conversation.sessionID = try JSONFieldReading.string(value)
                case "agent_id": conversation.agentID = try JSONFieldReading.string(value)
                case "agent_name": conversation.agentName = try JSONFieldReading.string(value)
                case "audio_url": conversation.audioURL = try JSONFieldReading.string(value)
                case "audio_url_expires_at": conversation.audioURLExpiresAt = try JSONFieldReading.date(value)
                case "created_at": conversation.createdAt = try JSONFieldReading.date(value)
                case "start_time": conversation.startTime = try JSONFieldReading.date(value)
                case "agent_joined_at": conversation.agentJoinedAt = try JSONFieldReading.date(value)
                case "duration_seconds": conversation.durationSeconds = try JSONFieldReading.number(value)
                case "history": conversation.history = try history(value)
                case "telecom_provider": conversation.telecomProvider = try JSONFieldReading.string(value)
                case "from_number": conversation.fromNumber = try JSONFieldReading.string(value)
                case "to_number": conversation.toNumber = try JSONFieldReading.string(value)
                case "campaign_item_id": conversation.campaignItemID = try JSONFieldReading.string(value)
                case "campaign_id": conversation.campaignID = try JSONFieldReading.string(value)
                case "campaign_name": conversation.campaignName = try JSONFieldReading.string(value)
                case "url_parameters": conversation.urlParameters = try JSONFieldReading.stringDictionary(value)
                case "test_run_id": conversation.testRunID = try JSONFieldReading.string(value)
                case "test_id": conversation.testID = try JSONFieldReading.string(value)
                case "test_status": conversation.testStatus = try JSONFieldReading.string(value)
                case "test_eval_result": conversation.evalResult = try evalResult(value)
                default: break
                }
            } catch {
                throw error.under(key: member.key)
            }
        }
        return conversation
    }

    private func history(_ value: JSONValue) throws(DeliveryDecodingError) -> [HistoryItem] {
        switch value {
        case .null:
            return []
        case .array(let elements):
            var items: [HistoryItem] = []
            items.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                do throws(DeliveryDecodingError) {
                    if let item = try historyItem(element) { items.append(item) }
                } catch {
                    throw error.under(index: index)
                }
            }
            return items
        default:
            throw .typeMismatch(expected: "an array", found: value)
        }
    }

    private func historyItem(_ value: JSONValue) throws(DeliveryDecodingError) -> HistoryItem? {
        guard let object = try JSONFieldReading.object(value) else { return nil }
        var item = HistoryItem()
        // Gathered apart and set once, so that the item's out-of-line box is made once, if at all.
        var details = HistoryItem.ActionDetails()
        for member in object.members {
            let value = member.value
            do throws(DeliveryDecodingError) {
                switch member.key {
                case "role": item.role = try JSONFieldReading.string(value)
                case "content": item.content = try JSONFieldReading.text(value)
                case "kind": item.kind = try JSONFieldReading.string(value)
                case "id": item.id = try JSONFieldReading.string(value)
                case "created_at": item.createdAt = try JSONFieldReading.date(value)
                case "interrupted": item.interrupted = try JSONFieldReading.bool(value)
                case "transcript_confidence": item.transcriptConfidence = try JSONFieldReading.number(value)
                case "metrics": item.metrics = try metrics(value)
                case "tool_name": details.toolName = try JSONFieldReading.string(value)
                case "tool_call_id": details.toolCallID = try JSONFieldReading.string(value)
                case "tool_arguments_json": details.toolArgumentsJSON = try JSONFieldReading.string(value)
                case "tool_output": details.toolOutput = try JSONFieldReading.text(value)
                case "tool_is_error": details.toolIsError = try JSONFieldReading.bool(value)
                case "handoff_to_agent_id": details.handoffToAgentID = try JSONFieldReading.string(value)
                case "instructions": details.instructions = try JSONFieldReading.text(value)
                case "tools_added": details.toolsAdded = try JSONFieldReading.strings(value)
                default: break
                }
            } catch {
                throw error.under(key: member.key)
            }
        }
        if !details.isEmpty { item.actionDetails = details }
        return item
    }

    /// The turn's metrics, or `nil` when none of them was measured.
    private func metrics(_ value: JSONValue) throws(DeliveryDecodingError) -> TurnMetrics? {
        guard let object = try JSONFieldReading.object(value) else { return nil }
        var metrics = TurnMetrics()
        for member in object.members {
            let value = member.value
            do throws(DeliveryDecodingError) {
                switch member.key {
                case "started_speaking_at": metrics.startedSpeakingAt = try JSONFieldReading.date(value)
                case "stopped_speaking_at": metrics.stoppedSpeakingAt = try JSONFieldReading.date(value)
                case "transcription_delay": metrics.transcriptionDelay = try JSONFieldReading.measurement(value)
                case "end_of_turn_delay": metrics.endOfTurnDelay = try JSONFieldReading.measurement(value)
                case "on_user_turn_completed_delay":
                    metrics.onUserTurnCompletedDelay = try JSONFieldReading.measurement(value)
                case "llm_node_ttft": metrics.llmNodeTTFT = try JSONFieldReading.measurement(value)
                case "tts_node_ttfb": metrics.ttsNodeTTFB = try JSONFieldReading.measurement(value)
                case "e2e_latency": metrics.e2eLatency = try JSONFieldReading.measurement(value)
                default: break
                }
            } catch {
                throw error.under(key: member.key)
            }
        }
        return metrics.isEmpty ? nil : metrics
    }

    private func evalResult(_ value: JSONValue) throws(DeliveryDecodingError) -> EvalResult? {
        guard let object = try JSONFieldReading.object(value) else { return nil }
        var result = EvalResult()
        for member in object.members {
            let value = member.value
            do throws(DeliveryDecodingError) {
                switch member.key {
                case "success": result.success = try JSONFieldReading.bool(value)
                case "reasons": result.reasons = try JSONFieldReading.strings(value)
                case "completion_reason": result.completionReason = try JSONFieldReading.string(value)
                default: break
                }
            } catch {
                throw error.under(key: member.key)
            }
        }
        return result
    }
}
