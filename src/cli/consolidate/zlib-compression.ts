import { constants, crc32, deflateRawSync } from "node:zlib";
import type { Compression } from "../../xlsx/summary/stream-zip";

/**
 * Node's native deflate for the summary zip. Each chunk is compressed on its own and ended with a sync flush, so
 * the pieces join into one valid deflate stream (as pigz does); the last chunk ends it.
 */
export const zlibCompression: Compression = {
  deflater: (level) => ({
    push: (chunk, final) =>
      deflateRawSync(chunk, { level, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }),
  }),
  crc32: (data, previous) => crc32(data, previous),
};
