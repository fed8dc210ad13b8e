// The full-page app at /: the chat, the playlists built in conversation, "now recommended for you", the Spotify
// button (shown only when the server has Spotify configured) and a field for Telegram/Discord link codes.

import { Api } from './api.js';
import { ChatClient } from './chat-client.js';
import { mountChat } from './chat-view.js';
import { el, trackCard, playlistCard, setVerdict } from './cards.js';

const RECOMMENDATION_COUNT = 5;
const THEMES = ['auto', 'light', 'dark'];
const THEME_LABEL = { auto: 'Theme: automatic', light: 'Theme: light', dark: 'Theme: dark' };
const THEME_ICON = { auto: '◐', light: '☀', dark: '☾' };

const host = document.getElementById('app');
const shadow = host.attachShadow({ mode: 'open' });
const styles = ['chat.css', 'app.css'].map((name) => new Promise((resolve) => {
  const link = el('link', { rel: 'stylesheet', href: `/css/${name}` });
  link.onload = link.onerror = resolve;
  shadow.append(link);
}));

const api = new Api(location.origin);
const client = new ChatClient(api);

const theme = el('button', { type: 'button', class: 'ghost theme' });
const spotify = el('button', { type: 'button', class: 'spotify-button', hidden: true, text: 'Connect Spotify' });
const banner = el('div', { class: 'banner', role: 'status', hidden: true });
const recList = el('div', { class: 'side-list', 'aria-live': 'polite' });
const playlistList = el('div', { class: 'side-list', 'aria-live': 'polite' });
const refresh = el('button', { type: 'button', class: 'ghost small', text: 'Refresh', 'aria-label': 'Refresh recommendations' });
const newChat = el('button', { type: 'button', class: 'ghost small', text: 'New chat' });
const codeInput = el('input', {
  id: 'link-code', name: 'code', autocomplete: 'one-time-code', placeholder: 'e.g. 4F7-K2Q', maxlength: '32', required: true,
});
const linkStatus = el('p', { class: 'hint', role: 'status' });
const linkForm = el('form', { class: 'link-form' },
  el('label', { for: 'link-code', class: 'hint', text: 'Got a code from our Telegram or Discord bot? Enter it to share your taste and playlists.' }),
  el('div', { class: 'row' }, codeInput, el('button', { type: 'submit', class: 'primary small', text: 'Link' })),
  linkStatus);

const chatPane = el('section', { class: 'chat-pane', 'aria-label': 'Chat' },
  el('div', { class: 'pane-head' }, el('h2', { text: 'Chat' }), newChat));

shadow.append(el('div', { class: 'app et-root' },
  el('header', { class: 'topbar' },
    el('div', { class: 'brand' }, el('span', { class: 'logo', 'aria-hidden': 'true', text: '♪' }),
      el('div', {}, el('h1', { text: 'EchoTune' }), el('p', { class: 'tagline', text: 'Music that fits your moment' }))),
    el('div', { class: 'top-actions' }, spotify, theme)),
  banner,
  el('main', { class: 'layout' },
    chatPane,
    el('aside', { class: 'side' },
      el('section', { class: 'card-panel recs', 'aria-labelledby': 'recs-title' },
        el('div', { class: 'pane-head' }, el('h2', { id: 'recs-title', text: 'Now recommended for you' }), refresh),
        recList),
      el('section', { class: 'card-panel playlists', 'aria-labelledby': 'pl-title' },
        el('div', { class: 'pane-head' }, el('h2', { id: 'pl-title', text: 'Your playlists' })),
        playlistList),
      el('section', { class: 'card-panel link', 'aria-labelledby': 'link-title' },
        el('div', { class: 'pane-head' }, el('h2', { id: 'link-title', text: 'Link Telegram or Discord' })),
        linkForm)))));

const chat = mountChat(chatPane, { api, client });

// ---- theme
function applyTheme(name) {
  host.dataset.theme = name;
  theme.textContent = THEME_ICON[name];
  theme.setAttribute('aria-label', `${THEME_LABEL[name]} (click to change)`);
  theme.title = THEME_LABEL[name];
  try { localStorage.setItem('echotune:theme', name); } catch { /* not kept */ }
}
theme.addEventListener('click', () => applyTheme(THEMES[(THEMES.indexOf(host.dataset.theme) + 1) % THEMES.length]));
applyTheme((() => { try { return localStorage.getItem('echotune:theme'); } catch { return null; } })() || 'auto');

