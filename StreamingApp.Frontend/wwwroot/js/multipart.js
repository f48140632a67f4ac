// Direct-to-S3 multipart uploads: parts go straight from the browser to presigned URLs, a few at a time, each retried
// with backoff. A 403 means the presigned URLs expired: fresh ones are fetched and the part is sent again.

export class PartError extends Error {
    constructor(status, message) {
        super(message ?? `Storage answered ${status}.`);
        this.status = status;
    }
}

const wait = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Uploads the missing parts of a file and returns every part's { partNumber, eTag } (received ones included).
 * @param {object} options
 * @param {Blob} options.file
 * @param {number} options.partSize
 * @param {{partNumber: number, url: string}[]} options.missing parts still to send
 * @param {{partNumber: number, eTag: string, size: number}[]} options.received parts storage already has
 * @param {(blob: Blob, url: string, onProgress: (loaded: number) => void, signal: AbortSignal) => Promise<string>} options.putPart sends a part, resolves with its ETag
 * @param {() => Promise<Map<number, string>>} options.freshUrls new presigned URLs by part number
 * @param {(loadedBytes: number) => void} options.onProgress bytes stored so far, received parts included
 */
export async function uploadParts({
    file, partSize, missing, received = [], putPart, freshUrls, onProgress = () => { },
    concurrency = 3, maxAttempts = 4, signal = new AbortController().signal, delay = wait,
}) {
    const done = new Map(received.map(part => [part.partNumber, part.eTag]));
    let stored = received.reduce((sum, part) => sum + part.size, 0);
    const inFlight = new Map();
    const urls = new Map(missing.map(part => [part.partNumber, part.url]));
    const queue = missing.map(part => part.partNumber).sort((a, b) => a - b);
    let refreshing = null;

    const report = () => onProgress(stored + [...inFlight.values()].reduce((sum, loaded) => sum + loaded, 0));

    async function refreshUrls() {
        refreshing ??= freshUrls().then(fresh => {
            for (const [partNumber, url] of fresh) {
                urls.set(partNumber, url);
            }
        }).finally(() => { refreshing = null; });
        return refreshing;
    }

    async function sendPart(partNumber) {
        const start = (partNumber - 1) * partSize;
        const blob = file.slice(start, Math.min(file.size, start + partSize));
        for (let attempt = 1; ; attempt++) {
            signal.throwIfAborted();
            inFlight.set(partNumber, 0);
            try {
                const eTag = await putPart(blob, urls.get(partNumber), loaded => {
                    inFlight.set(partNumber, loaded);
                    report();
                }, signal);
                inFlight.delete(partNumber);
                done.set(partNumber, eTag);
                stored += blob.size;
                report();
                return;
            } catch (error) {
                inFlight.delete(partNumber);
                report();
                if (signal.aborted || attempt >= maxAttempts) {
                    throw error;
                }
                if (error.status === 403) {
                    await refreshUrls();
                } else {
                    await delay(1000 * 2 ** (attempt - 1));
                }
            }
        }
    }

    async function worker() {
        while (queue.length > 0) {
            await sendPart(queue.shift());
        }
    }

    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    return [...done].map(([partNumber, eTag]) => ({ partNumber, eTag })).sort((a, b) => a.partNumber - b.partNumber);
}
