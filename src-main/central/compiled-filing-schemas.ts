/**
 * The central parses every pushed filing with `filingRecordSchema` and its facts with
 * `filingFactsSchema`, thousands a second. `z.compile` turns each schema into generated code
 * once, about four times faster on a filing (bench/sync-profile.ts). The schemas stay the
 * contract: input the compiled parser does not accept is parsed by the schema's own parser,
 * so every refusal and its message is the schema's. Compiled here, in the Node process, and
 * not beside the schemas: the renderer's CSP allows no eval.
 */
import { z } from 'zod';
import { filingRecordSchema } from '../../src-shared/domain/filing.js';
import { filingFactsSchema } from '../../src-shared/rules/filing-facts.js';

export const compiledFilingRecordSchema = z.compile(filingRecordSchema);
export const compiledFilingFactsSchema = z.compile(filingFactsSchema);
