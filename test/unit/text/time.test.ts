import { describe, expect, it } from 'vitest';
import { formatDay, formatTime, isoUtc, offsetLabel, offsetMinutes } from '../../../src/text/time';

describe('formatTime', () => {
	it('writes the local time with its offset, then UTC', () => {
		expect(formatTime('2026-11-30T05:33:00Z', 'Europe/Amsterdam')).toBe('2026-11-30 06:33 (UTC+01:00) · 05:33 UTC');
	});
	it('follows daylight saving time', () => {
		expect(formatTime('2026-07-01T12:00:00Z', 'Europe/Amsterdam')).toBe('2026-07-01 14:00 (UTC+02:00) · 12:00 UTC');
	});
	it('handles negative and half-hour offsets and a date change', () => {
		expect(formatTime('2026-03-01T02:15:00Z', 'America/New_York')).toBe('2026-02-28 21:15 (UTC-05:00) · 02:15 UTC');
		expect(formatTime('2026-01-10T20:00:00Z', 'Asia/Kolkata')).toBe('2026-01-11 01:30 (UTC+05:30) · 20:00 UTC');
	});
	it('reads an ISO time with an offset as the instant it names, not as text', () => {
		expect(formatTime('2025-03-10T02:30:00+05:00', 'UTC')).toBe('2025-03-09 21:30 (UTC+00:00) · 21:30 UTC');
	});
	it('never shows "Invalid Date"', () => {
		expect(formatTime('not a time', 'UTC')).toBe('an unreadable time');
	});
});

describe('offsets', () => {
	it('measures the zone offset in minutes', () => {
		expect(offsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Asia/Tokyo')).toBe(540);
		expect(offsetMinutes(new Date('2026-01-15T12:00:00Z'), 'UTC')).toBe(0);
	});
	it('labels offsets with sign, hours and minutes', () => {
		expect(offsetLabel(-210)).toBe('UTC-03:30');
		expect(offsetLabel(0)).toBe('UTC+00:00');
	});
});

describe('formatDay and isoUtc', () => {
	it('writes a calendar date without shifting it by the zone', () => {
		expect(formatDay('2028-02-29')).toBe('Tue 29 Feb 2028');
		expect(formatDay('2026-13-01')).toBe('an unreadable date');
	});
	it('stores instants as ISO 8601 UTC', () => {
		expect(isoUtc(Date.UTC(2026, 10, 30, 5, 33))).toBe('2026-11-30T05:33:00.000Z');
	});
});

describe('formatDay names', () => {
	it('writes the same short month name in every browser, and refuses a day that does not exist', () => {
		expect(formatDay('2025-09-16')).toBe('Tue 16 Sep 2025');
		expect(formatDay('2026-02-30')).toBe('an unreadable date');
	});
});
