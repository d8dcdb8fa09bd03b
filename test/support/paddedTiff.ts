/**
 * A TIFF whose header lies past `padding` bytes: the file with that many zero bytes appended and
 * its first image file directory copied after them (the offsets inside it still point at the
 * original strips or tiles). The header-past-the-limit case is made this way at test setup,
 * never committed.
 */
export function padHeader(bytes: Buffer, padding: number): Buffer {
    const little = bytes.readUInt16BE(0) === 0x4949;
    const ifd = little ? bytes.readUInt32LE(4) : bytes.readUInt32BE(4);
    const entries = little ? bytes.readUInt16LE(ifd) : bytes.readUInt16BE(ifd);
    const ifdLength = 2 + entries * 12 + 4;
    const moved = bytes.length + padding;
    const out = Buffer.concat([bytes, Buffer.alloc(padding), bytes.subarray(ifd, ifd + ifdLength)]);
    if (little) out.writeUInt32LE(moved, 4);
    else out.writeUInt32BE(moved, 4);
    return out;
}
