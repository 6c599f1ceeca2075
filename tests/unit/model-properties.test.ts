import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { simulate, PARAMS, GPUS, defaultParams, type Run, type ThrottlePolicy } from "@/lib/model";
import { HBM_GENERATIONS, HBM_OUTSIDE_VENDORS, PARAM_BY_ID, VENDORS } from "@/lib/model/catalog";
import { monthIndex } from "@/lib/model/time";
import { CLAIMS, measureValue, type Measure } from "@/lib/scenario/calibration";
import { PRESETS, presetParams } from "@/lib/scenario/presets";

/**
 * Properties of the model over random valid scenarios (docs/model.md §13). Every scenario draws
 * each catalog parameter within its [min, max]; the horizon stays at the default so runs are
 * comparable (each test may take many runs: timeouts are 120 s for a loaded machine). Seeds are fixed so a failure reproduces; shrinking is off (a scenario has over a
 * hundred parameters and a shrink would take minutes), so a failure prints the drawn scenario.
 */

const POLICIES: readonly ThrottlePolicy[] = ["proportional", "priority", "degrade"];
const DEFAULTS = defaultParams();
const FREE = PARAMS.filter((p) => p.id !== "endYear");

/** Runs the model on catalog defaults overlaid with `over`. */
const run = (over: Record<string, number> = {}, policy: ThrottlePolicy = "priority"): Run => simulate({ params: { ...DEFAULTS, ...over }, policy });

/** A random valid scenario: every parameter (but the horizon) uniform within its [min, max]. */
const scenarioArb: fc.Arbitrary<Record<string, number>> = fc.record(
  Object.fromEntries(FREE.map((p) => [p.id, fc.double({ min: p.min, max: p.max, noNaN: true, noDefaultInfinity: true })])),
);
const policyArb = fc.constantFrom(...POLICIES);

/** fast-check settings: fixed seed, no shrinking (see above). */
const opts = (numRuns: number, seed: number) => ({ numRuns, seed, endOnFailure: true });

/** The parameters of a scenario that differ from the defaults, rounded for a readable report. */
const diff = (sc: Record<string, number>) => Object.fromEntries(Object.entries(sc).filter(([k, v]) => DEFAULTS[k] !== v).map(([k, v]) => [k, Number(v.toPrecision(6))]));

/** Month index a shortage clears: -1 when never short, 10 000 when still short at the horizon. */
function clearIndex(r: Run, id: string): number {
  const status = r.metrics[`shortageStatus.${id}`];
  if (status === "none") return -1;
  const m = r.metrics[`clearsAt.${id}`];
  return typeof m === "string" ? r.months.indexOf(m) : 10_000;
}

const unserved = (r: Run) => r.metrics["cumulativeUnservedTokens"] as number;
const sum = (s: Float64Array) => s.reduce((a, b) => a + b, 0);
/** |a − b| within a relative tolerance of the larger magnitude, or an absolute floor. */
const close = (a: number, b: number, rel = 1e-9, abs = 1e-6) => Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));

/**
 * One shared sample of random scenarios (seeded) for the finiteness, conservation and allocation
 * checks, each run once and cached, so the checks cost one run per scenario in all.
 */
const SAMPLE = fc.sample(fc.tuple(scenarioArb, policyArb), { seed: 31, numRuns: 200 });
const sampleRuns: (Run | undefined)[] = [];
function overScenarios(check: (r: Run, sc: Record<string, number>) => void) {
  SAMPLE.forEach(([sc, policy], i) => check((sampleRuns[i] ??= run(sc, policy)), sc));
}

const fail = (what: string, r: Run, t: number, a: number, b: number, sc: Record<string, number>) => {
  throw new Error(`${what} at ${r.months[t]}: ${a} vs ${b} in ${JSON.stringify(diff(sc))}`);
};

describe("every series is finite and non-negative", { timeout: 120_000 }, () => {
  it("over random valid scenarios and policies", () => {
    overScenarios((r, sc) => {
      for (const [id, s] of Object.entries(r.series)) {
        for (let t = 0; t < s.length; t++) {
          if (!Number.isFinite(s[t]) || s[t] < 0) throw new Error(`${id}[${r.months[t]}] = ${s[t]} in ${JSON.stringify(diff(sc))}`);
        }
      }
      for (const [id, v] of Object.entries(r.metrics)) if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`metric ${id} = ${v}`);
    });
  });
});

