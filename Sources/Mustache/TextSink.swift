/// Takes rendered text piece by piece, in order: a file being written, a pipe, a buffer.
///
/// Each piece is UTF-8 bytes, ready to write as they are: about a megabyte, or the text of one
/// part of a long list (see ``ListConcurrency``). Pieces are cut between list items, so they
/// are always whole characters, and joined they are exactly the bytes of the text that
/// rendering to a `String` gives. Rendering into a sink keeps memory flat however long the
/// text is. The sink is called on the thread that renders, one piece at a time, never
/// concurrently for one render; it may keep the piece.
public typealias TextSink = @Sendable (_ piece: [UInt8]) -> Void
