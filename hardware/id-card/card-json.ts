/** Card JSON files (simulator cards, test fixtures): IdCard fields, checked before use. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { IdCard } from '../../src-shared/domain/id-card.js';

const date = z.string().regex(/^\d{8}$/);

export const idCardSchema = z
  .object({
    kind: z.enum(['resident', 'foreign-permanent', 'hmt-residence', 'foreign-2023']),
    name: z.string(),
    nameEn: z.string().exactOptional(),
    genderCode: z.string().regex(/^[0129]$/),
    ethnicCode: z.string().regex(/^\d{2}$/).exactOptional(),
    birthDate: date,
    address: z.string(),
    idNumber: z.string().min(1),
    authority: z.string(),
    validFrom: date,
    validTo: z.union([date, z.literal('长期')]),
    nationality: z.string().exactOptional(),
    permitNumber: z.string().exactOptional(),
    issueCount: z.string().exactOptional(),
    cardVersion: z.string().exactOptional(),
  })
  .strict();

export class CardFileError extends Error {
  constructor(
    readonly message_zh: string,
    readonly message_en: string,
  ) {
    super(message_en);
    this.name = 'CardFileError';
  }
}

export function parseCardJson(text: string): IdCard {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CardFileError('卡片文件不是有效的 JSON', 'The card file is not valid JSON');
  }
  const r = idCardSchema.safeParse(data);
  if (!r.success) {
    // Field paths only: values may be personal data.
    const fields = [...new Set(r.error.issues.map((i) => i.path.join('.') || '(root)'))].join(', ');
    throw new CardFileError(`卡片文件字段不正确：${fields}`, `The card file has invalid fields: ${fields}`);
  }
  return r.data;
}

export async function loadCardFile(path: string): Promise<IdCard> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CardFileError(`无法读取卡片文件 ${path}`, `Cannot read the card file ${path}`);
  }
  return parseCardJson(text);
}
