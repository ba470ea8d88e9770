import { describe, expect, it } from 'vitest';
import { isSitePath, normaliseBase, withBase } from '../../../src/links';

describe('withBase', () => {
	it('leaves a root build as it is', () => {
		expect(withBase('/roles/', '/')).toBe('/roles/');
		expect(withBase('/', '/')).toBe('/');
	});
	it('puts a path under the base, with or without its trailing slash', () => {
		expect(withBase('/stages/validation/#step-12', '/playbook/')).toBe('/playbook/stages/validation/#step-12');
		expect(withBase('/releases/index.json?v=abc', '/playbook')).toBe('/playbook/releases/index.json?v=abc');
		expect(withBase('/', '/playbook/')).toBe('/playbook/');
		expect(withBase('/print/', 'docs/playbook')).toBe('/docs/playbook/print/');
	});
	it('does not touch other sites, anchors or relative addresses', () => {
		for (const url of ['https://example.org/', '//cdn.example.org/x', '#step-3', 'stages/', 'mailto:a@b.c']) {
			expect(withBase(url, '/playbook/')).toBe(url);
		}
	});
	it('uses the base Vite gives the build when none is passed', () => {
		expect(withBase('/roles/')).toBe(`${import.meta.env.BASE_URL.replace(/\/$/, '')}/roles/`);
	});
});

describe('isSitePath', () => {
	it('tells root-absolute site paths from everything else', () => {
		expect(isSitePath('/glossary/#sop')).toBe(true);
		expect(isSitePath('//host/')).toBe(false);
		expect(isSitePath('https://host/')).toBe(false);
		expect(isSitePath('#id')).toBe(false);
	});
});

describe('normaliseBase', () => {
	it('turns what a person types into /path/ form', () => {
		expect(normaliseBase(undefined)).toBe('/');
		expect(normaliseBase('')).toBe('/');
		expect(normaliseBase('/')).toBe('/');
		expect(normaliseBase('playbook')).toBe('/playbook/');
		expect(normaliseBase('/playbook')).toBe('/playbook/');
		expect(normaliseBase(' /a/b// ')).toBe('/a/b/');
	});
});
