import type { ApiEventName } from '../../src-shared/api/contract.js';

export function eventChannelOf(event: ApiEventName): string {
  return `yzt:event:${event}`;
}
