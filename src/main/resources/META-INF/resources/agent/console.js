// The agent console: signs in with a token (from #token=... or the Token field) or through the
// centre's provider, keeps the WebSocket open, and turns the server's frames into offers and
// contacts on the page.

import {AgentLink} from './link.js';
import {chime, unlockSound} from './chime.js';
import {Contacts} from './contacts.js';
import {Offers} from './offers.js';
import {customerName} from './people.js';
import {begin, keepFresh, provider, resume} from '../signin.js';

const TOKEN_KEY = 'welcomer.agent-token';
const SOUND_KEY = 'welcomer.sound';
const CHIME_EVERY_MS = 4000;
const TITLE = document.title;

const $ = id => document.getElementById(id);
let link = null;
let lastChime = 0;
let stopRefresh = null;

const offers = new Offers($('offers'), $('no-offers'), {
  accept: contactId => answer('accept', contactId),
  reject: contactId => answer('reject', contactId),
  changed: () => badge(),
});
const contacts = new Contacts($('contacts'), $('no-contacts'), frame => send(frame));

function answer(type, contactId) {
  const offer = offers.get(contactId);
  if (!offer || offer.answered || !send({type, contactId})) {
    return;
  }
  if (type === 'accept') {
    // The contact moves to Contacts when the server says "connected", not before.
    offers.accepting(contactId);
  } else {
    offers.remove(contactId);
  }
}

function send(frame) {
  if (link && link.send(frame)) {
    return true;
  }
  log('Not connected: that did not reach the server.');
  return false;
}

function onFrame(frame) {
  switch (frame.type) {
    case 'hello':
      banner(null);
      offers.clear();
      contacts.reset(frame.contacts || []);
      showPresence({presence: frame.presence});
      break;
    case 'presence':
      showPresence(frame);
      break;
    case 'offer':
      offers.add(frame);
      log(`Offer: ${customerName(frame.customer)}`);
      ring(true);
      break;
    case 'offer-revoked': {
      const said = offers.revoked(frame);
      if (said) {
        log(said);
      }
      break;
    }
    case 'connected': {
      const offer = offers.remove(frame.contactId);
      contacts.show({...(offer ? offer.frame : {}), contactId: frame.contactId, callbackNumber: frame.callbackNumber,
        state: 'CONNECTED'});
      break;
    }
    case 'completed':
      contacts.completed(frame.contactId);
      if (frame.code) {
        log(`A contact was completed by the server: ${frame.code}.`);
      }
      break;
    case 'customer-left':
      contacts.customerLeft(frame.contactId);
      log('A customer left; their contact waits for your outcome.');
      break;
    case 'transfer-status':
      contacts.transferStatus(frame);
      break;
    case 'error':
      problem(`The server refused that: ${frame.message} (${frame.code})`);
      contacts.refused(frame.message);
      break;
    default:
      break;
  }
}

function showPresence(frame) {
  const words = {AVAILABLE: 'Available', AWAY: 'Away', BUSY: 'Busy', OFFLINE: 'Offline'};
  let text = `You are ${words[frame.presence] || frame.presence}`;
  if (frame.reason) {
    text += ` (${frame.reason})`;
  }
  if (frame.next) {
    text += `, then ${(words[frame.next] || frame.next).toLowerCase()} when your contacts end`;
  }
  if (frame.by) {
    text += `, set by ${frame.by}`;
  }
  $('status').textContent = text;
}

function log(text) {
  const line = document.createElement('li');
  const at = new Date().toLocaleTimeString([], {hour: '2-digit', minute: '2-digit', second: '2-digit'});
  line.textContent = `${at} ${text}`;
  $('activity').prepend(line);
  while ($('activity').childElementCount > 50) {
    $('activity').lastElementChild.remove();
  }
}

function problem(text) {
  log(text);
  banner(text, 'problem');
}

function banner(text, kind = 'down') {
  const element = $('banner');
  element.hidden = !text;
  element.textContent = text || '';
  element.className = `banner ${kind}`;
}

