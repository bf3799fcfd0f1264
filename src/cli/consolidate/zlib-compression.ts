import { constants, crc32, deflateRaw, deflateRawSync } from "node:zlib";
import type { Compression } from "../../xlsx/summary/stream-zip";

/**
 * Node's native deflate for the summary zip. Chunks are compressed each on its own on libuv's thread pool (so the
 * second core compresses while the main thread makes the next chunk), ended with a sync flush so the pieces join
 * into one valid deflate stream (as pigz does).
 */
export const zlibCompression: Compression = {
  deflater: (level) => ({
    push: (chunk, final) =>
      deflateRawSync(chunk, { level, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }),
  }),
  crc32: (data, previous) => crc32(data, previous),
  deflateChunk: (chunk, level) =>
    new Promise((resolve, reject) =>
      deflateRaw(chunk, { level, finishFlush: constants.Z_SYNC_FLUSH }, (error, out) =>
        error ? reject(error) : resolve(out),
      ),
    ),
};
