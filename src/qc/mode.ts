import { compareVersions, parseVersion } from '../releases/version';
import type { Encoding } from './checksum';
import type { QcMode } from './compare';

/** The release from which ClinSpark shows checksums as hex rather than Base64. */
export const HEX_FROM = '23.3';

/** The mode the plan's versions call for: across 23.3 when the upgrade crosses it, else VAL vs PROD. */
export function modeForVersions(current: string, target: string): QcMode {
	const from = parseVersion(current.trim());
	const to = parseVersion(target.trim());
	const boundary = parseVersion(HEX_FROM)!;
	if (from === undefined || to === undefined) return 'same-version';
	return compareVersions(from, boundary) < 0 && compareVersions(to, boundary) >= 0 ? 'across-23.3' : 'same-version';
}

/** The one encoding a listing uses, 'mixed', or undefined when it has no checksum. */
export function encodingOf(counts: Record<Encoding, number>): Encoding | 'mixed' | undefined {
	if (counts.hex > 0 && counts.base64 > 0) return 'mixed';
	if (counts.hex > 0) return 'hex';
	if (counts.base64 > 0) return 'base64';
	return undefined;
}

/** A warning when the listings' encodings do not fit the chosen mode, or '' when they do. */
export function encodingWarning(mode: QcMode, before: Record<Encoding, number>, after: Record<Encoding, number>): string {
	const a = encodingOf(before);
	const b = encodingOf(after);
	if (a === 'mixed' || b === 'mixed') return 'One listing mixes Base64 and hex checksums: it may join listings from two versions.';
	if (mode === 'same-version' && a !== undefined && b !== undefined && a !== b) {
		return `The "before" listing is in ${a === 'hex' ? 'hex' : 'Base64'} and the "after" one in ${b === 'hex' ? 'hex' : 'Base64'}: they come from either side of 23.3. If that is intended, choose "Before vs after across 23.3".`;
	}
	return '';
}
