"""Writes a valid MP4 (ftyp + moov with mvhd/trak/tkhd + a large mdat) of exactly N MiB, streaming zeros."""
import struct
import sys

path, mib = sys.argv[1], int(sys.argv[2])
total = mib * 1024 * 1024


def box(kind, payload):
    return struct.pack(">I", 8 + len(payload)) + kind + payload


ftyp = box(b"ftyp", b"isom" + struct.pack(">I", 512) + b"isomiso2avc1mp41")
mvhd = box(b"mvhd", bytes(4) + struct.pack(">IIII", 0, 0, 1000, 60_000) + struct.pack(">I", 0x00010000) + struct.pack(">H", 0x0100) + bytes(10)
           + struct.pack(">9I", 0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000) + bytes(24) + struct.pack(">I", 2))
tkhd = box(b"tkhd", bytes([0, 0, 0, 3]) + struct.pack(">IIIII", 0, 0, 1, 0, 60_000) + bytes(8) + struct.pack(">hhhh", 0, 0, 0, 0)
           + struct.pack(">9I", 0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000) + struct.pack(">II", 1920 << 16, 1080 << 16))
moov = box(b"moov", mvhd + box(b"trak", tkhd))
head = ftyp + moov
mdat_size = total - len(head)
with open(path, "wb") as f:
    f.write(head)
    f.write(struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", mdat_size))
    remaining = mdat_size - 16
    block = bytes(1024 * 1024)
    while remaining > 0:
        n = min(remaining, len(block))
        f.write(block[:n])
        remaining -= n
