/**
 * The protocol's contract cases, written once for every server: the demo's
 * mock (`mock-contract.test.ts`, in a browser) and the Node server (over
 * HTTP). Cases use only fetch-standard APIs and the widget's own builders; a
 * runner gives each a fresh reader, records every exchange and validates it
 * against `src/endpoint/openapi.json` (`openapi-validator.mjs`), and skips
 * the cases whose `needs` it lacks.
 *
 * Cases share the server with each other (and with whatever else is on it):
 * each makes its own article ids and readers, and checks only what it made.
 */
import { accessCases } from './cases/access-cases.js';
import { annotationCases } from './cases/annotation-cases.js';
import { clapCases } from './cases/clap-cases.js';
import { editorCases } from './cases/editor-cases.js';
import { importCases } from './cases/import-cases.js';
import { listCases } from './cases/list-cases.js';
import { moderationCases } from './cases/moderation-cases.js';
import { readerCases } from './cases/reader-cases.js';
import { serverCases } from './cases/server-cases.js';
import type { ContractCase } from './contract-types.js';

export type { CallInit, Capability, ContractCase, ContractContext, Exchange, Reader } from './contract-types.js';
export { freshReader } from './contract-types.js';

export function contractCases(): ContractCase[] {
  return [
    ...clapCases,
    ...annotationCases,
    ...listCases,
    ...moderationCases,
    ...editorCases,
    ...importCases,
    ...accessCases,
    ...readerCases,
    ...serverCases,
  ];
}
