// The supervisor's floor: one long-lived stream (Server-Sent Events read through fetch, so the
// supervisor's or admin's key, or the access token of a sign-in through the centre's provider,
// travels in the Authorization header, never in a URL), redrawn on every picture.
// The clock only re-labels waits between pictures; nothing polls the server.

import {clock} from '../agent/people.js';
import {move, setAway, signOut as signAgentOut} from './actions.js';
import {begin, keepFresh, provider, resume} from '../signin.js';

const KEY = 'welcomer.floor-key';
const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 15000;

const $ = id => document.getElementById(id);
let floor = null;
let stream = null;
let failures = 0;
let retryTimer = null;
let credential = null;
let stopRefresh = null;

async function watch() {
  const controller = new AbortController();
  stream = controller;
  let response;
  try {
    response = await fetch('/v1/floor/events', {
      headers: {Authorization: `Bearer ${credential}`, Accept: 'text/event-stream'},
      signal: controller.signal,
      cache: 'no-store',
    });
  } catch {
    return retry(controller);
  }
  if (response.status === 401 || response.status === 403) {
    return signOut(stopRefresh ? 'Your sign-in has ended, or does not reach the floor. Sign in again.'
        : 'The server did not accept this key for the floor.');
  }
  if (!response.ok) {
    return retry(controller);
  }
  failures = 0;
  $('banner').hidden = true;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const {value, done} = await reader.read();
      if (done) {
        break;
      }
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        received(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch {
    // The stream broke; fall through to the retry.
  }
  retry(controller);
}

function received(block) {
  const data = block.split('\n').filter(line => line.startsWith('data:')).map(line => line.slice(5).trimStart()).join('\n');
  if (!data) {
    return; // a heartbeat
  }
  const picture = JSON.parse(data);
  if (floor && picture.version <= floor.version) {
    return;
  }
  floor = {...picture, receivedAt: Date.now()};
  draw();
}

function retry(controller) {
  if (stream !== controller) {
    return; // signed out meanwhile
  }
  const delay = Math.round(FIRST_RETRY_MS / 2 + Math.random() * Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** failures));
  failures++;
  $('banner').hidden = false;
  $('banner').textContent = `Disconnected. Reconnecting in ${Math.ceil(delay / 1000)} s; the figures may be out of date.`;
  retryTimer = setTimeout(watch, delay);
}

/** Seconds since an instant of the server's, measured on the server's clock as of the picture. */
function secondsSince(iso) {
  const serverNow = Date.parse(floor.at) + (Date.now() - floor.receivedAt);
  return (serverNow - Date.parse(iso)) / 1000;
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  return td;
}

/** When a line opens or closes next, in its own time zone: "Tue, 08:00 GMT". */
function change(iso, zone) {
  return new Intl.DateTimeFormat('en-GB', {weekday: 'short', hour: '2-digit', minute: '2-digit',
    timeZone: zone || undefined, timeZoneName: 'short'}).format(new Date(iso));
}

function hours(line) {
  if (line.open) {
    return line.closesAt ? `Open until ${change(line.closesAt, line.timeZone)}` : 'Open';
  }
  return line.opensAt ? `Closed, opens ${change(line.opensAt, line.timeZone)}` : 'Closed';
}

/** A cell of buttons, each with its label, a key that finds it again after a redraw, and its action. */
function actions(buttons) {
  const td = document.createElement('td');
  td.className = 'actions';
  for (const [label, key, act] of buttons) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'quiet';
    button.textContent = label;
    button.dataset.act = key;
    button.addEventListener('click', act);
    td.append(button);
  }
  return td;
}

