import { constants, crc32, deflateRawSync } from "node:zlib";
import type { Compression, DeflatedPiece } from "../../xlsx/summary/stream-zip";

/** One piece compressed on its own, ended with a sync flush (or, when final, ending the stream). */
const deflate = (data: Uint8Array, level: number, final: boolean): Uint8Array =>
  deflateRawSync(data, { level, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });

/**
 * Node's native deflate for the summary zip. Each chunk is compressed on its own and ended with a sync flush, so
 * the chunks join into one valid deflate stream (as pigz does); the last push ends it.
 */
export const zlibCompression: Compression = {
  deflater: (level) => ({ push: (chunk, final) => deflate(chunk, level, final) }),
  crc32: (data, previous) => crc32(data, previous),
};

/** A piece of an entry compressed here to be joined with others (see DeflatedPiece): on the worker threads. */
export const zlibPiece = (data: Uint8Array, level: number): DeflatedPiece => ({
  data: deflate(data, level, false),
  crc: crc32(data),
  size: data.length,
});
