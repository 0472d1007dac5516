// Runs after `npm ci` (the root package's postinstall). Fixes a bug of postgres.js 3.4.x that
// apps/server/test/failure.test.ts found: when Postgres restarts under load, a connection whose
// socket closes with a small write still buffered keeps a cleared timer that is never reset, so
// it never writes again (the server never recovers), and a write scheduled after the close throws
// an uncatchable TypeError ("Cannot read properties of null (reading 'write')") that ends the
// process. Upstream: porsager/postgres issues #1066, #1154, #1208 and pull requests #1168, #1209
// (open, unreleased as of 3.4.10). Idempotent; remove it when a release carries the fix.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const MARK = "/* lentera: nextWrite guard */";
const guardedNextWrite = `function nextWrite(fn) {
    ${MARK}
    if (!socket) {
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`;

let root;
try {
  // Its exports map hides package.json: find the package's folder from its entry point.
  root = dirname(createRequire(import.meta.url).resolve("postgres"));
  const isPackageRoot = (dir) =>
    existsSync(join(dir, "package.json")) && JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name === "postgres";
  while (!isPackageRoot(root) && dirname(root) !== root) root = dirname(root);
} catch {
  process.exit(0); // postgres.js not installed (a workspace without it): nothing to fix.
}

const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
for (const variant of ["src", "cjs/src", "cf/src"]) {
  const file = join(root, variant, "connection.js");
  if (!existsSync(file)) continue;
  const source = readFileSync(file, "utf8");
  if (source.includes(MARK)) continue;
  const original = "function nextWrite(fn) {\n    const x = socket.write(chunk, fn)";
  const teardown = /^([ \t]*)clearImmediate\(nextWriteTimer\)\n/gm;
  if (!source.includes(original) || (source.match(teardown) ?? []).length !== 2) {
    console.warn(`postgres.js ${version}: ${variant}/connection.js is not the code this fix expects; left as it is.`);
    continue;
  }
  const fixed = source
    .replace(original, guardedNextWrite)
    // Teardown forgets the buffered write and the timer, so the next connection can write again.
    .replace(teardown, "$1clearImmediate(nextWriteTimer)\n$1chunk = nextWriteTimer = null\n");
  writeFileSync(file, fixed);
  console.info(`postgres.js ${version}: ${variant}/connection.js patched (write after close).`);
}
