"""A stored page of the anonymous page cache (`home/response_cache.py`), compressed once when it is
stored, for the browsers that accept gzip: a hit then sends the compressed page without compressing
anything.

The parts of a stored page (`home.cache_holes.split`) are compressed each on its own, so that the
gzip stream of a hit is the compressed parts joined, with each visitor's values between them as
uncompressed ("stored") deflate blocks. So the CSRF and form tokens are never compressed together
with the rest of the page (BREACH, which guesses a secret from the compressed length of a page
that also reflects what the attacker sends, has nothing to measure), and no compression work is
done per request.

The gzip trailer holds the CRC-32 of the whole page: each compressed part keeps its own CRC and the
linear map that carries a CRC across its length, so the CRC of the page is put together from
them and the visitor's values alone (`page_crc`)."""

import struct
import zlib

HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # gzip, deflate, no name, no time, unknown OS
LAST_BLOCK = b"\x03\x00"  # an empty final block (fixed Huffman codes)
MAX_STORED_BLOCK = 0xFFFF


def accepts_gzip(request):
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def crc_shift(length):
    """The CRC-32 of `length` zero bytes taken as a linear map of the CRC before them (XOR of the
    images of the 32 bits): CRC(a + b) = CRC(b) ^ shift(CRC(a)) for len(b) == length."""
    zeros = bytes(length)
    base = zlib.crc32(zeros, 0)
    return tuple(zlib.crc32(zeros, 1 << bit) ^ base for bit in range(32))


def apply_shift(shift, crc):
    result = 0
    for image in shift:
        if crc & 1:
            result ^= image
        crc >>= 1
    return result


def compress_part(part):
    """A part the same for every visitor: (deflate blocks ending on a byte, length, CRC, shift)."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    blocks = compressor.compress(part) + compressor.flush(zlib.Z_SYNC_FLUSH)
    return blocks, len(part), zlib.crc32(part), crc_shift(len(part))


def compress_parts(parts):
    return [compress_part(part) if isinstance(part, bytes) else part for part in parts]


def stored_blocks(value):
    """`value` as deflate blocks that are not compressed."""
    blocks = []
    for start in range(0, len(value), MAX_STORED_BLOCK):
        chunk = value[start : start + MAX_STORED_BLOCK]
        blocks += [b"\x00", struct.pack("<HH", len(chunk), len(chunk) ^ 0xFFFF), chunk]
    return b"".join(blocks)


def gzip_page(pieces):
    """The gzip stream of a page: `pieces` are compressed parts (tuples of `compress_part`) and the
    visitor's values (bytes)."""
    out = [HEADER]
    crc = length = 0
    for piece in pieces:
        if isinstance(piece, tuple):
            blocks, size, part_crc, shift = piece
            crc = part_crc ^ apply_shift(shift, crc)
        else:
            blocks, size = stored_blocks(piece), len(piece)
            crc = zlib.crc32(piece, crc)
        out.append(blocks)
        length += size
    out += [LAST_BLOCK, struct.pack("<II", crc, length & 0xFFFFFFFF)]
    return b"".join(out)
