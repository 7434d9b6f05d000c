// LinkedIn's and X's media uploads as the publisher speaks them (src/Infrastructure/Publishing/LinkedInMediaUploader.cs,
// XMediaUploader.cs), on the fake networks' server:
//   LinkedIn  POST /rest/images?action=initializeUpload, then PUT of the bytes to the upload address, GET /rest/images/{urn};
//             POST /rest/videos?action=initializeUpload (parts of 4 MB), PUT of each part (answers an ETag),
//             POST /rest/videos?action=finalizeUpload with the ETags, GET /rest/videos/{urn} (PROCESSING, then AVAILABLE)
//   X         POST /2/media/upload/initialize, /2/media/upload/{id}/append (multipart, segment by segment),
//             /2/media/upload/{id}/finalize, GET /2/media/upload?command=STATUS (in_progress, then succeeded),
//             POST /2/media/metadata (alt text)
// mediaOf(platform, body) tells a post which uploaded media it names (and refuses unknown ones, as the networks do).
const partSize = 4 * 1024 * 1024;
const media = new Map();

const linkedInError = (status, message) => ({ status, body: { status, message } });
const xProblem = (status, detail) => ({
  status,
  body: { title: 'Invalid Request', detail, type: 'https://api.x.com/2/problems/invalid-request', status },
});

/** The bytes of the multipart part named `name` (X's APPEND sends `segment_index` and `media`). */
function formPart(request, bytes, name) {
  const boundary = /boundary="?([^";]+)"?/.exec(request.headers['content-type'] ?? '')?.[1];
  if (!boundary) return null;
  const text = bytes.toString('latin1');
  const start = text.indexOf(`name=${name}`) >= 0 ? text.indexOf(`name=${name}`) : text.indexOf(`name="${name}"`);
  if (start < 0) return null;
  const from = text.indexOf('\r\n\r\n', start) + 4;
  const to = text.indexOf(`\r\n--${boundary}`, from);
  return bytes.subarray(from, to);
}

