// The agent's WebSocket, kept open: after a drop it reconnects with exponential back-off and
// full jitter, so a floor of consoles does not hammer a restarting server in step.

const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 15000;

export class AgentLink {
  /**
   * @param token the agent token, sent only as the upgrade's access_token (RFC 6750 2.3)
   * @param on {frame(f), up(), down(retryMs), refused(), signedOut(reason)} callbacks
   */
  constructor(token, on) {
    this.token = token;
    this.on = on;
    this.socket = null;
    this.failures = 0;
    this.everOpened = false;
    this.stopped = false;
    this.retryTimer = null;
  }

  start() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = `${scheme}//${location.host}/v1/ws/agent?access_token=${encodeURIComponent(this.token)}`;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.everOpened = true;
      this.failures = 0;
      this.on.up();
    });
    socket.addEventListener('message', event => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      this.on.frame(frame);
    });
    socket.addEventListener('close', event => {
      if (this.socket !== socket || this.stopped) {
        return;
      }
      this.socket = null;
      if (event.code === 1000 && event.reason.startsWith('signed out')) {
        // A supervisor signed the agent out: reconnecting would undo it.
        this.stopped = true;
        this.on.signedOut(event.reason);
        return;
      }
      if (!this.everOpened) {
        // The upgrade was refused before any session: most likely the token is wrong.
        this.stopped = true;
        this.on.refused();
        return;
      }
      const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures);
      const delay = Math.round(FIRST_RETRY_MS / 2 + Math.random() * ceiling);
      this.failures++;
      this.on.down(delay);
      this.retryTimer = setTimeout(() => this.start(), delay);
    });
  }

  get open() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  /**
   * A refreshed sign-in: told to the open session (which would end at the old token's expiry)
   * and used for the next reconnect.
   */
  renew(token) {
    this.token = token;
    this.send({type: 'token', token});
  }

  /** Sends a frame; answers false when the link is down (the caller tells the agent). */
  send(frame) {
    if (!this.open) {
      return false;
    }
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    if (this.socket) {
      this.socket.close(1000, 'signed out');
      this.socket = null;
    }
  }
}
