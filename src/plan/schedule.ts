import { addMonths, addWorkingDays, isWorkingDay, toDay, toIsoDate, type DayNumber, type WorkCalendar } from './days';

/**
 * The plan's stage durations turned into dates. The step plan gives Preparation one to two weeks,
 * Validation three months (depending on the scope and approach taken by the customer), Prep for
 * Upgrade a time that "requires discussion", and the day itself hours. So Preparation is planned
 * as a range (five to ten working days), Validation defaults to the plan's three months, and Prep
 * for Upgrade has no default: the team enters it. Every later date inherits the range.
 */

/** A date known only within a range: the earliest and the latest it can fall on (equal when certain). */
export interface DayRange {
	earliest: DayNumber;
	latest: DayNumber;
}

/** How long validation runs: the plan's three months by default, or what the team chose. */
export interface Length {
	count: number;
	unit: 'months' | 'weeks';
}

/** What the planner needs: one anchor date, the lengths, and the days nobody works. */
export interface PlannerInput {
	anchor: { from: 'start' | 'upgrade'; date: string };
	validation: Length;
	/** Working days for Prep for Upgrade; the plan sets none, so there is no default. */
	prepForUpgradeDays: number;
	holidays: string[];
}

/** One stage as dates: its first and last working day, each a range. */
export interface StageWindow {
	stage: 'preparation' | 'validation' | 'prep-for-upgrade' | 'day-of-upgrade';
	first: DayRange;
	last: DayRange;
}

/** A milestone: the step it belongs to and its date range. */
export interface Milestone {
	id: 'val-request' | 'val-available' | 'validation-complete' | 'prod-request' | 'slot-confirmed' | 'upgrade-day' | 'val-closed';
	step: number;
	at: DayRange;
}

/** The planned dates, or why they cannot be planned. */
export type PlannerResult = { ok: true; stages: StageWindow[]; milestones: Milestone[]; notes: string[] } | { ok: false; problems: string[] };

/** Preparation's "one to two weeks", in working days. */
export const PREPARATION_DAYS = { fewest: 5, most: 10 } as const;
/** The plan's validation length. */
export const PLAN_VALIDATION: Length = { count: 3, unit: 'months' };
/** The VAL pair is expected to be closed this many calendar days after a successful PROD upgrade. */
export const VAL_CLOSED_AFTER_DAYS = 14;

const exact = (day: DayNumber): DayRange => ({ earliest: day, latest: day });
const map = (range: DayRange, f: (day: DayNumber) => DayNumber): DayRange => ({ earliest: f(range.earliest), latest: f(range.latest) });

/** The working day on or before a day. */
function onOrBefore(day: DayNumber, calendar: WorkCalendar): DayNumber {
	let at = day;
	while (!isWorkingDay(at, calendar)) at -= 1;
	return at;
}

/** The last working day of a validation that starts on `first`. */
function validationLast(first: DayNumber, length: Length, calendar: WorkCalendar): DayNumber {
	const end = length.unit === 'months' ? addMonths(first, length.count) - 1 : first + length.count * 7 - 1;
	return onOrBefore(end, calendar);
}

/** The first working day of a validation whose last working day is `last`. */
function validationFirst(last: DayNumber, length: Length, calendar: WorkCalendar): DayNumber {
	const start = length.unit === 'months' ? addMonths(last + 1, -length.count) : last + 1 - length.count * 7;
	return addWorkingDays(start, 0, calendar);
}

/** Checks the input, naming each problem in the reader's terms. */
function problemsOf(input: PlannerInput): string[] {
	const problems: string[] = [];
	const what = input.anchor.from === 'upgrade' ? 'a target PROD upgrade date' : 'a start date';
	if (input.anchor.date.trim() === '') problems.push(`Enter ${what} to plan from.`);
	else if (toDay(input.anchor.date) === undefined) problems.push(`“${input.anchor.date}” is not a date (YYYY-MM-DD).`);
	if (!Number.isInteger(input.prepForUpgradeDays) || input.prepForUpgradeDays < 1 || input.prepForUpgradeDays > 250)
		problems.push('Prep for Upgrade needs its length in working days (1 to 250): the plan leaves it to discussion.');
	if (!Number.isInteger(input.validation.count) || input.validation.count < 1 || input.validation.count > (input.validation.unit === 'months' ? 24 : 104))
		problems.push('Validation needs a length of at least one week or month, and at most two years.');
	for (const holiday of input.holidays) if (toDay(holiday) === undefined) problems.push(`The holiday “${holiday}” is not a date (YYYY-MM-DD).`);
	return problems;
}

