/**
 * The central's re-check of a stage move (seed 004): a case already assigned may be assigned
 * again only along an exit of its court's stage flow. The kiosk's counter asked the same
 * engine before sending; the central, as the authority, asks again with its own profiles.
 */
import { findCourtByCode } from '../../src-shared/courts/court-profile.js';
import { stageMoveExists } from '../../src-shared/rules/stage-moves.js';

export type StageCheck = { ok: true } | { ok: false; code: string; message_zh: string; message_en: string };

export function checkCentralStageMove(courtCode: string, fromTeam: string | null, toTeam: string): StageCheck {
  const court = findCourtByCode(courtCode);
  if (court && fromTeam && stageMoveExists(court, fromTeam, toTeam)) return { ok: true };
  return {
    ok: false,
    code: 'bad-stage-move',
    message_zh: `本院流转规则不允许将案件从“${fromTeam ?? '未分配'}”移送至“${toTeam}”`,
    message_en: `The court's stage flow has no move from ${fromTeam ?? 'unassigned'} to ${toTeam}`,
  };
}
