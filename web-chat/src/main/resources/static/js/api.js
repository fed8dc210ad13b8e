// The visitor's identity and the web API. The token lives in localStorage of the page the chat runs on
// (for the widget: the host site), keyed by server, because third-party cookies are blocked on most sites.

const keyFor = (server, name) => `echotune:${server}:${name}`;

export class Api {
  constructor(server) {
    this.server = server;
  }

  get token() { return read(keyFor(this.server, 'token')) ?? this.pageToken; } // pageToken: storage disabled
  get sessionId() { return read(keyFor(this.server, 'session')); }
  set sessionId(id) { write(keyFor(this.server, 'session'), id); }

  /**
   * The visitor token, fetched once from the server and kept. Concurrent first calls share one request: two tokens
   * would make the chat and the side panels two different visitors.
   */
  ensureToken() {
    if (this.token) return Promise.resolve(this.token);
    this.issuing ??= fetch(`${this.server}/api/web/visitors`, { method: 'POST' })
      .then(async (res) => {
        if (!res.ok) throw new Error(`Could not get a visitor token (${res.status})`);
        const { token } = await res.json();
        write(keyFor(this.server, 'token'), token);
        this.pageToken = token;
        return token;
      })
      .finally(() => { this.issuing = null; });
    return this.issuing;
  }

  forgetToken() {
    this.pageToken = null;
    write(keyFor(this.server, 'token'), null);
    write(keyFor(this.server, 'session'), null);
  }

  /** GET/POST with the visitor token; resolves to {status, body} and never throws on HTTP errors. */
  async call(path, { method = 'GET', body } = {}) {
    const token = await this.ensureToken();
    const headers = { Authorization: `Bearer ${token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${this.server}${path}`, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get('Content-Type') || '';
    const json = type.includes('json') ? await res.json().catch(() => null) : null;
    return { status: res.status, ok: res.ok, body: json };
  }

  session(id) { return this.call(`/api/web/sessions/${encodeURIComponent(id)}`); }
  playlists() { return this.call('/api/web/playlists'); }
  recommendations(limit) { return this.call(`/api/recommendations?limit=${limit}`); }
  link(code) { return this.call('/api/link', { method: 'POST', body: { code } }); }
  spotifyStatus() { return this.call('/api/spotify/status'); }
  spotifyLogin() { return this.call('/api/spotify/link', { method: 'POST' }); }
  spotifyUnlink() { return this.call('/api/spotify/link', { method: 'DELETE' }); }
}

function read(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

function write(key, value) {
  try {
    if (value == null) localStorage.removeItem(key); else localStorage.setItem(key, value);
  } catch { /* storage disabled: the chat still works for this page view */ }
}
