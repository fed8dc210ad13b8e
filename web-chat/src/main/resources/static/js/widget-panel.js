// The embeddable widget: a chat bubble that opens the chat panel, all inside a Shadow DOM so the host page's
// CSS cannot reach in and ours cannot leak out. Started by /widget.js from the site owner's <script> tag.

import { Api } from './api.js';
import { ChatClient } from './chat-client.js';
import { mountChat } from './chat-view.js';
import { el } from './cards.js';

const CHAT_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3C6.5 3 2 6.9 2 11.7c0 2.6 1.3 4.9 3.4 6.5L4.6 22l4.3-2.3c1 .3 2 .4 3.1.4 5.5 0 10-3.9 10-8.7S17.5 3 12 3Zm-3.2 11.6a1.6 1.6 0 1 1 0-3.2 1.6 1.6 0 0 1 0 3.2Zm3.2 0a1.6 1.6 0 1 1 0-3.2 1.6 1.6 0 0 1 0 3.2Zm3.2 0a1.6 1.6 0 1 1 0-3.2 1.6 1.6 0 0 1 0 3.2Z"/></svg>';
const CLOSE_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z"/></svg>';
const NEW_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z"/></svg>';

/**
 * Options (from the script tag's data- attributes): server, title, greeting, theme (auto|light|dark),
 * accent (a CSS colour), position (right|left), open ("true" to start open).
 */
export function mountWidget(options) {
  const server = options.server;
  const host = el('div', { id: 'echotune-widget', 'data-theme': options.theme || 'auto', 'data-position': options.position || 'right' });
  if (options.accent) host.style.setProperty('--echotune-accent', options.accent);
  // inline and important, so no rule of the host page can take the widget out of its corner
  host.style.setProperty('position', 'fixed', 'important');
  host.style.setProperty('z-index', '2147483000', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  const loaded = ['chat.css', 'widget.css'].map((name) => new Promise((resolve) => {
    const link = el('link', { rel: 'stylesheet', href: `${server}/css/${name}` });
    link.onload = link.onerror = resolve;
    shadow.append(link);
  }));

  const bubble = el('button', {
    type: 'button', class: 'bubble-button et-root', 'aria-expanded': 'false', 'aria-controls': 'echotune-panel',
    'aria-label': `Open ${options.title || 'EchoTune'} chat`,
  });
  bubble.innerHTML = CHAT_ICON;
  const close = el('button', { type: 'button', class: 'icon-button close', 'aria-label': 'Close chat', title: 'Close' });
  close.innerHTML = CLOSE_ICON;
  const fresh = el('button', { type: 'button', class: 'icon-button new', 'aria-label': 'Start a new conversation', title: 'New conversation' });
  fresh.innerHTML = NEW_ICON;
  const title = el('div', { class: 'panel-title' },
    el('span', { class: 'logo', 'aria-hidden': 'true', text: '♪' }),
    el('div', {}, el('h2', { id: 'echotune-title', text: options.title || 'EchoTune' }),
      el('p', { class: 'subtitle', text: 'Music that fits your moment' })));
  const panel = el('div', {
    id: 'echotune-panel', class: 'panel et-root', role: 'dialog', 'aria-labelledby': 'echotune-title', hidden: true,
  }, el('header', { class: 'panel-header' }, title, el('div', { class: 'panel-actions' }, fresh, close)));
  shadow.append(panel, bubble);

  const api = new Api(server);
  const client = new ChatClient(api);
  const chat = mountChat(panel, { api, client, greeting: options.greeting });
  let started = false;

  function setOpen(open) {
    panel.hidden = !open;
    bubble.setAttribute('aria-expanded', String(open));
    host.toggleAttribute('data-open', open);
    if (open) {
      if (!started) { started = true; chat.start(); }
      chat.focus();
    }
  }

  bubble.addEventListener('click', () => setOpen(panel.hidden));
  close.addEventListener('click', () => { setOpen(false); bubble.focus(); });
  fresh.addEventListener('click', () => chat.newConversation());
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { setOpen(false); bubble.focus(); }
  });

  host.style.visibility = 'hidden'; // until our styles are in, so the host page never sees an unstyled flash
  document.body.append(host);
  Promise.all(loaded).then(() => {
    host.style.visibility = '';
    if (options.open === 'true') setOpen(true);
  });
  return { host, open: () => setOpen(true), close: () => setOpen(false) };
}
