import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFile, escapeText, foldLine, type CalendarEvent } from '../../../src/plan/ics';

const events: CalendarEvent[] = [
	{
		uid: 'preparation.plan-7f3a@clinspark-upgrade-playbook',
		sequence: 2,
		summary: 'Preparation (steps 1–7); one to two weeks',
		description: 'Review release notes; raise the VAL request, ticket 4711.\nSecond line with a backslash \\ and a semicolon;',
		time: { kind: 'days', first: '2027-02-22', last: '2027-02-28' },
	},
	{
		uid: 'upgrade-day.plan-7f3a@clinspark-upgrade-playbook',
		sequence: 0,
		summary: 'Upgrade day: PROD MAIN then PROD TEST — ' + 'Ünïcödé '.repeat(12),
		time: { kind: 'utc', start: '2027-03-10T07:00:00Z', end: '2027-03-10T17:30:00Z' },
	},
];
const text = calendarFile(events, { name: 'ClinSpark upgrade, Site A', stamp: '2026-11-30T05:33:00.000Z' });
const lines = text.split('\r\n');

describe('the calendar file, line by line', () => {
	it('ends every line with CRLF and has no bare line feed', () => {
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});
	it('folds lines at 75 octets, continuation lines starting with one space, never inside a character', () => {
		const encoder = new TextEncoder();
		for (const line of lines) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
		expect(lines.some((line) => line.startsWith(' '))).toBe(true);
		const unfolded = text.replace(/\r\n /g, '');
		expect(unfolded).toContain('SUMMARY:Upgrade day: PROD MAIN then PROD TEST — ' + 'Ünïcödé '.repeat(12).trim());
	});
	it('escapes commas, semicolons, backslashes and line breaks in text', () => {
		expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
		expect(text.replace(/\r\n /g, '')).toContain('DESCRIPTION:Review release notes\\; raise the VAL request\\, ticket 4711.\\nSecond line with a backslash \\\\ and a semicolon\\;');
	});
	it('writes whole days as DATE values with the exclusive end, and the day as UTC times', () => {
		expect(lines).toContain('DTSTART;VALUE=DATE:20270222');
		expect(lines).toContain('DTEND;VALUE=DATE:20270301');
		expect(lines).toContain('DTSTART:20270310T070000Z');
		expect(lines).toContain('DTEND:20270310T173000Z');
	});
	it('gives every event its stable UID, SEQUENCE and DTSTAMP', () => {
		expect(lines.filter((l) => l.startsWith('UID:'))).toEqual(events.map((e) => `UID:${e.uid}`));
		expect(lines.filter((l) => l.startsWith('SEQUENCE:'))).toEqual(['SEQUENCE:2', 'SEQUENCE:0']);
		expect(lines.filter((l) => l === 'DTSTAMP:20261130T053300Z')).toHaveLength(2);
	});
	it('refuses an impossible date instead of writing it', () => {
		expect(() => calendarFile([{ ...events[0]!, time: { kind: 'days', first: '2027-02-30', last: '2027-03-01' } }], { name: 'x', stamp: '2026-11-30T00:00:00Z' })).toThrow('Not a date: 2027-02-30');
	});
	it('folds a short line not at all', () => {
		expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
	});
});

describe('the calendar file, read back by ical.js', () => {
	const calendar = new ICAL.Component(ICAL.parse(text));
	const vevents = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));

	it('holds every event with its text unescaped', () => {
		expect(vevents.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
		expect(vevents[0]!.description).toBe(events[0]!.description);
		expect(vevents[1]!.summary).toBe(events[1]!.summary);
	});
	it('reads the all-day run and the timed day as they were meant', () => {
		expect(vevents[0]!.startDate.isDate).toBe(true);
		expect(vevents[0]!.startDate.toString()).toBe('2027-02-22');
		expect(vevents[0]!.endDate.toString()).toBe('2027-03-01');
		expect(vevents[1]!.startDate.toJSDate().toISOString()).toBe('2027-03-10T07:00:00.000Z');
		expect(vevents[1]!.sequence).toBe(0);
	});
});
