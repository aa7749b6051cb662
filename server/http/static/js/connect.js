// The heapsim.v1 API over the Connect protocol with JSON, as heapd serves
// it beside gRPC: unary calls take and return application/json; server
// streams take one enveloped request and answer with envelopes (a flags
// byte, a 4-byte big-endian length, the JSON), the last flagged 0x02.

const SERVICE = '/heapsim.v1.HeapService/';

// A Connect error: `code` is Connect's ("not_found", ...), `message` the
// server's (for Python-level errors CPython's error line).
export class ConnectError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

function headersFor(session, contentType) {
  const headers = { 'Content-Type': contentType };
  if (session) {
    headers['x-heapsim-session'] = session.name;
    headers['x-heapsim-token'] = session.token;
  }
  return headers;
}

// Calls the unary `method` with `request`; resolves to the response object.
// `session` ({name, token}) is sent in the session headers when given.
export async function unary(method, request, session = null) {
  const response = await fetch(SERVICE + method, {
    method: 'POST',
    headers: headersFor(session, 'application/json'),
    body: JSON.stringify(request),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ConnectError(body.code || 'unknown', body.message || response.statusText);
  }
  return body;
}

function envelope(message) {
  const json = new TextEncoder().encode(JSON.stringify(message));
  const bytes = new Uint8Array(5 + json.length);
  new DataView(bytes.buffer).setUint32(1, json.length);
  bytes.set(json, 5);
  return bytes;
}

// Calls the server-streaming `method`; `onMessage(message)` receives each
// message in order. Resolves when the stream ends well, rejects with a
// ConnectError when its end carries an error. `signal` aborts the call.
export async function stream(method, request, onMessage, { session = null, signal } = {}) {
  const response = await fetch(SERVICE + method, {
    method: 'POST',
    headers: headersFor(session, 'application/connect+json'),
    body: envelope(request),
    signal,
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new ConnectError(body.code || 'unknown', body.message || response.statusText);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = new Uint8Array(0);
  for (;;) {
    const { value, done } = await reader.read();
    if (value) {
      const joined = new Uint8Array(buffer.length + value.length);
      joined.set(buffer);
      joined.set(value, buffer.length);
      buffer = joined;
    }
    let at = 0;
    while (buffer.length - at >= 5) {
      const view = new DataView(buffer.buffer, buffer.byteOffset + at);
      const flags = view.getUint8(0);
      const length = view.getUint32(1);
      if (buffer.length - at - 5 < length) break;
      const message = JSON.parse(decoder.decode(buffer.subarray(at + 5, at + 5 + length)));
      at += 5 + length;
      if (flags & 0x02) {
        if (message.error) throw new ConnectError(message.error.code, message.error.message);
        return;
      }
      onMessage(message);
    }
    buffer = buffer.slice(at);
    if (done) throw new ConnectError('unknown', 'the stream ended without its end message');
  }
}
