import { $storageProblems, $storageStatus } from '~/state/storage';

/**
 * Keeps a notice element saying whether progress is saved and which saved values were set aside or left alone;
 * the code that words it loads only when there is something to say, so a page in good health does not carry it.
 */
export function watchStorage(notice: HTMLElement, options: { recordPage?: boolean } = {}): () => void {
	const show = () => {
		if ($storageStatus.get().kind === 'ok' && $storageProblems.get().length === 0) {
			notice.replaceChildren();
			notice.hidden = true;
		} else {
			void import('./storage-notice').then((module) => module.renderNotice(notice, options));
		}
	};
	const stops = [$storageStatus.subscribe(show), $storageProblems.subscribe(show)];
	return () => stops.forEach((stop) => stop());
}
