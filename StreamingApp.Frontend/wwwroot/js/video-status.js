// Keeps a video's processing status current on the page: polls the video (through this site's proxy) while it is
// processing, and shows its progress, then the watch link or the failure reason.
import { getJson } from './api.js';

const pollIntervalMs = 2000;
const labels = { awaiting_upload: 'Waiting for upload', processing: 'Processing', ready: 'Ready', failed: 'Failed' };
const polling = new WeakMap();

function render(element, video) {
    const badge = element.querySelector('[data-testid="status"]');
    const progress = element.querySelector('[data-status-progress]');
    const text = element.querySelector('[data-status-text]');
    const link = element.querySelector('[data-watch-link]');
    const percent = video.processingProgress ?? 0;
    element.dataset.status = video.status;
    element.hidden = false;
    badge.className = `status-badge status-${video.status}`;
    badge.textContent = video.status === 'processing' ? `${labels.processing} ${percent}%` : labels[video.status] ?? video.status;
    progress.hidden = video.status !== 'processing';
    progress.value = percent;
    link.hidden = video.status !== 'ready';
    text.textContent = {
        awaiting_upload: 'Waiting for the file.',
        processing: 'Preparing every quality level. This takes about as long as the video itself.',
        ready: 'Ready to watch.',
        failed: video.failureReason ? `Processing failed: ${video.failureReason}` : 'Processing failed.',
    }[video.status] ?? '';
}

/** Polls the video behind the element until it is ready or failed; returns a function that stops polling. */
export function watch(element) {
    polling.get(element)?.();
    let stopped = false;
    let timer = null;
    let failures = 0;
    element.dataset.status = 'processing';
    element.hidden = false;

    async function poll() {
        try {
            const video = await getJson(`/api/videos/${element.dataset.videoId}`);
            failures = 0;
            render(element, video);
            if (video.status === 'ready' || video.status === 'failed') {
                return;
            }
        } catch {
            failures += 1;
        }
        if (!stopped) {
            timer = setTimeout(poll, pollIntervalMs * Math.min(8, 2 ** failures));
        }
    }

    poll();
    const stop = () => {
        stopped = true;
        clearTimeout(timer);
    };
    polling.set(element, stop);
    return stop;
}

export function mount(element) {
    return element.dataset.status === 'processing' ? watch(element) : undefined;
}
