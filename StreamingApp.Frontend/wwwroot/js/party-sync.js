// The watch party's decisions, without the DOM or the network, so node tests cover them: the clock offset to the
// server, where the group's video is at a given server time, how to correct a player that drifted, what the sync
// indicator says, who may do what, and how member and chat updates fold into what the page shows.

/** Chat messages are 1 to 500 characters after trimming, as the server counts them. */
export const maxMessageLength = 500;

export const syncSettings = Object.freeze({
    /** Drift within this is left alone: correcting it would cost more than it gains. */
    deadBandMs: 20,
    /** Beyond this a player jumps to the group's position instead of speeding up or slowing down. */
    seekThresholdMs: 400,
    /** How much the playback rate changes per second of drift, and at most (a nudge of 8% is barely audible). */
    nudgePerSecond: 1,
    maxNudge: 0.08,
    /** A player within this of the group counts as in sync. */
    inSyncMs: 100,
});

/**
 * The offset between this browser's clock and the server's, from repeated pings. A sample's offset assumes the
 * reply was stamped halfway through its round trip; its error is at most half the round trip, so only the samples
 * with the shortest round trips (the least queueing) among the recent ones count.
 */
export class ClockSync {
    constructor({ keep = 20, best = 5 } = {}) {
        this.keep = keep;
        this.best = best;
        this.samples = [];
    }

    /** Adds one ping: sent and received on this browser's clock, answered at serverTime on the server's. */
    add(sentAt, serverTime, receivedAt) {
        const roundTrip = Math.max(0, receivedAt - sentAt);
        const sample = { roundTrip, offset: serverTime - (sentAt + receivedAt) / 2 };
        this.samples.push(sample);
        if (this.samples.length > this.keep) {
            this.samples.shift();
        }
        return sample;
    }

    get ready() {
        return this.samples.length > 0;
    }

    /** Server time minus browser time, in milliseconds: the median offset of the lowest-delay samples. */
    get offset() {
        const quickest = [...this.samples].sort((a, b) => a.roundTrip - b.roundTrip).slice(0, this.best);
        return median(quickest.map(sample => sample.offset)) ?? 0;
    }

    /** A typical round trip (the median of the recent samples): it sets how far ahead the server schedules commands. */
    get roundTrip() {
        return median(this.samples.map(sample => sample.roundTrip)) ?? 0;
    }

    serverTime(browserTime) {
        return browserTime + this.offset;
    }
}

function median(values) {
    if (values.length === 0) {
        return null;
    }
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Where the group's video is at serverTime (Unix ms on the server's clock): it advances only while playing. */
export function positionAt(playback, serverTime, durationSeconds = null) {
    const elapsed = playback.state === 'playing' ? Math.max(0, serverTime - playback.atServerTime) / 1000 : 0;
    const position = playback.positionSeconds + elapsed * playback.rate;
    return durationSeconds > 0 ? Math.min(position, durationSeconds) : position;
}

/** Whether a state applies over an earlier one: a newer revision, or the same one with a newer party version (who the group waits for). */
export function isNewer(playback, applied) {
    return !applied || playback.revision > applied.revision || (playback.revision === applied.revision && playback.version > applied.version);
}

/**
 * What to do about a player that is driftMs ahead of the group (negative: behind) while both play at groupRate:
 * nothing inside the dead band, a playback rate nudged towards the group up to the threshold, a seek beyond it.
 */
export function correction(driftMs, groupRate, settings = syncSettings) {
    const size = Math.abs(driftMs);
    if (size >= settings.seekThresholdMs) {
        return { action: 'seek', playbackRate: groupRate };
    }
    if (size <= settings.deadBandMs) {
        return { action: 'none', playbackRate: groupRate };
    }
    const nudge = Math.min(settings.maxNudge, (size / 1000) * settings.nudgePerSecond);
    return { action: 'nudge', playbackRate: groupRate * (driftMs > 0 ? 1 - nudge : 1 + nudge) };
}

/**
 * The sync indicator: the group waiting for members, this player catching up (loading, stalled, drifted), or in sync.
 * @param {{ state: string, waitingFor: string[], selfSync: string, stalled: boolean, driftMs: number | null }} view
 */
export function syncStatus({ state, waitingFor = [], selfSync, stalled = false, driftMs = null }, settings = syncSettings) {
    if (state === 'waiting' && waitingFor.length > 0) {
        return { kind: 'waiting', count: waitingFor.length };
    }
    const behind = state === 'playing' && (stalled || selfSync === 'catching_up' || selfSync === 'buffering'
        || (driftMs !== null && Math.abs(driftMs) > settings.inSyncMs));
    return behind ? { kind: 'catching-up', count: 0 } : { kind: 'in-sync', count: 0 };
}

export function syncLabel(status) {
    switch (status.kind) {
        case 'waiting': return `Waiting for ${status.count} ${status.count === 1 ? 'member' : 'members'}`;
        case 'catching-up': return 'Catching up';
        default: return 'In sync';
    }
}

export const roleNames = Object.freeze({ host: 'Host', cohost: 'Cohost', member: 'Member' });

export function canControl(mode, role) {
    return mode === 'everyone' || role === 'host' || role === 'cohost';
}

export function isModerator(role) {
    return role === 'host' || role === 'cohost';
}

/** The host removes anyone but itself; a cohost removes plain members. */
export function canKick(actorRole, targetRole) {
    return (actorRole === 'host' && targetRole !== 'host') || (actorRole === 'cohost' && targetRole === 'member');
}

/** The who-controls indicator. */
export function controlLabel(mode, members, selfId) {
    if (mode === 'everyone') {
        return 'Everyone controls playback';
    }
    const host = members.find(member => member.role === 'host');
    const cohosts = members.filter(member => member.role === 'cohost').length;
    const hostName = host?.userId === selfId ? 'You' : host?.displayName ?? 'The host';
    const subject = cohosts === 0 ? hostName : `${hostName} and ${cohosts} ${cohosts === 1 ? 'cohost' : 'cohosts'}`;
    return `${subject} ${cohosts > 0 || hostName === 'You' ? 'control' : 'controls'} playback`;
}

/** Folds a members delta into the list, in join order. */
export function applyMembers(members, delta) {
    const left = new Set(delta.left);
    const changed = new Map(delta.changed.map(member => [member.userId, member]));
    const kept = members.filter(member => !left.has(member.userId)).map(member => changed.get(member.userId) ?? member);
    const known = new Set(kept.map(member => member.userId));
    return [...kept, ...delta.joined.filter(member => !known.has(member.userId))];
}

/** Why a chat message cannot be sent, or null. */
export function messageProblem(text) {
    const length = (text ?? '').trim().length;
    if (length === 0) {
        return 'Write something first.';
    }
    return length > maxMessageLength ? `A message has at most ${maxMessageLength} characters (this one has ${length}).` : null;
}

/** Adds messages to the history, oldest first, once each (ids are time-ordered). */
export function mergeMessages(messages, incoming) {
    const byId = new Map(messages.map(message => [message.id, message]));
    for (const message of incoming) {
        byId.set(message.id, message);
    }
    return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function markDeleted(messages, id) {
    return messages.map(message => (message.id === id ? { ...message, deleted: true, text: '' } : message));
}
