extension String {
    /// A string made from UTF-8 bytes that the JSON scanner has already checked, character by
    /// character, on its way to the closing quote.
    ///
    /// `String(decoding:as:)` would check every byte a second time; for the strings of a
    /// delivery that second pass cost as much as scanning them. The caller must only pass
    /// bytes it has checked to be valid UTF-8 (overlong forms, surrogates and values above
    /// U+10FFFF rejected, as ``JSONScanner`` does), and `isASCII` only when every byte is below
    /// 0x80: the string trusts both. Where the standard library has no such initializer, the
    /// bytes are decoded the checking way.
    init(alreadyValidatedUTF8 bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        if #available(macOS 26.0, iOS 26.0, tvOS 26.0, watchOS 26.0, visionOS 26.0, *) {
            self = String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
        } else {
            self = String(decoding: bytes, as: UTF8.self)
        }
    }
}
