// Starts the scripted parts of a page (player, watch party, uploader, live processing status) and stops them when the
// page goes away, also across Blazor's enhanced navigations, which swap page content without reloading the document.
// One registry for the whole document, shared by every entry script that imports this module.
const components = [
    // A watch party's player is mounted by the party, which drives it.
    { selector: '[data-player]:not([data-party-player])', load: () => import('./player.js') },
    { selector: '[data-party]', load: () => import('./party.js') },
    { selector: '[data-upload]', load: () => import('./upload.js') },
    { selector: '[data-video-status]', load: () => import('./video-status.js') },
];

/** Mounted elements, each with the video it was mounted for and how to stop it. */
const mounted = new Map();

export async function mountAll() {
    for (const [element, entry] of mounted) {
        if (!element.isConnected || element.dataset.videoId !== entry.videoId) {
            entry.dispose();
            mounted.delete(element);
        }
    }

    for (const component of components) {
        for (const element of document.querySelectorAll(component.selector)) {
            if (mounted.has(element)) {
                continue;
            }
            const entry = { videoId: element.dataset.videoId, dispose: () => { } };
            mounted.set(element, entry);
            const module = await component.load();
            entry.dispose = module.mount(element) ?? entry.dispose;
        }
    }
}
