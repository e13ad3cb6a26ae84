import type { KioskBridge } from '../../src-shared/api/contract.js';
import { createHostBridge } from './host-bridge.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the host shell serves the page. */
    yzt?: KioskBridge;
  }
}

export function getBridge(): KioskBridge {
  return window.yzt ?? createHostBridge();
}
