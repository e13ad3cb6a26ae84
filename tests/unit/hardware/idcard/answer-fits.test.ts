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
  it.each([
    // A read takes its own success and failures, never a find or select answer.
    { command: COMMANDS.readTextPhoto, status: STATUS.ok, bytes: 1295, fits: true },
    { command: COMMANDS.readTextPhoto, status: STATUS.cardOperationFailed, bytes: 0, fits: true },
    { command: COMMANDS.readTextPhoto, status: STATUS.samSelfTestFailed, bytes: 0, fits: true },
    { command: COMMANDS.readTextPhoto, status: STATUS.findFailed, bytes: 0, fits: false },
    { command: COMMANDS.readTextPhotoFingerprint, status: STATUS.findOk, bytes: 4, fits: false },
    { command: COMMANDS.readTextPhoto, status: STATUS.selectFailed, bytes: 0, fits: false },
    { command: COMMANDS.readTextPhoto, status: STATUS.ok, bytes: 0, fits: false },
    // A select does not take a find answer, a find does not take a select answer.
    { command: COMMANDS.selectCard, status: STATUS.ok, bytes: 8, fits: true },
    { command: COMMANDS.selectCard, status: STATUS.selectFailed, bytes: 0, fits: true },
    { command: COMMANDS.selectCard, status: STATUS.findFailed, bytes: 0, fits: false },
    { command: COMMANDS.findCard, status: STATUS.findFailed, bytes: 0, fits: true },
    { command: COMMANDS.findCard, status: STATUS.findOk, bytes: 4, fits: true },
    { command: COMMANDS.findCard, status: STATUS.ok, bytes: 8, fits: false },
    { command: COMMANDS.findCard, status: STATUS.selectFailed, bytes: 0, fits: false },
  ])('$command.name takes $status.name with $bytes bytes: $fits', ({ command, status, bytes, fits }) => {
    expect(fitsCommand(command, answer(status.code, bytes))).toBe(fits);
  });
});
