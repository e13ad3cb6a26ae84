/**
 * Admin mode on a kiosk: IT staff working at the kiosk see (and hear) a call this kiosk made,
 * and, on a counter PC, the court's calls. Shown before sign-in too: whoever stands there is staff.
 */
import { useEffect, useState } from 'react';
import type { KioskBridge } from '../../src-shared/api/contract.js';
import type { HelpCallView } from '../../src-shared/api/help.js';
import { HelpAlerts } from './HelpAlerts.js';

export function AdminHelp({ bridge }: { bridge: Pick<KioskBridge, 'help.current' | 'on'> }) {
  const [own, setOwn] = useState<HelpCallView | null>(null);
  const [court, setCourt] = useState<HelpCallView[]>([]);
  useEffect(() => {
    const offs = [bridge.on('help.updated', setOwn), bridge.on('help.calls', setCourt)];
    void bridge['help.current'](null).then((r) => r.ok && setOwn(r.value));
    return () => offs.forEach((off) => off());
  }, [bridge]);
  const calls = [...court];
  if (own && (own.status === 'waiting' || own.status === 'acknowledged') && !calls.some((c) => c.id === own.id)) calls.unshift(own);
  return <HelpAlerts calls={calls} />;
}
