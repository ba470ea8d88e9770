// Importing a kind registers it: export, import and reset start here so that they cover every kind.
// A new kind of state is added to this list.
import './plan';
import './signoffs';
import './signer';
import './view';
import './drafts';
import './planner-kind';
import './planned';
import '../qc/kinds';

export { registeredStates } from './registry';
export { clearKind, entryWrites, listEntries, mergeEntries, replaceEntries, snapshotAll } from './entries';
export { writeAll } from './write-all';
export type { StateKind } from './registry';
