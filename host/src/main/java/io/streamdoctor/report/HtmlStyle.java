package io.streamdoctor.report;

/** The report's inline stylesheet: system fonts, print-friendly, no external assets. */
final class HtmlStyle {
  private HtmlStyle() {}

  static final String CSS = """
      :root{color-scheme:light;--ink:#1d2330;--mute:#5d6675;--line:#e3e6ec;--red:#d0312d;--blue:#4a7fd4}
      *{box-sizing:border-box}
      body{margin:0;background:#f4f5f8;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
      main{max-width:960px;margin:0 auto;padding:24px}
      header{margin-bottom:16px}
      .brand{margin:0;color:var(--mute);font-size:13px;letter-spacing:.06em;text-transform:uppercase}
      h1{margin:2px 0 4px;font-size:26px}
      h2{margin:0 0 10px;font-size:17px}
      h3{margin:14px 0 6px;font-size:14px;color:var(--mute);text-transform:uppercase;letter-spacing:.04em}
      .meta{margin:0;color:var(--mute);font-size:13px;word-break:break-all}
      section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:14px 0}
      .verdict{border-left:6px solid var(--red)}
      .cause{margin:0;font-size:21px;font-weight:600}
      .finding{border-top:1px solid var(--line);padding-top:10px;margin-top:10px}
      .finding:first-of-type{border-top:0;margin-top:0;padding-top:0}
      .finding .title{margin:0;font-weight:600;font-size:16px}
      .conf{margin:4px 0;color:var(--mute);font-size:13px}
      .meter{display:inline-block;vertical-align:middle;width:120px;height:8px;margin-left:6px;background:var(--line);border-radius:4px;overflow:hidden}
      .meter span{display:block;height:100%;background:var(--blue)}
      table.ev{border-collapse:collapse;width:100%;font-size:14px}
      .ev td,.ev th{border-top:1px solid var(--line);padding:5px 8px;vertical-align:top;text-align:left}
      .ev th{color:var(--mute);font-weight:500;font-size:12px}
      .ev td.t{white-space:nowrap;text-align:right;color:var(--mute);font-variant-numeric:tabular-nums;width:7em}
      .ev td.n{width:2em;color:#6b6b9e;font-weight:600;text-align:right}
      .remedies{margin:4px 0 0;padding-left:22px}
      .ruled{margin:0;padding-left:18px}
      .ruled li{margin-bottom:6px}
      code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f0f2f6;padding:1px 4px;border-radius:4px}
      svg.timeline{width:100%;height:auto;font:11px system-ui,sans-serif}
      .legend{margin:6px 0 0;color:var(--mute);font-size:12px}
      .sw{display:inline-block;width:14px;height:10px;margin:0 4px 0 12px;vertical-align:middle;border-radius:2px}
      .sw.bar{background:var(--blue)}
      .sw.hatch{background:repeating-linear-gradient(45deg,#e8a33d 0 3px,#fde7c4 3px 6px)}
      .sw.line{height:2px;background:var(--blue)}
      .sw.dot{width:10px;border-radius:50%;background:#6b6b9e}
      .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:8px 18px;margin:0}
      .facts dt{color:var(--mute);font-size:12px}
      .facts dd{margin:0;font-variant-numeric:tabular-nums}
      footer{color:var(--mute);font-size:12px;margin:18px 4px}
      @media print{body{background:#fff}section{break-inside:avoid}}
      """;
}
