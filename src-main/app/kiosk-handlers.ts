/** The contract's handlers for the kiosk: each one a thin call into a service. */
import type { ApiHandlers, KioskInfo, ReaderStateView } from '../../src-shared/api/contract.js';
import { AppError } from '../../src-shared/api/errors.js';
import type { FilingService } from '../filings/filing-service.js';
import { getFilingView } from '../filings/filing-store.js';
import type { KioskSession } from '../kiosk/session.js';
import { toApplicant, toCardView } from '../kiosk/card-view.js';
import type { SyncEngine } from '../sync/sync-engine.js';
import type { Db } from '../db/open.js';

export interface HandlerDeps {
  db: Db;
  info: KioskInfo;
  session: KioskSession;
  filings: FilingService;
  sync: SyncEngine;
  readerState: () => ReaderStateView;
}

const NO_CARD = new AppError('no-card', '请先将本人身份证放在读卡区', 'Place your ID card on the reader first');

export function kioskHandlers(d: HandlerDeps): ApiHandlers {
  return {
    'kiosk.info': () => d.info,
    'session.current': () => {
      const card = d.session.currentCard;
      return { sessionId: d.session.sessionId, card: card ? toCardView(card) : null, reader: d.readerState() };
    },
    'session.end': ({ reason }) => {
      d.session.end(reason);
      return null;
    },
    'filing.submit': (draft) => {
      const card = d.session.currentCard;
      if (!card) throw NO_CARD;
      return { filing: d.filings.submit(draft, toApplicant(card)) };
    },
    'filing.get': ({ id }) => {
      const v = getFilingView(d.db, id);
      if (!v) throw new AppError('not-found', '没有找到这份申请', 'Filing not found');
      return v;
    },
    'filing.mine': () => {
      const card = d.session.currentCard;
      if (!card) throw NO_CARD;
      return d.filings.listForApplicant(card.idNumber);
    },
    'sync.status': () => d.sync.status(),
    'sync.now': () => {
      d.sync.kick();
      return d.sync.status();
    },
  };
}
