import { EventEmitter } from 'node:events';
import type { ApiEventName, ApiEvents } from '../../src-shared/api/contract.js';

type Tupled = { [E in ApiEventName]: [ApiEvents[E]] };

/** Typed bus of the contract's pushed events; each shell forwards it to its renderer(s). */
export class EventBus extends EventEmitter<Tupled> {}
