import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DOMParser } from "@xmldom/xmldom";
import { csvParseRows } from "d3-dsv";
import { simulate } from "@/lib/model";
import { presetParams, resolveScenario } from "@/lib/scenario/presets";
import {
  changedAssumptionRows,
  changedAssumptions,
  chartSvgDocument,
  escapeXml,
  exportFileName,
  exportSourceLine,
  runToCsv,
  seriesToCsv,
  svgDocumentSize,
  wrapText,
  type ChartSvgOptions,
} from "@/lib/export";

/**
 * Parses XML strictly: any warning, error or fatal error fails. xmldom lets a bare "&" and control
 * characters through, so those are checked lexically first (outside CDATA sections).
 */
function parseXml(xml: string) {
  const problems: string[] = [];
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(outsideCdata)) problems.push("bare &");
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(xml)) problems.push("character not allowed in XML");
  const doc = new DOMParser({ onError: (level, msg) => problems.push(`${level}: ${msg}`) }).parseFromString(xml, "image/svg+xml");
  return { doc, problems };
}

const textOf = (doc: ReturnType<typeof parseXml>["doc"]) => doc.documentElement?.textContent ?? "";

const chart: ChartSvgOptions = {
  markup: '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="300"><path d="M0,0L10,10" class="line"/><text x="5" y="20">2027</text></svg>',
  width: 640,
  height: 300,
  title: "Leading-edge wafers: supply vs demand",
  subtitle: "Baseline; demand exceeds capacity until 2027",
  units: "wafers / month",
  sourceLine: exportSourceLine("0.1.0", ["TSMC reports", "Epoch AI"]),
  changedAssumptions: ["Leading-edge wafer capacity vs plan: 1.2 × plan (preset: 1 × plan)"],
  scenarioUrl: "https://chokepoint.example/?v=1&p=baseline&wcs=1.2",
};

describe("seriesToCsv", () => {
  it("writes a header with units and one row per month", () => {
    const csv = seriesToCsv(["2024-01", "2024-02"], [
      { label: "Supply, wafers", unit: "wafers / month", values: new Float64Array([1.5, 2]) },
      { label: "Binding", unit: "", values: ["packaging", "demand"] },
      { label: "Price", unit: "index", values: [Number.NaN, null] },
    ]);
    expect(csv).toBe('month,"Supply, wafers (wafers / month)",Binding,Price (index)\n2024-01,1.5,packaging,\n2024-02,2,demand,\n');
  });

  it("exports a run: one row per month, units in the header, the model's numbers to the significant digits of their unit", () => {
    const run = simulate(resolveScenario({ presetId: "baseline", overrides: {} }));
    const csv = runToCsv(run, ["supply.wafer", "demand.wafer", "gpu.binding", "no.such.series"]);
    const rows = csvParseRows(csv.trimEnd());
    expect(rows[0][0]).toBe("month");
    expect(rows[0]).toHaveLength(4);
    expect(rows[0][1]).toBe(`${run.meta["supply.wafer"].label} (${run.meta["supply.wafer"].unit})`);
    expect(rows[0][3]).toBe(run.meta["gpu.binding"].label);
    expect(rows).toHaveLength(run.months.length + 1);
    rows.slice(1).forEach((r, t) => {
      expect(r[0]).toBe(run.months[t]);
      expect(Number(r[1])).toBe(Number(run.series["supply.wafer"][t].toPrecision(6)));
      expect(Number(r[2])).toBe(Number(run.series["demand.wafer"][t].toPrecision(6)));
      expect(r[3]).toBe(run.labels["gpu.binding"][t]);
    });
  });

  it("adds a pinned baseline's columns, aligned by month", () => {
    const run = simulate(resolveScenario({ presetId: "baseline", overrides: {} }));
    const base = simulate(resolveScenario({ presetId: "chronic", overrides: { endYear: 2030 } }));
    const rows = csvParseRows(runToCsv(run, ["supply.wafer"], base).trimEnd());
    expect(rows[0]).toEqual(["month", expect.stringContaining("capacity ("), expect.stringContaining(" — baseline (")]);
    expect(Number(rows[1][2])).toBe(Number(base.series["supply.wafer"][0].toPrecision(6)));
    expect(rows[rows.length - 1][2]).toBe(""); // 2032-12 is past the baseline's horizon
  });
});

