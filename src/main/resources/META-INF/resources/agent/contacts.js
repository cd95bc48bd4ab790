// The contacts the agent holds: touch-time timers, notes, and the end, outcome, transfer and
// follow-up forms. Notes live in sessionStorage, so a reload or a reconnect keeps them.

import {clock, customerName, describe} from './people.js';

const TRANSFER_STATUS = {
  offered: 'Transfer offered, waiting for the other side',
  accepted: 'Transfer accepted',
  rejected: 'Transfer rejected: the contact stays with you',
  timeout: 'Transfer not answered in time: the contact stays with you',
  cancelled: 'Transfer cancelled: the contact stays with you',
  'target-gone': 'Your colleague signed out before answering: the contact stays with you',
  'customer-left': 'The customer left before your colleague answered',
};

export class Contacts {
  constructor(list, empty, send) {
    this.list = list;
    this.empty = empty;
    this.send = send; // answers false when the link is down
    this.contacts = new Map();
  }

  get(contactId) {
    return this.contacts.get(contactId);
  }

  newest() {
    return [...this.contacts.values()].at(-1);
  }

  /** What hello says the agent holds: exactly these, nothing stale. */
  reset(held) {
    const keep = new Set(held.map(contact => contact.contactId));
    for (const id of [...this.contacts.keys()]) {
      if (!keep.has(id)) {
        this.remove(id);
      }
    }
    for (const contact of held) {
      // Still held after a reconnect: whatever waited for an answer was not done; it may be sent again.
      this.settle(this.show(contact), '');
    }
  }

  settle(entry, said) {
    if (entry.waiting) {
      entry.waiting.textContent = said;
      entry.waiting = null;
      entry.card.querySelectorAll('form button[type=submit]').forEach(button => { button.disabled = false; });
    }
  }

  /** Adds or refreshes a contact: {contactId, channel, mode, customer, topic, connectedAt?, callbackNumber?}. */
  show(contact) {
    let entry = this.contacts.get(contact.contactId);
    if (!entry) {
      entry = {contact, card: this.card(contact), since: Date.parse(contact.connectedAt) || Date.now()};
      this.contacts.set(contact.contactId, entry);
      this.list.append(entry.card);
    }
    entry.contact = {...entry.contact, ...contact};
    entry.state = contact.state || 'CONNECTED';
    if (contact.callbackNumber) {
      const callback = entry.card.querySelector('.callback');
      callback.hidden = false;
      callback.textContent = `Call the customer back on ${contact.callbackNumber}`;
    }
    this.paint(entry);
    this.tick();
    this.empty.hidden = this.contacts.size > 0;
    return entry;
  }

  remove(contactId) {
    const entry = this.contacts.get(contactId);
    if (entry) {
      entry.card.remove();
      this.contacts.delete(contactId);
      sessionStorage.removeItem(notesKey(contactId));
    }
    this.empty.hidden = this.contacts.size > 0;
  }

  customerLeft(contactId) {
    const entry = this.contacts.get(contactId);
    if (entry) {
      const left = entry.card.querySelector('.left');
      left.hidden = false;
      left.textContent = 'The customer left. Complete the contact when your notes are done.';
    }
  }

  transferStatus(frame) {
    const entry = this.contacts.get(frame.contactId);
    if (!entry) {
      return;
    }
    this.settle(entry, '');
    entry.card.querySelector('.transfer-status').textContent = TRANSFER_STATUS[frame.status] || frame.status;
    entry.card.querySelector('.cancel-transfer').hidden = frame.status !== 'offered';
    if (frame.status === 'accepted') {
      this.remove(frame.contactId);
    }
  }

  /** Its complete is stored: the contact and its notes go. */
  completed(contactId) {
    this.remove(contactId);
  }

  /**
   * The server refused a frame (an error frame names no contact): a complete or a cold transfer
   * waiting for its answer was not done, so its contact stays, with what was said.
   */
  refused(message) {
    for (const entry of this.contacts.values()) {
      this.settle(entry, `Not done, the contact is still yours: ${message}`);
    }
  }

  /** A frame whose answer keeps or removes the contact: until then the card stays, its form disabled. */
  awaiting(id, form, where, said) {
    const entry = this.contacts.get(id);
    entry.waiting = where;
    where.textContent = said;
    form.querySelector('button[type=submit]').disabled = true;
  }

  /** Moves focus to the outcome form of the newest contact (the "O" shortcut). */
  focusOutcome() {
    const entry = this.newest();
    if (entry) {
      const first = entry.card.querySelector('.outcome input[type=radio]');
      first.scrollIntoView({block: 'center'});
      first.focus();
    }
  }

  tick() {
    const now = Date.now();
    for (const entry of this.contacts.values()) {
      const seconds = (entry.stoppedAt ?? now) - entry.since;
      const label = entry.state === 'WRAPPING' ? 'Touch time (ended)' : 'Touch time';
      entry.card.querySelector('.timer').textContent = `${label} ${clock(seconds / 1000)}`;
    }
  }

  paint(entry) {
    const wrapping = entry.state === 'WRAPPING';
    if (wrapping && entry.stoppedAt === undefined) {
      entry.stoppedAt = Date.now();
    }
    entry.card.querySelector('.end').hidden = wrapping;
    entry.card.querySelector('.meta').textContent = describe(entry.contact) + (wrapping ? ' · wrapping up' : '');
  }

