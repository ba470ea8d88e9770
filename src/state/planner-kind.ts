import { decode, encode, isRecord, type Format } from './codec';
import { registerState } from './registry';

/**
 * The planner's inputs as the user typed them (text, so that a wrong entry is kept and named, not
 * dropped), the plan's random id its calendar events are named by, and what the last calendar
 * download said of each event. The target upgrade date is not here: it is the upgrade plan's
 * `upgradeDate` (plan.ts), one field every tool reads.
 */
export interface PlannerState {
	/** Whether the dates count back from the target upgrade date or forward from a start date. */
	anchor: 'upgrade' | 'start';
	startDate: string;
	/** Validation's length as typed; the plan's three months until changed. */
	validationCount: string;
	validationUnit: 'months' | 'weeks';
	/** Prep for Upgrade in working days as typed; the plan sets no length, so '' until entered. */
	prepDays: string;
	/** The team's holidays as typed, one date a line. */
	holidays: string;
	/** The upgrade day's local start time (HH:MM) and expected hours, for the timed calendar event. */
	dayStart: string;
	dayHours: string;
	/** Random, made once per plan: calendar UIDs derive from it, never from a date that may move. */
	planId: string;
	/** Per calendar event, its content and SEQUENCE as last downloaded. */
	sent: Record<string, SentEvent>;
}

/** What a calendar download said of one event. */
export interface SentEvent {
	sequence: number;
	content: string;
}

/** The planner before anything is entered. */
export const EMPTY_PLANNER: PlannerState = {
	anchor: 'upgrade',
	startDate: '',
	validationCount: '3',
	validationUnit: 'months',
	prepDays: '',
	holidays: '',
	dayStart: '',
	dayHours: '',
	planId: '',
	sent: {},
};

/** The one key the planner's state is kept under. */
export const PLANNER_KEY = 'cup:planner';
const TEXT_FIELDS = ['startDate', 'validationCount', 'prepDays', 'holidays', 'dayStart', 'dayHours', 'planId'] as const;

const isSent = (value: unknown): value is SentEvent =>
	isRecord(value) && Number.isInteger(value.sequence) && (value.sequence as number) >= 0 && typeof value.content === 'string';

const format: Format<PlannerState> = {
	version: 1,
	validate: (data) => {
		if (data.anchor !== 'upgrade' && data.anchor !== 'start') return undefined;
		if (data.validationUnit !== 'months' && data.validationUnit !== 'weeks') return undefined;
		if (!TEXT_FIELDS.every((field) => typeof data[field] === 'string')) return undefined;
		if (!isRecord(data.sent) || !Object.values(data.sent).every(isSent)) return undefined;
		const state = { ...EMPTY_PLANNER };
		for (const field of TEXT_FIELDS) state[field] = data[field] as string;
		return { ...state, anchor: data.anchor, validationUnit: data.validationUnit, sent: data.sent as Record<string, SentEvent> };
	},
};

/** Reads a stored planner value without throwing. */
export const readPlanner = (raw: string) => decode(raw, format);
/** The stored form of the planner: its fields with the format version. */
export const writePlanner = (state: PlannerState) => encode(1, state);

registerState({ name: 'planner', label: 'Upgrade planner', keys: [PLANNER_KEY], decode: readPlanner, encode: writePlanner });

