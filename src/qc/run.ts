/** One whole comparison from raw input to result, the same in a worker or on the page. */
import { compareListings, type Comparison, type QcMode } from './compare';
import { decodeBytes, type TextEncodingName } from './decode';
import { readListing, type Listing } from './listing';
import { keptItems } from './result';

/** A listing as given: pasted text, or the bytes of a chosen file. */
export type ListingInput = { text: string } | { bytes: Uint8Array; fileName: string };

/** What the page asks for: both listings and the mode. */
export interface RunRequest {
	before: ListingInput;
	after: ListingInput;
	mode: QcMode;
}

/** How one listing was read, without its rows (the comparison holds those). */
export type ListingReport = Omit<Listing, 'rows'> & { components: number; charset?: TextEncodingName };

/** The answer: how each listing was read, and the comparison. */
export interface RunResult {
	before: ListingReport;
	after: ListingReport;
	comparison: Comparison;
}

function read(input: ListingInput): { listing: Listing; report: ListingReport } {
	const decoded = 'bytes' in input ? decodeBytes(input.bytes) : undefined;
	const listing = readListing(decoded?.text ?? (input as { text: string }).text);
	const { rows, ...rest } = listing;
	return { listing, report: { ...rest, components: rows.length, ...(decoded && { charset: decoded.encoding }) } };
}

/** Reads both listings and compares them; equal components come back without their checksums, as they are kept. */
export function runComparison(request: RunRequest): RunResult {
	const before = read(request.before);
	const after = read(request.after);
	const comparison = compareListings(before.listing, after.listing, request.mode);
	// Only what is kept crosses back to the page: less to copy into its main thread.
	return { before: before.report, after: after.report, comparison: { ...comparison, items: keptItems(comparison.items) } };
}
