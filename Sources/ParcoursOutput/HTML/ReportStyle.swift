/// The style of Parcours's HTML documents: one look for the diagnosis and the plan's documents, on
/// screen and printed.
public enum ReportStyle {
    /// The style of every report: type, colours, tables, cards, figures, print.
    public static let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;padding:24px 32px;\
        color:#222;background:#f3f5f7;max-width:1240px}
        h1{font-size:26px;margin:0 0 4px}h2{font-size:22px;margin:28px 0 12px;border-bottom:3px solid #bd0026;\
        padding-bottom:4px}h3{font-size:16px;margin:0 0 10px}
        .meta{color:#555;margin:0}.note{color:#666;font-size:12px}
        .figures{display:flex;gap:12px;margin-bottom:14px;flex-wrap:wrap}
        .figure{background:#fff;border-radius:8px;padding:10px 16px;min-width:150px;box-shadow:0 1px 2px #0002}
        .figure strong{display:block;font-size:26px;color:#bd0026}.figure span{color:#555;font-size:13px}
        .card{background:#fff;border-radius:8px;padding:14px 16px;margin:0 0 14px;box-shadow:0 1px 2px #0002}
        figure.card{margin:0 0 14px}figcaption{font-size:12px;color:#555;margin-top:6px;line-height:1.6}
        .row{display:flex;gap:14px;align-items:flex-start;flex-wrap:wrap}.row>.card{flex:0 0 auto}
        .row>.side{flex:1 1 340px}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:4px 6px;\
        border-bottom:1px solid #e3e3e3;vertical-align:top}th{background:#fafafa}td.n{text-align:right}
        .legend{columns:2;font-size:12px;color:#444;padding-left:18px;margin:8px 0 0}
        .scale svg{vertical-align:middle}
        svg text{font-family:inherit}svg .code{font-size:12px;font-weight:600}svg .row-label{font-size:12px}
        svg .cell{font-size:11px}svg .note{font-size:11px;fill:#555}svg .map-label{font-size:11px;fill:#222;\
        paint-order:stroke;stroke:#f7fafc;stroke-width:3px}
        abbr{text-decoration:none;border-bottom:1px dotted #999}.agents td:first-child{white-space:nowrap}
        footer{font-size:13px;color:#444;margin-top:24px}
        """

    /// What the plan's documents add: sub-headings of figures, the adoption line, print rules.
    static let planCSS = """
        header{margin-bottom:16px}h4{font-size:13px;margin:10px 0 4px;color:#444}.empty{color:#666;font-style:italic}
        .sign{margin-top:28px;color:#333}.annex h2{border-bottom-color:#253494}
        figure.card.side{flex:1 1 480px}ul{margin:4px 0 8px;padding-left:20px}\
        .row>figure.map-card{flex:0 0 560px;max-width:560px}.figures .figure{flex:1 1 0;min-width:120px}
        @media print{body{background:#fff;padding:0;max-width:none}.card,.figure{box-shadow:none;border:1px solid #ddd}\
        figure,.figure,tr,.sign{break-inside:avoid}h2,h3,thead{break-after:avoid}.scroll{overflow:visible}\
        .annex{break-before:page}.figure strong{font-size:19px;white-space:nowrap}}
        """
}