  card(contact) {
    const id = contact.contactId;
    const card = document.getElementById('contact-template').content.firstElementChild.cloneNode(true);
    const who = card.querySelector('.who');
    who.id = `contact-${id}`;
    who.textContent = customerName(contact.customer);
    card.setAttribute('aria-labelledby', who.id);
    // Radio groups must be unique per card.
    card.querySelectorAll('input[type=radio]').forEach(radio => { radio.name = `${radio.name}-${id}`; });

    const notes = card.querySelector('.notes');
    notes.value = sessionStorage.getItem(notesKey(id)) || '';
    notes.addEventListener('input', () => sessionStorage.setItem(notesKey(id), notes.value));

    card.querySelector('.end').addEventListener('click', () => {
      if (this.send({type: 'end', contactId: id})) {
        const entry = this.contacts.get(id);
        entry.state = 'WRAPPING';
        this.paint(entry);
        this.tick();
      }
    });
    this.outcomeForm(card, id, notes);
    this.transferForm(card, id, notes);
    this.followUpForm(card, id);
    return card;
  }

  outcomeForm(card, id, notes) {
    const form = card.querySelector('.outcome');
    const problem = form.querySelector('.problem');
    form.addEventListener('submit', event => {
      event.preventDefault();
      const chosen = form.querySelector('input[type=radio]:checked');
      if (!chosen) {
        problem.textContent = 'Say whether it was resolved: Yes or No.';
        form.querySelector('input[type=radio]').focus();
        return;
      }
      const outcome = {resolved: chosen.value === 'yes'};
      const code = form.elements.code.value.trim();
      if (code) {
        outcome.code = code;
      }
      if (notes.value.trim()) {
        outcome.notes = notes.value.trim();
      }
      if (this.send({type: 'complete', contactId: id, outcome})) {
        // Removed once the server says it is completed; on a refusal it stays, notes and all.
        this.awaiting(id, form, problem, 'Completing…');
      } else {
        problem.textContent = 'Not connected: try again once the connection is back.';
      }
    });
  }

  transferForm(card, id, notes) {
    const form = card.querySelector('.transfer');
    const toggle = card.querySelector('.transfer-toggle');
    disclose(toggle, form);
    const problem = form.querySelector('.problem');
    // The target decides the mode: an agent warm, a line cold (the server takes no other pair).
    form.querySelectorAll(`input[name=target-${id}]`).forEach(radio => radio.addEventListener('change', () => {
      const toLine = form.querySelector(`input[name=target-${id}]:checked`).value === 'line';
      form.querySelector('.to-agent').hidden = toLine;
      form.querySelectorAll('.to-line').forEach(label => { label.hidden = !toLine; });
    }));
    form.addEventListener('submit', event => {
      event.preventDefault();
      problem.textContent = '';
      const toLine = form.querySelector(`input[name=target-${id}]:checked`).value === 'line';
      let to;
      if (toLine) {
        const skills = parseSkills(form.elements.skills.value);
        if (skills === null) {
          problem.textContent = 'Skills: write names, each with an optional level 1-5, e.g. "billing:3, refunds".';
          return;
        }
        to = {skills};
        if (form.elements.language.value.trim()) {
          to.language = form.elements.language.value.trim();
        }
      } else {
        const agentId = form.elements.agentId.value.trim();
        if (!agentId) {
          problem.textContent = 'Agent id: say who should take the contact.';
          form.elements.agentId.focus();
          return;
        }
        to = {agentId};
      }
      const mode = toLine ? 'cold' : 'warm';
      const note = form.elements.note.value.trim() || notes.value.trim();
      const frame = {type: 'transfer', contactId: id, mode, to};
      if (note) {
        frame.note = note;
      }
      if (this.send(frame)) {
        form.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
        // A cold transfer's contact leaves once the server says it is done (transfer-status accepted).
        this.awaiting(id, form, card.querySelector('.transfer-status'), `Transfer requested (${mode})`);
      } else {
        problem.textContent = 'Not connected: try again once the connection is back.';
      }
    });
    card.querySelector('.cancel-transfer').addEventListener('click', () => {
      this.send({type: 'cancel-transfer', contactId: id});
    });
  }

  followUpForm(card, id) {
    const form = card.querySelector('.follow-up');
    disclose(card.querySelector('.follow-up-toggle'), form);
    const problem = form.querySelector('.problem');
    form.addEventListener('submit', event => {
      event.preventDefault();
      const at = new Date(form.elements.at.value);
      if (Number.isNaN(at.getTime()) || at.getTime() <= Date.now()) {
        problem.textContent = 'Date and time: choose a moment in the future.';
        form.elements.at.focus();
        return;
      }
      const frame = {type: 'follow-up', contactId: id, at: at.toISOString()};
      if (form.elements.number.value.trim()) {
        frame.number = form.elements.number.value.trim();
      }
      if (form.elements.note.value.trim()) {
        frame.note = form.elements.note.value.trim();
      }
      if (this.send(frame)) {
        problem.textContent = '';
        card.querySelector('.transfer-status').textContent = `Follow-up scheduled for ${at.toLocaleString()}`;
        form.hidden = true;
      } else {
        problem.textContent = 'Not connected: try again once the connection is back.';
      }
    });
  }
}

function disclose(toggle, form) {
  toggle.addEventListener('click', () => {
    form.hidden = !form.hidden;
    toggle.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) {
      form.querySelector('input:not([type=radio]), input[type=radio]:checked')?.focus();
    }
  });
}

/** "billing:3, refunds" to {billing: 3, refunds: 1}; null when it does not read. */
export function parseSkills(text) {
  const skills = {};
  for (const part of text.split(',').map(p => p.trim()).filter(Boolean)) {
    const match = /^([\w.-]+)(?:\s*:\s*([1-5]))?$/.exec(part);
    if (!match) {
      return null;
    }
    skills[match[1]] = Number(match[2] || 1);
  }
  return Object.keys(skills).length ? skills : null;
}

function notesKey(contactId) {
  return `welcomer.notes.${contactId}`;
}
