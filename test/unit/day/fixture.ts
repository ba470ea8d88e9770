import type { DayStep } from '../../../src/day/model';
import type { EventRecord, StepEvent } from '../../../src/state/events';

const step = (number: number, id: string, roles: string[], sides: DayStep['sides']): DayStep => ({
	id,
	number,
	title: `Title ${number}`,
	activity: `Activity ${number}`,
	roles,
	sides,
	text: `Text ${number}`,
	fingerprint: `f${number}`,
});

/** Steps 17-28 as the content has them: ids, roles and sides. */
export const DAY: DayStep[] = [
	step(17, 'stop-prod-activity', ['customer'], ['customer']),
	step(18, 'update-existing-data', ['customer'], ['customer']),
	step(19, 'give-go-ahead', ['customer'], ['customer']),
	step(20, 'back-up-prod', ['iqvia-engineer'], ['iqvia']),
	step(21, 'upgrade-prod-main', ['iqvia-engineer'], ['iqvia']),
	step(22, 'report-prod-main-upgraded', ['iqvia-engineer'], ['iqvia']),
	step(23, 'test-prod-main', ['customer'], ['customer']),
	step(24, 'decide-go-no-go', ['customer'], ['customer']),
	step(25, 'upgrade-prod-test', ['iqvia-engineer'], ['iqvia']),
	step(26, 'report-prod-test-upgraded', ['iqvia-engineer'], ['iqvia']),
	step(27, 'test-prod-test', ['customer'], ['customer']),
	step(28, 'confirm-closure', ['customer'], ['customer']),
];

export const idOf = (number: number) => DAY.find((s) => s.number === number)!.id;

let seq = 0;
/** An event of step `number` at `hh:mm` UTC on 30 Nov 2026, one after the other in this browser. */
export function ev(number: number, kind: EventRecord['kind'], time: string, extra: Partial<EventRecord> = {}): StepEvent {
	seq += 1;
	return {
		id: `e${seq}`,
		kind,
		step: idOf(number),
		by: 'Dana Reyes',
		role: 'customer',
		...(kind === 'signed' && !extra.reported ? { meaning: 'performed' as const } : {}),
		at: `2026-11-30T${time}:00.000Z`,
		seq,
		comment: '',
		fingerprint: `f${number}`,
		text: `Text ${number}`,
		...extra,
	};
}

export const at = (time: string) => `2026-11-30T${time}:00.000Z`;
export const names = (id: string) => ({ customer: 'Customer', 'iqvia-engineer': 'IQVIA Engineer' })[id] ?? id;
