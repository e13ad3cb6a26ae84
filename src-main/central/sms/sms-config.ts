/**
 * The court's SMS gateway (CMPP 2.0 ISMG) as IT staff configure it for the central: a JSON
 * file given with `yzt central serve --sms FILE`. The shared secret may stay out of the file
 * (YZT_SMS_SECRET); either way it is never logged: `describeSms` is what the log gets.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../src-shared/api/errors.js';
import type { CmppConfig } from '../../sms/cmpp/client.js';

const configSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  /** 企业代码 / SP id: CMPP Source_Addr, 6 characters. */
  sourceAddr: z.string().min(1).max(6),
  secret: z.string().optional(),
  serviceId: z.string().max(10).default(''),
  /** SP access number shown as sender (Src_Id). */
  srcId: z.string().min(1).max(21),
  /** First retry after this many ms, doubling up to `retryMaxMs`. */
  retryBaseMs: z.number().int().min(10).default(30_000),
  retryMaxMs: z.number().int().min(10).default(3_600_000),
  /** After this many failed attempts a message is given up and shown as failed. */
  maxAttempts: z.number().int().min(1).max(100).default(12),
  pollMs: z.number().int().min(10).default(5_000),
  responseTimeoutMs: z.number().int().min(100).default(10_000),
  activeTestMs: z.number().int().min(0).default(30_000),
});

export type SmsGatewayConfig = z.output<typeof configSchema> & { secret: string };

export function readSmsConfig(file: string, env: NodeJS.ProcessEnv = process.env): SmsGatewayConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError('sms-config-unreadable', `无法读取短信网关配置文件 ${file}：请检查路径和JSON格式`, `Cannot read the SMS gateway configuration ${file}: ${(e as Error).message}`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('sms-config-invalid', `短信网关配置有误：${issue?.path.join('.') ?? ''} 不符合要求`, `SMS gateway configuration invalid at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  const secret = env.YZT_SMS_SECRET ?? parsed.data.secret;
  if (!secret) throw new AppError('sms-config-no-secret', '短信网关配置缺少共享密钥（secret 或环境变量 YZT_SMS_SECRET）', 'SMS gateway configuration has no shared secret (secret, or YZT_SMS_SECRET)');
  return { ...parsed.data, secret };
}

export function cmppConfigOf(c: SmsGatewayConfig): CmppConfig {
  return { host: c.host, port: c.port, sourceAddr: c.sourceAddr, secret: c.secret, serviceId: c.serviceId, srcId: c.srcId, responseTimeoutMs: c.responseTimeoutMs, activeTestMs: c.activeTestMs };
}

/** What may be logged of the configuration: everything but the secret. */
export function describeSms(c: SmsGatewayConfig): Record<string, unknown> {
  return { host: c.host, port: c.port, sourceAddr: c.sourceAddr, serviceId: c.serviceId, srcId: c.srcId };
}
