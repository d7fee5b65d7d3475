/// Takes rendered text piece by piece, in order: a file being written, a pipe, a buffer.
///
/// Rendering into a sink keeps memory flat however long the text is. It is called on the thread
/// that renders, one piece at a time, never concurrently for one render.
public typealias TextSink = @Sendable (String) -> Void
