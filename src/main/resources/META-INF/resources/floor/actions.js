// What a supervisor does from the floor: set an agent away, sign it out, move a waiting contact.
// Each action asks in one dialog, is sent once, and its result is shown only as the server
// answers it; the tables change when the floor's stream brings the new picture.

const $ = id => document.getElementById(id);
let pending = null;

/** The dialog for one action: a title, its fields, the confirming button and what to send. */
function ask({title, fields, confirm, send}) {
  $('act-title').textContent = title;
  $('act-fields').replaceChildren(...fields);
  $('act-problem').textContent = '';
  $('act-confirm').textContent = confirm;
  $('act-confirm').disabled = false;
  pending = send;
  $('act').showModal();
}

function field(label, control) {
  const wrap = document.createElement('label');
  wrap.append(label, control);
  return wrap;
}

function select(name, options) {
  const control = document.createElement('select');
  control.name = name;
  for (const [group, entries] of options) {
    const parent = group ? document.createElement('optgroup') : control;
    if (group) {
      parent.label = group;
      control.append(parent);
    }
    for (const [value, text] of entries) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = text;
      parent.append(option);
    }
  }
  return control;
}

function choice(name, value, text, checked) {
  const input = document.createElement('input');
  input.type = 'radio';
  input.name = name;
  input.value = value;
  input.checked = checked;
  const label = document.createElement('label');
  label.className = 'check';
  label.append(input, text);
  return label;
}

function paragraph(text) {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

function nameOf(agent) {
  return agent.name && agent.name !== agent.id ? `${agent.name} (${agent.id})` : agent.id;
}

/** Sends the action; answers the body of a 2xx, or throws the problem's words. */
async function post(credential, method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: {Authorization: `Bearer ${credential()}`, 'Content-Type': 'application/json', Accept: 'application/json'},
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new Error('The server could not be reached; nothing was changed.');
  }
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const fields = (answer.errors || []).map(e => `${e.field} ${e.message}`).join('; ');
    throw new Error(answer.detail || fields || answer.title || `The server answered ${response.status}.`);
  }
  return answer;
}

export function setAway(credential, agent, reasons) {
  const reason = select('reason', [[null, reasons.map(r => [r, r[0].toUpperCase() + r.slice(1)])]]);
  const when = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = 'When';
  when.append(legend, choice('when', 'now', 'Now', true),
      choice('when', 'after', 'After the current contact', agent.contacts.length > 0));
  ask({
    title: `Set ${nameOf(agent)} away`,
    fields: [field('Reason', reason), when],
    confirm: 'Set away',
    send: async () => {
      const afterCurrent = $('act-form').elements.when.value === 'after';
      const body = await post(credential, 'POST', `/v1/agents/${encodeURIComponent(agent.id)}/presence`,
          {presence: 'AWAY', reason: reason.value, afterCurrent});
      const now = body.presence.toLowerCase();
      return body.presence === 'AWAY' ? `${nameOf(body)} is away (${reason.value}).`
          : `${nameOf(body)} is ${now}, and away (${reason.value}) once the current contact ends.`;
    },
  });
}

export function signOut(credential, agent) {
  ask({
    title: `Sign ${nameOf(agent)} out?`,
    fields: [paragraph('The session closes now. Offers go back to the line; connected contacts wait for the agent to '
        + 'reconnect, as after a dropped connection. The profile stays.')],
    confirm: 'Sign out',
    send: async () => {
      const body = await post(credential, 'POST', `/v1/agents/${encodeURIComponent(agent.id)}/sign-out`);
      return `${nameOf(body)} is signed out (${body.presence.toLowerCase()}).`;
    },
  });
}

export function move(credential, contact, agents, lines) {
  const to = select('to', [
    ['Agents', agents.map(a => [`agent:${a.id}`, `${nameOf(a)}, ${a.presence.toLowerCase()}`])],
    ['Lines', lines.map(l => [`line:${l.id}`, l.name && l.name !== l.id ? `${l.name} (${l.id})` : l.id])],
  ]);
  ask({
    title: `Move ${contact.contactId}`,
    fields: [field('To', to), paragraph('The contact keeps its place by arrival.')],
    confirm: 'Move',
    send: async () => {
      const [kind, id] = [to.value.slice(0, to.value.indexOf(':')), to.value.slice(to.value.indexOf(':') + 1)];
      const body = await post(credential, 'POST', `/v1/contacts/${encodeURIComponent(contact.contactId)}/move`,
          {to: kind === 'agent' ? {agentId: id} : {line: id}});
      if (body.state === 'OFFERED') {
        return `${body.id} moved: offered to ${body.agentId}.`;
      }
      return kind === 'agent' ? `${body.id} moved: waiting for ${id} (${body.state.toLowerCase()}).`
          : `${body.id} moved to line ${body.line}: ${body.state.toLowerCase()}, position ${body.position}.`;
    },
  });
}

$('act-form').addEventListener('submit', async event => {
  event.preventDefault();
  if (!pending) {
    return;
  }
  $('act-confirm').disabled = true;
  $('act-problem').textContent = '';
  try {
    const said = await pending();
    pending = null;
    $('act').close();
    $('result').textContent = said;
  } catch (problem) {
    $('act-problem').textContent = problem.message;
    $('act-confirm').disabled = false;
  }
});
$('act-cancel').addEventListener('click', () => {
  pending = null;
  $('act').close();
});
$('act').addEventListener('close', () => {
  pending = null;
});
