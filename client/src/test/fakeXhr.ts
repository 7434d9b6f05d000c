import { vi } from 'vitest';

/** A stand-in for XMLHttpRequest: records each request and lets the test report progress and answer it. */
export class FakeXhr extends EventTarget {
  static sent: FakeXhr[] = [];

  readonly upload = new EventTarget();
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  private responseHeaders: Record<string, string> = {};
  aborted = false;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  send(body: FormData) {
    this.body = body;
    FakeXhr.sent.push(this);
  }

  abort() {
    this.aborted = true;
    this.dispatchEvent(new Event('abort'));
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }

  /** The files the request carries, by name. */
  get fileNames(): string[] {
    return (this.body?.getAll('files') ?? []).map((file) => (file as File).name);
  }

  progress(loaded: number, total: number) {
    this.upload.dispatchEvent(new ProgressEvent('progress', { lengthComputable: true, loaded, total }));
  }

  respond(status: number, body: unknown, contentType = 'application/json') {
    this.status = status;
    this.responseText = body === undefined ? '' : JSON.stringify(body);
    this.responseHeaders = { 'content-type': contentType };
    this.dispatchEvent(new Event('load'));
  }

  failConnection() {
    this.dispatchEvent(new Event('error'));
  }
}

export function installFakeXhr() {
  FakeXhr.sent = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
}

/** Waits until the `count`th request has been sent, and returns it. */
export async function nthRequest(count: number): Promise<FakeXhr> {
  await vi.waitFor(() => {
    if (FakeXhr.sent.length < count) throw new Error(`only ${FakeXhr.sent.length} requests sent`);
  });
  return FakeXhr.sent[count - 1]!;
}
