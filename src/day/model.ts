import type { Side } from '../process/schema';

/** One step of the day as the run sheet knows it, written into the page at build time. */
export interface DayStep {
	id: string;
	number: number;
	title: string;
	activity: string;
	roles: string[];
	/** The sides whose roles perform the step. */
	sides: Side[];
	/** The step's text and fingerprint as a sign-off records them (as the stage checklist computes them). */
	text: string;
	fingerprint: string;
}

/** The steps the day turns on, by their stable ids, so renumbering cannot point the run sheet at the wrong step. */
export const DAY_IDS = {
	stop: 'stop-prod-activity',
	backup: 'back-up-prod',
	decision: 'decide-go-no-go',
} as const;
