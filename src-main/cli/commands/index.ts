import type { CliCommand } from '../command.js';
import { command as centralServe } from './central-serve.js';
import { command as centralEnrolCode } from './central-enrol-code.js';
import { command as centralRevoke } from './central-revoke.js';
import { command as centralCase } from './central-case.js';
import { command as kioskEnrol } from './kiosk-enrol.js';
import { command as syncStatus } from './sync-status.js';
import { command as simIdcard } from './sim-idcard.js';
import { command as deviceReadId } from './device-read-id.js';
import { command as kioskServe } from './kiosk-serve.js';
import { command as casenumParse } from './casenum-parse.js';
import { command as rulesCheck } from './rules-check.js';
import { command as courtsList } from './courts-list.js';
import { command as deviceDecode } from './device-decode.js';
import { command as simScanner } from './sim-scanner.js';
import { command as health } from './health.js';
import { command as auditVerify } from './audit-verify.js';
import { exportCommand as adminExport, importCommand as adminImport } from './admin-config.js';

/** Every `yzt` command; `yzt --help` lists them in this order. */
export const COMMANDS: CliCommand[] = [kioskServe, kioskEnrol, syncStatus, centralServe, centralEnrolCode, centralRevoke, centralCase, simIdcard, deviceReadId, casenumParse, rulesCheck, courtsList, deviceDecode, simScanner, health, auditVerify, adminExport, adminImport];
