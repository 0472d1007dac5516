import { fileURLToPath } from "node:url";

/** `.data/` at the repository root: where the embedded database and development key live. */
export const defaultDataDir = fileURLToPath(new URL("../../../.data/pglite", import.meta.url));
