import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The MD5 of a text as lowercase hex, as ClinSpark shows it from 23.3 on. */
export const md5Hex = (text: string) => createHash('md5').update(text).digest('hex');
/** The MD5 of a text in Base64, as ClinSpark showed it before 23.3. */
export const md5Base64 = (text: string) => createHash('md5').update(text).digest('base64');

/** The bytes of a fixture of test/fixtures/qc/. */
export const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/qc', name)));
