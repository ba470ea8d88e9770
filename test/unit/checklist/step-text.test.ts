import { describe, expect, it } from 'vitest';
import { readProcess } from '../../../src/process/loader';
import { fingerprintText } from '../../../src/state/fingerprint';
import { notesToText, signableText, stageTexts, stepFingerprint } from '../../../src/checklist/step-text';
import { root } from '../process/helpers';

describe('notesToText', () => {
	it('drops the marks of emphasis, links and code but keeps their words', () => {
		expect(notesToText('Read **every** note, see [the page](https://example.org) and `YYYY`.')).toBe('Read every note, see the page and YYYY.');
		expect(notesToText('A *light* word, an _other_ one; snake_case_names stay.')).toBe('A light word, an other one; snake_case_names stay.');
	});

	it('gives one line per paragraph and per list item, wrapped lines joined', () => {
		const md = 'The items\nto focus on:\n\n- dashboards;\n- reports\n  and exports;\n1. APIs\n\nLast words.\n';
		expect(notesToText(md)).toBe('The items to focus on:\n- dashboards;\n- reports and exports;\n- APIs\nLast words.');
	});

	it('keeps headings and quotes as lines of their own, without their marks', () => {
		expect(notesToText('## Focus\nText under it.\n> quoted')).toBe('Focus\nText under it.\nquoted');
	});

	it('is empty for empty notes and ignores Windows line ends', () => {
		expect(notesToText('')).toBe('');
		expect(notesToText('One\r\ntwo\r\n\r\nthree')).toBe('One two\nthree');
	});
});

describe('signableText and stepFingerprint', () => {
	const step = { title: 'Back up production', activity: 'Back up PROD MAIN\n and PROD TEST.', notes: 'Take **both**.' };

	it('puts title, activity and notes on lines of their own', () => {
		expect(signableText(step)).toBe('Back up production\nBack up PROD MAIN and PROD TEST.\nTake both.');
		expect(signableText({ title: 'T', activity: 'A' })).toBe('T\nA');
	});

	it('fingerprints that text with the state core hash, as the client compares it', () => {
		expect(stepFingerprint(step)).toBe(fingerprintText(signableText(step)));
	});

	it('changes when the notes change and not when only their Markdown wrapping does', () => {
		expect(stepFingerprint({ ...step, notes: 'Take both.' })).toBe(stepFingerprint(step));
		expect(stepFingerprint({ ...step, notes: 'Take\n**both**.' })).toBe(stepFingerprint(step));
		expect(stepFingerprint({ ...step, notes: 'Take one.' })).not.toBe(stepFingerprint(step));
	});

	it('gives every real step a distinct fingerprint and readable text', () => {
		const steps = readProcess(root).steps.map((step) => ({ ...step, notes: step.source.notes }));
		const prints = new Set(steps.map(stepFingerprint));
		expect(prints.size).toBe(steps.length);
		for (const s of steps) expect(signableText(s)).not.toMatch(/\*\*|\]\(|`/);
	});
});

describe('stageTexts', () => {
	it('gives each step of a stage its signable text, by id, so that its fingerprint is the one the page carries', () => {
		const process = readProcess(root);
		const steps = process.stepsOf('validation').map((step) => ({ id: step.id, title: step.title, activity: step.activity, notes: step.source.notes }));
		const texts = stageTexts(steps);
		expect(Object.keys(texts)).toEqual(steps.map((step) => step.id));
		expect(steps.some((step) => step.notes?.trim())).toBe(true);
		for (const step of steps) {
			expect(texts[step.id]).toBe(signableText(step));
			expect(fingerprintText(texts[step.id]!)).toBe(stepFingerprint(step));
		}
	});

	it('is empty for a stage without steps', () => {
		expect(stageTexts([])).toEqual({});
	});
});
