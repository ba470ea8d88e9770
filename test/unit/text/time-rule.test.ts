import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// One way to write a time: every view goes through src/text/time.ts. This fails when a time is
// formatted anywhere else in src/, by the browser's locale formatters or by cutting an ISO string.

const ROOT = join(import.meta.dirname, '../../..');
const SRC = join(ROOT, 'src');
const THE_ONE_MODULE = 'src/text/time.ts';

const RULES: [string, RegExp][] = [
	['Intl.DateTimeFormat', /\bIntl\s*\.\s*DateTimeFormat\b/],
	['toLocale…String', /\.toLocale(?:Date|Time)?String\s*\(/],
	['a cut ISO string', /\.toISOString\s*\(\s*\)\s*\.\s*(?:slice|substring|substr|split|replace)\s*\(/],
	['ISO-string slicing', /\.(?:slice|substring|substr)\s*\(\s*(?:0\s*,\s*(?:4|7|10|13|16|19)|11\s*(?:,\s*(?:16|19))?)\s*\)/],
	["an ISO string's T replaced", /\.replace\s*\(\s*(['"`])T\1\s*,/],
	["an ISO string split at its T", /\.split\s*\(\s*(['"`])T\1\s*\)/],
];

/** The rules a line of code breaks, by name. */
function broken(line: string): string[] {
	return RULES.filter(([, rule]) => rule.test(line)).map(([name]) => name);
}

/** Every source file under a folder. */
function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sources(path);
		return /\.(ts|mts|js|mjs|astro|mdx?)$/.test(entry.name) ? [path] : [];
	});
}

describe('the rule itself', () => {
	it('catches each way of writing a time by hand', () => {
		expect(broken(`new Intl.DateTimeFormat(locale, { month: 'short' })`)).toEqual(['Intl.DateTimeFormat']);
		expect(broken('date.toLocaleString()')).toEqual(['toLocale…String']);
		expect(broken("date.toLocaleDateString('en-GB')")).toEqual(['toLocale…String']);
		expect(broken('now.toLocaleTimeString()')).toEqual(['toLocale…String']);
		expect(broken('new Date().toISOString().slice(0, 10)')).toContain('a cut ISO string');
		expect(broken("exportedAt.slice(0, 16).replace('T', ' ')")).toEqual(['ISO-string slicing', "an ISO string's T replaced"]);
		expect(broken('iso.substring(0,10)')).toEqual(['ISO-string slicing']);
		expect(broken('at.slice(11, 16)')).toEqual(['ISO-string slicing']);
		expect(broken("const [day] = iso.split('T')")).toEqual(["an ISO string split at its T"]);
	});

	it('lets other slicing and exports in ISO 8601 through', () => {
		expect(broken('text.slice(0, 59)')).toEqual([]);
		expect(broken("key.slice(key.indexOf(':', 4) + 1)")).toEqual([]);
		expect(broken('exportedAt: now.toISOString(),')).toEqual([]);
		expect(broken('numbers.slice(0, -1)')).toEqual([]);
	});
});

describe('one way to write a time', () => {
	it(`no file in src/ but ${THE_ONE_MODULE} formats a time`, () => {
		const files = sources(SRC);
		expect(files.length).toBeGreaterThan(50);
		expect(files.map((file) => relative(ROOT, file).replaceAll('\\', '/'))).toContain(THE_ONE_MODULE);
		const found: string[] = [];
		for (const file of files) {
			const name = relative(ROOT, file).replaceAll('\\', '/');
			if (name === THE_ONE_MODULE) continue;
			readFileSync(file, 'utf8')
				.split('\n')
				.forEach((line, i) => broken(line).forEach((rule) => found.push(`${name}:${i + 1}: ${rule}: ${line.trim()}`)));
		}
		expect(found, 'write times with formatTime / formatDay from src/text/time.ts').toEqual([]);
	});
});
