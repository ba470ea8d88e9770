import { describe, expect, it } from 'vitest';
import { ALLOWED, judge } from '../../../scripts/check-html.mjs';

const starlight = ALLOWED[0]!.message;
const error = (url: string, message: string) => ({ type: 'error', url, message, lastLine: 1, firstColumn: 2 });

describe('judge', () => {
	it("passes a page whose only errors are Starlight's allowed ones, counting them apart", () => {
		const [page] = judge([error('file:/a.html', starlight), error('file:/a.html', starlight), { type: 'info', subType: 'warning', url: 'file:/a.html', message: 'w' }], ['file:/a.html']);
		expect(page).toMatchObject({ errors: [], allowed: 2, warnings: 1 });
	});

	it('fails a page with one allowed error more than Starlight writes', () => {
		const [page] = judge([1, 2, 3].map(() => error('file:/a.html', starlight)), ['file:/a.html']);
		expect(page!.errors).toHaveLength(3);
	});

	it('fails a page with any other error, even one that only resembles the allowed message', () => {
		const [page] = judge([error('file:/a.html', starlight.replace('script', 'pre')), error('file:/a.html', 'Bad value.')], ['file:/a.html']);
		expect(page!.errors).toHaveLength(2);
	});

	it('passes a page the checker said nothing about', () => {
		expect(judge([], ['file:/b.html'])).toEqual([{ page: 'file:/b.html', errors: [], allowed: 0, warnings: 0, infos: 0 }]);
	});
});
