// Adds up the vitest JSON reports in a folder and prints the closing "N passed, N failed" line.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, failedStepsArg = "0"] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
  const report = JSON.parse(readFileSync(join(dir, file), "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  // A suite that failed to load has no failed test but must still count as a failure.
  failed += report.testResults.filter((suite) => suite.status === "failed" && suite.assertionResults.length === 0).length;
  console.log(`${file.replace(/\.json$/, "").padEnd(24)} ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
const failedSteps = Number(failedStepsArg);
if (failedSteps > 0) console.log(`${failedSteps} step(s) outside the test suites failed`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
