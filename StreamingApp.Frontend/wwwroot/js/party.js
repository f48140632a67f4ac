// The watch party page: the player (player.js, driven by the party), the hub connection through this site's origin
// (the server adds the user's access token; this script never sees one), clock sync, scheduled commands, drift
// correction, readiness and sync reports, the member list, chat, the invite link and the indicators.
import { antiforgeryToken, getJson } from './api.js';
import { loadScript } from './load-script.js';
import { mount as mountPlayer } from './player.js';
import {
    ClockSync, applyMembers, canControl, canKick, controlLabel, correction, isModerator, isNewer, markDeleted, mergeMessages,
    messageProblem, positionAt, roleNames, syncLabel, syncSettings, syncStatus,
} from './party-sync.js';

const hubPath = '/hubs/party';
/** Pings come quickly after (re)connecting, so the first commands are already scheduled on a good clock estimate. */
const pingBurst = 5;
const pingBurstIntervalMs = 200;
const pingIntervalMs = 2000;
const reportIntervalMs = 2000;
const tickIntervalMs = 250;
/** A stall shorter than this is not worth pausing everyone (a drift seek stalls briefly too). */
const stallReportDelayMs = 500;
/** A readiness report the server may have missed is repeated this often while the group waits for this member. */
const readyRepeatMs = 2000;
const historyPageSize = 50;

const now = () => performance.timeOrigin + performance.now();

