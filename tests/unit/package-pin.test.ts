import { describe, it, expect } from "vitest";
import pkg from "../../package.json";

describe("package", () => {
  it("pins next to the version that installs cleanly here", () => {
    expect(pkg.dependencies.next).toBe("16.4.5");
  });
});
