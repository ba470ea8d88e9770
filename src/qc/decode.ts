/**
 * Bytes of a listing file to text. Spreadsheet programs write CSV as UTF-8 with or without a
 * byte-order mark, as UTF-16 (little- or big-endian, usually with a mark) for "Unicode text",
 * or in the Windows code page of the region; all of them end up here.
 */

/** The character set a file was read in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A file's text, the character set it was read in, and whether it began with a byte-order mark. */
export interface DecodedText {
	text: string;
	encoding: TextEncodingName;
	bom: boolean;
}

/** Which byte of a pair is mostly zero in the first bytes: UTF-16 text in a Latin script has one zero byte per character. */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	const length = Math.min(bytes.length, 2048) & ~1;
	if (length < 4) return undefined;
	let even = 0;
	let odd = 0;
	for (let i = 0; i < length; i += 2) {
		if (bytes[i] === 0) even++;
		if (bytes[i + 1] === 0) odd++;
	}
	const pairs = length / 2;
	if (odd > pairs * 0.4 && even < pairs * 0.1) return 'utf-16le';
	if (even > pairs * 0.4 && odd < pairs * 0.1) return 'utf-16be';
	return undefined;
}

/** Reads a listing file's bytes as text, guessing the character set as spreadsheet programs write it. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
	const [a, b, c] = bytes;
	if (a === 0xef && b === 0xbb && c === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
	if (a === 0xff && b === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
	if (a === 0xfe && b === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
	const wide = utf16Without(bytes);
	if (wide) return { text: new TextDecoder(wide).decode(bytes), encoding: wide, bom: false };
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
	} catch {
		// Not UTF-8: a regional code page. Checksums are plain ASCII either way; only accented names depend on the guess.
		return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', bom: false };
	}
}
