import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src-main/cli/commands/index.js';

describe('yzt command registry', () => {
  it('each lazy entry loads a command whose path is its own, with help naming its options', async () => {
    for (const entry of COMMANDS) {
      const c = await entry.load();
      expect(c.path).toEqual(entry.path);
      expect(c.summary).toMatch(/[\u4e00-\u9fff]/);
      for (const option of Object.keys(c.options)) expect(c.help, `${c.path.join(' ')} --${option}`).toContain(`--${option}`);
    }
    // Loading every command imports most of src-main (8 s on a quiet machine, 40 s seen on two
    // shared busy cores): a bound on a hang, not a speed goal.
  }, 90_000);

  it('has no two commands on the same path', () => {
    const keys = COMMANDS.map((c) => c.path.join(' '));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
