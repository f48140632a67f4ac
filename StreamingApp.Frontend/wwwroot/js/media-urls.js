// CloudFront signed URLs carry their signature in the query (Policy, Signature, Key-Pair-Id) and it is valid for the
// whole video folder, but playlists refer to segments by relative URIs, which drop the query. The player appends the
// master playlist's signed query to every request that lacks one. Api-signed URLs need nothing: the Api rewrites
// playlists so every URI inside already carries its query.

const cloudFrontParameters = ['Signature', 'Key-Pair-Id'];

/** The signed query of a CloudFront URL ("Policy=...&Signature=...&Key-Pair-Id=..."), or null for any other URL. */
export function cloudFrontQuery(url) {
    const parsed = new URL(url, 'http://relative.invalid');
    return cloudFrontParameters.every(name => parsed.searchParams.has(name)) ? parsed.search.slice(1) : null;
}

/** The URL with the query appended, unless it already has one. */
export function withQuery(url, query) {
    if (!query || new URL(url, 'http://relative.invalid').search) {
        return url;
    }
    const hash = url.indexOf('#');
    return hash < 0 ? `${url}?${query}` : `${url.slice(0, hash)}?${query}${url.slice(hash)}`;
}

/** Resolves a URI found inside a signed file (a VTT cue's sprite) against that file, keeping the file's query. */
export function resolveSigned(relative, signedFileUrl) {
    const base = new URL(signedFileUrl, 'http://relative.invalid');
    const resolved = new URL(relative, base);
    if (!resolved.search) {
        resolved.search = base.search;
    }
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(signedFileUrl);
    return absolute ? resolved.href : resolved.href.slice(resolved.origin.length);
}