/**
 * Properties the model breaks today, each reproduced with a fixed seed and described in docs/model.md §18
 * ("Limitations and what the tests find today"). They run as `it.fails`: visible in every run, and red the day the
 * model stops breaking them (then they move back to `it`). A property breaking that is not listed fails the suite.
 */
const KNOWN_GAPS = new Set<string>([
  "packagingCapacityScale, from the defaults",
  "dramCapacityScale, from the defaults",
  "nandCapacityScale, from the defaults",
  "packagingCapacityScale, over random scenarios",
  "powerCapacityScale, over random scenarios",
  "dramCapacityScale, over random scenarios",
  "hbmStackCapacityScale, over random scenarios",
  "waferLeadMonths moves at least one clearing date",
  "nandLeadMonths moves at least one clearing date",
]);
/** `it`, or `it.fails` for a property listed in KNOWN_GAPS (matched by the start of its name). */
const check = (name: string) => ([...KNOWN_GAPS].some((k) => name.startsWith(k)) ? it.fails : it);

describe("more capacity of any input never leaves more tokens unserved", { timeout: 120_000 }, () => {
  const scales = FREE.filter((p) => p.id.endsWith("CapacityScale"));
  it("the catalog has a capacity scale for each input", () => {
    expect(scales.map((p) => p.id).sort()).toEqual(["dramCapacityScale", "hbmStackCapacityScale", "nandCapacityScale", "packagingCapacityScale", "powerCapacityScale", "waferCapacityScale"]);
  });
  for (const spec of scales) {
  const id = spec.id;
  check(`${id}, from the defaults`)(`${id}, from the defaults, over a grid of steps of 0.1 from min to max`, () => {
    const rises: string[] = [];
    let prev = unserved(run({ [id]: spec.min })), pv = spec.min;
    for (let k = 1; spec.min + 0.1 * k <= spec.max + 1e-9; k++) {
      const v = Number((spec.min + 0.1 * k).toFixed(6));
      const u = unserved(run({ [id]: v }));
      if (u > prev * (1 + 1e-6) + 1e-6) rises.push(`${pv} → ${v}: ${prev.toExponential(4)} → ${u.toExponential(4)} tokens`);
      prev = u;
      pv = v;
    }
    expect(rises, `${id}: raising it left more tokens unserved`).toEqual([]);
  });
  check(`${id}, over random scenarios`)(`${id}, over random scenarios and steps`, () => {
    fc.assert(
      fc.property(scenarioArb, fc.double({ min: 0.01, max: 1, noNaN: true }), (sc, u) => {
        const lo = sc[id];
        const hi = lo + u * (spec.max - lo);
        if (hi <= lo) return true;
        const a = unserved(run(sc)), b = unserved(run({ ...sc, [id]: hi }));
        if (b > a * (1 + 1e-6) + 1e-6) throw new Error(`${id} ${lo} → ${hi}: unserved ${a.toExponential(6)} → ${b.toExponential(6)} in ${JSON.stringify(diff(sc))}`);
        return true;
      }),
      opts(25, 11),
    );
  });
  }
});

describe("more demand never clears a shortage sooner", { timeout: 120_000 }, () => {
  for (const id of ["agentGrowthPerYear", "chatGrowthPerYear", "trainingGrowthPerYear"]) {
    const spec = PARAMS.find((p) => p.id === id)!;
    check(`${id}: tokens and accelerators clear no earlier`)(`${id}: tokens and accelerators clear no earlier`, () => {
      fc.assert(
        fc.property(scenarioArb, fc.double({ min: 0.01, max: 1, noNaN: true }), (sc, u) => {
          const lo = sc[id];
          const hi = lo + u * (spec.max - lo);
          if (hi <= lo) return true;
          const a = run(sc), b = run({ ...sc, [id]: hi });
          for (const r of ["tokens", "gpu"]) {
            if (clearIndex(b, r) < clearIndex(a, r)) {
              throw new Error(`${id} ${lo} → ${hi}: clearsAt.${r} ${a.metrics[`clearsAt.${r}`]} (${a.metrics[`shortageStatus.${r}`]}) → ${b.metrics[`clearsAt.${r}`]} (${b.metrics[`shortageStatus.${r}`]}) in ${JSON.stringify(diff(sc))}`);
            }
          }
          return true;
        }),
        opts(25, 21),
      );
    });
  }
});

