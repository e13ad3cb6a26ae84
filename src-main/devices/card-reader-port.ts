/**
 * What the kiosk needs of an ID card reader. hardware/id-card's IdCardReader satisfies it; so
 * does any other driver a court's reader needs.
 */
import type { IdCard, IdCardRaw } from '../../src-shared/domain/id-card.js';
import type { ReaderStateView } from '../../src-shared/api/contract.js';

export interface CardReaderPort {
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
  on(event: 'placed', listener: (card: IdCard, raw: IdCardRaw) => void): unknown;
  on(event: 'removed', listener: () => void): unknown;
  on(event: 'state', listener: (state: ReaderStateView) => void): unknown;
}

export const NO_READER: ReaderStateView = {
  state: 'disconnected',
  message_zh: '未配置身份证阅读器，请联系工作人员',
  message_en: 'No ID card reader configured; ask the staff',
};
