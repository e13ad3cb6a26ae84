/**
 * The only bridge between the sandboxed page and the services: one function per contract
 * method and a subscription for the contract's events. `satisfies KioskBridge` makes a
 * missing, extra or mistyped method a compile error. Bundled to CommonJS (sandboxed preloads
 * cannot load ES modules).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEventName, ApiEvents, ApiInput, ApiMethod, ApiOutput, ApiResult, KioskBridge } from '../../src-shared/api/contract.js';
import { API_EVENTS, channelOf } from '../../src-shared/api/names.js';
import { eventChannelOf } from './channels.js';

const call =
  <M extends ApiMethod>(method: M) =>
  (input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>> =>
    ipcRenderer.invoke(channelOf(method), input) as Promise<ApiResult<ApiOutput<M>>>;

const bridge = {
  'kiosk.info': call('kiosk.info'),
  'session.current': call('session.current'),
  'session.end': call('session.end'),
  'session.revealId': call('session.revealId'),
  'filing.submit': call('filing.submit'),
  'filing.get': call('filing.get'),
  'filing.mine': call('filing.mine'),
  'sync.status': call('sync.status'),
  'sync.now': call('sync.now'),
  'filing.check': call('filing.check'),
  'draft.save': call('draft.save'),
  'draft.resume': call('draft.resume'),
  'draft.discard': call('draft.discard'),
  'draft.handover': call('draft.handover'),
  'document.add': call('document.add'),
  'document.remove': call('document.remove'),
  'receipt.print': call('receipt.print'),
  'status.byReceipt': call('status.byReceipt'),
  'status.byNumber': call('status.byNumber'),
  'filing.duplicates': call('filing.duplicates'),
  'filing.correct': call('filing.correct'),
  'counter.signIn': call('counter.signIn'),
  'counter.signOut': call('counter.signOut'),
  'counter.queue': call('counter.queue'),
  'counter.case': call('counter.case'),
  'counter.document': call('counter.document'),
  'counter.verify': call('counter.verify'),
  'counter.reception.save': call('counter.reception.save'),
  'counter.reception.print': call('counter.reception.print'),
  'counter.reception.attachScan': call('counter.reception.attachScan'),
  'counter.noReception': call('counter.noReception'),
  'counter.triage.decide': call('counter.triage.decide'),
  'counter.triage.convert': call('counter.triage.convert'),
  'counter.tags.set': call('counter.tags.set'),
  'counter.stage.move': call('counter.stage.move'),
  'counter.return': call('counter.return'),
  'counter.done': call('counter.done'),
  'counter.register.csv': call('counter.register.csv'),
  'counter.preEnforcement': call('counter.preEnforcement'),
  'counter.notice.draft': call('counter.notice.draft'),
  'counter.notice.issue': call('counter.notice.issue'),
  'counter.related': call('counter.related'),
  'counter.sms.history': call('counter.sms.history'),
  'counter.sms.silent': call('counter.sms.silent'),
  'counter.sms.templates': call('counter.sms.templates'),
  'counter.sms.saveTemplates': call('counter.sms.saveTemplates'),
  'counter.propertyClueForm': call('counter.propertyClueForm'),
  'counter.handover.open': call('counter.handover.open'),
  'counter.handover.submit': call('counter.handover.submit'),
  'counter.password.change': call('counter.password.change'),
  'counter.accounts.list': call('counter.accounts.list'),
  'counter.accounts.manage': call('counter.accounts.manage'),
  'counter.accounts.import': call('counter.accounts.import'),
  'counter.audit.list': call('counter.audit.list'),
  'devices.list': call('devices.list'),
  'devices.selfTest': call('devices.selfTest'),
  'handwriting.recognize': call('handwriting.recognize'),
  'admin.signIn': call('admin.signIn'),
  'admin.signOut': call('admin.signOut'),
  'admin.overview': call('admin.overview'),
  'admin.saveConfig': call('admin.saveConfig'),
  'admin.testReader': call('admin.testReader'),
  'admin.testPrinter': call('admin.testPrinter'),
  'admin.testA4': call('admin.testA4'),
  'admin.enrol': call('admin.enrol'),
  'admin.courtProfile': call('admin.courtProfile'),
  'admin.saveCourtProfile': call('admin.saveCourtProfile'),
  'admin.resetCourtProfile': call('admin.resetCourtProfile'),
  'admin.setCounterToken': call('admin.setCounterToken'),
  'admin.privacy': call('admin.privacy'),
  'admin.savePrivacy': call('admin.savePrivacy'),
  'admin.calendar': call('admin.calendar'),
  'admin.importCalendar': call('admin.importCalendar'),
  'speech.say': call('speech.say'),
  'help.call': call('help.call'),
  'help.current': call('help.current'),
  'help.cancel': call('help.cancel'),
  'counter.help.list': call('counter.help.list'),
  'counter.help.ack': call('counter.help.ack'),
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
    if (!(API_EVENTS as readonly string[]).includes(event)) throw new Error(`unknown event ${String(event)}`);
    // The IPC event object is not passed on: it would hand the page a handle on ipcRenderer.
    const handler = (_e: IpcRendererEvent, payload: ApiEvents[E]) => listener(payload);
    ipcRenderer.on(eventChannelOf(event), handler);
    return () => {
      ipcRenderer.removeListener(eventChannelOf(event), handler);
    };
  },
} satisfies KioskBridge;

contextBridge.exposeInMainWorld('yzt', bridge);
