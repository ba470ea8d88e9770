import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The project's root, where `content/` lives. */
export const root = resolve(import.meta.dirname, '../../..');

/** Tool ids as the build knows them: the release picker and one per ticket template file. */
export function knownTools(): string[] {
	const tickets = readdirSync(join(root, 'content/tickets')).filter((f) => f.endsWith('.md') && f !== 'README.md');
	return ['release-picker', 'qc', ...tickets.map((f) => `ticket/${f.replace(/\.md$/, '')}`)];
}

/** Copies the real process content into a scratch project, so a test can break one file of it. */
export function scratchCopy(): { dir: string; edit: (file: string, change: (text: string) => string) => void } {
	const dir = mkdtempSync(join(tmpdir(), 'process-'));
	cpSync(join(root, 'content/process'), join(dir, 'content/process'), { recursive: true });
	return {
		dir,
		edit(file, change) {
			const path = join(dir, 'content/process', file);
			const before = readFileSync(path, 'utf8');
			const after = change(before);
			if (after === before) throw new Error(`the edit of ${file} changed nothing`);
			writeFileSync(path, after);
		},
	};
}
