/**
 * Runtime names of the contract that the Electron preload needs. Kept free of zod so that the
 * preload bundle stays small; contract.ts checks these against its types.
 */
import type { ApiEventName, ApiMethod } from './contract.js';

export const API_EVENTS = [
  'reader.state',
  'card.placed',
  'card.removed',
  'session.ended',
  'filing.updated',
  'sync.status',
  'devices.state',
  'scanner.scan',
  'counter.changed',
  'help.updated',
  'help.calls',
] as const satisfies readonly ApiEventName[];

/** Name of the IPC channel for a method; one place decides it. */
export function channelOf(method: ApiMethod): string {
  return `yzt:${method}`;
}
