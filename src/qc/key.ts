/** The key two listings' components are matched by: the name with case and spacing evened out. */
export function componentKey(name: string): string {
	return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
