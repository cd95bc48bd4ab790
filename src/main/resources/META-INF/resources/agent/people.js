// How a customer and their story read on the page: by name, with their language and history.

const CHANNELS = {voice: 'Voice call', video: 'Video call', chat: 'Chat', email: 'Email'};
const REVOKED = {
  timeout: 'not answered in time',
  abandoned: 'the customer left',
  rejected: 'rejected',
  'agent-gone': 'you went offline',
  'transfer-cancelled': 'the transfer was cancelled',
  moved: 'a supervisor moved it',
};

export function customerName(customer) {
  if (customer && customer.name) {
    return customer.name;
  }
  return customer && customer.id ? `Customer ${customer.id}` : 'A customer';
}

export function describe(contact) {
  const parts = [CHANNELS[contact.channel] || contact.channel];
  if (contact.line) {
    parts.push(`line ${contact.line}`);
  }
  if (contact.customer && contact.customer.language) {
    parts.push(`speaks ${contact.customer.language}`);
  }
  if (contact.topic) {
    parts.push(`about ${contact.topic}`);
  }
  if (contact.mode === 'CALLBACK') {
    parts.push('callback');
  } else if (contact.mode === 'FOLLOW_UP') {
    parts.push('follow-up you promised');
  }
  return parts.join(' · ');
}

export function revokedReason(reason) {
  return REVOKED[reason] || reason;
}

export function when(iso) {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : at.toLocaleString([], {dateStyle: 'medium', timeStyle: 'short'});
}

/** One earlier contact: when, who served them, how it ended, how they felt. */
export function historyLine(item) {
  const parts = [when(item.at)];
  parts.push(item.agentId ? `served by ${item.agentId}` : 'not served');
  if (item.resolved === true) {
    parts.push('resolved');
  } else if (item.resolved === false) {
    parts.push('not resolved');
  }
  if (item.csat !== null && item.csat !== undefined) {
    parts.push(`CSAT ${item.csat}/5`);
  }
  return parts.join(' · ');
}

/** mm:ss, or h:mm:ss past the hour. */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(hours ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hours ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Fills a description list from the contact's context, one row per top-level field. */
export function fillContext(list, context) {
  list.replaceChildren();
  if (!context || typeof context !== 'object') {
    list.hidden = true;
    return;
  }
  for (const [key, value] of Object.entries(context)) {
    const term = document.createElement('dt');
    term.textContent = key;
    const detail = document.createElement('dd');
    detail.textContent = typeof value === 'string' ? value : JSON.stringify(value);
    list.append(term, detail);
  }
  list.hidden = list.childElementCount === 0;
}