/** Plans the four stages and the milestones from a start date or a target upgrade date. */
export function planDates(input: PlannerInput): PlannerResult {
	const problems = problemsOf(input);
	if (problems.length) return { ok: false, problems };
	const calendar: WorkCalendar = { holidays: new Set(input.holidays.map((h) => toDay(h)!)) };
	const anchor = toDay(input.anchor.date)!;
	const prepDays = input.prepForUpgradeDays;
	const next = (day: DayNumber) => addWorkingDays(day, 1, calendar);
	const previous = (day: DayNumber) => addWorkingDays(day, -1, calendar);
	let preparation: StageWindow, validation: StageWindow, prepForUpgrade: StageWindow, upgradeDay: DayRange;

	if (input.anchor.from === 'start') {
		const first = exact(addWorkingDays(anchor, 0, calendar));
		const last = { earliest: addWorkingDays(first.earliest, PREPARATION_DAYS.fewest - 1, calendar), latest: addWorkingDays(first.latest, PREPARATION_DAYS.most - 1, calendar) };
		preparation = { stage: 'preparation', first, last };
		const vFirst = map(last, next);
		validation = { stage: 'validation', first: vFirst, last: map(vFirst, (d) => validationLast(d, input.validation, calendar)) };
		const pFirst = map(validation.last, next);
		prepForUpgrade = { stage: 'prep-for-upgrade', first: pFirst, last: map(pFirst, (d) => addWorkingDays(d, prepDays - 1, calendar)) };
		upgradeDay = map(prepForUpgrade.last, next);
	} else {
		upgradeDay = exact(addWorkingDays(anchor, 0, calendar));
		const pLast = map(upgradeDay, previous);
		prepForUpgrade = { stage: 'prep-for-upgrade', first: map(pLast, (d) => addWorkingDays(d, -(prepDays - 1), calendar)), last: pLast };
		const vLast = map(prepForUpgrade.first, previous);
		validation = { stage: 'validation', first: map(vLast, (d) => validationFirst(d, input.validation, calendar)), last: vLast };
		const last = map(validation.first, previous);
		// Counting back, the longer Preparation starts earlier.
		preparation = { stage: 'preparation', first: { earliest: addWorkingDays(last.earliest, -(PREPARATION_DAYS.most - 1), calendar), latest: addWorkingDays(last.latest, -(PREPARATION_DAYS.fewest - 1), calendar) }, last };
	}

	const day: StageWindow = { stage: 'day-of-upgrade', first: upgradeDay, last: upgradeDay };
	const notes: string[] = [];
	const plan = PLAN_VALIDATION;
	const shorter = input.validation.unit === 'weeks' ? input.validation.count < 13 : input.validation.count < plan.count;
	if (shorter) notes.push('Validation is planned shorter than the plan’s three months, which the plan gives “depending on the scope and approach taken by the customer”.');
	if (input.anchor.from === 'start' && !isWorkingDay(anchor, calendar)) notes.push('The start date is not a working day; the plan starts on the next one.');
	if (input.anchor.from === 'upgrade' && upgradeDay.earliest !== anchor) notes.push('The target date is not a working day; the upgrade is planned on the next one.');
	const milestones: Milestone[] = [
		// The plan dates no step inside Preparation: the request falls somewhere in the stage.
		{ id: 'val-request', step: 5, at: { earliest: preparation.first.earliest, latest: preparation.last.latest } },
		{ id: 'val-available', step: 7, at: preparation.last },
		{ id: 'validation-complete', step: 12, at: validation.last },
		{ id: 'prod-request', step: 13, at: prepForUpgrade.first },
		{ id: 'slot-confirmed', step: 16, at: prepForUpgrade.last },
		{ id: 'upgrade-day', step: 17, at: upgradeDay },
		{ id: 'val-closed', step: 28, at: map(upgradeDay, (d) => d + VAL_CLOSED_AFTER_DAYS) },
	];
	return { ok: true, stages: [preparation, validation, prepForUpgrade, day], milestones, notes };
}

/** A range as dates: one date when certain, else "earliest to latest". */
export function rangeText(range: DayRange, format: (isoDate: string) => string = (d) => d): string {
	const [a, b] = [format(toIsoDate(range.earliest)), format(toIsoDate(range.latest))];
	return a === b ? a : `${a} to ${b}`;
}
