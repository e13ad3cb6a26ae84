/**
 * The preload as it ships (bundled by esbuild, CommonJS) run against a stand-in `electron`
 * module: the page gets exactly the contract's functions and `on`, each bound to its own
 * channel, and nothing that reaches Node or arbitrary IPC.
 */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { APP_ROOT } from '../../../src-main/paths.js';
import { API_EVENTS, API_METHODS, channelOf } from '../../../src-shared/api/contract.js';
import { eventChannelOf } from '../../../src-main/electron/channels.js';

async function loadPreload() {
  const out = await build({
    entryPoints: [join(APP_ROOT, 'src-main', 'electron', 'preload.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
  });
  const exposed: Record<string, Record<string, unknown>> = {};
  const invoked: Array<[string, unknown]> = [];
  const subscribed: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => (exposed[key] = api) },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => {
        invoked.push([channel, input]);
        return Promise.resolve({ ok: true, value: null });
      },
      on: (channel: string) => subscribed.push(channel),
      removeListener: () => undefined,
    },
  };
  const module = { exports: {} };
  const required: string[] = [];
  runInNewContext(out.outputFiles[0]!.text, {
    module,
    exports: module.exports,
    require: (name: string) => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`preload tried to require ${name}`);
    },
  });
  return { exposed, invoked, subscribed, required };
}

describe('preload bridge', () => {
  it('exposes one function per contract method plus `on`, and nothing else', async () => {
    const { exposed, required } = await loadPreload();
    expect(Object.keys(exposed)).toEqual(['yzt']);
    expect(Object.keys(exposed.yzt!).sort()).toEqual([...API_METHODS, 'on'].sort());
    expect(Object.values(exposed.yzt!).every((v) => typeof v === 'function')).toBe(true);
    expect(required).toEqual(['electron']);
  });

  it('sends each method only on its own channel', async () => {
    const { exposed, invoked } = await loadPreload();
    const bridge = exposed.yzt as Record<string, (i: unknown) => Promise<unknown>>;
    for (const m of API_METHODS) await bridge[m]!(null);
    expect(invoked.map(([c]) => c)).toEqual(API_METHODS.map(channelOf));
  });

  it('subscribes only to the contract events', async () => {
    const { exposed, subscribed } = await loadPreload();
    const on = exposed.yzt!.on as (e: string, l: () => void) => () => void;
    for (const e of API_EVENTS) on(e, () => undefined);
    expect(subscribed).toEqual(API_EVENTS.map(eventChannelOf));
    expect(() => on('ipc:anything', () => undefined)).toThrow(/unknown event/);
  });
});
