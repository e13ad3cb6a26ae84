/**
 * The protocol has no sequence numbers: an answer that arrives late, after its command timed
 * out, lands on whatever command is waiting. The reader drops the ones that cannot be that
 * command's answer, by what only one command answers.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS, STATUS, type Response } from '../../../../hardware/id-card/protocol.js';
import { fitsCommand } from '../../../../hardware/id-card/reader.js';

const answer = (sw3: number, bytes = 0): Response => ({ sw1: 0, sw2: 0, sw3, data: new Uint8Array(bytes) });

describe('which answers can belong to the command waiting', () => {
  it('a read takes its own success and failures, never a find or select answer', () => {
    expect(fitsCommand(COMMANDS.readTextPhoto, answer(STATUS.ok.code, 1295))).toBe(true);
    expect(fitsCommand(COMMANDS.readTextPhoto, answer(STATUS.cardOperationFailed.code))).toBe(true);
    expect(fitsCommand(COMMANDS.readTextPhoto, answer(STATUS.samSelfTestFailed.code))).toBe(true);
    expect(fitsCommand(COMMANDS.readTextPhoto, answer(STATUS.findFailed.code))).toBe(false);
    expect(fitsCommand(COMMANDS.readTextPhotoFingerprint, answer(STATUS.findOk.code, 4))).toBe(false);
    expect(fitsCommand(COMMANDS.readTextPhoto, answer(STATUS.selectFailed.code))).toBe(false);
    // A select's success (8 bytes) is shorter than any read.
    expect(fitsCommand(COMMANDS.readTextPhoto, answer(STATUS.ok.code, 0))).toBe(false);
  });

  it('a select does not take a find answer, a find does not take a select answer', () => {
    expect(fitsCommand(COMMANDS.selectCard, answer(STATUS.ok.code, 8))).toBe(true);
    expect(fitsCommand(COMMANDS.selectCard, answer(STATUS.selectFailed.code))).toBe(true);
    expect(fitsCommand(COMMANDS.selectCard, answer(STATUS.findFailed.code))).toBe(false);
    expect(fitsCommand(COMMANDS.findCard, answer(STATUS.findFailed.code))).toBe(true);
    expect(fitsCommand(COMMANDS.findCard, answer(STATUS.findOk.code, 4))).toBe(true);
    expect(fitsCommand(COMMANDS.findCard, answer(STATUS.ok.code, 8))).toBe(false);
    expect(fitsCommand(COMMANDS.findCard, answer(STATUS.selectFailed.code))).toBe(false);
  });
});
