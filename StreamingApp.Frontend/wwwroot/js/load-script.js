// Loads a library script from this site once per document and resolves with the global it defines. Pages also name
// the script in their head (deferred, so it downloads early); then the global is already there.
const loading = new Map();

export function loadScript(src, globalName) {
    if (window[globalName]) {
        return Promise.resolve(window[globalName]);
    }
    if (!loading.has(src)) {
        loading.set(src, new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = src;
            script.addEventListener('load', () => resolve(window[globalName]));
            script.addEventListener('error', () => {
                loading.delete(src);
                reject(new Error(`${src} could not be loaded.`));
            });
            document.head.append(script);
        }));
    }
    return loading.get(src);
}
