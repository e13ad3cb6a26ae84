/**
 * The card reader's state as the applicant's screen shows it. The driver's messages are for IT
 * staff ("找不到串口 /dev/ttyUSB0，请检查…", SAM status words): they stay in the log and in admin
 * mode's device list. The applicant is told only what they can do: place the card, place it
 * again, wait, or ask the staff.
 */
import type { ReaderStateView } from '../../src-shared/api/contract.js';

/** Driver texts that already speak to the applicant about their card. */
const APPLICANT_CODES = new Set(['no-card', 'read-failed', 'bad-answer']);

export const READER_NOT_CONNECTED = { message_zh: '读卡器没有连接，请找工作人员', message_en: 'The card reader is not connected; please ask the staff' };
const READER_FAULT = { message_zh: '读卡器暂时不能使用，请找工作人员', message_en: 'The card reader cannot be used just now; please ask the staff' };
const READER_STARTING = { message_zh: '读卡器正在准备，请稍候', message_en: 'The card reader is getting ready; please wait' };

export function applicantReaderState(s: ReaderStateView & { code?: string }): ReaderStateView {
  const plain = (m: { message_zh: string; message_en: string }): ReaderStateView => ({ state: s.state, ...m });
  if (s.state === 'ready' || s.state === 'card-present') {
    return s.code && !APPLICANT_CODES.has(s.code) ? plain({ message_zh: '请将身份证放在读卡区', message_en: 'Place the ID card on the reader' }) : plain(s);
  }
  if (s.state === 'connecting') return plain(READER_STARTING);
  if (s.state === 'disconnected') return plain(READER_NOT_CONNECTED);
  return plain(s.code && APPLICANT_CODES.has(s.code) ? s : READER_FAULT);
}
