/**
 * The routing tags a clerk records at the counter (issue 14 item 4), as they travel to the
 * central and the court's other terminals: the whole set each time (an empty set says none
 * applies), each tag with its source and an optional note.
 */
import { z } from 'zod';
import { ROUTING_TAGS } from '../courts/routing-types.js';
import { TAG_SOURCES } from '../courts/routing-tag-labels.js';

const note = z.string().max(200).regex(/^[^\u0000-\u001f\u007f]*$/u, { message: '说明不能含控制字符' });

export const recordedTagSchema = z.strictObject({ tag: z.enum(ROUTING_TAGS), source: z.enum(TAG_SOURCES), note });
export type RecordedTag = z.output<typeof recordedTagSchema>;

export const routingTagsPayloadSchema = z.strictObject({
  tags: z
    .array(recordedTagSchema)
    .max(30)
    .refine((t) => new Set(t.map((x) => x.tag)).size === t.length, { message: '同一标签只能记录一次' })
    .refine((t) => t.every((x) => x.source !== 'other' || x.note.trim().length > 0), { message: '来源为“其他”的，请写明说明' }),
});
