/**
 * The renderer's Content-Security-Policy, the same in both shells: only our own scripts, no
 * eval, no remote content; `connect-src` admits the host shell's own API when served locally.
 */
export function contentSecurityPolicy(apiOrigin?: string): string {
  const connect = apiOrigin ? `'self' ${apiOrigin} ${apiOrigin.replace(/^http/, 'ws')}` : "'self'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
