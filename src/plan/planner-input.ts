import type { PlannerState } from '../state/planner-kind';
import type { PlannerInput } from './schedule';

/** The holidays typed in a box: one date a line, or separated by commas or spaces; blanks dropped. */
export function holidayList(text: string): string[] {
	return text
		.split(/[\s,;]+/)
		.map((part) => part.trim())
		.filter(Boolean);
}

/** A whole number as typed, or NaN (which the planner names) when it is empty or not one. */
function count(text: string): number {
	const trimmed = text.trim();
	return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The planner's input from what was typed and the upgrade plan's target date. */
export function plannerInput(state: PlannerState, upgradeDate: string): PlannerInput {
	return {
		anchor: state.anchor === 'upgrade' ? { from: 'upgrade', date: upgradeDate } : { from: 'start', date: state.startDate },
		validation: { count: count(state.validationCount), unit: state.validationUnit },
		// No fallback: the plan leaves Prep for Upgrade's length to discussion.
		prepForUpgradeDays: count(state.prepDays),
		holidays: holidayList(state.holidays),
	};
}