function badge() {
  document.title = offers.waiting ? `(${offers.waiting}) Offer waiting · ${TITLE}` : TITLE;
}

/** The chime repeats while an offer waits, unless sound is off. */
function ring(now) {
  if (!offers.waiting || !$('sound').checked) {
    return;
  }
  if (now || Date.now() - lastChime >= CHIME_EVERY_MS) {
    lastChime = Date.now();
    chime();
  }
}

/** Signs in with an agent token, or a provider's access token ({@code session}, then kept fresh on the socket). */
function signIn(token, session) {
  sessionStorage.setItem(TOKEN_KEY, token);
  $('sign-in').hidden = true;
  $('desk').hidden = false;
  $('presence-controls').hidden = false;
  $('status').textContent = 'Connecting…';
  link = new AgentLink(token, {
    frame: onFrame,
    up: () => banner(null),
    down: retryMs => {
      banner(`Disconnected. Reconnecting in ${Math.ceil(retryMs / 1000)} s; what you see may be out of date.`);
      $('status').textContent = 'Disconnected';
    },
    signedOut: reason => signOut(`You were ${reason}. Sign in again when you are ready.`),
    refused: () => signOut(session ? 'Your sign-in was not accepted for the console, or has ended. Sign in again.'
        : 'The server did not accept this token. Ask your admin for a new one.'),
  });
  link.start();
  if (session) {
    stopRefresh = keepFresh(session, renewed => {
      sessionStorage.setItem(TOKEN_KEY, renewed);
      link.renew(renewed);
    });
  }
}

function signOut(reason) {
  if (link) {
    link.stop();
    link = null;
  }
  if (stopRefresh) {
    stopRefresh();
    stopRefresh = null;
  }
  sessionStorage.removeItem(TOKEN_KEY);
  offers.clear();
  contacts.reset([]);
  banner(null);
  $('desk').hidden = true;
  $('presence-controls').hidden = true;
  $('sign-in').hidden = false;
  $('status').textContent = 'Signed out';
  $('sign-in-error').textContent = reason || '';
  $('token').focus();
  offerProvider();
}

/** Shows the provider's sign-in beside the Token field when the centre connected one. */
async function offerProvider() {
  const config = await provider();
  $('provider-sign-in').hidden = !config || link !== null;
  $('provider-sign-in').onclick = config ? () => begin(config) : null;
}

function wire() {
  $('sign-in').addEventListener('submit', event => {
    event.preventDefault();
    const token = $('token').value.trim();
    $('token').value = '';
    if (token) {
      unlockSound();
      signIn(token);
    }
  });
  $('available').addEventListener('click', () => send({type: 'available'}));
  $('away').addEventListener('click', () => {
    const frame = {type: 'away', reason: $('away-reason').value};
    if ($('after-current').checked) {
      frame.afterCurrent = true;
    }
    send(frame);
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('sound').checked = localStorage.getItem(SOUND_KEY) !== 'off';
  $('sound').addEventListener('change', () => localStorage.setItem(SOUND_KEY, $('sound').checked ? 'on' : 'off'));
  document.addEventListener('click', unlockSound, {once: true});
  document.addEventListener('keydown', shortcut);
  setInterval(() => {
    offers.tick();
    contacts.tick();
    ring(false);
  }, 250);
}

function shortcut(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || !link) {
    return;
  }
  const target = event.target;
  if (target.closest('input:not([type=radio]):not([type=checkbox]), textarea, select, [contenteditable]')) {
    return;
  }
  const key = event.key.toLowerCase();
  const oldest = offers.oldestUnanswered();
  if (key === 'a' && oldest) {
    answer('accept', oldest.frame.contactId);
  } else if (key === 'r' && oldest) {
    answer('reject', oldest.frame.contactId);
  } else if (key === 'o') {
    contacts.focusOutcome();
  } else {
    return;
  }
  event.preventDefault();
}

wire();
resume('token', TOKEN_KEY, signIn, signOut);
