// Media made on the fly for the journeys, so that they need no fixture files.
import { deflateSync } from 'node:zlib';

/** A plain PNG of `width` x `height` pixels (a colour band per row), made here so the journey needs no fixture. */
export function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) rows.set([40 + (y % 200), 120, 200 - (x % 150)], row + 1 + x * 3);
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const u32 = (value) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
};
const box = (type, ...payload) => {
  const body = Buffer.concat(payload);
  return Buffer.concat([u32(body.length + 8), Buffer.from(type, 'ascii'), body]);
};
const matrix = () => Buffer.concat([0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].map(u32));

/**
 * A minimal valid MP4 (as tests/TestSupport/SampleFiles.cs makes): ftyp, moov with a movie header of `seconds` and one
 * video track of `width` x `height`, and an empty mdat. Enough for the API to accept and measure it.
 */
export function mp4(width, height, seconds) {
  const mvhd = box(
    'mvhd',
    Buffer.alloc(4),
    u32(0),
    u32(0),
    u32(1000),
    u32(seconds * 1000),
    u32(0x00010000),
    Buffer.from([1, 0]),
    Buffer.alloc(10),
    matrix(),
    Buffer.alloc(24),
    u32(2),
  );
  const tkhd = box(
    'tkhd',
    Buffer.from([0, 0, 0, 3]),
    u32(0),
    u32(0),
    u32(1),
    u32(0),
    u32(seconds * 1000),
    Buffer.alloc(16),
    matrix(),
    u32(width * 65536),
    u32(height * 65536),
  );
  return Buffer.concat([
    box('ftyp', Buffer.from('isom', 'ascii'), u32(512), Buffer.from('isomiso2avc1mp41', 'ascii')),
    box('moov', mvhd, box('trak', tkhd)),
    box('mdat', Buffer.alloc(64)),
  ]);
}
