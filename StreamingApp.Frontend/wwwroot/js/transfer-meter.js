// Upload progress as people read it: how much is done, how fast it goes and how long is left. Speed is measured over
// the last few seconds, so it follows changes in the connection instead of averaging over the whole upload.

export class TransferMeter {
    /**
     * @param {number} totalBytes
     * @param {{windowMs?: number, now?: () => number}} options
     */
    constructor(totalBytes, { windowMs = 5000, now = () => performance.now() } = {}) {
        this.totalBytes = totalBytes;
        this.windowMs = windowMs;
        this.now = now;
        this.samples = [];
    }

    /** Records the bytes sent so far and returns { loaded, total, fraction, bytesPerSecond, secondsLeft } (null when unknown yet). */
    update(loadedBytes) {
        const time = this.now();
        this.samples.push({ time, loaded: loadedBytes });
        while (this.samples.length > 2 && time - this.samples[1].time >= this.windowMs) {
            this.samples.shift();
        }
        const first = this.samples[0];
        const elapsedSeconds = (time - first.time) / 1000;
        const bytesPerSecond = elapsedSeconds >= 0.5 ? Math.max(0, (loadedBytes - first.loaded) / elapsedSeconds) : null;
        const remaining = Math.max(0, this.totalBytes - loadedBytes);
        return {
            loaded: loadedBytes,
            total: this.totalBytes,
            fraction: this.totalBytes > 0 ? Math.min(1, loadedBytes / this.totalBytes) : 0,
            bytesPerSecond,
            secondsLeft: remaining === 0 ? 0 : bytesPerSecond ? remaining / bytesPerSecond : null,
        };
    }
}

export function formatBytes(bytes) {
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit += 1;
    }
    return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatDuration(seconds) {
    if (seconds < 60) {
        return `${Math.max(1, Math.ceil(seconds))} s`;
    }
    if (seconds < 3600) {
        const minutes = Math.floor(seconds / 60);
        return `${minutes} min ${Math.round(seconds % 60)} s`;
    }
    return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

/** "42% · 3.1 MB of 7.4 MB · 1.2 MB/s · about 4 s left" */
export function describeProgress(snapshot) {
    const parts = [`${Math.floor(snapshot.fraction * 100)}%`, `${formatBytes(snapshot.loaded)} of ${formatBytes(snapshot.total)}`];
    if (snapshot.bytesPerSecond !== null) {
        parts.push(`${formatBytes(snapshot.bytesPerSecond)}/s`);
    }
    if (snapshot.secondsLeft !== null && snapshot.secondsLeft > 0) {
        parts.push(`about ${formatDuration(snapshot.secondsLeft)} left`);
    }
    return parts.join(' · ');
}
