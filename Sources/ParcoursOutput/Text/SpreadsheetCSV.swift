import ParcoursCSV
import ParcoursModel

/// The CSV conventions of the spreadsheets people open: French Excel (`;`, decimal comma, BOM) for a
/// French document; `,` and decimal point in English.
enum SpreadsheetCSV {
    static func writer(_ language: Language) -> CSVWriter {
        language == .french
            ? CSVWriter() : CSVWriter(separator: UInt8(ascii: ","), decimalSeparator: UInt8(ascii: "."))
    }
}
