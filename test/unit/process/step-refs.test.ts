import { describe, expect, test } from 'vitest';
import { splitStepRefs, stepHref } from '../../../src/process/step-refs';

const links = (text: string) => splitStepRefs(text).flatMap((p) => ('step' in p ? [[p.text, p.step]] : []));

describe('step references in prose', () => {
	test('a single reference links the word with its number', () => {
		expect(links('see step 18 first')).toEqual([['step 18', 18]]);
	});
	test('lists and ranges link every number', () => {
		expect(links('steps 3, 5 and 23')).toEqual([['steps 3', 3], ['5', 5], ['23', 23]]);
		expect(links('Steps 4-5')).toEqual([['Steps 4', 4], ['5', 5]]);
	});
	test('the text is kept whole', () => {
		const text = 'Before step 1, after steps 3 and 5; no steps here, stepping 4.';
		expect(splitStepRefs(text).map((p) => p.text).join('')).toBe(text);
		expect(links(text)).toEqual([['step 1', 1], ['steps 3', 3], ['5', 5]]);
	});
	test('a step links to its anchor on the stage page', () => {
		expect(stepHref('validation', 12)).toBe('/stages/validation/#step-12');
		expect(stepHref('validation', 12, '/playbook')).toBe('/playbook/stages/validation/#step-12');
	});
});
