/// Spreadsheet formula injection: a cell whose text starts with `=`, `+`, `-` or `@` is run as a
/// formula by Excel. Writers neutralise such text with a leading `'`, as Pix itself does in its
/// exports; readers of such files take that `'` off again.
public enum FormulaNeutralisation {
    /// The first characters that make a spreadsheet read a cell as a formula.
    public static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@"]

    /// `text` made safe for a spreadsheet: `'` put in front of a formula trigger (and of a tab or
    /// carriage return, which some spreadsheets skip before one).
    public static func neutralise(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, isTrigger(first) else { return text }
        return "'" + text
    }

    /// The text a neutralised cell stood for: a leading `'` followed by a trigger (or a tab or
    /// carriage return) is removed; anything else is returned unchanged.
    public static func restore(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first, isTrigger(second) else { return text }
        return String(scalars.dropFirst())
    }

    private static func isTrigger(_ scalar: Unicode.Scalar) -> Bool {
        triggers.contains(scalar) || scalar == "\t" || scalar == "\r"
    }
}
