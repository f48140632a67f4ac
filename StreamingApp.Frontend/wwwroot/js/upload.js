// The upload step: a file picker and drop zone, a real progress bar with speed and time left, then live processing
// status. With S3 storage the file goes straight to S3 in parts and survives a page reload (the upload session is
// remembered in localStorage and resumed from the parts S3 already has); otherwise it is streamed to the Api.
import { antiforgeryToken, apiFetch, errorOf, getJson } from './api.js';
import { PartError, uploadParts } from './multipart.js';
import { TransferMeter, describeProgress, formatBytes } from './transfer-meter.js';
import { watch } from './video-status.js';

const typesByExtension = {
    mp4: 'video/mp4', m4v: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm', mkv: 'video/x-matroska',
    avi: 'video/x-msvideo', mpg: 'video/mpeg', mpeg: 'video/mpeg', ts: 'video/mp2t', ogv: 'video/ogg', '3gp': 'video/3gpp',
};

export function contentTypeOf(file) {
    if (file.type.startsWith('video/')) {
        return file.type;
    }
    return typesByExtension[file.name.split('.').pop()?.toLowerCase()] ?? null;
}

function sessionKey(videoId) {
    return `streamingapp:upload:${videoId}`;
}

function sameFile(saved, file) {
    return saved && saved.fileName === file.name && saved.sizeBytes === file.size && saved.lastModified === file.lastModified;
}

/** Sends a body with XMLHttpRequest, which reports upload progress (fetch does not). Resolves with the XHR. */
function send(method, url, body, { headers = {}, onProgress, signal }) {
    return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open(method, url, true);
        for (const [name, value] of Object.entries(headers)) {
            xhr.setRequestHeader(name, value);
        }
        xhr.upload.addEventListener('progress', event => onProgress?.(event.loaded));
        xhr.addEventListener('load', () => resolve(xhr));
        xhr.addEventListener('error', () => reject(new PartError(0, 'The connection was lost.')));
        xhr.addEventListener('abort', () => reject(new DOMException('The upload was cancelled.', 'AbortError')));
        signal?.addEventListener('abort', () => xhr.abort(), { once: true });
        xhr.send(body);
    });
}

function problemOf(xhr) {
    try {
        return JSON.parse(xhr.responseText);
    } catch {
        return null;
    }
}

