import Foundation
import Hummingbird

/// The one file of a `multipart/form-data` form (RFC 7578), as a browser sends an upload without
/// script: its field's file name and bytes.
struct MultipartFile {
    let fileName: String
    let data: Data

    /// The file of field `field` in `body`, sent with `contentType`; nil when the form has none.
    init?(field: String, body: Data, contentType: String) {
        guard
            let boundaryParameter = contentType.split(separator: ";").map({
                $0.trimmingCharacters(in: .whitespaces)
            }).first(where: { $0.hasPrefix("boundary=") })
        else { return nil }
        let boundary = boundaryParameter.dropFirst("boundary=".count).trimmingCharacters(in: ["\""])
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var searchFrom = body.startIndex
        while let start = body.range(of: delimiter, in: searchFrom..<body.endIndex) {
            let partStart = start.upperBound + 2  // the CRLF after the delimiter
            guard partStart < body.endIndex,
                let next = body.range(of: Data("\r\n".utf8) + delimiter, in: partStart..<body.endIndex),
                let headers = body.range(of: headerEnd, in: partStart..<next.lowerBound)
            else { return nil }
            let headerText = String(decoding: body[partStart..<headers.lowerBound], as: UTF8.self)
            if let disposition = Self.disposition(headerText), disposition.name == field,
                let fileName = disposition.fileName
            {
                self.fileName = fileName
                data = Data(body[headers.upperBound..<next.lowerBound])
                return
            }
            searchFrom = next.lowerBound
        }
        return nil
    }

    /// The `name` and `filename` parameters of a part's `Content-Disposition` header.
    private static func disposition(_ headers: String) -> (name: String, fileName: String?)? {
        guard
            let line = headers.split(separator: "\r\n").first(where: {
                $0.lowercased().hasPrefix("content-disposition:")
            })
        else { return nil }
        var name: String?
        var fileName: String?
        for parameter in line.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\""])
            switch parts[0].trimmingCharacters(in: .whitespaces).lowercased() {
            case "name": name = value
            case "filename": fileName = (value as NSString).lastPathComponent
            default: break
            }
        }
        return name.map { ($0, fileName) }
    }
}
