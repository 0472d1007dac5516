/** The attack suite's knobs, from the environment (the one place its tests read it). */
const env = process.env;

export const attackSettings = {
  /** fast-check's seed: a failure reproduces with the seed the run printed. */
  fuzzSeed: Number(env.FUZZ_SEED ?? 20261208),
  /** Bad inputs per procedure. */
  fuzzRuns: Number(env.FUZZ_RUNS ?? 24),
  /** Print the observed matrix in the declarations' format. */
  print: Boolean(env.ATTACK_PRINT),
  /** Only the procedures whose path matches (while working on a declaration). */
  only: env.ATTACK_ONLY ? new RegExp(env.ATTACK_ONLY) : null,
};
