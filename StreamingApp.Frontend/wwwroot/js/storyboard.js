// Seek-bar previews: the storyboard is a WebVTT file whose cues point at tiles of one sprite sheet
// (sprite.jpg#xywh=x,y,w,h). Parsed once, then looked up by time while the pointer moves over the seek bar.
import { resolveSigned } from './media-urls.js';

function seconds(timestamp) {
    const parts = timestamp.trim().split(':').map(Number);
    return parts.reduce((total, part) => total * 60 + part, 0);
}

/** The cues of a storyboard VTT: [{ start, end, url, x, y, width, height }], sprite URLs resolved against vttUrl. */
export function parseStoryboard(text, vttUrl) {
    const cues = [];
    for (const block of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
        const lines = block.split('\n').filter(line => line.trim());
        const timing = lines.findIndex(line => line.includes('-->'));
        if (timing < 0 || timing + 1 >= lines.length) {
            continue;
        }
        const [from, to] = lines[timing].split('-->');
        const target = lines[timing + 1].trim();
        const match = /^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(target);
        if (!match) {
            continue;
        }
        cues.push({
            start: seconds(from),
            end: seconds(to.trim().split(/\s+/)[0]),
            url: resolveSigned(match[1], vttUrl),
            x: Number(match[2]),
            y: Number(match[3]),
            width: Number(match[4]),
            height: Number(match[5]),
        });
    }
    return cues.sort((a, b) => a.start - b.start);
}

/** The cue showing the given time (binary search over sorted cues), or null. */
export function cueAt(cues, time) {
    let low = 0;
    let high = cues.length - 1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const cue = cues[middle];
        if (time < cue.start) {
            high = middle - 1;
        } else if (time >= cue.end) {
            low = middle + 1;
        } else {
            return cue;
        }
    }
    return null;
}
