import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Freeing in the background")
struct BackgroundReleaseTests {
    /// Records the thread its last reference went on.
    private final class Tracked: @unchecked Sendable {
        let freed: DispatchSemaphore
        let freedOnCaller: NSLock.Protected<Bool?>
        let caller: Thread

        init(freed: DispatchSemaphore, freedOnCaller: NSLock.Protected<Bool?>) {
            self.freed = freed
            self.freedOnCaller = freedOnCaller
            caller = Thread.current
        }

        deinit {
            freedOnCaller.set(Thread.current == caller)
            freed.signal()
        }
    }

    @Test("the value is freed on another thread than the caller's")
    func freedOffTheCallersThread() {
        // Which side lets go last depends on timing: each round is one more chance for the
        // background block to run before the caller returns.
        for _ in 0..<200 {
            let freed = DispatchSemaphore(value: 0)
            let freedOnCaller = NSLock.Protected<Bool?>(nil)
            BackgroundRelease.release([Tracked(freed: freed, freedOnCaller: freedOnCaller)])
            freed.wait()
            #expect(freedOnCaller.value == false)
        }
    }
}

extension NSLock {
    /// A value read and written under a lock, for the test above.
    final class Protected<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Value

        init(_ value: Value) { stored = value }

        var value: Value { lock.withLock { stored } }

        func set(_ value: Value) { lock.withLock { stored = value } }
    }
}
