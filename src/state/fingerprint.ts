/** A short, stable hash of a step's text, to tell later whether the text changed since it was signed. */
export function fingerprintText(text: string): string {
	// Spacing and Unicode form change with editing and rendering, not with meaning, so they do not count.
	const normal = text.normalize('NFC').replace(/\s+/g, ' ').trim();
	// cyrb53: tiny, synchronous and the same in every browser and in Node; this is change detection, not security.
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < normal.length; i++) {
		const ch = normal.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
