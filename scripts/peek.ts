import { simulate } from "../lib/model/simulate";
const params: Record<string, number> = {};
for (const a of process.argv.slice(2)) if (a.includes("=")) { const [k, v] = a.split("="); params[k] = Number(v); }
const sc = { params, policy: "priority" as const };
const r = simulate(sc);
const ids = process.argv.slice(2).filter((a) => !a.includes("="));
const months = r.months;
const pick = [0,3,6,9,12,15,18,21,24,27,30,33,35,38,41,44,47,50,53,56,59,65,71,77,83,95,107];
const fmt = (v:number)=> Math.abs(v)>=1e6? v.toExponential(2): Math.abs(v)>=100? v.toFixed(0): v.toFixed(3);
console.log("month      " + ids.map(i=>i.slice(-16).padStart(16)).join(""));
for (const t of pick) console.log(months[t].padEnd(10) + ids.map(i=> (r.series[i]? fmt(r.series[i][t]) : (r.labels[i]?.[t] ?? "?")).padStart(16)).join(""));
const mm = r.metrics; console.log(Object.entries(mm).filter(([k])=>/clearsAt|bindingSeq|peakPrice.dram/.test(k)).map(([k,v])=>k+"="+JSON.stringify(v)).join("  "));
console.log(r.warnings.join("\n"));
