import { describe, expect, it } from "vitest";
import { stem } from "../../../src/util/stem.js";

// The one stemmer of the server: passage search (citeGuideline) and the claim check (verifyCitations).
describe("stem", () => {
  it("folds plurals, participles and British spellings alike", () => {
    expect(stem("injections")).toBe("injection");
    expect(stem("therapies")).toBe("therapy");
    expect(stem("recommended")).toBe("recommend");
    expect(stem("recommendations")).toBe(stem("recommendation"));
    expect(stem("anaesthetic")).toBe(stem("anesthetic"));
    expect(stem("targeted")).toBe("target");
    expect(stem("urged")).toBe(stem("urge"));
  });

  it("leaves short words and -is, -us, -ss endings alone", () => {
    expect(stem("diagnosis")).toBe("diagnosis");
    expect(stem("sham")).toBe("sham");
    expect(stem("process")).toBe("process");
    expect(stem("status")).toBe("status");
  });
});