describe("conservation each month", { timeout: 120_000 }, () => {
  it("leading-edge wafers: capacity = AI + CPU + consumer + idle", () => {
    overScenarios((r, sc) => {
      const s = r.series;
      for (let t = 0; t < r.months.length; t++) {
        const k = s["supply.wafer"][t];
        const used = (s["wafer.share.ai"][t] + s["wafer.share.cpu"][t] + s["wafer.share.consumer"][t]) * k + s["wafer.idle"][t];
        if (!close(used, k, 1e-9)) fail("wafers", r, t, used, k, sc);
      }
    });
  });
  it("accelerators: output = deployed + change in inventory (inventory starts empty)", () => {
    overScenarios((r, sc) => {
      const out = r.series["gpu.output.h100e"], dep = r.series["gpu.deployed.h100e"], inv = r.series["gpu.inventory.h100e"];
      for (let t = 0; t < r.months.length; t++) {
        const rhs = dep[t] + inv[t] - (t > 0 ? inv[t - 1] : 0);
        if (!close(out[t], rhs, 1e-9, 1e-6 * Math.max(1, inv[t]) * 1e-3)) fail("accelerators", r, t, out[t], rhs, sc);
      }
    });
  });
  it("accelerators: the installed fleet changes by what is deployed less what retires (never more than deployed)", () => {
    overScenarios((r, sc) => {
      const inst = r.series["gpu.installed.h100e"], dep = r.series["gpu.deployed.h100e"];
      for (let t = 1; t < r.months.length; t++) {
        const grew = inst[t] - inst[t - 1];
        if (grew > dep[t] * (1 + 1e-9) + 1e-6) fail("installed growth vs deployed", r, t, grew, dep[t], sc);
      }
      // The per-generation fleets add up to the total.
      for (let t = 0; t < r.months.length; t++) {
        let byGen = 0;
        for (const g of GPUS) byGen += r.series[`gpu.installed.${g.id}`][t];
        if (!close(byGen, inst[t], 1e-9)) fail("installed by generation", r, t, byGen, inst[t], sc);
      }
    });
  });

  /**
   * Memory: production = shipped + change in makers' inventory, in physical units
   * (`dram.inventory.GB`, `nand.inventory.TB`); and the weeks of inventory the model reports agree
   * with them (inventory = weeks × demand / (52/12), how `*.inventory.weeks` is defined).
   */
  for (const [mem, unitId] of [["dram", "dram.inventory.GB"], ["nand", "nand.inventory.TB"]] as const) {
    const prodId = mem === "dram" ? "supply.dram" : "supply.nand";
    it(`${mem}: production = shipped + change in inventory (series ${unitId})`, () => {
      const r0 = run();
      expect(r0.series[unitId], `the model does not write ${unitId}`).toBeDefined();
      overScenarios((r, sc) => {
        const prod = r.series[prodId], shipped = r.series[`${mem}.shipped`], inv = r.series[unitId];
        for (let t = 1; t < r.months.length; t++) {
          const rhs = shipped[t] + inv[t] - inv[t - 1];
          if (!close(prod[t], rhs, 1e-9, 1e-9 * Math.max(1, inv[t]))) fail(`${mem} production`, r, t, prod[t], rhs, sc);
        }
      });
    });
    it(`${mem}: production = shipped + change in inventory (inventory from weeks of demand)`, () => {
      overScenarios((r, sc) => {
        const prod = r.series[prodId], shipped = r.series[`${mem}.shipped`], weeks = r.series[`${mem}.inventory.weeks`], dem = r.series[`demand.${mem}`];
        const inv = (t: number) => (weeks[t] * dem[t]) / (52 / 12);
        for (let t = 1; t < r.months.length; t++) {
          if (dem[t] <= 0 || dem[t - 1] <= 0) continue;
          const rhs = shipped[t] + inv(t) - inv(t - 1);
          if (!close(prod[t], rhs, 1e-7, 1e-7 * Math.max(1, inv(t)))) fail(`${mem} production`, r, t, prod[t], rhs, sc);
        }
      });
    });
  }

  /**
   * Datacenter buyers' own memory stock (docs/model.md §7): what they order beyond use while makers run short is held,
   * then used before they order again, so it is never negative and never grows in a month after makers held their
   * normal weeks or more (their target is then zero).
   */
  for (const [mem, id] of [["dram", "dram.buyers.GB"], ["nand", "nand.buyers.TB"]] as const) {
    it(`${mem}: buyers' stock (${id}) is never negative and grows only while makers hold less than normal`, () => {
      overScenarios((r, sc) => {
        const b = r.series[id], weeks = r.series[`${mem}.inventory.weeks`];
        const normal = sc.memoryInventoryWeeksNormal;
        for (let t = 0; t < r.months.length; t++) {
          if (!(b[t] >= 0)) fail(`${id} negative`, r, t, b[t], 0, sc);
          if (t > 0 && weeks[t - 1] >= normal && b[t] > b[t - 1] * (1 + 1e-9) + 1e-6) fail(`${id} grew after makers held normal weeks`, r, t, b[t], b[t - 1], sc);
        }
      });
    });
  }
  it("at the defaults, buyers build DRAM stock in the squeeze and use it once makers' stocks recover", () => {
    const r = run();
    const b = r.series["dram.buyers.GB"];
    const peak = Math.max(...b);
    expect(peak, "buyers build stock while makers run short").toBeGreaterThan(0);
    expect(b[b.length - 1], "the stock is used before buyers order again").toBeLessThan(0.05 * peak);
  });

  it("HBM: GB shipped = accelerator output × HBM GB per H100e of that month's mix + HBM for accelerators outside the counted vendors", () => {
    // GB per H100e of output lies between the leanest and richest generation in data/gpus.json.
    const per = GPUS.map((g) => g.hbmGB / g.h100e);
    const lo = Math.min(...per), hi = Math.max(...per);
    overScenarios((r, sc) => {
      const s = r.series;
      for (let t = 0; t < r.months.length; t++) {
        const x = s["gpu.output.h100e"][t], gb = s["hbm.shipped.GB"][t] - s["hbm.outside.GB"][t];
        // Two stages state the mix's GB per H100e: the HBM limit (supply.hbm / gpu.limit.hbm) and demand (demand.hbm / gpu.demand.h100e).
        const perLimit = s["gpu.limit.hbm"][t] > 0 ? s["supply.hbm"][t] / s["gpu.limit.hbm"][t] : NaN;
        const perDemand = s["gpu.demand.h100e"][t] > 0 ? s["demand.hbm"][t] / s["gpu.demand.h100e"][t] : NaN;
        if (Number.isFinite(perLimit) && !close(gb, x * perLimit, 1e-9)) fail("HBM GB vs output × GB/H100e (limit)", r, t, gb, x * perLimit, sc);
        if (Number.isFinite(perDemand) && !close(gb, x * perDemand, 1e-9)) fail("HBM GB vs output × GB/H100e (demand)", r, t, gb, x * perDemand, sc);
        if (x > 0 && (gb / x < lo * (1 - 1e-9) || gb / x > hi * (1 + 1e-9))) fail("HBM GB per H100e outside the generations' range", r, t, gb / x, lo, sc);
      }
    });
  });
  it("HBM outside the counted vendors: made in its months only, never more than the stacks given, all of them when stacking allows", () => {
    const { gbPerStack, from, to } = HBM_OUTSIDE_VENDORS;
    const stacksParameter = "hbmChinaStacks2024M";
    const t0 = monthIndex(from), t1 = monthIndex(to);
    overScenarios((r, sc) => {
      const perMonth = (sc[stacksParameter] * 1e6 * gbPerStack) / (t1 - t0 + 1);
      const out = r.series["hbm.outside.GB"];
      for (let t = 0; t < r.months.length; t++) {
        if (t < t0 || t > t1) {
          if (out[t] !== 0) fail("HBM outside its months", r, t, out[t], 0, sc);
        } else if (out[t] > perMonth * (1 + 1e-9) + 1e-6) fail("HBM outside vs the stacks given", r, t, out[t], perMonth, sc);
      }
    });
    // At the defaults stacking capacity is ample in 2024: all of it is made, and its wafers come out of DDR's.
    const d = run(), none = run({ [stacksParameter]: 0 });
    const made = d.series["hbm.outside.GB"].slice(t0, t1 + 1).reduce((a, b) => a + b, 0);
    expect(made).toBeCloseTo(PARAM_BY_ID.get(stacksParameter)!.default * 1e6 * gbPerStack, -3);
    const ddrLost = ((made / (t1 - t0 + 1)) * HBM_GENERATIONS[HBM_OUTSIDE_VENDORS.hbmGen].areaFactor * DEFAULTS.hbmAreaFactor) / DEFAULTS.hbmStackYield;
    // The first month: makers run at the start's utilisation in both runs, so DDR differs by exactly those wafers' GB.
    expect(none.series["supply.dram"][0] - d.series["supply.dram"][0]).toBeCloseTo(ddrLost, -3);
    expect(sum(none.series["hbm.outside.GB"])).toBe(0);
  });
  it("HBM: DRAM wafers lost in failed stacks = HBM wafers × (1 − stack yield); HBM wafers fit DRAM and stacking capacity", () => {
    overScenarios((r, sc) => {
      const s = r.series;
      const y = Math.max(0.05, sc.hbmStackYield);
      for (let t = 0; t < r.months.length; t++) {
        const wafers = s["hbm.share.dramWafers"][t] * s["supply.dramWafers"][t];
        if (!close(s["hbm.lost.wafers"][t], wafers * (1 - y), 1e-9)) fail("HBM wafers lost", r, t, s["hbm.lost.wafers"][t], wafers * (1 - y), sc);
        if (wafers > s["supply.hbmStack"][t] * (1 + 1e-9) + 1e-6) fail("HBM wafers vs stacking capacity", r, t, wafers, s["supply.hbmStack"][t], sc);
        if (wafers > s["supply.dramWafers"][t] * (1 + 1e-9) + 1e-6) fail("HBM wafers vs DRAM wafers", r, t, wafers, s["supply.dramWafers"][t], sc);
      }
    });
  });

  it("vendors: output by vendor adds up to output; packaging shares add up to 1; all servers = CPU + accelerated servers", () => {
    overScenarios((r, sc) => {
      const s = r.series;
      for (let t = 0; t < r.months.length; t++) {
        let h = 0, pk = 0;
        for (const v of VENDORS.ids) {
          h += s[`gpu.output.h100e.${v}`][t];
          pk += s[`packaging.share.${v}`][t];
        }
        if (!close(h, s["gpu.output.h100e"][t], 1e-9)) fail("output by vendor", r, t, h, s["gpu.output.h100e"][t], sc);
        // Shares are of packaging used, defined once output is more than a millionth of an H100e.
        if (s["gpu.output.h100e"][t] > 1e-6 && !close(pk, 1, 1e-9)) fail(`packaging shares (output ${s["gpu.output.h100e"][t]} H100e)`, r, t, pk, 1, sc);
        const all = s["cpu.servers.output"][t] + s["ai.servers.output"][t];
        if (!close(s["cpu.servers.output.all"][t], all, 1e-9)) fail("all servers", r, t, s["cpu.servers.output.all"][t], all, sc);
      }
    });
  });

  check("allocation never exceeds supply")("allocation never exceeds supply", () => {
    overScenarios((r, sc) => {
      const s = r.series;
      const le = (what: string, t: number, a: number, b: number) => {
        if (a > b * (1 + 1e-9) + 1e-9) fail(what, r, t, a, b, sc);
      };
      for (let t = 0; t < r.months.length; t++) {
        le("wafer shares", t, s["wafer.share.ai"][t] + s["wafer.share.cpu"][t] + s["wafer.share.consumer"][t], 1);
        le("AI share of N3", t, s["wafer.share.ai.n3"][t], 1);
        le("HBM share of DRAM wafers", t, s["hbm.share.dramWafers"][t], 1);
        le("HBM share of DRAM bits", t, s["hbm.share.dramBits"][t], 1);
        le("tokens served vs demand", t, s["tokens.served"][t], s["tokens.demand"][t]);
        le("output vs packaging limit", t, s["gpu.output.h100e"][t], s["gpu.limit.packaging"][t]);
        le("output vs HBM limit", t, s["gpu.output.h100e"][t], s["gpu.limit.hbm"][t]);
        le("output vs wafer limit", t, s["gpu.output.h100e"][t], s["gpu.limit.wafers"][t]);
        le("output vs what is due", t, s["gpu.output.h100e"][t], s["gpu.demand.h100e"][t]);
        le("power drawn vs capacity", t, s["power.used.gpu"][t] + s["power.used.cpu"][t], s["supply.power"][t] * (1 + 1e-6) + 1e-6);
        for (const k of ["enterprise", "onDemand", "consumer"]) le(`tokens served (${k})`, t, s[`tokens.served.${k}`][t], s[`tokens.demand.${k}`][t]);
        for (const k of ["wafer", "dram", "nand"]) le(`consumer ${k} served share`, t, s[`consumer.served.${k}`][t], 1);
        le("AI CPU work served share", t, s["agents.cpuServedShare"][t], 1);
      }
    });
  });
});

