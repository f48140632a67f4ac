// The video player: hls.js (served by this site) with adaptive quality, resume, progress reporting, storyboard
// previews, keyboard control and errors explained in words. Fast start: hls.js begins with the lowest rendition
// (listed first by the Api), the script is preloaded by the page, and every media listener is registered before the
// video element is inserted, so no early event is missed.
//
// A watch party mounts the same player with a `control` object: play, pause and seeks from the controls, the keyboard
// and the seek bar go to the party (which applies them to every member's player at once) instead of to the video,
// and nothing starts playing on its own.
import { apiFetch, getJson } from './api.js';
import { loadScript } from './load-script.js';
import { cloudFrontQuery, withQuery } from './media-urls.js';
import { cueAt, parseStoryboard } from './storyboard.js';
import { actionForKey, focusedKind, stepPosition, stepVolume } from './player-keys.js';

const reportIntervalMs = 10_000;
const maxNetworkRetries = 3;
/** Fresh URLs are fetched at most this often: a refusal right after a refresh is not an expiry. */
const minRefreshIntervalMs = 30_000;

function formatTime(value) {
    if (!Number.isFinite(value) || value < 0) {
        return '0:00';
    }
    const total = Math.floor(value);
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = String(total % 60).padStart(2, '0');
    return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * @param {HTMLElement} root the player's markup
 * @param {{ toggle(): void, seek(position: number): void } | null} control a watch party's hooks, or null to play alone
 */
export function mount(root, control = null) {
    const $ = selector => root.querySelector(selector);
    const ui = {
        stage: $('.player-stage'),
        poster: $('.player-poster'),
        play: $('[data-play]'),
        playIcon: $('[data-play-icon]'),
        seek: $('[data-seek]'),
        time: $('[data-time]'),
        mute: $('[data-mute]'),
        muteIcon: $('[data-mute-icon]'),
        volume: $('[data-volume]'),
        quality: $('[data-quality]'),
        fullscreen: $('[data-fullscreen]'),
        overlay: $('[data-overlay]'),
        overlayMessage: $('[data-overlay-message]'),
        retry: $('[data-retry]'),
        preview: $('[data-preview]'),
        previewImage: $('[data-preview-image]'),
        previewTime: $('[data-preview-time]'),
        announce: $('[data-announce]'),
    };
    const videoId = root.dataset.videoId;
    const state = {
        source: root.dataset.src,
        hls: null,
        Hls: null,
        lastReported: Number(root.dataset.start) || 0,
        networkRetries: 0,
        mediaRecoveries: 0,
        lastRefresh: 0,
        storyboard: [],
        seeking: false,
    };
    const cleanups = [];
    const listen = (target, type, handler, options) => {
        target.addEventListener(type, handler, options);
        cleanups.push(() => target.removeEventListener(type, handler, options));
    };

    const video = document.createElement('video');
    video.className = 'player-video';
    video.playsInline = true;
    video.preload = 'auto';
    root.dataset.state = 'loading';

    const announce = text => { ui.announce.textContent = text; };
    const duration = () => Number.isFinite(video.duration) ? video.duration : Number(root.dataset.duration) || 0;

    function showError(message, canRetry = false) {
        root.dataset.state = 'error';
        ui.overlayMessage.textContent = message;
        ui.retry.hidden = !canRetry;
        ui.overlay.hidden = false;
    }

    function hideError() {
        ui.overlay.hidden = true;
    }

    function renderTime() {
        const total = duration();
        if (!state.seeking) {
            ui.seek.max = String(total || ui.seek.max);
            ui.seek.value = String(video.currentTime);
        }
        ui.seek.setAttribute('aria-valuetext', `${formatTime(video.currentTime)} of ${formatTime(total)}`);
        ui.time.textContent = `${formatTime(video.currentTime)} / ${formatTime(total)}`;
    }

    function renderPlaying() {
        const paused = video.paused;
        ui.play.setAttribute('aria-label', paused ? 'Play' : 'Pause');
        ui.playIcon.textContent = paused ? '▶' : '❚❚';
        root.classList.toggle('is-paused', paused);
    }

    function renderVolume() {
        const muted = video.muted || video.volume === 0;
        ui.mute.setAttribute('aria-label', muted ? 'Unmute' : 'Mute');
        ui.muteIcon.textContent = muted ? '🔇' : '🔊';
        ui.volume.value = String(video.muted ? 0 : video.volume);
    }

    // Progress is saved every few seconds while playing, on pause, and when the viewer leaves (keepalive lets the
    // request outlive the page).
    function report(leaving = false) {
        const position = Math.round(video.currentTime * 10) / 10;
        if (!Number.isFinite(position) || Math.abs(position - state.lastReported) < 1) {
            return;
        }
        state.lastReported = position;
        apiFetch(`/api/me/progress/${videoId}`, {
            method: 'PUT',
            body: JSON.stringify({ positionSeconds: Math.min(position, duration() || position) }),
            keepalive: leaving,
        }).catch(() => { /* Best effort: the next report carries the position again. */ });
    }

    function togglePlay() {
        if (control) {
            control.toggle();
        } else if (video.paused || video.ended) {
            video.play().catch(() => renderPlaying());
        } else {
            video.pause();
        }
    }

    function seekTo(position) {
        if (control) {
            control.seek(position);
            return;
        }
        video.currentTime = position;
        renderTime();
    }

    function setVolume(volume) {
        video.volume = volume;
        video.muted = volume === 0;
        announce(`Volume ${Math.round(volume * 100)}%`);
    }

    function toggleFullscreen() {
        if (document.fullscreenElement) {
            document.exitFullscreen?.();
        } else {
            root.requestFullscreen?.().catch(() => { /* Not allowed here (an iframe, for example). */ });
        }
    }

    // Media events first, before the element is in the document.
    listen(video, 'playing', () => {
        root.dataset.state = 'playing';
        hideError();
        ui.poster?.remove();
        renderPlaying();
    });
    listen(video, 'pause', () => {
        root.dataset.state = 'paused';
        renderPlaying();
        report();
    });
    listen(video, 'ended', () => {
        renderPlaying();
        report();
    });
    listen(video, 'waiting', () => { root.dataset.state = 'buffering'; });
    listen(video, 'timeupdate', renderTime);
    listen(video, 'durationchange', renderTime);
    listen(video, 'volumechange', renderVolume);
    listen(video, 'click', togglePlay);
    listen(video, 'error', () => {
        if (!state.hls) {
            showError('This video cannot be played in this browser.');
        }
    });

    listen(ui.play, 'click', togglePlay);
    listen(ui.seek, 'pointerdown', () => { state.seeking = true; });
    listen(ui.seek, 'pointerup', () => { state.seeking = false; });
    // Alone, the video follows the bar while it is dragged; in a party only the released position becomes a command.
    listen(ui.seek, 'input', () => {
        if (control) {
            ui.time.textContent = `${formatTime(Number(ui.seek.value))} / ${formatTime(duration())}`;
        } else {
            seekTo(Number(ui.seek.value));
        }
    });
    listen(ui.seek, 'change', () => {
        if (control) {
            state.seeking = false;
            seekTo(Number(ui.seek.value));
        }
    });
    listen(ui.mute, 'click', () => {
        video.muted = !video.muted;
        announce(video.muted ? 'Muted' : 'Sound on');
    });
    listen(ui.volume, 'input', () => setVolume(Number(ui.volume.value)));
    listen(ui.fullscreen, 'click', toggleFullscreen);
    listen(ui.retry, 'click', () => {
        hideError();
        state.networkRetries = 0;
        refreshSource();
    });
    listen(ui.quality, 'change', () => {
        if (!state.hls) {
            return;
        }
        const level = Number(ui.quality.value);
        state.hls.currentLevel = level;
        announce(level < 0 ? 'Quality: automatic' : `Quality: ${ui.quality.selectedOptions[0].textContent}`);
    });

    listen(root, 'keydown', event => {
        const action = actionForKey(event.key, focusedKind(event.target), event);
        if (!action) {
            return;
        }
        event.preventDefault();
        switch (action) {
            case 'toggle-play': togglePlay(); break;
            case 'seek-back': seekTo(stepPosition(video.currentTime, -1, duration())); break;
            case 'seek-forward': seekTo(stepPosition(video.currentTime, 1, duration())); break;
            case 'volume-up': setVolume(stepVolume(video.muted ? 0 : video.volume, 1)); break;
            case 'volume-down': setVolume(stepVolume(video.muted ? 0 : video.volume, -1)); break;
            case 'fullscreen': toggleFullscreen(); break;
            case 'mute': video.muted = !video.muted; announce(video.muted ? 'Muted' : 'Sound on'); break;
        }
    });

    // Storyboard previews over the seek bar.
    listen(ui.seek, 'pointermove', event => {
        const total = duration();
        if (!state.storyboard.length || !total) {
            return;
        }
        const bounds = ui.seek.getBoundingClientRect();
        const fraction = Math.min(1, Math.max(0, (event.clientX - bounds.left) / bounds.width));
        const cue = cueAt(state.storyboard, fraction * total);
        if (!cue) {
            return;
        }
        ui.previewImage.style.width = `${cue.width}px`;
        ui.previewImage.style.height = `${cue.height}px`;
        ui.previewImage.style.backgroundImage = `url("${cue.url}")`;
        ui.previewImage.style.backgroundPosition = `-${cue.x}px -${cue.y}px`;
        ui.previewTime.textContent = formatTime(fraction * total);
        ui.preview.style.setProperty('--preview-x', `${event.clientX - root.getBoundingClientRect().left}px`);
        ui.preview.hidden = false;
    });
    listen(ui.seek, 'pointerleave', () => { ui.preview.hidden = true; });

    const leave = () => report(true);
    listen(window, 'pagehide', leave);
    listen(document, 'visibilitychange', () => {
        if (document.visibilityState === 'hidden') {
            leave();
        }
    });
    const reporter = setInterval(() => {
        if (!video.paused) {
            report();
        }
    }, reportIntervalMs);

    function qualityLabel(level) {
        return level.height ? `${level.height}p` : `${Math.round(level.bitrate / 1000)} kbps`;
    }

    function renderLevels(levels) {
        ui.quality.replaceChildren(new Option('Auto', '-1'), ...levels.map((level, index) => new Option(qualityLabel(level), String(index))));
        ui.quality.value = String(state.hls.manualLevel ?? -1);
    }

    function createHls(source, startPosition) {
        const Hls = state.Hls;
        const query = cloudFrontQuery(source);
        const hls = new Hls({
            startLevel: 0,
            // -1 lets hls.js start at the beginning without an initial seek.
            startPosition: startPosition > 0 ? startPosition : -1,
            capLevelToPlayerSize: true,
            ...(query ? { xhrSetup: (xhr, url) => xhr.open('GET', withQuery(url, query), true) } : {}),
        });
        hls.on(Hls.Events.MANIFEST_PARSED, (_, data) => {
            renderLevels(data.levels);
            if (!control) {
                video.play().catch(() => renderPlaying());
            }
        });
        hls.on(Hls.Events.LEVEL_SWITCHED, (_, data) => {
            root.dataset.level = String(data.level);
            const auto = ui.quality.options[0];
            if (auto) {
                auto.textContent = hls.autoLevelEnabled ? `Auto (${qualityLabel(hls.levels[data.level])})` : 'Auto';
            }
        });
        hls.on(Hls.Events.FRAG_LOADED, () => { state.networkRetries = 0; });
        hls.on(Hls.Events.ERROR, (_, data) => onError(Hls, data));
        hls.attachMedia(video);
        hls.loadSource(source);
        state.hls = hls;
    }

    function onError(Hls, data) {
        if (!data.fatal) {
            return;
        }
        const status = data.response?.code;
        if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
            if (status === 403 && Date.now() - state.lastRefresh > minRefreshIntervalMs) {
                // The signed URLs expired (a long pause): ask for new ones and carry on from here.
                refreshSource();
            } else if (status === 403) {
                showError('The video link was refused. Reload the page to try again.');
            } else if (status === 451) {
                showError('This video is not available in your country.');
            } else if (state.networkRetries < maxNetworkRetries) {
                state.networkRetries += 1;
                setTimeout(() => state.hls?.startLoad(video.currentTime || -1), 1000 * state.networkRetries);
            } else {
                showError('The video stopped loading. Check your connection, then try again.', true);
            }
        } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
            state.mediaRecoveries += 1;
            if (state.mediaRecoveries === 1) {
                state.hls.recoverMediaError();
            } else if (state.mediaRecoveries === 2) {
                state.hls.swapAudioCodec();
                state.hls.recoverMediaError();
            } else {
                showError('Your browser could not decode this video.');
            }
        } else {
            showError('The video cannot be played right now.', true);
        }
    }

    async function refreshSource() {
        state.lastRefresh = Date.now();
        const position = video.currentTime || Number(root.dataset.start) || 0;
        try {
            const playback = await getJson(`/api/videos/${videoId}/playback`);
            state.source = playback.hlsUrl;
            state.hls?.destroy();
            createHls(state.source, position);
        } catch (error) {
            if (error.status === 451) {
                showError('This video is not available in your country.');
            } else if (error.status === 401) {
                showError('Your session has ended. Sign in again to keep watching.');
            } else if (error.status === 409) {
                showError('This video is not ready to play yet.');
            } else {
                showError('The video could not be loaded. Try again in a moment.', true);
            }
        }
    }

    async function loadStoryboard(url) {
        try {
            const response = await fetch(url);
            if (response.ok) {
                state.storyboard = parseStoryboard(await response.text(), url);
            }
        } catch {
            // Previews are a nicety; the seek bar works without them.
        }
    }

    async function start() {
        const startPosition = Number(root.dataset.start) || 0;
        try {
            state.Hls = await loadScript(root.dataset.hlsScript, 'Hls');
        } catch {
            showError('The player library could not be loaded.', true);
            return;
        }
        if (state.Hls.isSupported()) {
            createHls(state.source, startPosition);
        } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
            // Native HLS (Safari): Api-signed playlists already carry their query on every URI.
            listen(video, 'loadedmetadata', () => { video.currentTime = startPosition; }, { once: true });
            video.src = state.source;
            if (!control) {
                video.play().catch(() => renderPlaying());
            }
        } else {
            showError('This browser cannot play adaptive video. Try a current version of Chrome, Edge, Firefox or Safari.');
        }
    }

    ui.stage.prepend(video);
    renderVolume();
    renderPlaying();
    start();
    if (root.dataset.storyboard) {
        // Previews are only needed once playback runs: their download must not delay the first frame.
        listen(video, 'playing', () => loadStoryboard(root.dataset.storyboard), { once: true });
    }

    return () => {
        report(true);
        clearInterval(reporter);
        for (const cleanup of cleanups) {
            cleanup();
        }
        state.hls?.destroy();
    };
}
