/**
 * One seed for every fast-check property, so a run can be repeated exactly: `FC_SEED=<n>` picks
 * it, otherwise the fixed default. fast-check puts the seed (and the shrink path) in the
 * failure message of `fc.assert`; `verbose` adds the counterexamples met on the way.
 * Loaded by vitest.config.ts (`setupFiles`) before each test file.
 */
import fc from 'fast-check';

const DEFAULT_SEED = 20_261_203;

function seedFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_SEED;
  const n = Number(raw);
  // fast-check takes a 32-bit integer; anything else would be silently changed, so refuse it.
  if (!Number.isSafeInteger(n) || n < -(2 ** 31) || n >= 2 ** 32) throw new Error(`FC_SEED must be a 32-bit integer, got ${JSON.stringify(raw)}`);
  return n;
}

export const FC_SEED = seedFromEnv(process.env.FC_SEED);

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: FC_SEED, verbose: fc.VerbosityLevel.Verbose });