/** true when some series of `a` and `b` differ at some month by more than a relative 1e-9. */
function seriesMove(a: Run, b: Run): string | null {
  for (const id of Object.keys(a.series)) {
    const x = a.series[id], y = b.series[id];
    for (let t = 0; t < x.length; t++) if (!close(x[t], y[t], 1e-9, 1e-12)) return id;
  }
  for (const id of Object.keys(a.labels)) if (a.labels[id].join() !== b.labels[id].join()) return id;
  return null;
}

describe("no dead knob", { timeout: 120_000 }, () => {
  it("every catalog parameter but the horizon moves at least one series between its min and max (under some policy)", () => {
    const dead: string[] = [];
    for (const p of FREE) {
      const moved = (["priority", "degrade", "proportional"] as const).some((policy) => seriesMove(run({ [p.id]: p.min }, policy), run({ [p.id]: p.max }, policy)) !== null);
      if (!moved) dead.push(p.id);
    }
    expect(dead).toEqual([]);
  });
});

describe("lead times move clearing dates", { timeout: 120_000 }, () => {
  const metricsOf = (r: Run) => Object.entries(r.metrics).filter(([k]) => k.startsWith("clearsAt.") || k.startsWith("shortageStatus.")).map(([k, v]) => `${k}=${v}`).join(" ");
  for (const p of FREE.filter((q) => q.id.endsWith("LeadMonths"))) {
    check(`${p.id} moves at least one clearing date`)(`${p.id} moves at least one clearing date between its low (${p.low}) and high (${p.high})`, () => {
      const a = run({ [p.id]: p.low }), b = run({ [p.id]: p.high });
      const moved = Object.keys(a.metrics).filter((k) => k.startsWith("clearsAt.") && a.metrics[k] !== b.metrics[k]);
      expect(moved, `${p.id}: ${metricsOf(a)}`).not.toEqual([]);
    });
  }
});

