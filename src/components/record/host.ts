import type { RecordDocument } from '~/record/export';
import type { ImportMode } from '~/record/import';
import type { ResetPlan, StageInfo } from '~/record/reset';

/** What the record page knows to name things, as the server wrote it into the element. */
export interface RecordContext {
	steps: Record<string, string>;
	stepStages: Record<string, string>;
	stages: StageInfo[];
	drafts: Record<string, string>;
}

export type Where = 'export' | 'import' | 'reset';

/** The record element as its parts loaded on use see it: its controls, messages and what it has shown. */
export interface RecordHost extends HTMLElement {
	context: RecordContext;
	/** The file being previewed, until the preview closes. */
	document: RecordDocument | undefined;
	/** Each mode's changes as shown, to tell whether the record moved on before the choice. */
	shown: Partial<Record<ImportMode, string>>;
	/** The reset being confirmed, until the confirmation closes. */
	resetPlan: ResetPlan | undefined;
	find<T extends HTMLElement = HTMLElement>(name: string): T;
	status(where: Where, text: string, focus?: boolean): void;
	alert(text: string): void;
	refuse(message: string): void;
	closePreview(message: string, focus?: boolean): void;
	closeReset(message: string, focus?: boolean): void;
}

export const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '') => Object.assign(document.createElement(tag), { textContent: text });

export const labels = (kinds: readonly { name: string; label: string }[]) => Object.fromEntries(kinds.map((kind) => [kind.name, kind.label]));
