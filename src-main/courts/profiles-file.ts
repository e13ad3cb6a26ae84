/**
 * Court profiles edited by IT staff: a JSON array of profiles (start from
 * `yzt courts list --json`), each validated whole with parseCourtProfile. The kiosk reads
 * `<data dir>/courts.json`, the central gateway `--courts FILE`; a bad file stops the start
 * with a message that names the problem, rather than running with half a configuration.
 */
import { existsSync, readFileSync } from 'node:fs';
import { AppError } from '../../src-shared/api/errors.js';
import { parseCourtProfile } from '../../src-shared/courts/profile-schema.js';
import { useCourtProfiles, type CourtProfile } from '../../src-shared/courts/court-profile.js';

export type ProfilesFileResult = { ok: true; profiles: CourtProfile[] } | { ok: false; message_zh: string; message_en: string; issues: string[] };

export function readCourtProfilesFile(file: string): ProfilesFileResult {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { ok: false, message_zh: `无法读取法院配置文件 ${file}`, message_en: `Cannot read the court profiles file ${file}: ${e instanceof Error ? e.message : String(e)}`, issues: [] };
  }
  const items = Array.isArray(json) ? json : [json];
  const profiles: CourtProfile[] = [];
  const issues: string[] = [];
  items.forEach((item, i) => {
    const r = parseCourtProfile(item);
    if (r.ok) profiles.push(r.profile);
    else issues.push(...r.issues.map((x) => `#${i + 1} ${x.path}: ${x.message_zh}`));
  });
  const ids = profiles.map((p) => p.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) issues.push(`法院 ${dup} 出现了两次`);
  if (issues.length > 0) {
    return { ok: false, message_zh: `法院配置文件有 ${issues.length} 处错误：${issues[0]}`, message_en: `The court profiles file has ${issues.length} error(s)`, issues };
  }
  return { ok: true, profiles };
}

/** Installs the file's profiles for this process when the file exists; throws on a bad file. */
export function installCourtProfilesFile(file: string | undefined): CourtProfile[] {
  if (!file || !existsSync(file)) return [];
  const r = readCourtProfilesFile(file);
  if (!r.ok) throw new AppError('courts.bad-file', r.message_zh, r.message_en);
  useCourtProfiles(r.profiles);
  return r.profiles;
}
