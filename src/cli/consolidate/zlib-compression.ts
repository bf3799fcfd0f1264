import { constants, crc32, deflateRawSync } from "node:zlib";
import type { Compression, DeflatedPiece } from "../../xlsx/summary/stream-zip";

/**
 * One piece compressed on its own, ended with a sync flush (or, when final, ending the stream). zlib's output room
 * is the input's size and a little (deflate never grows data by more), so the piece is written into one buffer of
 * its own rather than into 16 KB chunks joined by a copy: the chunks were garbage that piled up on the worker
 * threads, which allocate too little else for their garbage collector to come round often. Only the pages written
 * are in memory.
 */
const deflate = (data: Uint8Array, level: number, final: boolean): Uint8Array =>
  deflateRawSync(data, {
    level,
    finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
    chunkSize: Math.max(data.length + (data.length >> 8) + 1024, constants.Z_DEFAULT_CHUNK),
  });

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
