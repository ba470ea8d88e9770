import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtAsset, builtElements, replaceElements, slashed } from '../../../src/integrations/html-tags';

const html = [
	'<head><link rel="stylesheet" href="/a.css"/><script type="module">if (a < b) go("</div>")</script>',
	'<!-- <style>gone{}</style> --><style media="print">p{}</style></head>',
	'<body><scripted-thing></scripted-thing><p>x</p><script src="/b.js"></script></body>',
].join('');

describe('builtElements', () => {
	it('finds script, style and link elements in order with their attributes and raw text, none inside comments or lookalike tags', () => {
		const found = builtElements(html);
		expect(found.map((el) => [el.name, el.text])).toEqual([
			['link', ''],
			['script', 'if (a < b) go("</div>")'],
			['style', 'p{}'],
			['script', ''],
		]);
		expect(found[0]!.attrs.get('href')).toBe('/a.css');
		expect(found[2]!.attrs.get('media')).toBe('print');
		for (const el of found) expect(html.slice(el.start, el.end)).toMatch(new RegExp(`^<${el.name}[\\s\\S]*>$`));
	});
});

describe('replaceElements', () => {
	it('puts each group’s replacement where its first element stood and removes the rest', () => {
		const [link, inline, style, external] = builtElements(html);
		const out = replaceElements(html, [
			{ elements: [inline!, external!], with: '<S>' },
			{ elements: [link!, style!], with: '<L>' },
		]);
		expect(out).toBe('<head><L><S><!-- <style>gone{}</style> --></head><body><scripted-thing></scripted-thing><p>x</p></body>');
	});
});

describe('builtAsset', () => {
	it('finds a file of _astro/ under the site’s base, and names an address the build did not write', () => {
		const out = mkdtempSync(join(tmpdir(), 'built-asset-'));
		try {
			mkdirSync(join(out, '_astro'));
			writeFileSync(join(out, '_astro', 'a.js'), '');
			expect(builtAsset(out, '/', '/_astro/a.js?v=1', 'loads the script')).toBe(join(out, '_astro', 'a.js'));
			expect(builtAsset(out, '/playbook/', '/playbook/_astro/a.js', 'loads the script')).toBe(join(out, '_astro', 'a.js'));
			expect(() => builtAsset(out, '/', '/_astro/b.js', 'loads the script')).toThrow('A page loads the script /_astro/b.js, which the build did not write.');
			expect(() => builtAsset(out, '/', '/_astro/../../etc/passwd', 'links the stylesheet')).toThrow(/links the stylesheet/);
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	});
});

describe('slashed', () => {
	it('ends a base path in one slash', () => {
		expect([slashed('/'), slashed('/playbook'), slashed('/playbook/')]).toEqual(['/', '/playbook/', '/playbook/']);
	});
});
