/// Unicode's explicit directional formatting characters, which every report escaper removes.
///
/// Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069) make text display in
/// another order than it is stored, so payload text holding them could make a report read
/// differently from what it says (the "Trojan Source" trick): `failed` shown as `deliaf`, or a
/// reason appearing to belong to another test. Right-to-left text needs none of them to display
/// correctly, so removing them loses nothing. The implicit marks (U+200E, U+200F, U+061C) and
/// zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are kept: they cannot reorder
/// neighbouring text, and joiners are part of emoji and of many scripts.
public enum DirectionalFormatting {
    /// Whether the character is an embedding, override, isolate or their terminator.
    public static func isExplicit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
