/**
 * Every `yzt` command, in the order `yzt --help` lists them. Each is loaded only when used, so
 * one command does not pay for the start-up of all the others (tests/unit/cli checks that each
 * entry's path matches its module).
 */
import type { CliCommand } from '../command.js';

export interface LazyCommand {
  path: string[];
  load(): Promise<CliCommand>;
}

const lazy = (path: string[], load: () => Promise<CliCommand>): LazyCommand => ({ path, load });

export const COMMANDS: LazyCommand[] = [
  lazy(['kiosk', 'serve'], async () => (await import('./kiosk-serve.js')).command),
  lazy(['kiosk', 'enrol'], async () => (await import('./kiosk-enrol.js')).command),
  lazy(['sync', 'status'], async () => (await import('./sync-status.js')).command),
  lazy(['central', 'serve'], async () => (await import('./central-serve.js')).command),
  lazy(['central', 'enrol-code'], async () => (await import('./central-enrol-code.js')).command),
  lazy(['central', 'court-token'], async () => (await import('./central-court-token.js')).command),
  lazy(['central', 'revoke'], async () => (await import('./central-revoke.js')).command),
  lazy(['central', 'case'], async () => (await import('./central-case.js')).command),
  lazy(['central', 'kiosks'], async () => (await import('./central-kiosks.js')).command),
  lazy(['central', 'audit-clear'], async () => (await import('./central-audit-clear.js')).command),
  lazy(['loadtest'], async () => (await import('./loadtest.js')).command),
  lazy(['sim', 'idcard'], async () => (await import('./sim-idcard.js')).command),
  lazy(['device', 'read-id'], async () => (await import('./device-read-id.js')).command),
  lazy(['device', 'list'], async () => (await import('./device-list.js')).command),
  lazy(['casenum', 'parse'], async () => (await import('./casenum-parse.js')).command),
  lazy(['rules', 'check'], async () => (await import('./rules-check.js')).command),
  lazy(['courts', 'list'], async () => (await import('./courts-list.js')).command),
  lazy(['courts', 'check'], async () => (await import('./courts-check.js')).command),
  lazy(['calendar', 'import'], async () => (await import('./calendar-import.js')).command),
  lazy(['calendar', 'show'], async () => (await import('./calendar-show.js')).command),
  lazy(['device', 'decode'], async () => (await import('./device-decode.js')).command),
  lazy(['sim', 'scanner'], async () => (await import('./sim-scanner.js')).command),
  lazy(['health'], async () => (await import('./health.js')).command),
  lazy(['counter', 'add-user'], async () => (await import('./counter-add-user.js')).command),
  lazy(['counter', 'template'], async () => (await import('./counter-template.js')).command),
  lazy(['counter', 'set-token'], async () => (await import('./counter-set-token.js')).command),
  lazy(['counter', 'users'], async () => (await import('./counter-users.js')).command),
  lazy(['counter', 'register'], async () => (await import('./counter-users.js')).registerCommand),
  lazy(['audit', 'verify'], async () => (await import('./audit-verify.js')).command),
  lazy(['admin', 'export-config'], async () => (await import('./admin-config.js')).exportCommand),
  lazy(['admin', 'import-config'], async () => (await import('./admin-config.js')).importCommand),
  lazy(['admin', 'set-pin'], async () => (await import('./admin-set-pin.js')).command),
  lazy(['admin', 'export-logs'], async () => (await import('./admin-export-logs.js')).command),
  lazy(['privacy', 'purge'], async () => (await import('./privacy-purge.js')).command),
];
