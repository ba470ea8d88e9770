/**
 * Configuration checksums as ClinSpark shows them: an MD5 of 16 bytes, written as 24 Base64
 * characters ending in "==" before 23.3 and as 32 hexadecimal characters from 23.3 on.
 * Everything is compared as lowercase hex.
 */

/** How a checksum was written in the listing it came from. */
export type Encoding = 'hex' | 'base64';

/** A checksum read from a listing: lowercase hex, and how it was written. */
export interface Checksum {
	hex: string;
	encoding: Encoding;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// 22 characters carry 132 bits; an MD5 needs 128, so the last character's low 4 bits are zero: A, Q, g or w.
const BASE64_MD5 = /^[A-Za-z0-9+/]{21}[AQgw]==$/;
const HEX_MD5 = /^[0-9a-fA-F]{32}$/;

/** Where checksums stand in running text: whole tokens only, not part of a longer word or code. */
export const CHECKSUM_PATTERN = /(?<![A-Za-z0-9+/=])(?:[0-9a-fA-F]{32}(?![A-Za-z0-9+/=])|[A-Za-z0-9+/]{21}[AQgw]==(?![A-Za-z0-9+/=]))/g;

/** Tokens that look meant as a checksum but are not one (cut short, too long, a stray character). */
export const NEAR_CHECKSUM_PATTERN = /(?<![A-Za-z0-9+/=])(?:[0-9a-fA-F]{26,40}|[A-Za-z0-9+/]{18,26}={1,2})(?![A-Za-z0-9+/=])/g;

/** The 16 bytes of a Base64 MD5 as lowercase hex. */
export function base64ToHex(text: string): string {
	let bits = 0;
	let value = 0;
	let hex = '';
	for (const char of text.replace(/=+$/, '')) {
		value = (value << 6) | BASE64.indexOf(char);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			hex += ((value >> bits) & 0xff).toString(16).padStart(2, '0');
		}
	}
	return hex;
}

/** Lowercase hex as Base64, the way ClinSpark showed checksums before 23.3 (for the listings' own display). */
export function hexToBase64(hex: string): string {
	let out = '';
	let value = 0;
	let bits = 0;
	for (let i = 0; i < hex.length; i += 2) {
		value = (value << 8) | parseInt(hex.slice(i, i + 2), 16);
		bits += 8;
		while (bits >= 6) {
			bits -= 6;
			out += BASE64[(value >> bits) & 63];
		}
		value &= (1 << bits) - 1;
	}
	if (bits > 0) out += BASE64[(value << (6 - bits)) & 63];
	return out + '='.repeat((4 - (out.length % 4)) % 4);
}

/** Reads one token as a checksum, or undefined when it is neither form. */
export function readChecksum(token: string): Checksum | undefined {
	const text = token.trim();
	if (HEX_MD5.test(text)) return { hex: text.toLowerCase(), encoding: 'hex' };
	if (BASE64_MD5.test(text)) return { hex: base64ToHex(text), encoding: 'base64' };
	return undefined;
}
