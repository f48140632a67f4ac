import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PartError, uploadParts } from '../../../StreamingApp.Frontend/wwwroot/js/multipart.js';

const partSize = 10;
const file = new Blob(['a'.repeat(35)]);
const parts = n => Array.from({ length: n }, (_, index) => ({ partNumber: index + 1, url: `https://s3.test/part${index + 1}?v=1` }));
const noDelay = () => Promise.resolve();

test('sends every part at most a few at a time and returns the ETags in order', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const sizes = [];
    const result = await uploadParts({
        file, partSize, missing: parts(4), concurrency: 2, delay: noDelay,
        putPart: async (blob, url, onProgress) => {
            inFlight++;
            mostInFlight = Math.max(mostInFlight, inFlight);
            await new Promise(resolve => setTimeout(resolve, 5));
            onProgress(blob.size);
            sizes.push(blob.size);
            inFlight--;
            return `"etag-${url.match(/part(\d)/)[1]}"`;
        },
        freshUrls: async () => new Map(),
    });

    assert.equal(mostInFlight, 2);
    assert.deepEqual(sizes.sort(), [10, 10, 10, 5].sort());
    assert.deepEqual(result, [1, 2, 3, 4].map(n => ({ partNumber: n, eTag: `"etag-${n}"` })));
});

test('a resumed upload sends only the missing parts and counts the received ones as done', async () => {
    const progress = [];
    const sent = [];
    const result = await uploadParts({
        file, partSize, delay: noDelay,
        missing: [{ partNumber: 3, url: 'https://s3.test/part3' }],
        received: [{ partNumber: 1, eTag: '"a"', size: 10 }, { partNumber: 2, eTag: '"b"', size: 10 }, { partNumber: 4, eTag: '"d"', size: 5 }],
        putPart: async (blob, url, onProgress) => {
            sent.push(url);
            onProgress(4);
            return '"c"';
        },
        onProgress: loaded => progress.push(loaded),
        freshUrls: async () => new Map(),
    });

    assert.deepEqual(sent, ['https://s3.test/part3']);
    assert.deepEqual(progress, [29, 35]);
    assert.deepEqual(result.map(part => part.eTag), ['"a"', '"b"', '"c"', '"d"']);
});

test('a failed part is retried with backoff, and an expired URL is replaced first', async () => {
    const attempts = [];
    const delays = [];
    let refreshed = 0;
    await uploadParts({
        file: new Blob(['x'.repeat(10)]), partSize, missing: parts(1),
        delay: ms => { delays.push(ms); return Promise.resolve(); },
        putPart: async (blob, url) => {
            attempts.push(url);
            if (attempts.length === 1) throw new PartError(500);
            if (attempts.length === 2) throw new PartError(403);
            return '"ok"';
        },
        freshUrls: async () => { refreshed++; return new Map([[1, 'https://s3.test/part1?v=2']]); },
    });

    assert.deepEqual(attempts, ['https://s3.test/part1?v=1', 'https://s3.test/part1?v=1', 'https://s3.test/part1?v=2']);
    assert.deepEqual(delays, [1000]);
    assert.equal(refreshed, 1);
});

test('a part that keeps failing stops the upload', async () => {
    await assert.rejects(uploadParts({
        file, partSize, missing: parts(4), maxAttempts: 3, delay: noDelay,
        putPart: async () => { throw new PartError(500); },
        freshUrls: async () => new Map(),
    }), error => error.status === 500);
});

test('cancelling stops before the next attempt', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(uploadParts({
        file, partSize, missing: parts(4), signal: controller.signal, delay: noDelay,
        putPart: async () => '"never"',
        freshUrls: async () => new Map(),
    }), error => error.name === 'AbortError');
});
