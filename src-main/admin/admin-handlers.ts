import type { ApiHandlers } from '../../src-shared/api/contract.js';
import type { AdminService } from './admin-service.js';

type AdminMethod = Extract<keyof ApiHandlers, `admin.${string}`>;

/** The contract's `admin.` handlers: each checks the token inside the service. */
export function adminHandlers(s: AdminService): Pick<ApiHandlers, AdminMethod> {
  return {
    'admin.signIn': (input) => s.signIn(input),
    'admin.signOut': ({ token }) => {
      s.signOut(token);
      return null;
    },
    'admin.overview': ({ token }) => s.overview(token),
    'admin.saveConfig': ({ token, config }) => s.saveConfig(token, config),
    'admin.testReader': ({ token, transport, hid, ...target }) => s.testReader(token, { ...target, transport: transport ?? 'serial', ...(hid ? { hid } : {}) }),
    'admin.testPrinter': ({ token, path, baudRate }) => s.testPrinter(token, path, baudRate),
    'admin.testA4': ({ token, queue }) => s.testA4(token, queue),
    'admin.enrol': ({ token, centralUrl, code }) => s.enrol(token, centralUrl, code),
    'admin.courtProfile': ({ token, courtId }) => s.courtProfile(token, courtId),
    'admin.saveCourtProfile': ({ token, profile }) => s.saveCourtProfile(token, profile),
    'admin.resetCourtProfile': ({ token, courtId }) => s.resetCourtProfile(token, courtId),
    'admin.setCounterToken': ({ token, courtToken }) => s.setCounterToken(token, courtToken),
    'admin.privacy': ({ token }) => s.privacy(token),
    'admin.savePrivacy': ({ token, purgeAfterDays }) => s.savePrivacy(token, purgeAfterDays),
    'admin.calendar': ({ token }) => s.calendar(token),
    'admin.importCalendar': ({ token, years }) => s.importCalendar(token, years),
  };
}
