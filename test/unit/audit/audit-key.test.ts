import { chmodSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deriveAuditKeys, parseAuditKey, resolveAuditKey } from "../../../src/audit/audit-key.js";
import { KEY, KEY_HEX, OTHER_KEY } from "../../support/audit-fixtures.js";
import type { TempLog } from "../../support/audit-fixtures.js";
import { tempLog } from "../../support/audit-fixtures.js";

let t: TempLog;
beforeEach(() => {
  t = tempLog();
});
afterEach(() => t.remove());

describe("audit key", () => {
  it("is hex: two digits a byte, at least 32 bytes, upper or lower case, whitespace at the ends ignored", () => {
    expect(parseAuditKey(KEY_HEX, "k")).toEqual(KEY);
    expect(parseAuditKey(`  ${KEY_HEX.toUpperCase()}\n`, "k")).toEqual(KEY);
    expect(parseAuditKey("ab".repeat(40), "k")).toHaveLength(40);
  });

  it("refuses what is not hex, too short or odd, saying how to make one", () => {
    expect(() =>
      parseAuditKey("correct horse battery staple correct horse battery staple ok", "MNM_AUDIT_KEY"),
    ).toThrow(/MNM_AUDIT_KEY is not hex.*openssl rand -hex 32/);
    expect(() => parseAuditKey("ab".repeat(31), "MNM_AUDIT_KEY")).toThrow(
      /is 31 bytes \(62 hex digits\); the audit key must be at least 32 bytes/,
    );
    expect(() => parseAuditKey(`${"ab".repeat(32)}a`, "k")).toThrow(/odd number of hex digits/);
    expect(() => parseAuditKey(KEY.toString("base64"), "k")).toThrow(/not hex/);
    expect(() => parseAuditKey("", "k")).toThrow(/empty/);
  });

  it("comes from MNM_AUDIT_KEY or a key file, never both, and is required", () => {
    expect(resolveAuditKey(undefined, { MNM_AUDIT_KEY: KEY_HEX }).key).toEqual(KEY);
    const file = `${t.dir}/audit.key`;
    writeFileSync(file, `${KEY_HEX}\n`, { mode: 0o600 });
    expect(resolveAuditKey(file, {})).toEqual({ key: KEY, notes: [] });
    expect(resolveAuditKey(file, { MNM_AUDIT_KEY: "" }).key).toEqual(KEY);
    expect(() => resolveAuditKey(file, { MNM_AUDIT_KEY: KEY_HEX })).toThrow(/given twice/);
    expect(() => resolveAuditKey(undefined, {})).toThrow(
      /--audit-log needs a key: set MNM_AUDIT_KEY or pass --audit-key-file <file>.*openssl rand -hex 32/,
    );
    expect(() => resolveAuditKey(`${t.dir}/none`, {})).toThrow(
      /--audit-key-file .*none: cannot read the key file: no such file or directory/,
    );
  });

  it("notes a key file other users can read", () => {
    const file = `${t.dir}/audit.key`;
    writeFileSync(file, KEY_HEX);
    chmodSync(file, 0o644);
    expect(resolveAuditKey(file, {}).notes[0]).toMatch(/can be read by other users \(mode 644\); chmod 600/);
  });

  it("derives one key per purpose, and a key id that differs between keys", () => {
    const keys = deriveAuditKeys(KEY);
    const all = [keys.chain, keys.input, keys.head, keys.quarantine].map((k) => k.toString("hex"));
    expect(new Set(all).size).toBe(4);
    expect(all).not.toContain(KEY.toString("hex"));
    expect(keys.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(deriveAuditKeys(OTHER_KEY).keyId).not.toBe(keys.keyId);
  });
});