export function mount(root) {
    const $ = selector => root.querySelector(selector);
    const videoId = root.dataset.videoId;
    const ui = {
        input: $('[data-file]'),
        dropZone: $('[data-drop-zone]'),
        resumeHint: $('[data-resume-hint]'),
        panel: $('[data-progress-panel]'),
        fileName: $('[data-file-name]'),
        progress: $('[data-progress]'),
        text: $('[data-progress-text]'),
        cancel: $('[data-cancel]'),
        error: $('[data-upload-error]'),
    };
    const status = document.querySelector(`[data-video-status][data-video-id="${videoId}"]`);
    const saved = JSON.parse(localStorage.getItem(sessionKey(videoId)) ?? 'null');
    let controller = null;

    if (saved) {
        ui.resumeHint.textContent = `The upload of “${saved.fileName}” (${formatBytes(saved.sizeBytes)}) was interrupted. Choose the same file to continue where it stopped.`;
        ui.resumeHint.hidden = false;
    }

    function showError(message) {
        ui.error.textContent = message;
        ui.error.hidden = false;
        ui.panel.hidden = true;
        ui.dropZone.hidden = false;
        ui.input.value = '';
    }

    function explain(error) {
        if (error.name === 'AbortError') {
            return 'The upload was cancelled.';
        }
        switch (error.status) {
            case 401: return 'Your session has ended. Sign in again, then come back to this page.';
            case 413: return `This file is too large. ${error.message}`;
            case 415: return 'This file is not a video we can take. Upload MP4, MOV, WebM or MKV.';
            case 422: return `This file cannot be used as a video: ${error.message}`;
            case 409: return 'This video already has a file. Create a new video to upload another one.';
            case 0: return 'The connection was lost. Choose the file again to retry.';
            default: return error.message || 'The upload failed. Try again.';
        }
    }

    async function streamed(file, contentType, meter, signal) {
        const xhr = await send('PUT', `/api/videos/${videoId}/source`, file, {
            headers: { 'Content-Type': contentType, 'X-CSRF-TOKEN': antiforgeryToken() },
            onProgress: loaded => render(meter.update(loaded)),
            signal,
        });
        if (xhr.status !== 202) {
            const problem = problemOf(xhr);
            throw Object.assign(new Error(problem?.detail ?? problem?.title ?? `The server answered ${xhr.status}.`), { status: xhr.status });
        }
    }

    async function direct(file, session, meter, signal) {
        const parts = await uploadParts({
            file,
            partSize: session.partSize,
            missing: session.missingParts,
            received: session.receivedParts,
            signal,
            onProgress: loaded => render(meter.update(loaded)),
            putPart: async (blob, url, onProgress, partSignal) => {
                const xhr = await send('PUT', url, blob, { onProgress, signal: partSignal });
                if (xhr.status < 200 || xhr.status >= 300) {
                    throw new PartError(xhr.status);
                }
                // S3 must expose ETag to this origin (its CORS rule), or the part cannot be completed.
                const eTag = xhr.getResponseHeader('ETag');
                if (!eTag) {
                    throw new PartError(0, 'Storage did not expose the ETag header.');
                }
                return eTag;
            },
            freshUrls: async () => {
                const status = await getJson(`/api/videos/${videoId}/uploads/${encodeURIComponent(session.uploadId)}`);
                return new Map(status.missingParts.map(part => [part.partNumber, part.url]));
            },
        });
        const response = await apiFetch(`/api/videos/${videoId}/uploads/${encodeURIComponent(session.uploadId)}/complete`, {
            method: 'POST',
            body: JSON.stringify({ parts }),
        });
        if (response.status !== 202) {
            throw await errorOf(response);
        }
    }

    /** The direct-upload session to continue (resumed or new), or null when storage takes no direct uploads. */
    async function directSession(file, contentType) {
        if (sameFile(saved, file)) {
            try {
                return await getJson(`/api/videos/${videoId}/uploads/${encodeURIComponent(saved.uploadId)}`);
            } catch (error) {
                if (error.status !== 404) {
                    throw error;
                }
            }
        }
        const response = await apiFetch(`/api/videos/${videoId}/uploads`, {
            method: 'POST',
            body: JSON.stringify({ fileName: file.name, contentType, sizeBytes: file.size }),
        });
        if (response.status === 409) {
            const error = await errorOf(response);
            if (error.type === 'direct-upload-unavailable') {
                return null;
            }
            throw error;
        }
        if (response.status !== 201) {
            throw await errorOf(response);
        }
        const started = await response.json();
        localStorage.setItem(sessionKey(videoId), JSON.stringify({
            uploadId: started.uploadId, fileName: file.name, sizeBytes: file.size, lastModified: file.lastModified,
        }));
        return { ...started, receivedParts: [], missingParts: started.parts };
    }

    function render(snapshot) {
        ui.progress.value = snapshot.fraction;
        ui.text.textContent = describeProgress(snapshot);
    }

    async function upload(file) {
        const contentType = contentTypeOf(file);
        if (!contentType) {
            showError(`“${file.name}” does not look like a video file.`);
            return;
        }
        controller = new AbortController();
        ui.error.hidden = true;
        ui.resumeHint.hidden = true;
        ui.dropZone.hidden = true;
        ui.panel.hidden = false;
        ui.fileName.textContent = `${file.name} (${formatBytes(file.size)})`;
        const meter = new TransferMeter(file.size);
        render(meter.update(0));
        try {
            const session = await directSession(file, contentType);
            if (session) {
                await direct(file, session, meter, controller.signal);
            } else {
                await streamed(file, contentType, meter, controller.signal);
            }
            localStorage.removeItem(sessionKey(videoId));
            ui.text.textContent = 'Upload complete. Processing starts now.';
            ui.cancel.hidden = true;
            root.dataset.state = 'uploaded';
            if (status) {
                watch(status);
            }
        } catch (error) {
            showError(explain(error));
        }
    }

    const onChange = () => ui.input.files[0] && upload(ui.input.files[0]);
    const onDragOver = event => {
        event.preventDefault();
        ui.dropZone.classList.add('is-dragging');
    };
    const onDragLeave = () => ui.dropZone.classList.remove('is-dragging');
    const onDrop = event => {
        event.preventDefault();
        ui.dropZone.classList.remove('is-dragging');
        const file = event.dataTransfer?.files?.[0];
        if (file) {
            upload(file);
        }
    };
    const onCancel = () => controller?.abort();

    ui.input.addEventListener('change', onChange);
    ui.dropZone.addEventListener('dragover', onDragOver);
    ui.dropZone.addEventListener('dragleave', onDragLeave);
    ui.dropZone.addEventListener('drop', onDrop);
    ui.cancel.addEventListener('click', onCancel);

    return () => {
        ui.input.removeEventListener('change', onChange);
        ui.dropZone.removeEventListener('dragover', onDragOver);
        ui.dropZone.removeEventListener('dragleave', onDragLeave);
        ui.dropZone.removeEventListener('drop', onDrop);
        ui.cancel.removeEventListener('click', onCancel);
        controller?.abort();
    };
}
