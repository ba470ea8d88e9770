import { describe, expect, it } from 'vitest';
import { base64ToHex, hexToBase64, readChecksum } from '../../../src/qc/checksum';
import { md5Base64, md5Hex } from './helpers';

describe('checksums', () => {
	const texts = ['', 'view template', 'data script\n', 'Résultats labo', 'x'.repeat(1000)];

	it('decodes the Base64 of an MD5 to the same hex as the hex form', () => {
		for (const text of texts) {
			const base64 = md5Base64(text);
			expect(base64).toHaveLength(24);
			expect(base64.endsWith('==')).toBe(true);
			expect(base64ToHex(base64)).toBe(md5Hex(text));
			expect(hexToBase64(md5Hex(text))).toBe(base64);
		}
	});

	it('reads both forms as lowercase hex and says which form it was', () => {
		const text = 'Lab results/view';
		expect(readChecksum(md5Hex(text).toUpperCase())).toEqual({ hex: md5Hex(text), encoding: 'hex' });
		expect(readChecksum(md5Base64(text))).toEqual({ hex: md5Hex(text), encoding: 'base64' });
	});

	it('refuses what is not a whole MD5 in either form', () => {
		expect(readChecksum(md5Hex('a').slice(1))).toBeUndefined();
		expect(readChecksum(`${md5Hex('a')}0`)).toBeUndefined();
		expect(readChecksum(md5Base64('a').slice(0, -1))).toBeUndefined();
		expect(readChecksum('abcdefghijklmnopqrstuv==')).toBeUndefined(); // 'v' leaves bits over: not 16 bytes
		expect(readChecksum('g'.repeat(32))).toBeUndefined();
	});
});
