package io.warden.core.report;

/** The HTML report's style sheet, inlined into every page: system fonts only, nothing loaded from anywhere. */
final class HtmlStyle {
    private HtmlStyle() {}

    static final String CSS = """
            :root {
              --fg: #1d2433; --muted: #667085; --line: #e4e7ec; --bg: #f5f7fa; --card: #ffffff;
              --blue: #2563eb; --secret: #c2410c; --id: #2563eb; --quasi: #0f766e;
              --ok: #067647; --ok-bg: #ecfdf3; --bad: #b42318; --bad-bg: #fef3f2;
              --warn-bg: #fffaeb; --warn: #b54708;
              --mono: ui-monospace, "SF Mono", "Cascadia Mono", "Roboto Mono", Menlo, Consolas, "Liberation Mono",
                monospace;
            }
            * { box-sizing: border-box; }
            html { background: var(--bg); }
            body { margin: 0; color: var(--fg); font: 14.5px/1.5 system-ui, -apple-system, "Segoe UI", Roboto,
              "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
              -webkit-font-smoothing: antialiased; }
            main { max-width: 1120px; margin: 0 auto; padding: 32px 28px 48px; }
            h1 { font-size: 20px; font-weight: 600; margin: 2px 0 16px; overflow-wrap: anywhere; }
            h2 { font-size: 16px; font-weight: 600; margin: 0 0 14px; }
            .mono, code { font-family: var(--mono); }
            code, td.mono, th.mono, span.mono { font-size: 0.92em; }
            code { background: #f2f4f7; padding: 1px 5px; border-radius: 4px; }
            .muted { color: var(--muted); }
            .small { font-size: 13px; }
            .eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; font-weight: 600;
              color: var(--blue); }
            header { margin-bottom: 20px; }
            dl.meta { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 1px; margin: 0;
              background: var(--line); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
            dl.meta > div { background: var(--card); padding: 10px 14px; }
            dt { font-size: 12px; color: var(--muted); }
            dd { margin: 2px 0 0; font-weight: 500; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
            .banner { display: flex; gap: 14px; align-items: flex-start; border-radius: 10px; padding: 14px 18px;
              margin-bottom: 20px; border: 1px solid; }
            .banner .mark { font-size: 20px; line-height: 1.2; font-weight: 700; }
            .banner strong { font-size: 15.5px; }
            .banner.pass { background: var(--ok-bg); color: var(--ok); border-color: #abefc6; }
            .banner.fail { background: var(--bad-bg); color: var(--bad); border-color: #fecdca; }
            .banner.neutral { background: var(--card); color: var(--muted); border-color: var(--line);
              display: block; }
            .banner.values { background: var(--warn-bg); color: var(--warn); border-color: #fedf89; display: block; }
            .banner table { margin-top: 10px; background: #fff; border-radius: 6px; color: var(--fg); }
            .figures { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 14px;
              margin-bottom: 20px; }
            .card .figures { margin: 4px 0 10px; }
            .figure { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
            .figure .big { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
            .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 20px 22px;
              margin-bottom: 20px; }
            .empty { color: var(--muted); margin: 0; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
            th, td { padding: 6px 10px; text-align: left; border-bottom: 1px solid var(--line);
              vertical-align: middle; }
            thead th { font-size: 12px; font-weight: 600; color: var(--muted); border-bottom: 1px solid #d0d5dd; }
            tbody tr:last-child > * { border-bottom: 0; }
            .num { text-align: right; white-space: nowrap; }
            table.findings tbody tr:nth-child(even) { background: #fafbfc; }
            td.value { color: var(--warn); overflow-wrap: anywhere; }
            .tag { display: inline-block; font-family: var(--mono); font-size: 12px; padding: 1px 7px;
              border-radius: 999px; border: 1px solid; white-space: nowrap; }
            .tag.k-secret { color: var(--secret); border-color: #fbc9a8; background: #fff6ed; }
            .tag.k-id { color: var(--id); border-color: #bfd3fe; background: #eff4ff; }
            .tag.k-quasi { color: var(--quasi); border-color: #99e0d4; background: #effcf9; }
            table.heat { width: auto; min-width: 50%; }
            table.heat th[scope=row] { font-weight: 500; white-space: nowrap; max-width: 260px; overflow: hidden;
              text-overflow: ellipsis; }
            table.heat th.rot { vertical-align: bottom; padding: 6px 4px; }
            table.heat th.rot span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
              font-family: var(--mono); font-weight: 500; }
            td.cell { text-align: center; font-size: 12.5px; min-width: 40px; border: 2px solid #fff;
              border-radius: 4px; }
            td.cell.dark { color: #fff; }
            td.cell.zero { color: #c0c5cf; }
            .share { display: flex; align-items: center; gap: 10px; min-width: 200px; }
            .track { flex: 1; height: 8px; background: #eef1f5; border-radius: 4px; overflow: hidden; }
            .fill { height: 100%; background: var(--blue); border-radius: 4px; }
            .share span { width: 52px; text-align: right; font-variant-numeric: tabular-nums; }
            svg.chart { display: block; max-width: 1000px; font-size: 13px; }
            svg .lbl { font-family: var(--mono); font-size: 12.5px; fill: var(--fg); }
            svg .val { font-size: 12px; fill: var(--muted); font-variant-numeric: tabular-nums; }
            svg .axis { font-size: 12px; fill: var(--muted); }
            svg .axis.title { font-size: 12.5px; }
            svg .grid { stroke: #eef1f5; }
            svg .base { stroke: #98a2b3; }
            svg .k-secret, .legend i.k-secret { fill: var(--secret); background: var(--secret); }
            svg .k-id, .legend i.k-id { fill: var(--id); background: var(--id); }
            svg .k-quasi, .legend i.k-quasi { fill: var(--quasi); background: var(--quasi); }
            svg .risky, .legend i.risky { fill: #f04438; background: #f04438; }
            svg .safe, .legend i.safe { fill: #98a2b3; background: #98a2b3; }
            .legend { display: flex; gap: 18px; font-size: 12.5px; color: var(--muted); margin-top: 8px; }
            .legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
            h2 .count { font-size: 12px; font-weight: 600; background: var(--warn-bg); color: var(--warn);
              border-radius: 999px; padding: 1px 8px; margin-left: 6px; vertical-align: 2px; }
            ul.warnings { margin: 0; padding-left: 20px; }
            ul.warnings li { margin: 3px 0; overflow-wrap: anywhere; }
            footer { color: var(--muted); font-size: 12.5px; margin-top: 28px; text-align: center; }
            @media (max-width: 760px) { dl.meta, .figures { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
            @media print { html { background: #fff; } .card, .figure { break-inside: avoid; } }
            """;
}
