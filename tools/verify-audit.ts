import { readFileSync } from "node:fs";
import { verifyChain } from "../src/audit/audit-chain.js";

/**
 * npm run verify-audit -- <audit-log.jsonl>
 * Checks the hash chain of an evaluateSIJointRFA audit log; exit 0 when intact, 1 when a line was
 * removed, reordered or altered (each problem names its line), 2 for a usage error.
 * Removing lines from the END cannot be detected from the file alone: compare the printed last
 * hash with one recorded elsewhere.
 */
const path = process.argv[2];
if (!path || process.argv.length > 3) {
  console.error("usage: npm run verify-audit -- <audit-log file>");
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(path, "utf8");
} catch (error) {
  console.error(
    `verify-audit: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(2);
}
const { records, lastHash, problems } = verifyChain(text);
if (problems.length > 0) {
  console.error(
    `audit log ${path}: chain BROKEN (${problems.length} problem${problems.length === 1 ? "" : "s"} in ${records} lines):`,
  );
  for (const p of problems) console.error(`  line ${p.line}: ${p.problem}`);
  process.exit(1);
}
console.log(
  `audit log ${path}: chain intact, ${records} record${records === 1 ? "" : "s"}, last hash ${lastHash}`,
);
