import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudgets } from '../../../scripts/check-budgets';

/** Writes a small built site into a new folder. */
function site(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'budgets-'));
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		writeFileSync(join(dir, name), text);
	}
	return dir;
}

const plain = site({ 'index.html': '<html><head><script type="module" src="/_astro/toc.js"></script></head></html>', '_astro/toc.js': 'toc();' });
// Two pages with the same tool script, of some hundred bytes gzipped.
const tool = Array.from({ length: 60 }, (_, i) => `let v${i}=document.querySelector("#f${i}")?.value??${i * 7919};`).join('');
const ours = site({
	'a/index.html': '<html><head><script type="module" src="/_astro/tool.js"></script></head></html>',
	'b/index.html': '<html><head><script type="module" src="/_astro/tool.js"></script></head></html>',
	'_astro/tool.js': tool,
});

describe('checkBudgets', () => {
	it("holds a page to its own budgetGz where given, and to its kind's budget otherwise", () => {
		const pages = [
			{ name: 'a', path: '/a/', tool: true },
			{ name: 'b', path: '/b/', tool: true, budgetGz: 50 },
		];
		const [a, b] = checkBudgets({ budgets: { toolJsGz: 100_000, noToolJsGz: 0 }, pages }, ours, plain);
		expect(a!.oursGz).toBeGreaterThan(50);
		expect(a).toMatchObject({ budget: 100_000, failure: undefined });
		expect(b).toMatchObject({ budget: 50 });
		expect(b!.failure).toMatch(/^page b \(\/b\/\): our JS is \d+ bytes gzipped, budget 50/);
	});
});
