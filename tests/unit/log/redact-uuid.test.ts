import { expect, it } from 'vitest';
import { redactString } from '../../../src-main/log/redact.js';

it('keeps a filing id whose last group is all digits, and still hides an account number', () => {
  const id = 'ad54c702-faf9-450a-aebc-603016629806';
  expect(redactString(`filing ${id} account 6222021234567890123`)).toBe(`filing ${id} account [digits]`);
});