// ---- connection banner: offline says so instead of breaking
function updateBanner() {
  const state = client.connection;
  const down = navigator.onLine === false || state === 'reconnecting' || state === 'offline';
  banner.hidden = !down;
  banner.dataset.state = navigator.onLine === false ? 'offline' : state;
  banner.textContent = navigator.onLine === false
    ? 'You’re offline. EchoTune will reconnect by itself when you’re back online.'
    : 'Can’t reach EchoTune right now — reconnecting… Your conversation is safe.';
}
client.addEventListener('status', updateBanner);
addEventListener('online', updateBanner);
addEventListener('offline', updateBanner);

// ---- side panels
function empty(text) {
  return el('p', { class: 'empty', text });
}

async function loadRecommendations() {
  const res = await api.recommendations(RECOMMENDATION_COUNT).catch(() => null);
  if (!res) { // offline: keep what is shown, or say why there is nothing
    if (!recList.children.length) recList.replaceChildren(empty('Your picks show up here once EchoTune is reachable again.'));
    return;
  }
  if (res.status === 404) {
    recList.replaceChildren(empty('Personal recommendations are coming soon. Meanwhile, ask the chat for anything!'));
  } else if (!res.ok) {
    recList.replaceChildren(empty('Recommendations are not available right now.'));
  } else if (!res.body.length) {
    recList.replaceChildren(empty('Like a few tracks in the chat and your picks appear here.'));
  } else {
    recList.replaceChildren(...res.body.map((t) => trackCard(t, {
      onFeedback: (track, liked) => client.feedback(track.id, liked),
    })));
  }
}

async function loadPlaylists() {
  const res = await api.playlists().catch(() => null);
  if (!res?.ok) {
    if (!playlistList.children.length) playlistList.replaceChildren(empty('Your playlists show up here once EchoTune is reachable again.'));
    return;
  }
  playlistList.replaceChildren(...(res.body.length
    ? res.body.map((p) => playlistCard(p, { compact: true }))
    : [empty('Ask “make that a playlist called Deep Focus” and it shows up here.')]));
}

refresh.addEventListener('click', loadRecommendations);
newChat.addEventListener('click', () => chat.newConversation());
host.addEventListener('echotune:reply', (e) => {
  if (e.detail.playlist) loadPlaylists();
  if (e.detail.intent?.startsWith('feedback')) loadRecommendations();
});
host.addEventListener('echotune:feedback', (e) => setVerdict(recList, e.detail.trackId, e.detail.liked));
client.addEventListener('ready', () => { loadPlaylists(); loadRecommendations(); });

// ---- linking a Telegram / Discord account
linkForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  linkStatus.textContent = 'Linking…';
  const res = await api.link(codeInput.value.trim()).catch(() => null);
  linkStatus.dataset.linked = String(Boolean(res?.body?.linked));
  if (!res) linkStatus.textContent = 'Can’t reach EchoTune right now; try again in a moment.';
  else if (res.body?.message) linkStatus.textContent = res.body.message;
  else linkStatus.textContent = res.body?.detail || 'That code did not work. Ask the bot for a new one with /link.';
  if (res?.body?.linked) {
    codeInput.value = '';
    loadPlaylists();
    loadRecommendations();
  }
});

// ---- Spotify: the button shows only when the server has Spotify configured
async function loadSpotify() {
  const res = await api.spotifyStatus().catch(() => null);
  if (!res?.ok || !res.body.configured) return; // not set up here (or offline): stays hidden
  spotify.hidden = false;
  spotify.dataset.linked = String(res.body.linked);
  spotify.textContent = res.body.linked ? `Spotify: ${res.body.account || 'linked'} · Unlink` : 'Connect Spotify';
}
spotify.addEventListener('click', async () => {
  if (spotify.dataset.linked === 'true') {
    await api.spotifyUnlink().catch(() => null);
    loadSpotify();
    return;
  }
  const res = await api.spotifyLogin().catch(() => null);
  if (res?.ok) window.open(res.body.loginUrl, '_blank', 'noopener') || location.assign(res.body.loginUrl);
  else loadSpotify(); // e.g. linked meanwhile in the chat
});
addEventListener('focus', loadSpotify); // back from Spotify's login tab
loadSpotify();

// ---- installable app: cache the shell
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch((e) => console.warn('EchoTune: no offline support', e));
}

Promise.all(styles).then(() => {
  host.classList.add('ready');
  chat.start();
  loadPlaylists(); // again on every (re)connect; this one fills the panels, or explains them, while offline
  loadRecommendations();
});
