import Foundation
import ParcoursOutput

/// An OpenDocument package: a ZIP whose first entry is the uncompressed `mimetype`, then the
/// manifest, content, styles and metadata (OpenDocument 1.3, part 2 §3), all stored.
enum OpenDocumentPackage {
    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" \
        xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
        """

    /// The package's bytes.
    static func data(mediaType: String, title: String, content: String, styles: String) -> Data {
        let manifest = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
             <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="\(mediaType)"/>
             <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
             <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
             <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
            </manifest:manifest>
            """
        let meta = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-meta \(namespaces) office:version="1.3"><office:meta>\
            <dc:title>\(HTMLText.escape(title))</dc:title><meta:generator>Parcours</meta:generator>\
            <dc:language>fr-FR</dc:language></office:meta></office:document-meta>
            """
        return StoredZIP.archive([
            ("mimetype", Data(mediaType.utf8)), ("META-INF/manifest.xml", Data(manifest.utf8)),
            ("content.xml", Data(content.utf8)), ("styles.xml", Data(styles.utf8)), ("meta.xml", Data(meta.utf8)),
        ])
    }

    /// Page layout and the paragraph styles every Parcours document uses: A4, 2 cm margins; spreadsheets
    /// print landscape, scaled to the page width.
    static func styles(spreadsheet: Bool = false) -> String {
        let page =
            spreadsheet
            ? "fo:page-width=\"29.7cm\" fo:page-height=\"21cm\" style:print-orientation=\"landscape\" style:scale-to-X=\"1\" style:scale-to-Y=\"0\""
            : "fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" style:print-orientation=\"portrait\""
        return
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-styles \(namespaces) office:version="1.3">
            <office:styles>
             <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.18cm"/>\
            <style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans'" fo:font-size="10.5pt" fo:language="fr" fo:country="FR"/></style:default-style>
             <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
             <style:style style:name="Title" style:family="paragraph" style:class="chapter"><style:paragraph-properties fo:text-align="center" fo:margin-top="3cm" fo:margin-bottom="0.5cm"/><style:text-properties fo:font-size="20pt" fo:font-weight="bold"/></style:style>
             <style:style style:name="Subtitle" style:family="paragraph" style:class="chapter"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="1cm"/><style:text-properties fo:font-size="13pt"/></style:style>
             <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1" style:class="text"><style:paragraph-properties fo:margin-top="0.6cm" fo:margin-bottom="0.25cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="15pt" fo:font-weight="bold" fo:color="#1f3864"/></style:style>
             <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2" style:class="text"><style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="12.5pt" fo:font-weight="bold"/></style:style>
             <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:default-outline-level="3" style:class="text"><style:paragraph-properties fo:margin-top="0.3cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="11pt" fo:font-weight="bold" fo:font-style="italic"/></style:style>
             <style:style style:name="Strong" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
             <style:style style:name="Field" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm" fo:padding-bottom="0.1cm" fo:border-bottom="0.5pt dotted #000000"/></style:style>
             <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph"><style:text-properties fo:font-weight="bold" fo:font-size="9.5pt"/></style:style>
             <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0cm"/><style:text-properties fo:font-size="9.5pt"/></style:style>
            </office:styles>
            <office:automatic-styles>
             <style:page-layout style:name="A4"><style:page-layout-properties \(page) \
            fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.8cm" fo:margin-right="1.8cm"/></style:page-layout>
            </office:automatic-styles>
            <office:master-styles><style:master-page style:name="\(spreadsheet ? "Default" : "Standard")" style:page-layout-name="A4"/></office:master-styles>
            </office:document-styles>
            """
    }
}
