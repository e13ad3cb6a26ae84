/**
 * Turns zod issues into lines a person can act on, in Chinese and English, naming the field
 * path. Shared by profile import and the filing-facts validation.
 */
import type { z } from 'zod';

export interface InputIssue {
  path: string;
  message_zh: string;
  message_en: string;
}

const ZH: Record<string, string> = {
  invalid_type: '类型不对或缺少此项',
  too_big: '过长或过大',
  too_small: '过短、过小或为空',
  invalid_format: '格式不对',
  invalid_value: '不是允许的取值',
  unrecognized_keys: '含有不认识的字段',
  invalid_union: '不符合任何一种允许的写法',
  custom: '不符合要求',
};

export function zodIssuesZh(issues: readonly z.core.$ZodIssue[], limit = 20): InputIssue[] {
  return issues.slice(0, limit).map((i) => {
    const path = i.path.map(String).join('.') || '(根)';
    const keys = i.code === 'unrecognized_keys' ? `：${i.keys.slice(0, 5).join(', ').slice(0, 80)}` : '';
    const detail = i.code === 'custom' ? `：${i.message}` : keys;
    return { path, message_zh: `${path}：${ZH[i.code] ?? '不符合要求'}${detail}`, message_en: `${path}: ${i.message.slice(0, 200)}` };
  });
}
