/**
 * Court profile editing from admin mode: one profile at a time, validated whole, written into
 * the same `<data dir>/courts.json` that `yzt courts check` vets, so a profile edited on the
 * screen and one edited as a file are the same thing. The file is replaced atomically: a kiosk
 * that loses power mid-save starts with the old file, never half a new one.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../src-shared/api/errors.js';
import { COURT_PRESETS, findCourt, useCourtProfiles, type CourtProfile } from '../../src-shared/courts/court-profile.js';
import { parseCourtProfile } from '../../src-shared/courts/profile-schema.js';
import type { InputIssue } from '../../src-shared/courts/zod-issues.js';
import { readCourtProfilesFile } from './profiles-file.js';

export const COURTS_FILE = 'courts.json';

export type ProfileSource = 'preset' | 'file';

export interface EditableProfile {
  profile: CourtProfile;
  source: ProfileSource;
  /** A preset exists under this id, so the file's version can be dropped to go back to it. */
  hasPreset: boolean;
}

export type SaveProfileResult = { ok: true; profile: CourtProfile } | { ok: false; issues: InputIssue[]; message_zh: string; message_en: string };

function fileProfiles(dataDir: string): CourtProfile[] {
  const file = join(dataDir, COURTS_FILE);
  if (!existsSync(file)) return [];
  const r = readCourtProfilesFile(file);
  // The kiosk refused to start on a bad file, so reaching here with one means it was edited
  // by hand since; saving over it would silently drop the other profiles in it.
  if (!r.ok) throw new AppError('courts.bad-file', r.message_zh, r.message_en);
  return r.profiles;
}

export function editableProfile(dataDir: string, courtId: string): EditableProfile {
  const own = fileProfiles(dataDir).find((p) => p.id === courtId);
  const preset = COURT_PRESETS.find((p) => p.id === courtId);
  const profile = own ?? preset ?? findCourt(courtId);
  if (!profile) throw new AppError('courts.unknown', `没有编号为 ${courtId} 的法院配置`, `No court profile ${courtId}`);
  return { profile, source: own ? 'file' : 'preset', hasPreset: preset !== undefined };
}

function writeProfiles(dataDir: string, profiles: CourtProfile[]): void {
  const file = join(dataDir, COURTS_FILE);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(profiles, null, 2)}\n`, { mode: 0o644 });
  renameSync(tmp, file);
  useCourtProfiles(profiles);
}

/** Validates and stores one profile (added, or replacing the file's profile of the same id). */
export function saveCourtProfile(dataDir: string, input: unknown): SaveProfileResult {
  const r = parseCourtProfile(input);
  if (!r.ok) return { ok: false, issues: r.issues, message_zh: r.message_zh, message_en: r.message_en };
  const others = fileProfiles(dataDir).filter((p) => p.id !== r.profile.id);
  writeProfiles(dataDir, [...others, r.profile]);
  return { ok: true, profile: r.profile };
}

/** Drops the file's version of a preset court, so the built-in profile applies again. */
export function resetCourtProfile(dataDir: string, courtId: string): CourtProfile {
  const preset = COURT_PRESETS.find((p) => p.id === courtId);
  if (!preset) throw new AppError('courts.no-preset', `法院 ${courtId} 没有内置配置，无法恢复`, `Court ${courtId} has no built-in profile to go back to`);
  writeProfiles(dataDir, fileProfiles(dataDir).filter((p) => p.id !== courtId));
  return preset;
}
