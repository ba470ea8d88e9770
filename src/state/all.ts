// Importing a kind registers it: export, import and reset start here so that they cover every kind.
// A new kind of state is added to this list.
import './plan';
import './signoffs';
import './signer';
import './view';
import './drafts';

export { clearKind, listEntries, mergeEntries, registeredStates, replaceEntries, snapshotAll } from './registry';
export type { StateKind } from './registry';
