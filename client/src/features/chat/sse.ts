/** One server-sent event: its name (`message` when the server gave none) and its data lines joined by newlines. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Reads a `text/event-stream` body as the HTML standard defines it: events end at a blank line, `data:` lines join
 * with newlines, a line starting with `:` is a comment, CR, LF and CRLF all end a line. Chunks may split a line, an
 * event or a multi-byte character anywhere; nothing is yielded until its event is complete. An event left unfinished
 * when the stream ends is dropped, as a browser's EventSource drops it.
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new ServerSentEventParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    yield* parser.push(decoder.decode());
  } finally {
    reader.releaseLock();
  }
}

/** The line-by-line state machine behind {@link readServerSentEvents}, fed decoded text in any pieces. */
export class ServerSentEventParser {
  private buffer = '';
  // A chunk that ends in CR may be followed by the LF of the same line ending.
  private skipLeadingLf = false;
  private event = '';
  private data: string[] = [];
  private id: string | undefined;

  *push(text: string): Generator<ServerSentEvent> {
    let chunk = text;
    if (this.skipLeadingLf && chunk.startsWith('\n')) chunk = chunk.slice(1);
    if (chunk.length > 0) this.skipLeadingLf = false;
    this.buffer += chunk;

    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      const line = this.buffer.slice(start, i);
      if (c === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.skipLeadingLf = true;
        }
      }
      start = i + 1;
      const dispatched = this.line(line);
      if (dispatched) yield dispatched;
    }
    this.buffer = this.buffer.slice(start);
  }

  private line(line: string): ServerSentEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.event = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.id = value;
        break;
      default:
        // `retry` and unknown fields mean nothing to a fetch-based reader.
        break;
    }
    return null;
  }

  private dispatch(): ServerSentEvent | null {
    const event = this.event || 'message';
    const hasData = this.data.length > 0;
    const result: ServerSentEvent = { event, data: this.data.join('\n'), ...(this.id !== undefined ? { id: this.id } : {}) };
    this.event = '';
    this.data = [];
    return hasData ? result : null;
  }
}
