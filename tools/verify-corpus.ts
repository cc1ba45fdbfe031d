import { runStartupChecks } from "../src/startup-checks.js";

const problems = runStartupChecks();
if (problems.length > 0) {
  console.error(
    `corpus verification failed (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
  );
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.error("corpus verified: no problems");
