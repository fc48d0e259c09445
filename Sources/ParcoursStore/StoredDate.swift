import Foundation
import GRDB
import ParcoursModel

/// Dates as GRDB stores them (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), written without a date formatter
/// for whole seconds (every date of a Pix export): a formatter per row would cost more than the
/// insert itself. Other dates go through GRDB, so that the text is the same either way.
package enum StoredDate {
    /// The text GRDB stores for `date`.
    package static func text(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let fallback = { String.fromDatabaseValue(date.databaseValue) ?? "" }
        guard seconds.rounded() == seconds, abs(seconds) < 1e11 else { return fallback() }
        let whole = Int(seconds)
        let day = CalendarDay(dayNumber: Int((Double(whole) / 86_400).rounded(.down)))
        guard (1900...9999).contains(day.year) else { return fallback() }
        let secondOfDay = whole - day.dayNumber * 86_400
        var text: [UInt8] = []
        text.reserveCapacity(23)
        func append(_ value: Int, digits: Int) {
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        append(day.year, digits: 4)
        text.append(UInt8(ascii: "-"))
        append(day.month, digits: 2)
        text.append(UInt8(ascii: "-"))
        append(day.day, digits: 2)
        text.append(UInt8(ascii: " "))
        append(secondOfDay / 3600, digits: 2)
        text.append(UInt8(ascii: ":"))
        append(secondOfDay / 60 % 60, digits: 2)
        text.append(UInt8(ascii: ":"))
        append(secondOfDay % 60, digits: 2)
        text.append(contentsOf: ".000".utf8)
        return String(decoding: text, as: UTF8.self)
    }
}