describe("chartSvgDocument", () => {
  it("is well-formed XML with the title, subtitle, units, source, changed assumptions and URL", () => {
    const svg = chartSvgDocument(chart);
    const { doc, problems } = parseXml(svg);
    expect(problems).toEqual([]);
    expect(doc.documentElement?.nodeName).toBe("svg");
    expect(doc.documentElement?.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    const text = textOf(doc);
    for (const s of [chart.title, chart.subtitle!, "wafers / month", "Chokepoint model 0.1.0; data: TSMC reports, Epoch AI", "1.2 × plan (preset: 1 × plan)"]) expect(text).toContain(s);
    expect(text.replace(/\s+/g, "")).toContain(chart.scenarioUrl);
    expect(doc.getElementsByTagName("a")[0].getAttribute("href")).toBe(chart.scenarioUrl);
    expect(doc.getElementsByTagName("style")[0].textContent).toContain("font-family");
    expect(svg).not.toMatch(/<link|@import|url\(http/); // nothing to fetch
  });

  it("grows to hold the header and footer around the chart", () => {
    const { width, height } = svgDocumentSize(chartSvgDocument(chart));
    expect(width).toBe(640);
    expect(height).toBeGreaterThan(300 + 80);
  });

  it("wraps a long scenario URL and many assumptions within the width", () => {
    const long = { ...chart, scenarioUrl: `https://chokepoint.example/?v=1&${"wcs=1.2&".repeat(150)}`, changedAssumptions: Array.from({ length: 40 }, (_, i) => `Parameter ${i}: ${i} units (preset: 0 units)`) };
    const { doc, problems } = parseXml(chartSvgDocument(long));
    expect(problems).toEqual([]);
    const maxChars = (640 - 32) / (11 * 0.56);
    for (const t of Array.from(doc.getElementsByTagName("text"))) expect((t.textContent ?? "").length).toBeLessThanOrEqual(Math.ceil(maxChars));
    expect(textOf(doc).replace(/\s+/g, "")).toContain(long.scenarioUrl.replace(/\s+/g, ""));
  });

  it("escapes hostile titles, subtitles, assumptions and URLs", () => {
    const hostile = {
      ...chart,
      title: '</text><script>alert(1)</script> & "quotes" \'single\' <![CDATA[x]]> \u0000\u0007\uD800 ok',
      subtitle: "]]></style><svg onload=alert(1)>",
      units: "<b>",
      changedAssumptions: ["a & b < c", '"><foreignObject>'],
      scenarioUrl: 'https://x.example/?v=1&p="onmouseover=alert(1)',
      css: ".line{stroke:red}]]><script>x</script>",
    };
    const svg = chartSvgDocument(hostile);
    const { doc, problems } = parseXml(svg);
    expect(problems).toEqual([]);
    expect(doc.getElementsByTagName("script")).toHaveLength(0);
    expect(doc.getElementsByTagName("foreignObject")).toHaveLength(0);
    expect(doc.getElementsByTagName("title")[0].textContent).toBe('</text><script>alert(1)</script> & "quotes" \'single\' <![CDATA[x]]>  ok');
    expect(doc.getElementsByTagName("a")[0].getAttribute("href")).toBe(hostile.scenarioUrl);
  });

  it("stays well-formed for any title and URL text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ maxLength: 300 }), (title, url) => {
        const { problems } = parseXml(chartSvgDocument({ ...chart, title, subtitle: title, scenarioUrl: url, changedAssumptions: [title] }));
        expect(problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("embeds chart markup that comes with an XML declaration", () => {
    const { problems } = parseXml(chartSvgDocument({ ...chart, markup: `<?xml version="1.0"?>\n${chart.markup}` }));
    expect(problems).toEqual([]);
  });
});

describe("the XML check used here", () => {
  it("catches what a lenient parser lets through", () => {
    expect(parseXml("<svg><text>a & b</text></svg>").problems).toEqual(["bare &"]);
    expect(parseXml("<svg><text>\u0001</text></svg>").problems).toEqual(["character not allowed in XML"]);
    expect(() => parseXml("<svg><g></svg>")).toThrow();
  });
});

describe("escapeXml and wrapText", () => {
  it("escape the five XML specials and drop characters XML cannot hold", () => {
    expect(escapeXml(`<a href="x">&'</a>\u0001`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
  });

  it("wrap at spaces and hard-break long words", () => {
    expect(wrapText("one two three four", 9)).toEqual(["one two", "three", "four"]);
    expect(wrapText("x".repeat(20), 8)).toEqual(["xxxxxxxx", "xxxxxxxx", "xxxx"]);
  });
});

describe("exportFileName", () => {
  it("says chart, preset and date", () => {
    expect(exportFileName("supply-demand", "baseline", new Date(2026, 10, 23), "svg")).toBe("chokepoint_supply-demand_baseline_2026-11-23.svg");
    expect(exportFileName("Revenue / GPU-hour", "tokens-rationed", "2027-01-05", "png")).toBe("chokepoint_revenue-gpu-hour_tokens-rationed_2027-01-05.png");
    expect(exportFileName("../../etc/passwd", "", "2027-01-05", "csv")).toBe("chokepoint_etc-passwd_untitled_2027-01-05.csv");
  });
});

describe("changedAssumptions", () => {
  it("lists each changed parameter, the policy and formulas against the preset's values, in catalog order", () => {
    // inducedResponse is set to the preset's own value, so it is not a change.
    const lines = changedAssumptions({
      presetId: "chronic",
      overrides: { packagingLeadMonths: 18, waferCapacityScale: 1.2, inducedResponse: presetParams("chronic").inducedResponse },
      policy: "degrade",
      formulas: { agentHours: "base * 2" },
    });
    expect(lines).toEqual([
      expect.stringMatching(/^.+: 1\.2 × plan \(preset: 1 × plan\)$/),
      expect.stringMatching(/^.+: 18 months \(preset: 12 months\)$/),
      "Throttling policy: Degrade (preset: Priority)",
      "Agent-hours (million agent-hours / month): formula base * 2 (preset: default path)",
    ]);
  });

  it("carries provenance for the brief and lists nothing for the preset as is", () => {
    const rows = changedAssumptionRows({ presetId: "baseline", overrides: { pue: 1.5 } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: "pue", value: "1.5 × IT power", presetValue: "1.3 × IT power" });
    expect(rows[0].provenance).toBeDefined();
    expect(changedAssumptions({ presetId: "baseline", overrides: {} })).toEqual([]);
  });
});
