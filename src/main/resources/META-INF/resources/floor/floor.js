// The supervisor's floor: one long-lived stream (Server-Sent Events read through fetch, so the
// supervisor's or admin's key travels in the Authorization header, never in a URL), redrawn on
// every picture.
// The clock only re-labels waits between pictures; nothing polls the server.

import {clock} from '../agent/people.js';

const KEY = 'welcomer.floor-key';
const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 15000;

const $ = id => document.getElementById(id);
let floor = null;
let stream = null;
let failures = 0;
let retryTimer = null;

async function watch(key) {
  const controller = new AbortController();
  stream = controller;
  let response;
  try {
    response = await fetch('/v1/floor/events', {
      headers: {Authorization: `Bearer ${key}`, Accept: 'text/event-stream'},
      signal: controller.signal,
      cache: 'no-store',
    });
  } catch {
    return retry(key, controller);
  }
  if (response.status === 401 || response.status === 403) {
    return signOut('The server did not accept this key for the floor.');
  }
  if (!response.ok) {
    return retry(key, controller);
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
  retry(key, controller);
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

function retry(key, controller) {
  if (stream !== controller) {
    return; // signed out meanwhile
  }
  const delay = Math.round(FIRST_RETRY_MS / 2 + Math.random() * Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** failures));
  failures++;
  $('banner').hidden = false;
  $('banner').textContent = `Disconnected. Reconnecting in ${Math.ceil(delay / 1000)} s; the figures may be out of date.`;
  retryTimer = setTimeout(() => watch(key), delay);
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

  $('agents').replaceChildren(...floor.agents.map(agent => {
    const row = document.createElement('tr');
    const header = document.createElement('th');
    header.scope = 'row';
    header.textContent = agent.name && agent.name !== agent.id ? `${agent.name} (${agent.id})` : agent.id;
    const held = agent.contacts.map(c => (c.state === 'CONNECTED' ? c.contactId : `${c.contactId} (${c.state.toLowerCase()})`));
    row.append(header, cell(agent.presence.toLowerCase(), `presence-${agent.presence}`), cell(agent.reason || ''),
        cell(held.length ? held.join(', ') : 'none'), cell(agent.since ? clock(secondsSince(agent.since)) : '', 'number'));
    return row;
  }));
  const waiting = floor.lines.reduce((sum, line) => sum + line.waiting, 0);
  $('status').textContent = `Live: ${waiting} waiting, ${floor.agents.filter(a => a.presence !== 'OFFLINE').length} agents signed in`;
}

function signIn(key) {
  sessionStorage.setItem(KEY, key);
  $('sign-in').hidden = true;
  $('view').hidden = false;
  $('sign-out').hidden = false;
  $('status').textContent = 'Connecting…';
  watch(key);
}

function signOut(reason) {
  if (stream) {
    stream.abort();
    stream = null;
  }
  clearTimeout(retryTimer);
  sessionStorage.removeItem(KEY);
  floor = null;
  $('view').hidden = true;
  $('sign-out').hidden = true;
  $('banner').hidden = true;
  $('sign-in').hidden = false;
  $('status').textContent = 'Signed out';
  $('sign-in-error').textContent = reason || '';
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

const fragment = new URLSearchParams(location.hash.slice(1));
const given = fragment.get('key');
if (given) {
  history.replaceState(null, '', location.pathname + location.search);
}
const key = given || sessionStorage.getItem(KEY);
if (key) {
  signIn(key);
} else {
  signOut();
}