function draw() {
  if (!floor) {
    return;
  }
  const configured = floor.configuredLines.map(line => {
    const row = document.createElement('tr');
    const header = document.createElement('th');
    header.scope = 'row';
    header.textContent = line.name && line.name !== line.id ? `${line.name} (${line.id})` : line.id;
    row.append(header, cell(hours(line), line.open ? 'line-open' : 'line-closed'), cell(String(line.waiting), 'number'),
        cell(line.oldestArrival ? clock(secondsSince(line.oldestArrival)) : '', 'number'),
        cell(String(line.agentsSignedIn), 'number'),
        cell(line.serviceLevelToday == null ? '' : `${Math.round(line.serviceLevelToday * 100)}%`, 'number'));
    return row;
  });
  $('configured').replaceChildren(...configured);
  $('no-configured').hidden = configured.length > 0;

  const lines = floor.lines.map(line => {
    const row = document.createElement('tr');
    const queue = line.skills.length ? `${line.channel}: ${line.skills.join(', ')}` : line.channel;
    const name = line.line ? `${line.line} ${queue}` : queue;
    const header = document.createElement('th');
    header.scope = 'row';
    header.textContent = name;
    row.append(header, cell(String(line.waiting), 'number'), cell(clock(secondsSince(line.oldestArrival)), 'number'),
        cell(String(line.callbacksWaiting), 'number'));
    return row;
  });
  $('lines').replaceChildren(...lines);
  $('no-lines').hidden = lines.length > 0;

  const focused = document.activeElement && document.activeElement.dataset.act;
  const waiting = floor.waiting.map(contact => {
    const row = document.createElement('tr');
    const header = document.createElement('th');
    header.scope = 'row';
    header.textContent = contact.callback ? `${contact.contactId} (callback)` : contact.contactId;
    row.append(header, cell(contact.channel), cell(contact.line || ''), cell(String(contact.priority), 'number'),
        cell(clock(secondsSince(contact.arrivedAt)), 'number'), cell(contact.waitingFor || 'anyone'),
        actions([['Move', `move:${contact.contactId}`,
          () => move(() => credential, contact, floor.agents, floor.configuredLines)]]));
    return row;
  });
  $('waiting').replaceChildren(...waiting);
  $('no-waiting').hidden = waiting.length > 0;

  $('agents').replaceChildren(...floor.agents.map(agent => {
    const row = document.createElement('tr');
    const header = document.createElement('th');
    header.scope = 'row';
    header.textContent = agent.name && agent.name !== agent.id ? `${agent.name} (${agent.id})` : agent.id;
    const held = agent.contacts.map(c => (c.state === 'CONNECTED' ? c.contactId : `${c.contactId} (${c.state.toLowerCase()})`));
    const signedIn = agent.presence !== 'OFFLINE';
    row.append(header, cell(agent.presence.toLowerCase(), `presence-${agent.presence}`), cell(agent.reason || ''),
        cell(held.length ? held.join(', ') : 'none'), cell(agent.since ? clock(secondsSince(agent.since)) : '', 'number'),
        actions(signedIn ? [
          ['Set away', `away:${agent.id}`, () => setAway(() => credential, agent, floor.awayReasons)],
          ['Sign out', `sign-out:${agent.id}`, () => signAgentOut(() => credential, agent)],
        ] : []));
    return row;
  }));
  // A redraw replaces the buttons: the one that had the focus keeps it.
  const again = focused && document.querySelector(`[data-act="${CSS.escape(focused)}"]`);
  if (again) {
    again.focus();
  }
  const waitingCount = floor.lines.reduce((sum, line) => sum + line.waiting, 0);
  $('status').textContent = `Live: ${waitingCount} waiting, ${floor.agents.filter(a => a.presence !== 'OFFLINE').length} agents signed in`;
}

/** Signs in with a key, or a provider's access token ({@code session}, then kept fresh). */
function signIn(key, session) {
  sessionStorage.setItem(KEY, key);
  credential = key;
  if (session) {
    stopRefresh = keepFresh(session, renewed => {
      sessionStorage.setItem(KEY, renewed);
      credential = renewed;
    });
  }
  $('sign-in').hidden = true;
  $('view').hidden = false;
  $('sign-out').hidden = false;
  $('status').textContent = 'Connecting…';
  watch();
}

function signOut(reason) {
  if (stream) {
    stream.abort();
    stream = null;
  }
  clearTimeout(retryTimer);
  if (stopRefresh) {
    stopRefresh();
    stopRefresh = null;
  }
  sessionStorage.removeItem(KEY);
  credential = null;
  floor = null;
  $('view').hidden = true;
  $('sign-out').hidden = true;
  $('banner').hidden = true;
  $('sign-in').hidden = false;
  $('status').textContent = 'Signed out';
  $('sign-in-error').textContent = reason || '';
  provider().then(config => {
    $('provider-sign-in').hidden = !config || credential !== null;
    $('provider-sign-in').onclick = config ? () => begin(config) : null;
  });
}

$('sign-in').addEventListener('submit', event => {
  event.preventDefault();
  const key = $('key').value.trim();
  $('key').value = '';
  if (key) {
    signIn(key);
  }
});
$('sign-out').addEventListener('click', () => signOut());
setInterval(draw, 1000);

resume('key', KEY, signIn, signOut);