describe("where its input is short, a capacity lead time moves that input's clearing date", { timeout: 120_000 }, () => {
  // With the input's planned capacity at 0.7 of plan the input starts short, so induced capacity, which arrives a
  // lead time after it is started, is what ends its shortage; a longer lead must end it later.
  const INPUTS: [lead: string, scale: string, input: string][] = [
    ["waferLeadMonths", "waferCapacityScale", "wafer"],
    ["packagingLeadMonths", "packagingCapacityScale", "packaging"],
    ["hbmLeadMonths", "hbmStackCapacityScale", "hbm"],
    ["dramLeadMonths", "dramCapacityScale", "dram"],
    ["nandLeadMonths", "nandCapacityScale", "nand"],
    ["powerLeadMonths", "powerCapacityScale", "power"],
  ];
  it("the catalog's capacity lead times are these six", () => {
    expect(FREE.filter((p) => p.id.endsWith("LeadMonths") && p.id !== "gpuLeadMonths").map((p) => p.id).sort()).toEqual(INPUTS.map(([l]) => l).sort());
  });
  for (const [lead, scale, input] of INPUTS) {
    it(`${lead}: from its low to its high, ${input} clears later (${scale} 0.7)`, () => {
      const spec = PARAMS.find((p) => p.id === lead)!;
      const a = run({ [scale]: 0.7, [lead]: spec.low }), b = run({ [scale]: 0.7, [lead]: spec.high });
      expect(a.metrics[`shortageStatus.${input}`], `${input} is short and clears with the short lead`).toBe("clears");
      expect(clearIndex(b, input), `clearsAt.${input}: ${a.metrics[`clearsAt.${input}`]} → ${b.metrics[`clearsAt.${input}`]}`).toBeGreaterThan(clearIndex(a, input));
    });
  }
});