export function mount(root) {
    const $ = selector => root.querySelector(selector);
    const ui = {
        player: $('[data-party-player]'),
        members: $('[data-members]'),
        memberCount: $('[data-member-count]'),
        messages: $('[data-messages]'),
        chatForm: $('[data-chat-form]'),
        chatInput: $('[data-chat-input]'),
        chatCount: $('[data-chat-count]'),
        chatError: $('[data-chat-error]'),
        control: $('[data-control]'),
        sync: $('[data-sync]'),
        connection: $('[data-connection]'),
        invite: $('[data-invite]'),
        copy: $('[data-copy]'),
        hostTools: $('[data-host-tools]'),
        mode: $('[data-mode]'),
        end: $('[data-end]'),
        leave: $('[data-leave]'),
        notice: $('[data-notice]'),
        unblock: $('[data-unblock]'),
    };
    const partyId = root.dataset.partyId;
    const selfId = root.dataset.userId;
    const durationHint = Number(ui.player.dataset.duration) || 0;
    const clock = new ClockSync();
    const state = {
        connection: null,
        joined: false,
        closed: false,
        early: [],
        members: [],
        membersVersion: 0,
        mode: root.dataset.controlMode,
        playback: null,
        appliedRevision: -1,
        applyTimer: 0,
        messages: [],
        driftMs: null,
        stalledSince: null,
        reportedStall: false,
        readyReport: null,
        seekLeadMs: 150,
        seekStartedAt: 0,
        blocked: false,
        renderedAsModerator: false,
    };
    const timers = [];
    const cleanups = [];
    const listen = (target, type, handler, options) => {
        target.addEventListener(type, handler, options);
        cleanups.push(() => target.removeEventListener(type, handler, options));
    };

    // A late joiner's player starts loading where the group will be, not where the last command left it: the page
    // was rendered about as long ago as this document has existed.
    const rendered = JSON.parse(root.dataset.playback);
    ui.player.dataset.start = String(positionAt(rendered, Number(root.dataset.serverTime) + performance.now(), durationHint));
    const disposePlayer = mountPlayer(ui.player, { toggle, seek: position => command('Seek', clampPosition(position)) });
    const video = ui.player.querySelector('video');
    const duration = () => (Number.isFinite(video.duration) ? video.duration : durationHint);
    const serverNow = () => clock.serverTime(now());
    const self = () => state.members.find(member => member.userId === selfId);
    const selfRole = () => self()?.role ?? 'member';
    const clampPosition = position => Math.max(0, Math.min(position, duration() || position));

    // ---- Commands (the hub decides; every player, this one included, applies the result at the scheduled time)

    function toggle() {
        const playing = state.playback?.state === 'playing' || state.playback?.state === 'waiting';
        command(playing ? 'Pause' : 'Play');
    }

    function command(method, ...args) {
        if (!state.joined) {
            return;
        }
        if (!canControl(state.mode, selfRole())) {
            notify('In this party only the host and cohosts control playback.');
            return;
        }
        invoke(method, ...args);
    }

    function invoke(method, ...args) {
        state.connection?.invoke(method, ...args).catch(error => notify(error.message));
    }

    // ---- Applying the group's playback

    function onPlayback(playback) {
        if (!isNewer(playback, state.playback)) {
            return;
        }
        const revised = playback.revision !== state.playback?.revision;
        state.playback = playback;
        if (revised) {
            state.readyReport = null;
            schedule(playback);
        }
        renderStatus();
    }

    /** Prepares now what can be prepared (the start position of a play) and applies the state at its server time. */
    function schedule(playback) {
        clearTimeout(state.applyTimer);
        const delay = playback.atServerTime - serverNow();
        if (playback.state === 'playing' && delay > 0 && video.paused) {
            seekIfOff(playback.positionSeconds, 50);
        }
        state.applyTimer = setTimeout(() => apply(playback), Math.max(0, delay));
    }

    function apply(playback) {
        if (playback !== state.playback) {
            return;
        }
        state.appliedRevision = playback.revision;
        video.playbackRate = playback.rate;
        if (playback.state === 'playing') {
            const target = positionAt(playback, serverNow(), duration());
            seekIfOff(target + (state.seekLeadMs / 1000) * playback.rate, syncSettings.seekThresholdMs, target);
            play();
        } else {
            // Paused, waiting or idle: everyone stops on the same frame.
            video.pause();
            seekIfOff(playback.positionSeconds, 50);
        }
        checkReady();
    }

    /** Seeks to `to` when the player is more than `thresholdMs` from `reference` (by default, from `to`). */
    function seekIfOff(to, thresholdMs, reference = to) {
        if (Math.abs(video.currentTime - reference) * 1000 > thresholdMs) {
            state.seekStartedAt = now();
            video.currentTime = clampPosition(to);
        }
    }

    function play() {
        if (video.ended && positionAt(state.playback, serverNow(), duration()) >= duration() - 0.25) {
            return;
        }
        video.play().then(() => setBlocked(false)).catch(error => {
            // The browser wants a click before playing with sound.
            if (error.name === 'NotAllowedError') {
                setBlocked(true);
            }
        });
    }

    function setBlocked(blocked) {
        state.blocked = blocked;
        ui.unblock.hidden = !blocked;
    }

    /** Every tick: keep a playing player on the group's position, notice long stalls, repeat a missed readiness report. */
    function tick() {
        const playback = state.playback;
        if (!state.joined || !playback) {
            return;
        }
        const started = playback.state === 'playing' && serverNow() >= playback.atServerTime;
        if (started && video.paused && !video.seeking && !state.blocked) {
            play();
        }
        if (started && !video.paused && !video.seeking && video.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) {
            const target = positionAt(playback, serverNow(), duration());
            state.driftMs = (video.currentTime - target) * 1000;
            const fix = correction(state.driftMs, playback.rate);
            if (fix.action === 'seek') {
                seekIfOff(target + (state.seekLeadMs / 1000) * playback.rate, 0);
            }
            if (video.playbackRate !== fix.playbackRate) {
                video.playbackRate = fix.playbackRate;
            }
        } else if (!started) {
            state.driftMs = null;
        }

        if (started && state.stalledSince !== null && !state.reportedStall && now() - state.stalledSince > stallReportDelayMs) {
            state.reportedStall = true;
            report(false);
        }
        if (playback.state === 'waiting' && playback.waitingFor.includes(selfId) && state.readyReport?.ready
            && now() - state.readyReport.at > readyRepeatMs) {
            state.readyReport = null;
        }
        checkReady();
        renderStatus();
    }

    /** Tells the hub once per playback revision, once it is applied, that this player has the group's position buffered. */
    function checkReady() {
        const ready = !video.seeking && video.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA && state.stalledSince === null;
        if (ready && state.joined && state.appliedRevision === state.playback?.revision && !state.readyReport?.ready) {
            report(true);
        }
    }

    function report(ready) {
        const revision = state.playback.revision;
        state.readyReport = { ready, at: now() };
        state.connection.send('ReportPlayer', { ready, revision }).catch(() => { state.readyReport = null; });
    }

    listen(video, 'waiting', () => {
        if (state.playback?.state === 'playing') {
            state.stalledSince ??= now();
        }
    });
    const unstall = () => {
        state.stalledSince = null;
        if (state.reportedStall) {
            state.reportedStall = false;
            state.readyReport = null;
        }
        checkReady();
    };
    listen(video, 'playing', unstall);
    listen(video, 'canplay', unstall);
    listen(video, 'seeked', () => {
        if (state.seekStartedAt) {
            // How long seeks take here: a catching-up player aims that far ahead.
            state.seekLeadMs = Math.min(1000, 0.7 * state.seekLeadMs + 0.3 * (now() - state.seekStartedAt));
            state.seekStartedAt = 0;
        }
        checkReady();
    });
    listen(ui.unblock, 'click', () => {
        setBlocked(false);
        if (state.playback) {
            apply(state.playback);
        }
    });

    // ---- Clock and reports

    async function ping() {
        const connection = state.connection;
        if (connection?.state !== 'Connected') {
            return;
        }
        try {
            const reply = await connection.invoke('Ping', now());
            clock.add(reply.clientTime, reply.serverTime, now());
        } catch {
            // A lost ping is just a missing sample.
        }
    }

    async function pingBurstNow() {
        for (let index = 0; index < pingBurst && !state.closed; index++) {
            await ping();
            await new Promise(resolve => setTimeout(resolve, pingBurstIntervalMs));
        }
    }

    function reportSync() {
        if (state.joined && clock.ready) {
            const offsetMs = state.driftMs === null ? null : Math.round(state.driftMs * 10) / 10;
            state.connection.send('ReportSync', { roundTripMs: clock.roundTrip, offsetMs }).catch(() => { });
        }
    }

    // ---- Members, settings, chat

    function onMembers(delta) {
        if (delta.version <= state.membersVersion) {
            return;
        }
        state.membersVersion = delta.version;
        state.members = applyMembers(state.members, delta);
        render();
    }

    function onSettings(settings) {
        state.mode = settings.controlMode;
        render();
    }

    function onMessage(message) {
        const atBottom = ui.messages.scrollHeight - ui.messages.scrollTop - ui.messages.clientHeight < 40;
        state.messages = mergeMessages(state.messages, [message]);
        renderMessages();
        if (atBottom) {
            ui.messages.scrollTop = ui.messages.scrollHeight;
        }
    }

    function onMessageDeleted(id) {
        state.messages = markDeleted(state.messages, id);
        renderMessages();
    }

    async function loadHistory() {
        try {
            const page = await getJson(`/api/parties/${partyId}/messages?limit=${historyPageSize}`);
            state.messages = mergeMessages(state.messages, page.items);
            renderMessages();
            ui.messages.scrollTop = ui.messages.scrollHeight;
        } catch {
            // Live messages still arrive; the history shows after the next reconnect.
        }
    }

    function onEnded(ended) {
        stop(ended.reason === 'expired' ? 'This party ended after a long time without activity.' : 'The host ended this party.');
    }

    function onRemoved(reason) {
        stop(reason.message);
    }

    function onError(error) {
        if (error.code === 'chat-rate-limited' || (error.code === 'invalid-request' && error.message.includes('message'))) {
            ui.chatError.textContent = error.message;
        } else {
            notify(error.message);
        }
    }

    /** The party is over for this page: stop playing and close the connection. */
    function stop(message) {
        state.closed = true;
        state.joined = false;
        clearTimeout(state.applyTimer);
        video.pause();
        root.dataset.ended = 'true';
        notify(message, true);
        for (const control of root.querySelectorAll('[data-chat-form] :is(input, button), [data-host-tools] :is(select, button), [data-leave]')) {
            control.disabled = true;
        }
        state.connection?.stop();
    }

    let noticeTimer = 0;
    function notify(message, sticky = false) {
        ui.notice.textContent = message;
        ui.notice.hidden = false;
        clearTimeout(noticeTimer);
        if (!sticky) {
            noticeTimer = setTimeout(() => { ui.notice.hidden = true; }, 6000);
        }
    }

    // ---- Rendering

    /** Everything that depends on the members, roles and mode; rebuilt only when those change, so controls keep focus and clicks. */
    function render() {
        const role = selfRole();
        const mayControl = canControl(state.mode, role);
        ui.control.textContent = controlLabel(state.mode, state.members, selfId);
        ui.player.dataset.control = mayControl ? 'yes' : 'no';
        for (const control of ui.player.querySelectorAll('[data-play], [data-seek]')) {
            control.disabled = !mayControl;
            control.title = mayControl ? '' : 'Only the host and cohosts control playback in this party';
        }
        ui.hostTools.hidden = role !== 'host';
        ui.mode.value = state.mode;
        renderMembers(role);
        if (isModerator(role) !== state.renderedAsModerator) {
            renderMessages();
        }
        renderStatus();
    }

    /** The sync indicator, refreshed on every tick. */
    function renderStatus() {
        const playback = state.playback;
        const status = playback
            ? syncStatus({
                state: playback.state,
                waitingFor: playback.waitingFor,
                selfSync: self()?.sync,
                stalled: state.stalledSince !== null,
                driftMs: state.driftMs,
            })
            : { kind: 'catching-up', count: 0 };
        ui.sync.dataset.state = status.kind;
        // For people and tools that look closer (the end-to-end tests, the benchmark).
        ui.sync.dataset.driftMs = state.driftMs === null ? '' : String(Math.round(state.driftMs));
        const label = syncLabel(status);
        if (ui.sync.textContent !== label) {
            // A live region: only real changes are announced.
            ui.sync.textContent = label;
        }
    }

    function renderMembers(role) {
        const connected = state.members.filter(member => member.connected).length;
        ui.memberCount.textContent = `${connected} watching, ${state.members.length} ${state.members.length === 1 ? 'member' : 'members'}`;
        ui.members.replaceChildren(...state.members.map(member => {
            const item = element('li', { className: `member${member.connected ? '' : ' is-away'}` });
            item.dataset.userId = member.userId;
            item.dataset.role = member.role;
            item.append(
                element('span', { className: 'member-name', textContent: member.userId === selfId ? `${member.displayName} (you)` : member.displayName }),
                element('span', { className: `role role-${member.role}`, textContent: roleNames[member.role] }));
            if (!member.connected) {
                item.append(element('span', { className: 'member-state', textContent: 'away' }));
            } else if (member.sync !== 'ready') {
                item.append(element('span', { className: 'member-state', textContent: member.sync.replace('_', ' ') }));
            }
            const actions = element('span', { className: 'member-actions' });
            if (member.userId !== selfId && role === 'host') {
                actions.append(member.role === 'cohost'
                    ? action('demote', 'Make member', member)
                    : action('promote', 'Make cohost', member));
                actions.append(action('transfer', 'Make host', member));
            }
            if (member.userId !== selfId && canKick(role, member.role)) {
                actions.append(action('kick', 'Remove', member, 'danger'));
            }
            if (actions.childElementCount > 0) {
                item.append(actions);
            }
            return item;
        }));
    }

    function renderMessages() {
        const moderator = isModerator(selfRole());
        state.renderedAsModerator = moderator;
        ui.messages.replaceChildren(...state.messages.map(message => {
            const item = element('li', { className: `message${message.deleted ? ' is-deleted' : ''}` });
            item.dataset.messageId = message.id;
            item.append(
                element('span', { className: 'message-author', textContent: message.authorName }),
                element('time', { className: 'message-time', textContent: new Date(message.sentAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }), dateTime: message.sentAt }),
                element('p', { className: 'message-text', textContent: message.deleted ? 'Message removed' : message.text }));
            if (moderator && !message.deleted) {
                const remove = element('button', { type: 'button', className: 'link-button danger', textContent: 'Delete' });
                remove.dataset.deleteMessage = message.id;
                remove.setAttribute('aria-label', `Delete the message from ${message.authorName}`);
                item.append(remove);
            }
            return item;
        }));
    }

    function action(name, label, member, variant = '') {
        const button = element('button', { type: 'button', className: `link-button ${variant}`.trim(), textContent: label });
        button.dataset.memberAction = name;
        button.dataset.userId = member.userId;
        button.setAttribute('aria-label', `${label}: ${member.displayName}`);
        return button;
    }

    function element(tag, properties) {
        return Object.assign(document.createElement(tag), properties);
    }

    function setConnection(connectionState) {
        ui.connection.dataset.state = connectionState;
        ui.connection.textContent = { connected: 'Connected', reconnecting: 'Reconnecting…', disconnected: 'Disconnected' }[connectionState];
        root.dataset.connected = String(connectionState === 'connected');
    }

    // ---- Page controls

    listen(ui.members, 'click', event => {
        const button = event.target.closest('[data-member-action]');
        if (!button) {
            return;
        }
        const method = { promote: 'Promote', demote: 'Demote', transfer: 'TransferHost', kick: 'Kick' }[button.dataset.memberAction];
        const name = button.closest('li').querySelector('.member-name').textContent;
        if (button.dataset.memberAction === 'transfer' && !window.confirm(`Make ${name} the host? You stay on as a cohost.`)) {
            return;
        }
        if (button.dataset.memberAction === 'kick' && !window.confirm(`Remove ${name} from the party? They cannot join again.`)) {
            return;
        }
        invoke(method, button.dataset.userId);
    });
    listen(ui.messages, 'click', event => {
        const button = event.target.closest('[data-delete-message]');
        if (button) {
            invoke('DeleteMessage', button.dataset.deleteMessage);
        }
    });
    listen(ui.chatInput, 'input', () => {
        ui.chatCount.textContent = `${ui.chatInput.value.trim().length}/${ui.chatInput.maxLength}`;
        ui.chatError.textContent = '';
    });
    listen(ui.chatForm, 'submit', async event => {
        event.preventDefault();
        const text = ui.chatInput.value;
        const problem = messageProblem(text);
        if (problem) {
            ui.chatError.textContent = problem;
            return;
        }
        if (!state.joined) {
            ui.chatError.textContent = 'Not connected to the party; wait a moment.';
            return;
        }
        try {
            await state.connection.invoke('SendMessage', text);
            ui.chatInput.value = '';
            ui.chatCount.textContent = `0/${ui.chatInput.maxLength}`;
        } catch (error) {
            ui.chatError.textContent = error.message;
        }
    });
    listen(ui.copy, 'click', async () => {
        try {
            await navigator.clipboard.writeText(ui.invite.value);
        } catch {
            // No clipboard access (an insecure origin, a denied permission): select the link for a manual copy.
            ui.invite.select();
            document.execCommand?.('copy');
        }
        ui.copy.textContent = 'Copied';
        setTimeout(() => { ui.copy.textContent = 'Copy link'; }, 2000);
    });
    listen(ui.mode, 'change', () => invoke('SetControlMode', ui.mode.value));
    listen(ui.end, 'click', () => {
        if (window.confirm('End the party for everyone?')) {
            invoke('EndParty');
        }
    });
    listen(ui.leave, 'click', async () => {
        state.closed = true;
        await state.connection?.invoke('LeaveParty').catch(() => { });
        window.location.assign(root.dataset.leaveUrl);
    });

    // ---- Connection

    /** Events that arrive while joining are held back and applied over the joined snapshot (their versions decide). */
    function whenJoined(handler) {
        return argument => {
            if (state.joined) {
                handler(argument);
            } else {
                state.early.push(() => handler(argument));
            }
        };
    }

    async function join() {
        state.joined = false;
        const result = await state.connection.invoke('JoinParty', partyId);
        if (result.error) {
            stop(result.error.message);
            return;
        }
        const party = result.party;
        state.members = party.members;
        state.membersVersion = party.version;
        state.mode = party.controlMode;
        // The server counts this connection as loading again: tell it once the player is ready.
        state.readyReport = null;
        state.joined = true;
        setConnection('connected');
        onPlayback(party.playback);
        for (const early of state.early.splice(0)) {
            early();
        }
        render();
        loadHistory();
        pingBurstNow();
    }

    async function connect() {
        let signalR;
        try {
            signalR = await loadScript(root.dataset.hubScript, 'signalR');
        } catch {
            notify('The party could not be loaded. Reload the page to try again.', true);
            return;
        }
        const connection = new signalR.HubConnectionBuilder()
            // Negotiation (and long polling) carry the antiforgery token; the server adds the access token.
            .withUrl(hubPath, { headers: { 'X-CSRF-TOKEN': antiforgeryToken() } })
            .withAutomaticReconnect({ nextRetryDelayInMilliseconds: context => Math.min(30_000, 500 * 2 ** context.previousRetryCount) })
            .configureLogging(signalR.LogLevel.Warning)
            .build();
        state.connection = connection;
        connection.on('PlaybackChanged', whenJoined(onPlayback));
        connection.on('MembersChanged', whenJoined(onMembers));
        connection.on('SettingsChanged', whenJoined(onSettings));
        connection.on('MessageReceived', whenJoined(onMessage));
        connection.on('MessageDeleted', whenJoined(onMessageDeleted));
        connection.on('PartyEnded', onEnded);
        connection.on('RemovedFromParty', onRemoved);
        connection.on('Error', onError);
        connection.onreconnecting(() => {
            state.joined = false;
            setConnection('reconnecting');
        });
        connection.onreconnected(() => join().catch(error => notify(error.message)));
        connection.onclose(() => {
            if (!state.closed) {
                setConnection('disconnected');
                notify('The connection to the party was lost. Reload the page to rejoin.', true);
            }
        });

        // The first start is retried here; withAutomaticReconnect covers connections that were up once.
        for (let attempt = 0; !state.closed; attempt++) {
            try {
                await connection.start();
                await join();
                return;
            } catch (error) {
                setConnection('reconnecting');
                if (error.statusCode === 401) {
                    notify('Your session has ended. Sign in again to rejoin the party.', true);
                    return;
                }
                await new Promise(resolve => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** attempt)));
            }
        }
    }

    timers.push(setInterval(tick, tickIntervalMs), setInterval(ping, pingIntervalMs), setInterval(reportSync, reportIntervalMs));
    setConnection('reconnecting');
    connect();

    return () => {
        state.closed = true;
        clearTimeout(state.applyTimer);
        clearTimeout(noticeTimer);
        for (const timer of timers) {
            clearInterval(timer);
        }
        for (const cleanup of cleanups) {
            cleanup();
        }
        state.connection?.stop();
        disposePlayer();
    };
}
