// Offers waiting for the agent's answer, oldest first, each with a countdown to its expiry.

import {customerName, describe, fillContext, historyLine, revokedReason} from './people.js';

/** Beyond this gap between the two clocks, the countdown trusts expiresInSeconds instead. */
const SKEW_TOLERANCE_MS = 2000;

export class Offers {
  constructor(list, empty, on) {
    this.list = list;
    this.empty = empty;
    this.on = on; // {accept(id), reject(id), changed()}
    this.offers = new Map();
  }

  oldestUnanswered() {
    return [...this.offers.values()].find(offer => !offer.answered);
  }

  /** Accept was sent: the card waits for the server's word, and stops asking. */
  accepting(contactId) {
    const offer = this.offers.get(contactId);
    offer.answered = true;
    offer.card.querySelectorAll('button').forEach(button => { button.disabled = true; });
    offer.card.querySelector('.countdown').textContent = 'Connecting…';
    this.changed();
  }

  /** Offers still waiting for an answer: what the tab title counts and the chime rings for. */
  get waiting() {
    return [...this.offers.values()].filter(offer => !offer.answered).length;
  }

  get(contactId) {
    return this.offers.get(contactId);
  }

  add(frame) {
    this.remove(frame.contactId);
    const card = document.getElementById('offer-template').content.firstElementChild.cloneNode(true);
    const headingId = `offer-${frame.contactId}`;
    card.setAttribute('aria-labelledby', headingId);
    const who = card.querySelector('.who');
    who.id = headingId;
    who.textContent = customerName(frame.customer);
    if (frame.customer && frame.customer.language) {
      who.lang = frame.customer.language;
    }
    card.querySelector('.meta').textContent = describe(frame);
    if (frame.transfer) {
      const from = card.querySelector('.transfer-from');
      from.hidden = false;
      from.textContent = `${frame.transfer.mode === 'cold' ? 'Cold' : 'Warm'} transfer from ${frame.transfer.from}`
          + (frame.transfer.note ? `: ${frame.transfer.note}` : '');
    }
    if (frame.note) {
      const promise = card.querySelector('.transfer-from');
      promise.hidden = false;
      promise.textContent = `Follow-up you promised: ${frame.note}`;
    }
    fillContext(card.querySelector('.context'), frame.context);
    const history = card.querySelector('.history');
    const earlier = frame.history || [];
    for (const item of earlier) {
      const line = document.createElement('li');
      line.textContent = historyLine(item);
      history.append(line);
    }
    if (earlier.length === 0) {
      const first = document.createElement('li');
      first.textContent = 'First contact with us';
      history.append(first);
    }
    card.querySelector('.accept').addEventListener('click', () => this.on.accept(frame.contactId));
    card.querySelector('.reject').addEventListener('click', () => this.on.reject(frame.contactId));
    const offer = {frame, card, deadline: deadlineOf(frame)};
    this.offers.set(frame.contactId, offer);
    this.list.append(card);
    this.tick();
    this.changed();
  }

  /** Takes the offer off the page; answers it, or undefined if it was not there. */
  remove(contactId) {
    const offer = this.offers.get(contactId);
    if (offer) {
      offer.card.remove();
      this.offers.delete(contactId);
      this.changed();
    }
    return offer;
  }

  revoked(frame) {
    const offer = this.remove(frame.contactId);
    return offer ? `Offer from ${customerName(offer.frame.customer)} withdrawn: ${revokedReason(frame.reason)}` : null;
  }

  clear() {
    for (const id of [...this.offers.keys()]) {
      this.remove(id);
    }
  }

  tick() {
    const now = Date.now();
    for (const offer of this.offers.values()) {
      if (offer.answered) {
        continue;
      }
      const left = Math.max(0, Math.ceil((offer.deadline - now) / 1000));
      offer.card.querySelector('.countdown').textContent = `Answer within ${left} s`;
      offer.card.classList.toggle('urgent', left <= 5);
    }
  }

  changed() {
    this.empty.hidden = this.offers.size > 0;
    this.on.changed();
  }
}

function deadlineOf(frame) {
  const relative = Date.now() + (frame.expiresInSeconds ?? 0) * 1000;
  const absolute = Date.parse(frame.expiresAt);
  if (Number.isNaN(absolute) || Math.abs(absolute - relative) > SKEW_TOLERANCE_MS) {
    return relative;
  }
  return absolute;
}
