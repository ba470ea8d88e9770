/** Reads and compares listings off the page's main thread, so a listing of thousands of components never blocks it. */
import { runComparison, type RunRequest } from './run';

self.onmessage = (event: MessageEvent<RunRequest>) => {
	try {
		self.postMessage({ ok: true, result: runComparison(event.data) });
	} catch (error) {
		self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
	}
};
