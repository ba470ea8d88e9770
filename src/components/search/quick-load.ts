import { attachQuickSearch } from './quick';

// Loaded by address on the first sign of intent (see Search.astro); evaluating it wires the dialog.
for (const root of document.querySelectorAll<HTMLElement>('site-search')) attachQuickSearch(root);
