/**
 * The central's re-check of a move of an assigned case: only along an exit of its court's stage
 * flow (seed 004) or a conversion of its court (seed 002 art. 17: simple -> ordinary "在办理中").
 * The kiosk's counter asked the same engine before sending; the central, as the authority,
 * asks again with its own profiles.
 */
import { findCourtByCode } from '../../src-shared/courts/court-profile.js';
import { stageMoveExists } from '../../src-shared/rules/stage-moves.js';

export type StageCheck = { ok: true } | { ok: false; code: string; message_zh: string; message_en: string };

export function checkCentralStageMove(courtCode: string, fromTeam: string | null, toTeam: string): StageCheck {
  const court = findCourtByCode(courtCode);
  const conversion = (court?.routing?.conversions ?? []).some((c) => c.from === fromTeam && c.to === toTeam);
  if (court && fromTeam && (conversion || stageMoveExists(court, fromTeam, toTeam))) return { ok: true };
  return {
    ok: false,
    code: 'bad-stage-move',
    message_zh: `本院流转规则不允许将案件从“${fromTeam ?? '未分配'}”移送至“${toTeam}”`,
    message_en: `The court's stage flow has no move from ${fromTeam ?? 'unassigned'} to ${toTeam}`,
  };
}
