import { describe, expect, it } from "vitest";
import { longestScenario } from "../fixtures/longestScenario";
import { decodeScenario, encodeScenario, linkQuery, linkTo, MAX_QUERY_IN_SEARCH, shareLocation, shareUrl } from "@/lib/scenario/url";
import { createScenarioStore } from "@/lib/store/scenarioStore";
import { keepUnsavedEdit, takeUnsavedEdit, type EditStorage } from "@/lib/store/unsavedEdit";
import { openLink, startUrlSync, type UrlWriteMode } from "@/lib/store/urlSync";

describe("long links go into the fragment, which never reaches the server", () => {
  it("a short scenario stays in the query string", () => {
    const q = encodeScenario({ presetId: "chronic", overrides: { packagingCapacityScale: 1.2 } });
    expect(shareLocation(q)).toEqual({ search: `?${q}`, hash: "" });
    expect(linkTo("/brief", q)).toBe(`/brief?${q}`);
  });

  it("the longest valid link (pinned as its own baseline) is written as a fragment and reads back identically", () => {
    const s = longestScenario();
    const q = encodeScenario(s, { baseline: s });
    expect(q.length).toBeGreaterThan(16_000); // over Node's header limit: the query-string form would get HTTP 431
    const url = shareUrl("https://chokepoint.example/", s, { baseline: s });
    expect(url).toBe(`https://chokepoint.example/#${q}`);
    expect(url.indexOf("?")).toBe(-1);
    const d = decodeScenario(url);
    expect(d.issues).toEqual([]);
    expect(encodeScenario(d.state, { baseline: d.baseline })).toBe(q);
    expect(openLink("", `#${q}`).decoded?.state).toEqual(d.state);
  });

  it("reads the fragment when it holds a scenario, the query string otherwise", () => {
    expect(linkQuery("?v=1&p=chronic", "")).toBe("v=1&p=chronic");
    expect(linkQuery("", "#v=1&p=chronic")).toBe("v=1&p=chronic");
    expect(linkQuery("?v=1&p=baseline", "#v=1&p=chronic")).toBe("v=1&p=chronic");
    expect(linkQuery("?v=1&p=chronic", "#section-2")).toBe("v=1&p=chronic");
    expect(decodeScenario("/#v=1&p=chronic").state.presetId).toBe("chronic");
    expect(decodeScenario("/brief?v=1&p=chronic#top").state.presetId).toBe("chronic");
    expect(MAX_QUERY_IN_SEARCH).toBeLessThan(8000);
  });
});

describe("opening a link", () => {
  it("a link from a newer version says so and lists what an edit will drop", () => {
    const o = openLink("?v=7&p=chronic&pcs=1.2&zq=4&f.newDriver=t", "");
    expect(o.decoded?.state.presetId).toBe("chronic");
    expect(o.notice?.newerVersion).toBe(true);
    expect(o.notice?.dropOnEdit).toEqual(["v", "zq", "f.newDriver"]);
  });

  it("an empty link opens nothing and shows no notice", () => {
    expect(openLink("", "")).toEqual({ query: "", decoded: null, notice: null });
    expect(openLink("?v=1&p=chronic", "").notice).toBeNull();
  });
});

describe("the address bar follows edits", () => {
  it("a preset switch is a new history entry; slider edits replace the entry in place", () => {
    const store = createScenarioStore();
    const writes: [string, UrlWriteMode][] = [];
    const sync = startUrlSync(store, (q, m) => writes.push([q, m]), 10_000);
    expect(sync.edited).toBe(false);
    store.getState().setParam("pue", 1.4);
    store.getState().setParam("pue", 1.5); // both pending in the throttle (written on the next task at the earliest)
    store.getState().choosePreset("chronic");
    store.getState().setParam("pue", 1.6);
    expect(writes).toEqual([
      ["v=1&p=baseline&pue=1.5", "replace"], // the entry being left keeps the last edit made on it
      ["v=1&p=chronic", "push"],
    ]);
    expect(sync.edited).toBe(true);
    sync.stop(); // writes what is pending
    expect(writes.at(-1)).toEqual(["v=1&p=chronic&pue=1.6", "replace"]);
  });

  it("loading a history entry does not write it back", () => {
    const store = createScenarioStore();
    const writes: string[] = [];
    const sync = startUrlSync(store, (q) => writes.push(q), 10);
    sync.quietly(() => store.getState().loadScenario({ presetId: "chronic", overrides: {} }));
    expect(store.getState().scenario.presetId).toBe("chronic");
    expect(writes).toEqual([]);
    sync.stop();
  });
});

describe("an edit survives a reload", () => {
  const memory = (): EditStorage & { map: Map<string, string> } => {
    const map = new Map<string, string>();
    return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
  };

  it("the kept query comes back once, on a reload of the same path only", () => {
    const st = memory();
    keepUnsavedEdit(st, "/", "v=1&p=chronic&pue=1.4");
    expect(takeUnsavedEdit(st, "/", true)).toBe("v=1&p=chronic&pue=1.4");
    expect(takeUnsavedEdit(st, "/", true)).toBeNull();
    keepUnsavedEdit(st, "/", "v=1&p=chronic");
    expect(takeUnsavedEdit(st, "/brief", true)).toBeNull();
    keepUnsavedEdit(st, "/", "v=1&p=chronic");
    expect(takeUnsavedEdit(st, "/", false)).toBeNull(); // a link opened afresh wins over a kept edit
    st.map.set("chokepoint.unsavedEdit", "{not json");
    expect(takeUnsavedEdit(st, "/", true)).toBeNull();
    expect(takeUnsavedEdit(null, "/", true)).toBeNull();
  });
});
