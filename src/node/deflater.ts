/** Compressing documents in Node: node:zlib's DEFLATE and CRC-32, native and several times faster than the portable ones. */
import { crc32, deflateRawSync } from 'node:zlib';
import type { Deflater } from '../zip/write.js';

export const nodeDeflater: Deflater = { deflateRaw: (bytes) => deflateRawSync(bytes, { level: 3 }), crc32: (bytes) => crc32(bytes) };
