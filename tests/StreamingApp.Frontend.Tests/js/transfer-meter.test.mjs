import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TransferMeter, describeProgress, formatBytes, formatDuration } from '../../../StreamingApp.Frontend/wwwroot/js/transfer-meter.js';

function clock() {
    let now = 0;
    return { now: () => now, advance: ms => { now += ms; } };
}

test('speed and time left come from the bytes sent over the last seconds', () => {
    const time = clock();
    const meter = new TransferMeter(10_000_000, { now: time.now });
    meter.update(0);
    time.advance(1000);
    const snapshot = meter.update(1_000_000);

    assert.equal(snapshot.fraction, 0.1);
    assert.equal(snapshot.bytesPerSecond, 1_000_000);
    assert.equal(snapshot.secondsLeft, 9);
});

test('speed follows the connection instead of averaging the whole upload', () => {
    const time = clock();
    const meter = new TransferMeter(100_000_000, { windowMs: 5000, now: time.now });
    meter.update(0);
    for (let second = 1; second <= 10; second++) {
        time.advance(1000);
        meter.update(second * 4_000_000);
    }
    // The connection slows from 4 MB/s to 1 MB/s.
    let snapshot;
    for (let second = 1; second <= 6; second++) {
        time.advance(1000);
        snapshot = meter.update(40_000_000 + second * 1_000_000);
    }

    assert.ok(Math.abs(snapshot.bytesPerSecond - 1_000_000) < 1, `speed ${snapshot.bytesPerSecond}`);
    assert.equal(Math.round(snapshot.secondsLeft), 54);
});

test('speed is unknown until half a second has passed, and nothing is left once all is sent', () => {
    const time = clock();
    const meter = new TransferMeter(1000, { now: time.now });
    meter.update(0);
    time.advance(100);
    assert.equal(meter.update(500).bytesPerSecond, null);
    assert.equal(meter.update(500).secondsLeft, null);
    time.advance(900);
    assert.equal(meter.update(1000).secondsLeft, 0);
});

test('progress reads as people say it', () => {
    assert.equal(formatBytes(999), '999 B');
    assert.equal(formatBytes(3_100_000), '3.1 MB');
    assert.equal(formatBytes(74_000_000), '74 MB');
    assert.equal(formatDuration(4.2), '5 s');
    assert.equal(formatDuration(125), '2 min 5 s');
    assert.equal(formatDuration(7260), '2 h 1 min');
    assert.equal(
        describeProgress({ loaded: 3_100_000, total: 7_400_000, fraction: 0.4189, bytesPerSecond: 1_200_000, secondsLeft: 3.6 }),
        '41% · 3.1 MB of 7.4 MB · 1.2 MB/s · about 4 s left');
});
