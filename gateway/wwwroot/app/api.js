// The public API through the gateway: the signed-in session, JSON calls, problem details in Chinese, the live hall stream.
import { problemMessage } from './labels.js';

const KEY = 'dispatch.session';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problemMessage(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

export const session = {
  get() {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    return saved && saved.expiresAt > Date.now() ? saved : null;
  },
  set(value) { sessionStorage.setItem(KEY, JSON.stringify(value)); },
  clear() { sessionStorage.removeItem(KEY); },
};

let onSignedOut = () => {};
export const whenSignedOut = handler => { onSignedOut = handler; };

/** Signs in; with a one-time password the session only lets the person choose a password (mustChangePassword). */
export async function signIn(username, password) {
  const token = await request('POST', '/api/auth/token', { username, password }, { anonymous: true });
  const value = {
    username, token: token.accessToken, role: token.role, communityId: token.communityId, teamId: token.teamId,
    streetId: token.streetId, districtId: token.districtId, expiresAt: Date.now() + token.expiresIn * 1000,
    mustChangePassword: token.mustChangePassword === true,
  };
  session.set(value);
  return value;
}

/** Changes the signed-in person's password, which ends every session of the account, and signs in again with the new one. */
export async function changePassword(currentPassword, newPassword) {
  const { username } = session.get() ?? {};
  await request('POST', '/api/auth/password', { currentPassword, newPassword });
  return signIn(username, newPassword);
}

/** One call; resolves to the JSON body (or text), rejects with an ApiError whose message is Chinese. */
export async function request(method, path, body, { anonymous = false, contentType, accept = 'application/json' } = {}) {
  const headers = { accept: `${accept}, application/problem+json` };
  const current = session.get();
  if (!anonymous) {
    if (!current) { onSignedOut(); throw new ApiError(401, null); }
    headers.authorization = `Bearer ${current.token}`;
  }
  let payload;
  if (body instanceof FormData || typeof body === 'string') {
    payload = body;
    if (contentType) headers['content-type'] = contentType;
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch {
    throw new ApiError(503, { title: 'Temporarily unavailable' });
  }
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const data = text && type.includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    if (response.status === 401 && !anonymous) { session.clear(); onSignedOut(); }
    throw new ApiError(response.status, typeof data === 'object' ? data : null);
  }
  return data;
}

export const get = path => request('GET', path);
export const post = (path, body = {}) => request('POST', path, body);
export const put = (path, body) => request('PUT', path, body);
export const patch = (path, body) => request('PATCH', path, body);

/** Fetches a file the API serves (a PDF, a CSV) with the session's token and hands it to the browser as a download. */
export async function download(path, filename) {
  const current = session.get();
  if (!current) { onSignedOut(); throw new ApiError(401, null); }
  let response;
  try {
    response = await fetch(path, { headers: { authorization: `Bearer ${current.token}` } });
  } catch {
    throw new ApiError(503, { title: 'Temporarily unavailable' });
  }
  if (!response.ok) {
    const problem = (response.headers.get('content-type') ?? '').includes('json') ? await response.json() : null;
    throw new ApiError(response.status, problem);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a while later: the browser reads the file after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Every item of a list the API pages (at most 100 a page), fetched a page at a time: { items, total }. */
export async function getAll(path) {
  const separator = path.includes('?') ? '&' : '?';
  const items = [];
  for (let number = 1; ; number += 1) {
    const page = await get(`${path}${separator}page=${number}&pageSize=100`);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return { items, total: page.total };
  }
}

/**
 * Follows a server-sent event stream with the bearer token in a header (fetch, not EventSource, so the
 * token never goes into a URL). Reconnects after a pause until stopped; returns the stop function.
 */
export function follow(path, onEvent, onState = () => {}) {
  const abort = new AbortController();
  (async () => {
    while (!abort.signal.aborted) {
      try {
        const current = session.get();
        if (!current) return;
        const response = await fetch(path, { headers: { authorization: `Bearer ${current.token}`, accept: 'text/event-stream' }, signal: abort.signal });
        if (!response.ok) throw new ApiError(response.status, null);
        onState('open');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = { type: 'message', data: '' };
            for (const line of frame.split('\n')) {
              if (line.startsWith('event:')) event.type = line.slice(6).trim();
              else if (line.startsWith('data:')) event.data += line.slice(5).trim();
            }
            if (event.data) onEvent(event.type, JSON.parse(event.data));
          }
        }
      } catch (error) {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) { onSignedOut(); return; }
      }
      onState('closed');
      await new Promise(resolve => setTimeout(resolve, 3000));
    }
  })();
  return () => abort.abort();
}
