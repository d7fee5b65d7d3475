@testable import Mustache
import Testing

@Suite("Expected part sizes")
struct PartSizesTests {
    @Test("Nothing is reserved before a part is done; then the average per item, and a quarter more")
    func expectedSize() {
        let sizes = PartSizes()
        #expect(sizes.expectedSize(ofItems: 8) == 0)
        sizes.record(800, items: 8)
        #expect(sizes.expectedSize(ofItems: 8) == 1_000)
        sizes.record(1_600, items: 8)
        #expect(sizes.expectedSize(ofItems: 4) == 750)
    }
}
