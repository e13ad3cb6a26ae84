import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { defineCommand, optionalInt } from '../command.js';
import { creatableKioskDbFile } from '../data-dir.js';
import { listenProblem, portOption } from '../port-option.js';
import { createLogger } from '../../log/logger.js';
import { startKioskApp } from '../../app/kiosk-app.js';
import { startHostShell } from '../../host/host-server.js';
import { startDemoDevices } from '../../host/demo-devices.js';

export const command = defineCommand({
  path: ['kiosk', 'serve'],
  summary: '以浏览器模式运行终端 (run the kiosk in the host shell)',
  help: `
yzt kiosk serve [--port N] [--data DIR] [--central URL] [--court ID] [--reader PATH [--baud N]] [--demo]

在本机 127.0.0.1 上提供终端页面和接口（无 Electron 运行时时使用）。
Serves the kiosk page and its API on 127.0.0.1 (the host shell, used where no Electron
runtime is installed, and by the browser tests).

  --port N       port (default 0: a free one; the URL is printed)

打印出的网址在 # 之后带有每次启动时生成的密钥：只有用这些网址打开的页面才能使用接口。
The printed URLs carry a secret made at each start (after #): only a page opened with
one of them can use the API; the same address without it is refused.
  --data DIR     data folder for the kiosk database and logs (default $YZT_DATA or ./data/kiosk)
  --central URL  central gateway URL, e.g. http://127.0.0.1:8700
  --court ID     court profile id (see \`yzt courts list\`; default jiaozuo-shanyang)
  --reader PATH  serial port of the ID card reader, e.g. /dev/ttyUSB0 (default: the
                 reader configured with "yzt admin import-config")
  --baud N       reader baud rate (default 115200)
  --sync-max-delay MS  longest wait between sync retries (default 60000)
  --demo         no hardware: start a local central gateway and an ID card simulator,
                 and read commands from the terminal (place / remove / help)
`,
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    central: { type: 'string' },
    court: { type: 'string' },
    reader: { type: 'string' },
    baud: { type: 'string' },
    demo: { type: 'boolean' },
    'sync-max-delay': { type: 'string' },
  },
  async run({ values }, io) {
    const port = portOption(values, 'port', 0);
    const dataDir = dirname(creatableKioskDbFile(values));
    const log = createLogger({ file: join(dataDir, 'logs', 'kiosk.log') });
    const demo = values.demo === true ? await startDemoDevices({ dataDir, io }) : null;
    const readerPath = typeof values.reader === 'string' ? values.reader : demo?.readerPath;
    // No --reader: the reader configured in the kiosk settings (undefined), if any.
    const reader = readerPath ? { transport: 'serial' as const, path: readerPath, baudRate: optionalInt(values, 'baud', 115200) } : undefined;
    const central = typeof values.central === 'string' ? values.central : demo?.centralUrl;
    const app = await startKioskApp({
      dataDir,
      shell: 'host',
      log,
      reader,
      sync: { maxDelayMs: optionalInt(values, 'sync-max-delay', 60_000) },
      ...(typeof values.court === 'string' ? { courtId: values.court } : {}),
      ...(central ? { centralUrl: central } : {}),
    });
    let host;
    try {
      host = await startHostShell({ handlers: app.handlers, bus: app.bus, log, port });
    } catch (e) {
      await app.close();
      await demo?.close();
      throw listenProblem(e, port) ?? e;
    }
    // The URLs carry the per-launch secret in their fragment: only whoever opens them can use the API.
    io.out(`kiosk: ${host.launchUrl()}`);
    io.out(`counter: ${host.launchUrl('/counter')}`);
    const lines = demo ? createInterface({ input: process.stdin }) : null;
    lines?.on('line', (line) => void demo?.command(line.trim()));
    await new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    });
    lines?.close();
    await host.close();
    await app.close();
    await demo?.close();
    return 0;
  },
});
