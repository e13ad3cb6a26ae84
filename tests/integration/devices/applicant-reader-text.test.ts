/**
 * A reader that is not there: the applicant's screen says 「读卡器没有连接，请找工作人员」 and
 * nothing about serial ports, while admin mode's device list and the log keep the IT details.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startKioskApp, type KioskApp } from '../../../src-main/app/kiosk-app.js';
import { dispatch } from '../../../src-main/app/dispatch.js';
import type { DeviceStateView, SessionView } from '../../../src-shared/api/contract.js';
import { applicantReaderState } from '../../../src-main/devices/applicant-reader-state.js';
import { tempDir } from '../../support/tmp.js';
import { FAST, memoryLogger } from './manager-helpers.js';

describe('reader trouble in plain words for the applicant', () => {
  const dir = tempDir();
  const missing = join(dir.path, 'ttyUSB9');
  const logged = memoryLogger();
  let app: KioskApp;
  afterAll(async () => {
    await app?.close();
    dir.cleanup();
  });

  it('tells the applicant to ask the staff, and admin mode where the port is missing', async () => {
    app = await startKioskApp({ dataDir: join(dir.path, 'kiosk'), shell: 'host', log: logged.log, reader: { transport: 'serial', path: missing, baudRate: 115200 }, deviceTimings: FAST });
    const session = async () => ((await dispatch(app.handlers, 'session.current', null, logged.log)) as { ok: true; value: SessionView }).value;
    await vi.waitFor(async () => expect((await session()).reader.state).toBe('disconnected'), { timeout: 10_000 });
    const shown = (await session()).reader;
    expect(shown.message_zh).toBe('读卡器没有连接，请找工作人员');
    expect(shown.message_en).toBe('The card reader is not connected; please ask the staff');
    expect(JSON.stringify(shown)).not.toMatch(/串口|\/|tty|port/i);
    const devices = ((await dispatch(app.handlers, 'devices.list', null, logged.log)) as { ok: true; value: DeviceStateView[] }).value;
    const reader = devices.find((d) => d.device === 'idReader')!;
    expect(reader.message_zh).toContain('找不到串口');
    expect(reader.message_zh).toContain(missing);
    expect(logged.lines.join('\n')).toContain('port-not-found');
  });

  it('keeps the driver words that tell the applicant what to do with the card', () => {
    expect(applicantReaderState({ state: 'ready', code: 'read-failed', message_zh: '读卡失败，请拿起身份证后重新放置', message_en: 'x' }).message_zh).toBe('读卡失败，请拿起身份证后重新放置');
    expect(applicantReaderState({ state: 'error', code: 'sam-41', message_zh: '身份证阅读器安全模块故障：…，正在复位', message_en: 'x' }).message_zh).toBe('读卡器暂时不能使用，请找工作人员');
  });
});
