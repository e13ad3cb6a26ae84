/** The central's SMS sender over a CMPP client, as `startCentral` runs it when a gateway is configured. */
import type { Logger } from '../../log/logger.js';
import { CmppClient } from '../../sms/cmpp/client.js';
import type { SmsOutboxStore } from './outbox-types.js';
import { cmppConfigOf, describeSms, type SmsGatewayConfig } from './sms-config.js';
import { SmsSender } from './sms-sender.js';

export function startSmsSender(outbox: SmsOutboxStore, cfg: SmsGatewayConfig, log: Logger, now: () => Date): SmsSender {
  const client = new CmppClient(cmppConfigOf(cfg), (r) => log.info('central.sms.report', { msgId: r.msgId, stat: r.stat }));
  const sender = new SmsSender(outbox, client, log, now, { pollMs: cfg.pollMs, retryBaseMs: cfg.retryBaseMs, retryMaxMs: cfg.retryMaxMs, maxAttempts: cfg.maxAttempts });
  log.info('central.sms.gateway', describeSms(cfg));
  sender.start();
  return sender;
}
