import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    ClockSync, applyMembers, canControl, canKick, controlLabel, correction, isNewer, markDeleted, mergeMessages, messageProblem,
    positionAt, syncLabel, syncSettings, syncStatus,
} from '../../../StreamingApp.Frontend/wwwroot/js/party-sync.js';

test('the clock offset comes from the lowest-delay pings, not from the queued ones', () => {
    const clock = new ClockSync({ keep: 20, best: 3 });
    // The server's clock is 5000 ms ahead. Quick pings (10 ms) are answered halfway; slow ones were queued on the way
    // back (their reply is stamped early in the trip), which would pull a plain average far off.
    for (const sentAt of [0, 1000, 2000]) {
        clock.add(sentAt, sentAt + 5 + 5000, sentAt + 10);
    }
    for (const sentAt of [3000, 4000, 5000, 6000]) {
        clock.add(sentAt, sentAt + 20 + 5000, sentAt + 400);
    }

    assert.equal(clock.offset, 5000);
    assert.equal(clock.serverTime(10_000), 15_000);
    assert.equal(clock.roundTrip, 400);
});

test('old samples leave the window, so a changed network shows in the estimate', () => {
    const clock = new ClockSync({ keep: 4, best: 2 });
    for (let index = 0; index < 4; index++) {
        clock.add(index * 1000, index * 1000 + 5 + 100, index * 1000 + 10);
    }
    assert.equal(clock.offset, 100);
    for (let index = 4; index < 8; index++) {
        clock.add(index * 1000, index * 1000 + 15 + 300, index * 1000 + 30);
    }
    assert.equal(clock.offset, 300);
    assert.equal(clock.samples.length, 4);
    assert.equal(new ClockSync().offset, 0);
    assert.equal(new ClockSync().ready, false);
});

test('the group position advances from the scheduled time only while playing, and stops at the end', () => {
    const playing = { state: 'playing', positionSeconds: 10, atServerTime: 50_000, rate: 1.5 };

    assert.equal(positionAt(playing, 49_000), 10);
    assert.equal(positionAt(playing, 52_000), 13);
    assert.equal(positionAt(playing, 200_000, 60), 60);
    assert.equal(positionAt({ ...playing, state: 'paused' }, 52_000), 10);
    assert.equal(positionAt({ ...playing, state: 'waiting' }, 52_000), 10);
});

test('states apply in revision order, and a same revision only with a newer party version', () => {
    const applied = { revision: 4, version: 10 };

    assert.equal(isNewer({ revision: 5, version: 11 }, applied), true);
    assert.equal(isNewer({ revision: 4, version: 12 }, applied), true);
    assert.equal(isNewer({ revision: 4, version: 10 }, applied), false);
    assert.equal(isNewer({ revision: 3, version: 13 }, applied), false);
    assert.equal(isNewer({ revision: 1, version: 1 }, null), true);
});

test('drift within the dead band is left alone, a larger one nudges the rate, beyond the threshold the player seeks', () => {
    assert.deepEqual(correction(10, 1), { action: 'none', playbackRate: 1 });
    assert.deepEqual(correction(-15, 1.25), { action: 'none', playbackRate: 1.25 });

    const ahead = correction(50, 1);
    assert.equal(ahead.action, 'nudge');
    assert.ok(Math.abs(ahead.playbackRate - 0.95) < 1e-9, 'ahead by 50 ms: 5% slower');
    const behind = correction(-300, 1);
    assert.equal(behind.action, 'nudge');
    assert.equal(behind.playbackRate, 1 + syncSettings.maxNudge);
    assert.ok(correction(-300, 2).playbackRate <= 2 * (1 + syncSettings.maxNudge));

    assert.deepEqual(correction(syncSettings.seekThresholdMs, 1), { action: 'seek', playbackRate: 1 });
    assert.deepEqual(correction(-5000, 1), { action: 'seek', playbackRate: 1 });
});

