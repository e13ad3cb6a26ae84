/** The counter console's calls for staff: listed at sign-in, then kept current by the `help.calls` event. */
import { useEffect, useState } from 'react';
import type { KioskBridge } from '../../src-shared/api/contract.js';
import type { HelpCallView } from '../../src-shared/api/help.js';
import type { Call } from '../counter/counter-ui.js';
import { setKioskVoice } from '../ui/speak.js';
import { HelpAlerts } from './HelpAlerts.js';

export function CounterHelp({ bridge, token, call }: { bridge: KioskBridge; token: string; call: Call }) {
  const [calls, setCalls] = useState<HelpCallView[]>([]);
  useEffect(() => {
    // The counter PC speaks with the kiosk voice too where its browser has none.
    setKioskVoice(bridge);
    const off = bridge.on('help.calls', setCalls);
    void call('counter.help.list', { token }).then((list) => list && setCalls(list));
    return off;
  }, [bridge, token, call]);
  const acknowledge = async (id: string) => {
    const taken = await call('counter.help.ack', { token, id });
    if (taken) setCalls((cur) => cur.map((c) => (c.id === id ? taken : c)));
  };
  return <HelpAlerts calls={calls} onAcknowledge={(id) => void acknowledge(id)} />;
}
