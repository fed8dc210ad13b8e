// The chat WebSocket: says hello with the visitor token and conversation, streams replies in, and reconnects
// after a drop (backing off, and at once when the browser comes back online), resuming the same conversation.

const BACKOFF_MS = [300, 1000, 2000, 4000, 8000];
const PING_MS = 25000;
const BAD_TOKEN = 4401;

export class ChatClient extends EventTarget {
  constructor(api) {
    super();
    this.api = api;
    this.socket = null;
    this.ready = false;
    this.attempt = 0;
    this.queue = [];          // frames typed while not connected, sent by flush() once the view has caught up
    this.inflight = new Map(); // message id → message sent on the current connection and not answered yet
    this.nextId = 1;
    this.closedByUs = false;
    this.wasReady = false;
    addEventListener('online', () => this.reconnectNow());
  }

  get url() {
    const u = new URL(this.api.server);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    u.pathname = '/ws/chat';
    return u.toString();
  }

  async connect() {
    this.closedByUs = false;
    this.state(this.wasReady ? 'reconnecting' : 'connecting');
    let token;
    try {
      token = await this.api.ensureToken();
    } catch {
      this.scheduleReconnect();
      return;
    }
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'hello', token, sessionId: this.api.sessionId || undefined }));
    socket.onmessage = (e) => this.receive(JSON.parse(e.data));
    socket.onclose = (e) => {
      if (this.socket !== socket) return;
      this.ready = false;
      clearInterval(this.pinger);
      if (e.code === BAD_TOKEN) this.api.forgetToken();
      if (!this.closedByUs) this.scheduleReconnect();
    };
  }

  receive(msg) {
    if (msg.type === 'ready') {
      this.ready = true;
      this.attempt = 0;
      if (msg.resumed === false) this.api.sessionId = null;
      const reconnected = this.wasReady;
      this.wasReady = true;
      this.state('online');
      clearInterval(this.pinger);
      this.pinger = setInterval(() => this.raw({ type: 'ping' }), PING_MS);
      // sent before the drop and never answered: the server may or may not have stored them; the view decides
      const lost = reconnected ? [...this.inflight.values()] : [];
      this.inflight.clear();
      this.emit('ready', { ...msg, reconnected, lost });
      return;
    }
    if ((msg.type === 'reply' || msg.type === 'error') && msg.id) this.inflight.delete(msg.id);
    if (msg.type === 'reply' && msg.reply?.sessionId) this.api.sessionId = msg.reply.sessionId;
    if (msg.type === 'error' && msg.code === 'session_not_found') this.api.sessionId = null;
    if (msg.type !== 'pong') this.emit(msg.type, msg);
  }

  /** Sends a chat turn (now, or once connected); returns the id its streamed reply will carry. */
  send(text) {
    const id = `m${Date.now().toString(36)}${this.nextId++}`;
    this.deliver({ type: 'message', id, text });
    return id;
  }

  feedback(trackId, liked) {
    this.deliver({ type: 'feedback', trackId, liked });
  }

  /** Starts a new conversation on the same connection. */
  newConversation() {
    this.api.sessionId = null;
    if (this.ready) this.raw({ type: 'hello', token: this.api.token });
  }

  /** Sends a message again under its own id, so its reply lands where it was awaited. */
  resend(msg) {
    if (this.ready) this.raw(msg); else this.queue.unshift(msg); // ahead of anything typed later
  }

  /** Sends what was typed while offline; the view calls it once it has redrawn the conversation after 'ready'. */
  flush() {
    if (!this.ready) return;
    this.queue.splice(0).forEach((m) => this.raw(m));
  }

  /** Chat messages typed while offline, not sent yet (the view shows them after redrawing). */
  get queuedMessages() {
    return this.queue.filter((m) => m.type === 'message');
  }

  deliver(msg) {
    if (this.ready && !this.queue.length) this.raw(msg); else this.queue.push(msg);
  }

  raw(msg) {
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(msg));
      if (msg.type === 'message') this.inflight.set(msg.id, msg);
    } else if (msg.type !== 'ping') this.queue.push(msg);
  }

  scheduleReconnect() {
    this.state(navigator.onLine === false ? 'offline' : 'reconnecting');
    const base = BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)];
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), base + Math.random() * base * 0.3);
  }

  reconnectNow() {
    if (this.ready) return;
    clearTimeout(this.timer);
    this.attempt = 0;
    this.connect();
  }

  close() {
    this.closedByUs = true;
    clearTimeout(this.timer);
    this.socket?.close();
  }

  state(s) {
    this.connection = s;
    this.emit('status', { state: s });
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