/** Answers a media upload request, or null when the request is not one. */
export function answerMediaUploads(request, url, bytes, id, origin) {
  const path = url.pathname;
  const action = url.searchParams.get('action');
  const json = () => JSON.parse(bytes.toString('utf8') || '{}');

  if (request.method === 'PUT' && path.startsWith('/linkedin-upload/')) {
    const [, , kind, urn, part] = path.split('/').map(decodeURIComponent);
    const item = media.get(urn);
    if (!item) return linkedInError(404, 'No such upload');
    if (kind === 'image') {
      item.bytes = bytes.length;
      item.ready = true;
      return { status: 201 };
    }
    const etag = `/etag-${id()}`;
    item.etags[Number(part)] = etag;
    item.bytes += bytes.length;
    return { status: 200, headers: { ETag: etag } };
  }

  if (!request.headers.authorization?.startsWith('Bearer e2e-')) {
    if (path.startsWith('/rest/images') || path.startsWith('/rest/videos')) return linkedInError(401, 'Invalid access token');
    if (path.startsWith('/2/media/')) return xProblem(401, 'Unauthorized');
    return null;
  }

  if (request.method === 'POST' && path === '/rest/images' && action === 'initializeUpload') {
    const urn = `urn:li:image:E2E${id()}`;
    media.set(urn, { kind: 'image', bytes: 0, ready: false, owner: json().initializeUploadRequest?.owner });
    return {
      status: 200,
      body: {
        value: {
          uploadUrl: `${origin}/linkedin-upload/image/${encodeURIComponent(urn)}`,
          image: urn,
          uploadUrlExpiresAt: Date.now() + 86_400_000,
        },
      },
    };
  }
  if (request.method === 'POST' && path === '/rest/videos' && action === 'initializeUpload') {
    const size = Number(json().initializeUploadRequest?.fileSizeBytes ?? 0);
    const urn = `urn:li:video:E2E${id()}`;
    const parts = Math.ceil(size / partSize);
    media.set(urn, { kind: 'video', size, bytes: 0, etags: new Array(parts).fill(null), ready: false, polls: 0 });
    const uploadInstructions = Array.from({ length: parts }, (_, part) => ({
      uploadUrl: `${origin}/linkedin-upload/video/${encodeURIComponent(urn)}/${part}`,
      firstByte: part * partSize,
      lastByte: Math.min(size, (part + 1) * partSize) - 1,
    }));
    return { status: 200, body: { value: { video: urn, uploadInstructions, uploadToken: '' } } };
  }
  if (request.method === 'POST' && path === '/rest/videos' && action === 'finalizeUpload') {
    const body = json().finalizeUploadRequest ?? {};
    const item = media.get(body.video);
    if (!item || item.bytes !== item.size || JSON.stringify(body.uploadedPartIds) !== JSON.stringify(item.etags)) {
      return linkedInError(400, 'The uploaded part ids do not match the upload');
    }
    item.finalized = true;
    return { status: 200 };
  }
  if (request.method === 'GET' && path.startsWith('/rest/images/')) {
    const item = media.get(decodeURIComponent(path.slice('/rest/images/'.length)));
    if (!item) return linkedInError(404, 'No such image');
    return { status: 200, body: { status: item.ready ? 'AVAILABLE' : 'WAITING_UPLOAD' } };
  }
  if (request.method === 'GET' && path.startsWith('/rest/videos/')) {
    const item = media.get(decodeURIComponent(path.slice('/rest/videos/'.length)));
    if (!item) return linkedInError(404, 'No such video');
    item.ready = item.finalized && item.polls++ > 0;
    return { status: 200, body: { status: item.ready ? 'AVAILABLE' : item.finalized ? 'PROCESSING' : 'WAITING_UPLOAD' } };
  }

  if (request.method === 'POST' && path === '/2/media/upload/initialize') {
    const body = json();
    const mediaId = String(1_880_000_000_000_000_000n + BigInt(id()));
    media.set(mediaId, { kind: body.media_category, size: Number(body.total_bytes), bytes: 0, segments: 0, ready: false });
    return { status: 200, body: { data: { id: mediaId, media_key: `3_${mediaId}`, expires_after_secs: 86_400 } } };
  }
  const step = /^\/2\/media\/upload\/(\d+)\/(append|finalize)$/.exec(path);
  if (request.method === 'POST' && step) {
    const item = media.get(step[1]);
    if (!item) return xProblem(400, 'The media id is not valid.');
    if (step[2] === 'append') {
      const segment = Number(formPart(request, bytes, 'segment_index')?.toString('utf8'));
      const chunk = formPart(request, bytes, 'media');
      if (segment !== item.segments || !chunk) return xProblem(400, 'The segment does not continue the upload.');
      item.segments++;
      item.bytes += chunk.length;
      return { status: 200, body: { data: { expires_at: Math.floor(Date.now() / 1000) + 86_400 } } };
    }
    if (item.bytes !== item.size) return xProblem(400, 'Segments do not add up to provided total file size.');
    item.finalized = true;
    item.ready = item.kind === 'tweet_image';
    const processing = item.ready ? {} : { processing_info: { state: 'pending', check_after_secs: 1 } };
    return { status: 200, body: { data: { id: step[1], size: item.size, ...processing } } };
  }
  if (request.method === 'GET' && path === '/2/media/upload' && url.searchParams.get('command') === 'STATUS') {
    const item = media.get(url.searchParams.get('media_id') ?? '');
    if (!item?.finalized) return xProblem(400, 'STATUS needs the media_id of a finalized upload.');
    const state = item.polled ? 'succeeded' : 'in_progress';
    item.polled = true;
    item.ready = state === 'succeeded';
    return { status: 200, body: { data: { processing_info: { state, check_after_secs: 1 } } } };
  }
  if (request.method === 'POST' && path === '/2/media/metadata') {
    const body = json();
    const item = media.get(body.id);
    if (!item) return xProblem(400, 'The media id is not valid.');
    item.altText = body.metadata?.alt_text?.text;
    return { status: 200, body: { data: { id: body.id } } };
  }
  return null;
}

/**
 * What a post names of the uploaded media: `{ media: [{ id, bytes, altText }] }`, or `{ error }` when it names media
 * that were not uploaded and processed.
 */
export function mediaOf(platform, body) {
  const named =
    platform === 'x'
      ? (body.media?.media_ids ?? []).map((id) => ({ id }))
      : (body.content?.multiImage?.images ?? (body.content?.media ? [body.content.media] : []));
  const found = [];
  for (const { id, altText } of named) {
    const item = media.get(id);
    if (!item?.ready) return { error: `Media ${id} is not available.` };
    found.push({ id, bytes: item.bytes, altText: altText ?? item.altText ?? null });
  }
  return { media: found };
}
