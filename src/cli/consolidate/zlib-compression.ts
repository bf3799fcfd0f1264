import { constants, crc32, deflateRawSync } from "node:zlib";
import type { Compression } from "../../xlsx/summary/stream-zip";

/** Node's native deflate for the summary zip: each piece compressed on its own and ended with a sync flush. */
export const zlibCompression: Compression = {
  deflatePiece: (data, level) => deflateRawSync(data, { level, finishFlush: constants.Z_SYNC_FLUSH }),
  crc32: (data, previous) => crc32(data, previous),
};
