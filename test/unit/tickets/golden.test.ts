import { expect, test } from 'vitest';
import { initialValues, validateValues, type PlanSnapshot } from '../../../src/tickets/fields';
import { renderTicket } from '../../../src/tickets/render';
import { fixtureJson, fixtureText, loadTicket } from './load';

test('the VAL request for a fixture plan and form is exactly the golden text', () => {
	const template = loadTicket('val-request');
	const plan = fixtureJson('val-request.plan.json') as PlanSnapshot;
	const form = fixtureJson('val-request.form.json') as Record<string, unknown>;
	const values = { ...initialValues(template.data.fields, plan), ...form };

	expect(validateValues(template.data.fields, values)).toEqual({});
	expect(renderTicket(template, values)).toBe(fixtureText('val-request.golden.txt'));
});