/** The series a claim's measure reads (for metric months, the shortage ratio behind the date). */
function measuredSeries(m: Measure): string | null {
  if ("series" in m) return m.series;
  if (m.type === "metricMonth") return `shortage.${m.metric.split(".")[1]}`;
  return null;
}

/**
 * Thesis metrics of presets without a calibration claim, read from their thesis text in
 * data/presets.json: [metric or series, direction versus the baseline]. A preset with claims is
 * judged on its claims' measures.
 */
const THESIS: Record<string, { id: string; read: (r: Run) => number; dir: 1 | -1 }[]> = {
  "cpu-famine": [
    { id: "peakGpCpuCrowdedOutShare", read: (r) => (r.metrics["peakGpCpuCrowdedOutShare"] as { value: number }).value, dir: 1 },
    { id: "Σ cpu.vcpu.demand.agents", read: (r) => sum(r.series["cpu.vcpu.demand.agents"]), dir: 1 },
  ],
  "supply-relief": [
    { id: "clearsAt.tokens", read: (r) => clearIndex(r, "tokens"), dir: -1 },
    { id: "peakPrice.packaging", read: (r) => (r.metrics["peakPrice.packaging"] as { value: number }).value, dir: -1 },
    { id: "clearsAt.dram", read: (r) => clearIndex(r, "dram"), dir: -1 },
  ],
  "edge-offload": [
    { id: "Σ edge.tokens", read: (r) => sum(r.series["edge.tokens"]), dir: 1 },
    { id: "Σ tokens.demand", read: (r) => sum(r.series["tokens.demand"]), dir: -1 },
    { id: "Σ demand.dram", read: (r) => sum(r.series["demand.dram"]), dir: 1 },
  ],
};

