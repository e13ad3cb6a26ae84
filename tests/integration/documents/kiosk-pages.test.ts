/**
 * A kiosk's pages reach the central once their filing is numbered, on SQLite and PostgreSQL:
 * bytes equal, SHA-256 checked against the filing record; a resend is answered again and
 * stored once; altered bytes, a wrong hash, a page the record does not list and another
 * device's upload are refused; the logs hold ids and sizes, never the bytes or the applicant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { SyncFailure } from '../../../src-main/sync/central-client.js';
import { HEADER_SHA256, MAX_DOCUMENT_BYTES, type DocumentUploadResponse } from '../../../src-shared/sync/protocol.js';
import { APPLICANT } from '../../support/fixtures.js';
import { tempDir } from '../../support/tmp.js';
import { enrol, openKiosk, settled, type TestKiosk } from '../sync/support.js';
import { STORES, allUploaded, fileWithPages, freshSchema, localBytes, signedClient, uploadedAt } from './support.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

for (const kind of STORES) {
  describe.skipIf(kind.skip)(`kiosk pages to the central (${kind.name})`, () => {
    const dir = tempDir('yzt-pages-');
    const schema = freshSchema();
    const logged: string[] = [];
    const log = createLogger({ level: 'debug', sink: logged });
    let central: CentralHandle;
    let a: TestKiosk;
    let b: TestKiosk;

    beforeAll(async () => {
      central = await startCentral({ ...kind.choice(dir.path, schema), port: 0, log, adminToken: 'admin-token' });
      a = openKiosk(dir.path, 'kioskaaa', central.url, { log });
      b = openKiosk(dir.path, 'kioskbbb', central.url, { log });
      await enrol(a, central.store, central.url);
      await enrol(b, central.store, central.url);
      a.sync.start();
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await central?.close();
      await kind.done(schema);
      dir.cleanup();
    });

    it('uploads both pages of a numbered filing once: the same bytes, SHA-256 and kind at the central; a resend answered again', async () => {
      const { filing, pages } = fileWithPages(a.db, a.service, new Date());
      expect((await settled(a, filing.id)).officialNo).toBeTruthy();
      await allUploaded(a.db);
      for (const p of pages) {
        const blob = await central.store.getDocument(p.id);
        const mine = localBytes(a.db, p.id);
        expect(blob?.data.equals(mine)).toBe(true);
        expect([blob?.sha256, blob?.bytes, blob?.kind, blob?.filingId, blob?.uploadedBy]).toEqual([sha(mine), mine.length, p.kind, filing.id, a.deviceId]);
        expect(uploadedAt(a.db, p.id)).not.toBeNull();
      }

      // Sent again (an answer lost on the way): the same answer, nothing stored twice.
      const client = signedClient(a.db, central.url);
      const again = await client.put<DocumentUploadResponse>(`/v1/filings/${filing.id}/documents/${pages[0]!.id}`, localBytes(a.db, pages[0]!.id), 'image/jpeg', { [HEADER_SHA256]: pages[0]!.sha256 });
      expect(again).toMatchObject({ status: 'unchanged', sha256: pages[0]!.sha256 });
      a.db.prepare('UPDATE documents SET uploaded_at = NULL WHERE id = ?').run(pages[1]!.id);
      a.sync.documents.kick();
      await allUploaded(a.db);
      expect((await central.store.getDocument(pages[1]!.id))?.data.equals(localBytes(a.db, pages[1]!.id))).toBe(true);
    });

    it('refuses altered bytes, a wrong hash, another type, a page the record does not list, and another device', async () => {
      const { filing, pages } = fileWithPages(a.db, a.service, new Date());
      await settled(a, filing.id);
      await allUploaded(a.db);
      const client = signedClient(a.db, central.url);
      const path = (id: string) => `/v1/filings/${filing.id}/documents/${id}`;
      const code = (p: Promise<unknown>) => p.then(() => 'accepted', (e: unknown) => (e instanceof SyncFailure ? e.problem.code : String(e)));
      const bytes = localBytes(a.db, pages[0]!.id);
      const altered = Buffer.from(bytes);
      altered.writeUInt8(altered.readUInt8(altered.length - 1) ^ 0xff, altered.length - 1);

      expect(await code(client.put(path(pages[0]!.id), altered, 'image/jpeg', { [HEADER_SHA256]: sha(altered) }))).toBe('document-mismatch');
      expect(await code(client.put(path(pages[0]!.id), altered, 'image/jpeg', { [HEADER_SHA256]: sha(bytes) }))).toBe('sha256-mismatch');
      expect(await code(client.put(path(pages[0]!.id), bytes, 'text/plain', { [HEADER_SHA256]: sha(bytes) }))).toBe('bad-type');
      expect(await code(client.put(path('00000000-0000-4000-8000-000000000001'), bytes, 'image/jpeg', { [HEADER_SHA256]: sha(bytes) }))).toBe('unknown-document');
      expect(await code(signedClient(b.db, central.url).put(path(pages[0]!.id), bytes, 'image/jpeg', { [HEADER_SHA256]: sha(bytes) }))).toBe('not-owner');
      const huge = Buffer.concat([bytes, Buffer.alloc(MAX_DOCUMENT_BYTES)]);
      expect(await code(client.put(path(pages[0]!.id), huge, 'image/jpeg', { [HEADER_SHA256]: sha(huge) }))).toBe('too-large');
      // The page at the central is the one filed.
      expect((await central.store.getDocument(pages[0]!.id))?.data.equals(bytes)).toBe(true);
    });

    it('keeps a page the central refuses for good (its bytes changed on this disk), marked, never uploaded and never resent', async () => {
      const { filing, pages } = fileWithPages(a.db, a.service, new Date());
      // Synchronously after the submit, before any upload: one page's bytes rot on the kiosk's disk.
      a.db.prepare('UPDATE documents SET bytes = ? WHERE id = ?').run(Buffer.concat([localBytes(a.db, pages[0]!.id), Buffer.from([1])]), pages[0]!.id);
      await settled(a, filing.id);
      await allUploaded(a.db, filing.id);
      const row = a.db.prepare('SELECT uploaded_at, upload_error FROM documents WHERE id = ?').get(pages[0]!.id);
      expect(row).toEqual({ uploaded_at: null, upload_error: 'sha256-mismatch' });
      expect(await central.store.getDocument(pages[0]!.id)).toBeNull();
      expect(uploadedAt(a.db, pages[1]!.id)).not.toBeNull();
    });

    it('logs ids, kinds and sizes, never the page bytes or the applicant', () => {
      const text = logged.join('\n');
      expect(text).toMatch(/central\.document\.upload/);
      expect(text).toMatch(/sync\.document\.uploaded/);
      for (const secret of [APPLICANT.name, APPLICANT.idNumber, '/9j/', 'iVBOR']) expect(text).not.toContain(secret);
    });
  });
}