test('the sync indicator says whom the group waits for, when this player is behind, and otherwise in sync', () => {
    assert.deepEqual(syncStatus({ state: 'waiting', waitingFor: ['a', 'b'], selfSync: 'ready' }), { kind: 'waiting', count: 2 });
    assert.equal(syncLabel({ kind: 'waiting', count: 1 }), 'Waiting for 1 member');
    assert.equal(syncLabel({ kind: 'waiting', count: 3 }), 'Waiting for 3 members');

    assert.equal(syncStatus({ state: 'playing', selfSync: 'catching_up' }).kind, 'catching-up');
    assert.equal(syncStatus({ state: 'playing', selfSync: 'ready', stalled: true }).kind, 'catching-up');
    assert.equal(syncStatus({ state: 'playing', selfSync: 'ready', driftMs: -250 }).kind, 'catching-up');
    assert.equal(syncLabel(syncStatus({ state: 'playing', selfSync: 'ready', driftMs: -250 })), 'Catching up');

    assert.equal(syncStatus({ state: 'playing', selfSync: 'ready', driftMs: 40 }).kind, 'in-sync');
    assert.equal(syncStatus({ state: 'paused', selfSync: 'loading', driftMs: null }).kind, 'in-sync');
    assert.equal(syncLabel(syncStatus({ state: 'waiting', waitingFor: [], selfSync: 'ready' })), 'In sync');
});

test('roles decide who controls playback and whom a moderator may remove', () => {
    assert.equal(canControl('host', 'member'), false);
    assert.equal(canControl('host', 'cohost'), true);
    assert.equal(canControl('everyone', 'member'), true);

    assert.equal(canKick('host', 'cohost'), true);
    assert.equal(canKick('host', 'host'), false);
    assert.equal(canKick('cohost', 'member'), true);
    assert.equal(canKick('cohost', 'cohost'), false);
    assert.equal(canKick('member', 'member'), false);
});

test('the who-controls indicator names the host, counts cohosts and speaks to the host directly', () => {
    const members = [
        { userId: 'h', displayName: 'Hana', role: 'host' },
        { userId: 'c', displayName: 'Cem', role: 'cohost' },
        { userId: 'm', displayName: 'Mo', role: 'member' },
    ];

    assert.equal(controlLabel('everyone', members, 'm'), 'Everyone controls playback');
    assert.equal(controlLabel('host', members, 'm'), 'Hana and 1 cohost control playback');
    assert.equal(controlLabel('host', members.filter(member => member.role !== 'cohost'), 'm'), 'Hana controls playback');
    assert.equal(controlLabel('host', members.filter(member => member.role !== 'cohost'), 'h'), 'You control playback');
    assert.equal(controlLabel('host', members, 'h'), 'You and 1 cohost control playback');
});

test('member deltas add joiners at the end, replace changed members in place and drop those who left', () => {
    const members = [
        { userId: 'h', role: 'host', connected: true },
        { userId: 'a', role: 'member', connected: true },
        { userId: 'b', role: 'member', connected: true },
    ];

    const next = applyMembers(members, {
        version: 7,
        joined: [{ userId: 'c', role: 'member', connected: true }, { userId: 'a', role: 'member', connected: true }],
        changed: [{ userId: 'a', role: 'cohost', connected: false }],
        left: ['b'],
    });

    assert.deepEqual(next.map(member => `${member.userId}:${member.role}:${member.connected}`), ['h:host:true', 'a:cohost:false', 'c:member:true']);
});

test('chat messages are 1 to 500 characters after trimming', () => {
    assert.equal(messageProblem('  hi  '), null);
    assert.equal(messageProblem('x'.repeat(500)), null);
    assert.match(messageProblem('   '), /Write something/);
    assert.match(messageProblem(''), /Write something/);
    assert.match(messageProblem('x'.repeat(501)), /at most 500 characters \(this one has 501\)/);
});

test('history and live messages merge once each in time order, and a deleted one keeps its place without its text', () => {
    const history = [{ id: '0192b', text: 'second' }, { id: '0192a', text: 'first' }];
    const merged = mergeMessages([], history);
    const live = mergeMessages(merged, [{ id: '0192c', text: 'third' }, { id: '0192b', text: 'second' }]);

    assert.deepEqual(live.map(message => message.text), ['first', 'second', 'third']);
    const deleted = markDeleted(live, '0192b');
    assert.deepEqual(deleted.map(message => [message.text, message.deleted ?? false]), [['first', false], ['', true], ['third', false]]);
    assert.equal(live[1].text, 'second', 'the earlier list is not changed');
});