describe("each preset's thesis parameters move its thesis metrics", { timeout: 120_000 }, () => {
  const base = run({}, "priority");
  for (const preset of PRESETS.filter((q) => q.id !== "baseline")) {
    const params = presetParams(preset.id);
    const claims = CLAIMS.filter((c) => c.preset === preset.id && c.kind === "target" && c.measure);
    const r = simulate({ params, policy: preset.policy as ThrottlePolicy });
    if (claims.length > 0) {
      it(`${preset.id}: its claims' measures differ from the baseline's`, () => {
        for (const c of claims) expect({ claim: c.id, preset: measureValue(c.measure!, r, params) }).not.toEqual({ claim: c.id, preset: measureValue(c.measure!, base, DEFAULTS) });
      });
    } else {
      it(`${preset.id}: its thesis metrics move the way the thesis says`, () => {
        expect(THESIS[preset.id], `no thesis metric for preset ${preset.id}`).toBeDefined();
        for (const th of THESIS[preset.id]) expect({ metric: th.id, sign: Math.sign(th.read(r) - th.read(base)) }).toEqual({ metric: th.id, sign: th.dir });
      });
    }
    it(`${preset.id}: each thesis parameter alone moves what the thesis measures`, () => {
      const ids = claims.map((c) => measuredSeries(c.measure!)).filter((x): x is string => x !== null);
      const reads = claims.length > 0 ? ids.map((id) => ({ id, read: (x: Run) => Array.from(x.series[id]).join() })) : THESIS[preset.id].map((th) => ({ id: th.id, read: (x: Run) => String(th.read(x)) }));
      const dead: string[] = [];
      for (const [id, v] of Object.entries(preset.params)) {
        const one = run({ [id]: v }, preset.policy as ThrottlePolicy);
        if (!reads.some((rd) => rd.read(one) !== rd.read(base))) dead.push(`${id}=${v}`);
      }
      expect(dead, `thesis parameters of ${preset.id} that move none of ${reads.map((x) => x.id).join(", ")}`).toEqual([]);
    });
  }
});
