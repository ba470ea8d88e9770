/**
 * The two kinds of configuration QC state, registered with the state core so that export, import
 * and reset cover them: the latest comparison's result under one key, and every mark as its own
 * event. Kept apart from the stores so that the record page carries no more than it needs.
 */
import { decode, encode, type Format } from '../state/codec';
import { registerState } from '../state/registry';
import { readMark, type Mark } from './marks';
import { packResult, unpackResult, type QcResult } from './result';

/** The one key the current comparison is kept under. */
export const RESULT = 'cup:qc:result';
/** Every mark is kept under its own key with this prefix. */
export const MARKS = 'cup:qcmark:';

const resultFormat: Format<QcResult> = { version: 1, validate: (data) => unpackResult(data) };
const markFormat: Format<Mark> = { version: 1, validate: (data) => readMark(data) };
/** Reads a stored result, refusing anything this page did not write. */
export const readResult = (raw: string) => decode(raw, resultFormat);
/** The stored text of a result. */
export const writeResult = (result: QcResult) => encode(1, packResult(result));
/** Reads a stored mark, refusing anything this page did not write. */
export const readOneMark = (raw: string) => decode(raw, markFormat);
/** The stored text of a mark. */
export const writeMark = (mark: Mark) => encode(1, mark);

registerState({ name: 'qc', label: 'Configuration QC result', keys: [RESULT], decode: readResult, encode: writeResult });
registerState({ name: 'qc-marks', label: 'Configuration QC marks', keys: [MARKS], appendOnly: true, decode: readOneMark, encode: writeMark });
