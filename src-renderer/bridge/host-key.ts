/**
 * The host shell's per-launch secret on the page's side: taken from the launch URL's fragment
 * once, removed from the address bar at once (so it is not in the history or on screen), and kept
 * in this tab's sessionStorage so that a reload of the same tab still works.
 */
import { KEY_STORAGE_ITEM, splitLaunchHash } from '../../src-shared/api/host-launch.js';

let key: string | null = null;

export function hostKey(): string | null {
  if (key) return key;
  const split = splitLaunchHash(location.hash);
  if (split.key) {
    key = split.key;
    history.replaceState(history.state, '', `${location.pathname}${location.search}${split.hash}`);
  }
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE_ITEM, key);
    else key = sessionStorage.getItem(KEY_STORAGE_ITEM);
  } catch {
    // no storage: the secret lives in memory only, and a reload needs the launch URL again
  }
  return key;
}

/** Wiping the page's storage at the end of a session keeps the secret (it is not the applicant's). */
export function clearSessionStorageButKey(): void {
  const k = key ?? sessionStorage.getItem(KEY_STORAGE_ITEM);
  sessionStorage.clear();
  if (k) sessionStorage.setItem(KEY_STORAGE_ITEM, k);
}
