import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPolicy, hashSource, injectPolicy, inlineContent, policyFor } from '../../../src/integrations/csp';
import { decodeAttribute } from '../../../src/integrations/html-tags';

const page = [
	'<!DOCTYPE html><html><head><meta charset="utf-8"/><title>t</title>',
	'<script>window.theme = "dark";</script>',
	'<script type="module" src="/_astro/a.js"></script>',
	'<script type="application/json">{"not": "run"}</script>',
	'<style>body{color:red}</style>',
	'<!-- <script>commented()</script> style="in: comment" -->',
	'</head><body><a style="--depth: 0;" href="/">x</a><svg style="--sl-icon-size: 1em;"></svg>',
	'<span style="--depth: 0;">same value twice</span><p title="style=&quot;no&quot;" style="content: &quot;a&amp;b&quot;">p</p>',
	'<script>if (a < b && "</div>") go("style=\\"x\\"");</script>',
	'</body></html>',
].join('');

describe('inlineContent', () => {
	const found = inlineContent(page);

	it('finds inline scripts the browser runs, not external ones, data blocks or comments', () => {
		expect(found.scripts).toEqual(['window.theme = "dark";', 'if (a < b && "</div>") go("style=\\"x\\"");']);
	});

	it('finds style elements', () => {
		expect(found.styles).toEqual(['body{color:red}']);
	});

	it('finds each distinct style attribute once, decoded as the browser reads it, and none inside scripts or other attributes', () => {
		expect(found.styleAttributes).toEqual(['--depth: 0;', '--sl-icon-size: 1em;', 'content: "a&b"']);
	});
});

describe('decodeAttribute', () => {
	it('decodes named and numeric character references and leaves unknown ones', () => {
		expect(decodeAttribute('&quot;&amp;&lt;&gt;&#39;&#x41;&unknown;')).toBe('"&<>\'A&unknown;');
	});
});

describe('hashSource', () => {
	it('is the base64 sha256 of the UTF-8 text, quoted as CSP wants', () => {
		const expected = createHash('sha256').update('é', 'utf8').digest('base64');
		expect(hashSource('é')).toBe(`'sha256-${expected}'`);
	});
});

describe('buildPolicy', () => {
	it('allows the own origin, the hashes given, and WebAssembly, and nothing inline beyond them', () => {
		const policy = buildPolicy({ scripts: ['a()'], styles: ['b{}'], styleAttributes: ['--depth: 0;'] });
		expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hashSource('a()')}`);
		expect(policy).toContain(`style-src 'self' ${hashSource('b{}')}`);
		expect(policy).toContain(`style-src-attr 'unsafe-hashes' ${hashSource('--depth: 0;')}`);
		expect(policy).toContain("default-src 'self'");
		expect(policy).toContain("object-src 'none'");
		expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
	});

	it('allows no style attribute at all when the page has none', () => {
		expect(buildPolicy({ scripts: [], styles: [], styleAttributes: [] })).toContain("style-src-attr 'none'");
	});
});

describe('injectPolicy', () => {
	it('puts the policy right after the charset, before any script', () => {
		const html = injectPolicy(page, policyFor(page));
		const meta = html.indexOf('http-equiv="Content-Security-Policy"');
		expect(meta).toBeGreaterThan(html.indexOf('<meta charset'));
		expect(meta).toBeLessThan(html.indexOf('<script'));
		expect(html).not.toMatch(/content="[^"]*'sha256[^"]*"[^>]*>[\s\S]*http-equiv="Content-Security-Policy"/);
	});

	it('replaces a policy already there, so building twice gives the same page', () => {
		const once = injectPolicy(page, policyFor(page));
		const twice = injectPolicy(once, policyFor(once));
		expect(twice).toBe(once);
	});

	it('escapes quotes in the policy and refuses a page without a head', () => {
		expect(injectPolicy('<html><head></head></html>', `a "b"`)).toContain('content="a &quot;b&quot;"');
		expect(() => injectPolicy('<p>no head</p>', 'x')).toThrow(/no <head>/);
	});
});
