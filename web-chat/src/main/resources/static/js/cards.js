// Track and playlist cards. Everything from the server is set as text, never parsed as HTML.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    // through the CSSOM, not a style attribute: a host page's CSP may forbid inline style attributes
    else if (k === 'style') Object.entries(v).forEach(([name, value]) => node.style.setProperty(name, value));
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c != null) node.append(c);
  return node;
}

/**
 * The reply text beside its cards: the engine's plain numbered lines ("1. Title — Artist") are dropped where the
 * cards show those tracks (the same rule as the Telegram and Discord adapters).
 */
export function withoutTrackLines(text, tracks) {
  const titles = (tracks || []).map((t) => t.title.toLowerCase());
  if (!titles.length) return text;
  return text.split('\n').filter((line) => {
    const numbered = /^\s*\d+[.)]\s+(.+)$/.exec(line);
    return !(numbered && titles.some((title) => numbered[1].toLowerCase().includes(title)));
  }).join('\n').trim();
}

export function duration(ms) {
  const s = Math.round((ms || 0) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h} h ${m} min` : `${m}:${sec}`;
}

function hue(text) {
  let h = 0;
  for (const ch of text || '') h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

function initials(title) {
  return (title || '♪').replace(/[^\p{L}\p{N} ]/gu, '').split(/\s+/).filter(Boolean).slice(0, 2)
    .map((w) => w[0]).join('').toUpperCase() || '♪';
}

/** A cover placeholder: the catalog has no artwork, so a gradient derived from the album name stands in. */
function cover(track) {
  const h = hue(track.album || track.title);
  return el('div', {
    class: 'cover', 'aria-hidden': 'true', text: initials(track.title),
    style: { '--h1': h, '--h2': (h + 50) % 360 },
  });
}

const SPOTIFY_ICON = 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm4.6 14.4a.62.62 0 0 1-.86.2c-2.35-1.43-5.3-1.76-8.79-.96a.62.62 0 1 1-.28-1.22c3.81-.87 7.08-.5 9.72 1.12.3.18.39.57.2.86Zm1.22-2.72a.78.78 0 0 1-1.07.26c-2.69-1.65-6.8-2.13-9.98-1.17a.78.78 0 1 1-.45-1.5c3.64-1.1 8.16-.57 11.24 1.33.37.22.48.7.26 1.08Zm.1-2.83C14.7 8.94 9.37 8.76 6.3 9.7a.94.94 0 1 1-.55-1.8c3.53-1.07 9.4-.86 13.1 1.34a.94.94 0 0 1-.96 1.61Z';

// 👍 / 👎 as drawn icons (Material Icons, Apache-2.0): emoji fonts are missing on many systems
const THUMB_UP = 'M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z';
const THUMB_DOWN = 'M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z';

function icon(path) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  p.setAttribute('d', path);
  svg.append(p);
  return svg;
}

/**
 * A track card with 👍/👎. {@code onFeedback(track, liked)} is called on a press; the buttons show the
 * server-confirmed verdict (set with setVerdict), so a press that did not land does not look saved.
 */
export function trackCard(track, { verdict, onFeedback } = {}) {
  const like = el('button', {
    type: 'button', class: 'vote like', 'aria-pressed': String(verdict === true),
    'aria-label': `Like ${track.title}`, title: 'I like this',
    onclick: () => onFeedback?.(track, true),
  }, icon(THUMB_UP));
  const dislike = el('button', {
    type: 'button', class: 'vote dislike', 'aria-pressed': String(verdict === false),
    'aria-label': `Dislike ${track.title}`, title: 'Not for me',
    onclick: () => onFeedback?.(track, false),
  }, icon(THUMB_DOWN));
  const details = [track.genre, duration(track.durationMs), track.releaseYear].filter(Boolean).join(' · ');
  return el('article', { class: 'track', 'data-track-id': track.id },
    cover(track),
    el('div', { class: 'meta' },
      el('h4', { class: 'title', text: track.title }),
      el('p', { class: 'artists', text: [track.artists?.join(', '), track.album].filter(Boolean).join(' — ') }),
      el('p', { class: 'details', text: details }),
      track.reason ? el('p', { class: 'reason', text: track.reason }) : null),
    el('div', { class: 'actions' },
      track.spotifyUrl ? el('a', {
        class: 'spotify', href: track.spotifyUrl, target: '_blank', rel: 'noopener noreferrer',
        'aria-label': `Open ${track.title} on Spotify`, title: 'Open on Spotify',
      }, icon(SPOTIFY_ICON)) : null,
      like, dislike));
}

export function setVerdict(root, trackId, liked) {
  root.querySelectorAll(`.track[data-track-id="${CSS.escape(trackId)}"]`).forEach((card) => {
    card.querySelector('.like').setAttribute('aria-pressed', String(liked === true));
    card.querySelector('.dislike').setAttribute('aria-pressed', String(liked === false));
  });
}

export function playlistCard(playlist, { compact = false } = {}) {
  const list = el('ol', { class: 'playlist-tracks' },
    (playlist.tracks || []).map((t) => el('li', {},
      el('span', { class: 'pt-title', text: t.title }),
      el('span', { class: 'pt-artist', text: t.artists?.join(', ') }),
      el('span', { class: 'pt-time', text: duration(t.durationMs) }))));
  return el('article', { class: `playlist${compact ? ' compact' : ''}`, 'data-playlist-id': playlist.id },
    el('div', { class: 'playlist-head' },
      el('div', { class: 'playlist-icon', 'aria-hidden': 'true', text: '♫' }),
      el('div', {},
        el('h4', { class: 'playlist-name', text: playlist.name }),
        el('p', { class: 'playlist-info', text: `${playlist.trackCount} tracks · ${duration(playlist.durationMs)}` }))),
    playlist.description ? el('p', { class: 'playlist-desc', text: playlist.description }) : null,
    el('details', {}, el('summary', { text: 'Show tracks' }), list));
}
