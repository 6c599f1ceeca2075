import { describe, expect, it } from "vitest";
import { formulaEngineReady, loadFormulaEngine } from "@/lib/model";
import { createScenarioStore } from "@/lib/store/scenarioStore";
import { runOf } from "@/lib/store/derive";
import { resolveScenario } from "@/lib/scenario/presets";
import { simulate } from "@/lib/model";

// This file never imports lib/model/formula.ts eagerly: it checks the on-demand path the app takes.
describe("formulas in the workspace store", () => {
  it("runs a scenario with formulas without them until the engine has loaded, then with them", async () => {
    const s = createScenarioStore();
    s.getState().setFormula("agentHours", "base * 3");
    const sc = s.getState().scenario;
    expect(formulaEngineReady()).toBe(false);
    const plain = simulate(resolveScenario({ presetId: "baseline", overrides: {} }));
    const early = runOf(sc);
    expect(early.series["agents.hours"][12]).toBeCloseTo(plain.series["agents.hours"][12], 6);
    // simulate() itself, asked for a formula before the engine is loaded, says so rather than failing.
    expect(simulate(resolveScenario(sc)).warnings.join(" ")).toMatch(/formula engine is not loaded/);
    await loadFormulaEngine();
    expect(formulaEngineReady()).toBe(true);
    const later = runOf(sc);
    expect(later.series["agents.hours"][12]).toBeCloseTo(plain.series["agents.hours"][12] * 3, 3);
    expect(runOf(sc)).toBe(later); // memoized once the engine is there
  }, 60_000);

  it("a formula removed right after it was applied is its own undo step (discrete edits never coalesce; slider moves do)", () => {
    const s = createScenarioStore({ presetId: "baseline" }, { now: () => 1000 }); // every edit at the same instant
    s.getState().setFormula("agentHours", "base * 3");
    s.getState().removeFormula("agentHours");
    s.getState().undo();
    expect(s.getState().scenario.formulas).toEqual({ agentHours: "base * 3" });
    s.getState().choosePreset("chronic");
    s.getState().choosePreset("cpu-famine");
    s.getState().undo();
    expect(s.getState().scenario.presetId).toBe("chronic");
    // A slider's moves within the window still undo at once.
    s.getState().setParam("pue", 1.2);
    s.getState().setParam("pue", 1.3);
    s.getState().undo();
    expect(s.getState().scenario.overrides.pue).toBeUndefined();
  });

  it("setting, replacing and removing a formula are edits: undo, redo and reset all include them", () => {
    const s = createScenarioStore({ presetId: "chronic" });
    s.getState().setFormula("agentHours", "  base * 2 ");
    expect(s.getState().scenario.formulas).toEqual({ agentHours: "base * 2" });
    s.getState().setFormula("chatTokens", "base");
    s.getState().setFormula("waferCapacity", "base * 1.1");
    // Kept in the catalog's driver order, whatever the order of edits.
    expect(Object.keys(s.getState().scenario.formulas!)).toEqual(["waferCapacity", "chatTokens", "agentHours"]);
    s.getState().removeFormula("chatTokens");
    expect(Object.keys(s.getState().scenario.formulas!)).toEqual(["waferCapacity", "agentHours"]);
    s.getState().undo();
    expect(s.getState().scenario.formulas?.chatTokens).toBe("base");
    s.getState().redo();
    expect(s.getState().scenario.formulas?.chatTokens).toBeUndefined();
    s.getState().resetAll();
    expect(s.getState().scenario).toEqual({ presetId: "chronic", overrides: {} });
    s.getState().undo();
    expect(s.getState().scenario.formulas).toEqual({ waferCapacity: "base * 1.1", agentHours: "base * 2" });
    // An empty text removes the formula; removing the last one leaves no formulas key at all.
    s.getState().setFormula("waferCapacity", "   ");
    s.getState().removeFormula("agentHours");
    expect(s.getState().scenario).toEqual({ presetId: "chronic", overrides: {} });
  });

  it("reset all works on a scenario that holds only a formula (as a link can)", () => {
    const s = createScenarioStore({ presetId: "baseline", overrides: {}, formulas: { edgeShare: "0.1" } });
    s.getState().resetAll();
    expect(s.getState().scenario).toEqual({ presetId: "baseline", overrides: {} });
  });
});
