// A fake Google Drive for the journeys, speaking the same v3 wire format as tests/TestSupport/FakeGoogleDrive.cs:
// Google's authorisation endpoint (GET /google/o/oauth2/v2/auth consents at once and redirects back with a code; PKCE
// S256 required) and token endpoint (POST /google/token, form-encoded authorization_code with the verifier, and
// refresh_token); GET /drive/v3/about, /drive/v3/files?q='<id>' in parents (paged by pageToken), /drive/v3/files/<id>
// (metadata, or the bytes with alt=media), /drive/v3/files/<id>/export, /drive/v3/changes/startPageToken and
// /drive/v3/changes. Every Drive request needs the bearer token; errors are Drive's {"error":{"errors":[...]}}.
//
// Files are made here, not read from disk: POST /__drive/folder {"name", "word"} makes a folder holding a Google Doc
// (exported as a .docx naming the word), a PDF, a PNG and a 200 MB MP4 whose bytes are generated as they are sent.
// Served from the OAuth fake's process (fakes/oauth.mjs), so the 200 MB stream never slows the journeys' own process.
import { createHash, randomUUID } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

export const driveClientId = 'e2e-drive-client.apps.googleusercontent.com';
export const driveClientSecret = 'e2e-drive-secret';
export const driveAccount = 'brand.team@example.com';
const accessToken = 'ya29.e2e-drive-token';
const refreshToken = '1//e2e-drive-refresh';
const videoSize = 200 * 1024 * 1024;
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The API's settings (environment variables) for Google Drive against this fake at `url`. */
export function driveEnv(url) {
  return {
    GoogleDrive__ApiBaseUrl: url,
    GoogleDrive__AuthorizeUrl: `${url}/google/o/oauth2/v2/auth`,
    GoogleDrive__TokenUrl: `${url}/google/token`,
    GoogleDrive__ClientId: driveClientId,
    GoogleDrive__ClientSecret: driveClientSecret,
  };
}

const files = new Map();
const changes = [];
const codes = new Map();
const stats = { verifiedExchanges: 0, bytesServed: 0 };
let sequence = 100;
let ids = 1000;

function add(name, mimeType, parent, content) {
  const id = `1drv${++ids}x`;
  sequence++;
  files.set(id, { id, name, mimeType, parent, modified: sequence, trashed: false, ...content });
  changes.push({ sequence, id });
  return id;
}

function metadata(file) {
  const node = {
    kind: 'drive#file',
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    parents: [file.parent],
    trashed: file.trashed,
    modifiedTime: new Date(Date.UTC(2026, 10, 2, 8) + file.modified * 1000).toISOString(),
  };
  if (file.size !== undefined) {
    node.size = String(file.size); // Drive writes int64 values as strings.
    node.md5Checksum = `${file.id}-${file.modified}`;
  }
  return node;
}

function error(send, response, status, reason, message) {
  const domain = status === 403 ? 'usageLimits' : 'global';
  send(response, status, { error: { errors: [{ domain, reason, message }], code: status, message } });
}

function readBody(request) {
  return new Promise((resolve) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => resolve(body));
  });
}

