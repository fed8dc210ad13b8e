// The chat itself, shared by the widget and the full-page app: message log with streamed replies, track and
// playlist cards, suggestion chips, composer, connection status. It reports what happened as DOM events
// ("echotune:reply", "echotune:feedback") on its root so the page around it can react.

import { el, trackCard, playlistCard, setVerdict, withoutTrackLines } from './cards.js';

const STATUS_TEXT = {
  connecting: 'Connecting…',
  reconnecting: 'Can’t reach EchoTune right now — reconnecting…',
  offline: 'You’re offline. Your messages will be sent when you’re back online.',
  online: '',
};

const DEFAULT_SUGGESTIONS = ['Something calm to study to', 'Upbeat workout music', 'More like Daft Punk'];

export function mountChat(root, { api, client, greeting }) {
  const log = el('ol', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation' });
  const status = el('div', { class: 'status', role: 'status', hidden: true });
  const input = el('textarea', {
    class: 'input', id: 'echotune-input', rows: '1', maxlength: '2000', autocomplete: 'off',
    placeholder: 'Ask for music — a mood, an artist, an activity…', 'aria-label': 'Message EchoTune',
  });
  const send = el('button', { type: 'submit', class: 'send', 'aria-label': 'Send', title: 'Send' });
  send.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z"/></svg>';
  const form = el('form', { class: 'composer' }, input, send);
  const view = el('section', { class: 'chat', 'aria-label': 'EchoTune chat' }, status, log, form);
  root.append(view);

  const verdicts = new Map();      // trackId → liked, as confirmed by the server
  const streaming = new Map();     // message id → the bot bubble being streamed into
  let shownSession = null;         // the stored conversation the log was last drawn from

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  function onFeedback(track, liked) {
    const current = verdicts.get(track.id);
    client.feedback(track.id, liked);
    setVerdict(view, track.id, current === liked ? current : undefined); // greyed until the server confirms
    view.querySelectorAll(`.track[data-track-id="${CSS.escape(track.id)}"]`).forEach((c) => c.classList.add('saving'));
  }

  function userMessage(text) {
    const item = el('li', { class: 'msg user' }, el('p', { class: 'bubble', text }));
    log.append(item);
    return item;
  }

  function botMessage(text = '') {
    const bubble = el('p', { class: 'bubble' });
    if (text) bubble.textContent = text; else bubble.append(typing());
    const item = el('li', { class: 'msg bot' }, bubble);
    log.append(item);
    return item;
  }

  function typing() {
    return el('span', { class: 'typing', 'aria-label': 'EchoTune is typing' }, el('i'), el('i'), el('i'));
  }

  function chips(item, suggestions) {
    view.querySelectorAll('.chips').forEach((c) => c.remove()); // only the latest suggestions stay clickable
    if (!suggestions?.length) return;
    item.append(el('div', { class: 'chips', role: 'group', 'aria-label': 'Suggestions' },
      suggestions.map((s) => el('button', { type: 'button', class: 'chip', text: s, onclick: () => submit(s) }))));
  }

  function listed({ tracks, playlist }) {
    return playlist ? playlist.tracks : tracks;
  }

  function renderParts(item, { tracks, playlist }) {
    if (tracks?.length) {
      item.append(el('div', { class: 'cards' }, tracks.map((t) => trackCard(t, { verdict: verdicts.get(t.id), onFeedback }))));
    }
    if (playlist) item.append(playlistCard(playlist));
  }

  function submit(text) {
    text = text.trim();
    if (!text) return;
    view.querySelectorAll('.chips').forEach((c) => c.remove());
    userMessage(text);
    const id = client.send(text);
    streaming.set(id, botMessage());
    scrollDown();
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(input.value);
    input.value = '';
    autosize();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  const autosize = () => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 140)}px`;
  };
  input.addEventListener('input', autosize);

  client.addEventListener('delta', ({ detail }) => {
    const item = streaming.get(detail.id) || botMessage();
    streaming.set(detail.id, item);
    const bubble = item.querySelector('.bubble');
    if (bubble.querySelector('.typing')) bubble.textContent = '';
    bubble.textContent += detail.text;
    scrollDown();
  });

  client.addEventListener('reply', ({ detail }) => {
    const { reply } = detail;
    const item = streaming.get(detail.id) || botMessage();
    streaming.delete(detail.id);
    item.querySelector('.bubble').textContent = withoutTrackLines(reply.text, listed(reply));
    item.dataset.intent = reply.intent;
    renderParts(item, reply);
    chips(item, reply.suggestions);
    scrollDown();
    view.dispatchEvent(new CustomEvent('echotune:reply', { bubbles: true, composed: true, detail: reply }));
  });

  client.addEventListener('feedback', ({ detail }) => {
    verdicts.set(detail.trackId, detail.liked);
    setVerdict(view, detail.trackId, detail.liked);
    view.querySelectorAll(`.track[data-track-id="${CSS.escape(detail.trackId)}"]`).forEach((c) => c.classList.remove('saving'));
    view.dispatchEvent(new CustomEvent('echotune:feedback', { bubbles: true, composed: true, detail }));
  });

  client.addEventListener('error', ({ detail }) => {
    const item = detail.id && streaming.get(detail.id);
    if (detail.id) streaming.delete(detail.id);
    const target = item || botMessage();
    target.classList.add('error');
    target.querySelector('.bubble').textContent = detail.message;
    view.querySelectorAll('.track.saving').forEach((c) => c.classList.remove('saving'));
  });

  client.addEventListener('status', ({ detail }) => {
    const text = STATUS_TEXT[detail.state] ?? '';
    status.textContent = text;
    status.hidden = !text;
    status.dataset.state = detail.state;
    view.dataset.connection = detail.state;
  });

  client.addEventListener('ready', async ({ detail }) => {
    // Redraw from the stored conversation when it is not the one on screen, or when messages went down with the
    // connection: the store has every turn that made it (a reply lost in transit included). Lost messages that did
    // not make it are sent again, then whatever was typed while offline; nothing is sent twice.
    const lost = detail.lost || [];
    if (detail.resumed === false) { // gone, or not this visitor's: start afresh
      shownSession = null;
      log.replaceChildren();
      welcome();
    }
    const stored = detail.sessionId && (lost.length || shownSession !== detail.sessionId)
      ? await loadHistory(detail.sessionId) : null;
    if (stored) {
      const recent = stored.slice(-lost.length || stored.length).map((t) => t.message);
      lost.filter((m) => !recent.includes(m.text)).forEach((m) => {
        userMessage(m.text);
        streaming.set(m.id, botMessage());
        client.resend(m);
      });
      client.queuedMessages.forEach((m) => {
        userMessage(m.text);
        streaming.set(m.id, botMessage());
      });
    } else {
      lost.forEach((m) => client.resend(m)); // not redrawn: the bubbles on screen still wait for these
    }
    client.flush();
    scrollDown();
  });

  function welcome() {
    const item = botMessage(greeting || 'Hi! I’m EchoTune. Tell me what you’d like to hear — a mood, an activity, an artist you love.');
    item.classList.add('welcome');
    chips(item, DEFAULT_SUGGESTIONS);
  }

  /** Redraws the conversation from the server; returns its turns, or null when it could not be loaded. */
  async function loadHistory(sessionId) {
    const res = await api.session(sessionId).catch(() => null);
    if (!res || !res.ok) {
      if (res?.status === 404) api.sessionId = null; // gone or not ours
      return null;
    }
    shownSession = sessionId;
    streaming.clear();
    log.replaceChildren();
    Object.entries(res.body.feedback || {}).forEach(([id, liked]) => verdicts.set(id, liked));
    welcome();
    view.querySelectorAll('.chips').forEach((c) => c.remove());
    for (const turn of res.body.turns) {
      userMessage(turn.message);
      const item = botMessage(withoutTrackLines(turn.reply, listed(turn)));
      item.dataset.intent = turn.intent;
      renderParts(item, turn);
    }
    scrollDown();
    return res.body.turns;
  }

  async function start() {
    welcome();
    if (api.sessionId) {
      await loadHistory(api.sessionId); // offline: shown once connected
    }
    client.connect();
  }

  function newConversation() {
    client.newConversation();
    shownSession = null;
    verdicts.clear();
    streaming.clear();
    log.replaceChildren();
    welcome();
    input.focus();
  }

  return { start, newConversation, focus: () => input.focus(), element: view };
}
