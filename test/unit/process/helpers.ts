import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The project's root, where `content/` lives. */
export const root = resolve(import.meta.dirname, '../../..');

/** Copies the real content into a scratch project, so a test can break one file of it. */
export function scratchCopy(): {
	dir: string;
	edit: (file: string, change: (text: string) => string) => void;
	copy: (from: string, to: string, change?: (text: string) => string) => void;
} {
	const dir = mkdtempSync(join(tmpdir(), 'process-'));
	cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
	const path = (file: string) => join(dir, 'content', file);
	return {
		dir,
		/** Changes a file under content/ (named from there, such as `process/stages.yaml`). */
		edit(file, change) {
			const before = readFileSync(path(file), 'utf8');
			const after = change(before);
			if (after === before) throw new Error(`the edit of ${file} changed nothing`);
			writeFileSync(path(file), after);
		},
		/** Writes a copy of a file under another name, changed or not. */
		copy(from, to, change = (text) => text) {
			writeFileSync(path(to), change(readFileSync(path(from), 'utf8')));
		},
	};
}