/** Answers a request under /google/, /drive/ or /__drive/; false when the path is not Drive's. */
export function answerDrive(request, response, url, send) {
  const path = url.pathname;
  if (path === '/google/o/oauth2/v2/auth') return authorize(response, url, send);
  if (path === '/google/token' && request.method === 'POST') return void token(request, response, send);
  if (path === '/__drive/folder' && request.method === 'POST') return void seed(request, response, send);
  if (path === '/__drive/stats') return send(response, 200, stats);
  if (!path.startsWith('/drive/v3/')) return false;
  if (request.headers.authorization !== `Bearer ${accessToken}`)
    return error(send, response, 401, 'authError', 'Request had invalid authentication credentials.');
  const q = url.searchParams;
  const parts = path.split('/').filter(Boolean).slice(2);
  if (parts[0] === 'about')
    return send(response, 200, { user: { kind: 'drive#user', displayName: 'Brand Team', emailAddress: driveAccount } });
  if (parts[0] === 'changes' && parts[1] === 'startPageToken')
    return send(response, 200, { startPageToken: String(sequence + 1) });
  if (parts[0] === 'changes') {
    const from = Number(q.get('pageToken'));
    const pending = changes.filter((c) => c.sequence >= from);
    return send(response, 200, {
      kind: 'drive#changeList',
      changes: pending.map((c) => ({
        kind: 'drive#change',
        fileId: c.id,
        removed: !files.has(c.id),
        file: files.has(c.id) ? metadata(files.get(c.id)) : undefined,
      })),
      newStartPageToken: String(sequence + 1),
    });
  }
  if (parts[0] !== 'files') return error(send, response, 404, 'notFound', 'Not Found');
  if (parts.length === 1) {
    const parent = /^'([^']+)'/.exec(q.get('q') ?? '')?.[1];
    const all = [...files.values()].filter((f) => f.parent === parent && !f.trashed).sort((a, b) => a.name.localeCompare(b.name));
    const size = Math.min(Number(q.get('pageSize') ?? 100), 3); // small pages, so that paging is exercised
    const offset = Number(q.get('pageToken') ?? 0);
    const body = { kind: 'drive#fileList', files: all.slice(offset, offset + size).map(metadata) };
    if (offset + size < all.length) body.nextPageToken = String(offset + size);
    return send(response, 200, body);
  }
  const file = files.get(parts[1]);
  if (!file) return error(send, response, 404, 'notFound', `File not found: ${parts[1]}.`);
  if (parts[2] === 'export') {
    const bytes = file.exports?.[q.get('mimeType')];
    if (!bytes) return error(send, response, 400, 'badRequest', 'The requested conversion is not supported.');
    stats.bytesServed += bytes.length;
    response.writeHead(200, { 'Content-Type': q.get('mimeType') });
    return response.end(bytes);
  }
  if (q.get('alt') !== 'media') return send(response, 200, metadata(file));
  if (file.exports) return error(send, response, 403, 'fileNotDownloadable', 'Use Export with Docs Editors files.');
  return stream(response, file);
}

function authorize(response, url, send) {
  const q = url.searchParams;
  if (
    q.get('client_id') !== driveClientId ||
    q.get('code_challenge_method') !== 'S256' ||
    (q.get('code_challenge') ?? '').length !== 43
  )
    return send(response, 400, { error: 'invalid_request', error_description: 'client_id and PKCE with S256 are required.' });
  const code = `4/${randomUUID()}`;
  codes.set(code, { challenge: q.get('code_challenge'), redirect: q.get('redirect_uri') });
  const back = new URL(q.get('redirect_uri'));
  back.searchParams.set('code', code);
  back.searchParams.set('state', q.get('state') ?? '');
  back.searchParams.set('scope', q.get('scope') ?? '');
  response.writeHead(302, { Location: back.toString() });
  response.end();
}

async function token(request, response, send) {
  const form = new URLSearchParams(await readBody(request));
  if (form.get('client_id') !== driveClientId || form.get('client_secret') !== driveClientSecret)
    return send(response, 401, { error: 'invalid_client' });
  if (form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === refreshToken)
    return send(response, 200, { access_token: accessToken, expires_in: 3599, token_type: 'Bearer' });
  const issued = codes.get(form.get('code') ?? '');
  codes.delete(form.get('code') ?? '');
  const verifier = createHash('sha256')
    .update(form.get('code_verifier') ?? '', 'ascii')
    .digest('base64url');
  if (
    form.get('grant_type') !== 'authorization_code' ||
    !issued ||
    issued.redirect !== form.get('redirect_uri') ||
    verifier !== issued.challenge
  )
    return send(response, 400, { error: 'invalid_grant', error_description: 'Bad Request' });
  stats.verifiedExchanges++;
  send(response, 200, {
    access_token: accessToken,
    expires_in: 3599,
    refresh_token: refreshToken,
    scope: 'https://www.googleapis.com/auth/drive.readonly',
    token_type: 'Bearer',
  });
}

