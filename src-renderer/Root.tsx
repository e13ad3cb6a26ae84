/**
 * Chooses the screen by the URL hash: the applicant kiosk (default), the counter console
 * (`#/counter`) or admin mode (`#/admin`). Admin mode has no link on the public screens: it
 * opens from a hidden gesture (five taps in the top-left corner within three seconds) and then
 * asks for the PIN.
 */
import { useEffect, useRef, useState } from 'react';
import type { KioskBridge } from '../src-shared/api/contract.js';
import { KioskApp } from './kiosk/KioskApp.js';
import { CounterApp } from './counter/CounterApp.js';
import { AdminApp } from './admin/AdminApp.js';

const TAPS = 5;
const WINDOW_MS = 3000;

function HiddenCorner({ onOpen }: { onOpen(): void }) {
  const taps = useRef<number[]>([]);
  return (
    <div
      className="hidden-corner"
      data-testid="hidden-corner"
      aria-hidden="true"
      onPointerDown={() => {
        const now = Date.now();
        taps.current = [...taps.current.filter((t) => now - t < WINDOW_MS), now];
        if (taps.current.length >= TAPS) {
          taps.current = [];
          onOpen();
        }
      }}
    />
  );
}

export function Root({ bridge }: { bridge: KioskBridge }) {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  if (hash.startsWith('#/counter')) return <CounterApp bridge={bridge} />;
  if (hash.startsWith('#/admin')) return <AdminApp bridge={bridge} onExit={() => (location.hash = '')} />;
  return (
    <>
      <KioskApp bridge={bridge} />
      <HiddenCorner onOpen={() => (location.hash = '#/admin')} />
    </>
  );
}
