// Live: attach to an existing session by name and token and follow it.
// WatchStats tells when the session changed; each change is read with
// Inspect (session: true) and handed on as a snapshot shaped like a trace
// step. A slow timer re-reads as well, for changes WatchStats coalesced.

import { stream, unary } from './connect.js';

const POLL_MS = 2000;

export class LiveSession {
  // onSnapshot(step) receives each new picture; onError(error) a failure.
  constructor(session, onSnapshot, onError) {
    this.session = session;
    this.onSnapshot = onSnapshot;
    this.onError = onError;
    this.abort = new AbortController();
    this.reading = false;
    this.again = false;
    this.signature = '';
  }

  start() {
    this.read();
    this.timer = setInterval(() => this.read(), POLL_MS);
    stream('WatchStats', { minIntervalMs: 200 }, () => this.read(),
           { session: this.session, signal: this.abort.signal })
      .catch((error) => { if (!this.abort.signal.aborted) this.onError(error); });
  }

  stop() {
    clearInterval(this.timer);
    this.abort.abort();
  }

  async read() {
    if (this.reading) { this.again = true; return; }
    this.reading = true;
    try {
      do {
        this.again = false;
        const response = await unary('Inspect', { session: true }, this.session);
        const signature = JSON.stringify(response);
        if (signature === this.signature) continue;
        this.signature = signature;
        const objects = new Map();
        for (const object of response.objects || []) objects.set(object.address, object);
        this.onSnapshot({ line: 0, frames: response.frames || [], objects,
                          stats: response.stats || null, events: null, stdout: '',
                          reused: { count: 0, byType: {} }, garbage: new Map() });
      } while (this.again && !this.abort.signal.aborted);
    } catch (error) {
      this.onError(error);
    } finally {
      this.reading = false;
    }
  }
}