async function seed(request, response, send) {
  const { name, word } = JSON.parse(await readBody(request));
  const folder = add(name, 'application/vnd.google-apps.folder', 'root', {});
  const doc = add('Tone of voice', 'application/vnd.google-apps.document', folder, {
    exports: {
      [docx]: makeDocx([
        `Tone of voice`,
        `Our signature colour is called ${word}: use it for every headline.`,
        'We write warmly and plainly.',
      ]),
    },
  });
  const pdfBytes = makePdf(`Brand book: the logo keeps a clear space of one letter height. ${randomUUID()}`);
  const pdf = add('Brand book.pdf', 'application/pdf', folder, { bytes: pdfBytes, size: pdfBytes.length });
  const pngBytes = makePng(160, 96, [226, 114, 91]);
  const png = add('Logo.png', 'image/png', folder, { bytes: pngBytes, size: pngBytes.length });
  const video = add('Launch film.mp4', 'video/mp4', folder, { video: true, size: videoSize });
  send(response, 200, { folder, doc, pdf, png, video });
}

/** The bytes as the client reads them; a generated video is made in 64 KiB pieces, never whole. */
function stream(response, file) {
  response.writeHead(200, { 'Content-Type': file.mimeType, 'Content-Length': String(file.size) });
  if (!file.video) {
    stats.bytesServed += file.bytes.length;
    return response.end(file.bytes);
  }
  const head = mp4Head(file.size);
  let sent = 0;
  const piece = Buffer.alloc(64 * 1024);
  const pump = () => {
    while (sent < file.size) {
      const count = Math.min(piece.length, file.size - sent);
      for (let i = 0; i < count; i++) {
        const at = sent + i;
        piece[i] = at < head.length ? head[at] : (at * 31 + 7) % 251;
      }
      sent += count;
      stats.bytesServed += count;
      if (!response.write(count === piece.length ? piece : piece.subarray(0, count))) return void response.once('drain', pump);
    }
    response.end();
  };
  response.on('close', () => (sent = file.size));
  pump();
}

const u32 = (value) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value >>> 0);
  return b;
};
const box = (type, payload) => Buffer.concat([u32(payload.length + 8), Buffer.from(type, 'ascii'), payload]);
const matrix = () => Buffer.concat([0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000].map(u32));

/** ftyp, moov (60 s at 1000/s, one 1920x1080 track) and the header of one mdat box filling the rest of `size`. */
function mp4Head(size) {
  const mvhd = box(
    'mvhd',
    Buffer.concat([
      Buffer.alloc(4),
      u32(0),
      u32(0),
      u32(1000),
      u32(60000),
      u32(0x10000),
      Buffer.from([1, 0]),
      Buffer.alloc(10),
      matrix(),
      Buffer.alloc(24),
      u32(2),
    ]),
  );
  const tkhd = box(
    'tkhd',
    Buffer.concat([
      Buffer.from([0, 0, 0, 3]),
      u32(0),
      u32(0),
      u32(1),
      u32(0),
      u32(60000),
      Buffer.alloc(16),
      matrix(),
      u32(1920 * 65536),
      u32(1080 * 65536),
    ]),
  );
  const boxes = Buffer.concat([
    box('ftyp', Buffer.concat([Buffer.from('isom'), u32(512), Buffer.from('isomiso2avc1mp41')])),
    box('moov', Buffer.concat([mvhd, box('trak', tkhd)])),
  ]);
  return Buffer.concat([boxes, u32(size - boxes.length), Buffer.from('mdat')]);
}

function makePng(width, height, [r, g, b]) {
  const chunk = (type, data) =>
    Buffer.concat([u32(data.length), Buffer.from(type), data, u32(crc32(Buffer.concat([Buffer.from(type), data])))]);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => [r, g, b][i % 3])]);
  const ihdr = Buffer.concat([u32(width), u32(height), Buffer.from([8, 2, 0, 0, 0])]);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(Array(height).fill(row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with the text in Helvetica, its cross-reference table at the right offsets. */
function makePdf(text) {
  const safe = text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 11 Tf 40 780 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = Buffer.byteLength(pdf);
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A .docx (a zip of stored entries) with one paragraph per line. */
function makeDocx(paragraphs) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const entries = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t>${escape(p)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`,
  };
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const fields = (signature, extra) => {
      const b = Buffer.alloc(extra);
      b.writeUInt32LE(signature, 0);
      return b;
    };
    const local = fields(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = fields(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
