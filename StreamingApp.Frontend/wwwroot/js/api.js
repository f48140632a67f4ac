// Calls the page scripts make to this site's proxied Api routes: same-origin, with the antiforgery token the server
// put in the page. The user's access token is added by the server and never reaches the browser.

export function antiforgeryToken() {
    return document.querySelector('meta[name="csrf-token"]')?.content ?? '';
}

export function apiFetch(path, options = {}) {
    const headers = new Headers(options.headers);
    headers.set('X-CSRF-TOKEN', antiforgeryToken());
    if (typeof options.body === 'string') {
        headers.set('Content-Type', 'application/json');
    }
    return fetch(path, { credentials: 'same-origin', ...options, headers });
}

/** An error carrying the HTTP status and the ProblemDetails the server answered. */
export class ApiError extends Error {
    constructor(status, problem) {
        super(problem?.detail ?? problem?.title ?? `The server answered ${status}.`);
        this.status = status;
        this.type = problem?.type?.split('/').pop() ?? null;
        this.problem = problem;
    }
}

export async function errorOf(response) {
    let problem = null;
    try {
        problem = await response.json();
    } catch {
        // Not JSON: the status alone explains it.
    }
    return new ApiError(response.status, problem);
}

export async function getJson(path) {
    const response = await apiFetch(path);
    if (!response.ok) {
        throw await errorOf(response);
    }
    return response.json();
}
