import { defineCommand } from '../command.js';
import { existingKioskDbFile } from '../data-dir.js';
import { openKioskDbOrSay } from '../../sync/kiosk-db-check.js';
import { outboxStats } from '../../sync/outbox-store.js';
import { readCredential, readSyncState } from '../../sync/sync-state.js';
import { readSetting } from '../../kiosk/settings.js';

export const command = defineCommand({
  path: ['sync', 'status'],
  summary: '终端同步状态 (kiosk sync state)',
  help: `
yzt sync status [--data DIR] [--json]

显示终端的同步状态：待上传数量、最早待上传时间、最近一次成功上传和下载、最近的错误（中英文）。
Shows the kiosk's sync state: queue depth, age of the oldest pending filing, last successful
push and pull, last error (Chinese and English). Safe to run beside a running kiosk.

  --data DIR  kiosk data folder (default $YZT_DATA or ./data/kiosk)
  --json      print one JSON object
`,
  options: { data: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const db = openKioskDbOrSay(existingKioskDbFile(values), io.err);
    if (!db) return 1;
    try {
      const { depth, oldest } = outboxStats(db);
      const s = readSyncState(db);
      const cred = readCredential(db);
      const now = Date.now();
      const status = {
        deviceId: readSetting(db, 'device.id') ?? null,
        enrolled: cred !== null,
        centralUrl: cred?.centralUrl ?? readSetting(db, 'central.url') ?? null,
        courtCode: cred?.courtCode ?? null,
        queueDepth: depth,
        oldestPendingAt: oldest,
        oldestPendingAgeSeconds: oldest ? Math.max(0, Math.round((now - Date.parse(oldest)) / 1000)) : null,
        lastPushAt: s.lastPushAt,
        lastPullAt: s.lastPullAt,
        pullCursor: s.cursor,
        lastErrorCode: s.lastError?.code ?? null,
        lastError_zh: s.lastError?.message_zh ?? null,
        lastError_en: s.lastError?.message_en ?? null,
      };
      if (values.json === true) io.out(JSON.stringify(status));
      else {
        io.out(`设备 device: ${status.deviceId ?? '-'}  登记 enrolled: ${status.enrolled ? 'yes' : 'no'}  中心 central: ${status.centralUrl ?? '-'}`);
        io.out(`待上传 queue: ${depth}${oldest ? `  最早 oldest: ${oldest} (${status.oldestPendingAgeSeconds}s)` : ''}`);
        io.out(`上次上传 last push: ${s.lastPushAt ?? '-'}  上次下载 last pull: ${s.lastPullAt ?? '-'}`);
        if (s.lastError) io.out(`错误 error: ${s.lastError.message_zh} (${s.lastError.message_en}) [${s.lastError.code}]`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
});
