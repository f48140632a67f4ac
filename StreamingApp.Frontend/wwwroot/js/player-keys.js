// Keyboard control of the player. Keys that a focused control handles itself (arrows on a slider, space on a button,
// anything in the quality menu) are left to that control.

const actions = {
    ' ': 'toggle-play',
    k: 'toggle-play',
    K: 'toggle-play',
    ArrowLeft: 'seek-back',
    ArrowRight: 'seek-forward',
    ArrowUp: 'volume-up',
    ArrowDown: 'volume-down',
    f: 'fullscreen',
    F: 'fullscreen',
    m: 'mute',
    M: 'mute',
};

export const seekStepSeconds = 5;
export const volumeStep = 0.1;

/**
 * The player action for a key press, or null when the key is not a shortcut or the focused control owns it.
 * @param {string} key KeyboardEvent.key
 * @param {'range'|'button'|'select'|'text'|'other'} focused what kind of element has the focus
 * @param {{ctrlKey?: boolean, altKey?: boolean, metaKey?: boolean}} modifiers
 */
export function actionForKey(key, focused = 'other', modifiers = {}) {
    if (modifiers.ctrlKey || modifiers.altKey || modifiers.metaKey || focused === 'select' || focused === 'text') {
        return null;
    }
    const action = actions[key] ?? null;
    if (focused === 'range' && key.startsWith('Arrow')) {
        return null;
    }
    if (focused === 'button' && key === ' ') {
        return null;
    }
    return action;
}

export function focusedKind(element) {
    if (!element) {
        return 'other';
    }
    const tag = element.tagName;
    if (tag === 'SELECT') {
        return 'select';
    }
    if (tag === 'BUTTON') {
        return 'button';
    }
    if (tag === 'INPUT') {
        return element.type === 'range' ? 'range' : 'text';
    }
    return tag === 'TEXTAREA' ? 'text' : 'other';
}

/** The volume after a step up or down, kept within 0..1 and free of floating-point dust. */
export function stepVolume(volume, direction) {
    return Math.round(Math.min(1, Math.max(0, volume + direction * volumeStep)) * 100) / 100;
}

/** The position after seeking by a step, kept within the video. */
export function stepPosition(position, direction, duration) {
    const target = position + direction * seekStepSeconds;
    return Math.max(0, Number.isFinite(duration) && duration > 0 ? Math.min(duration, target) : target);
}
