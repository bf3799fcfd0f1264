import { constants, deflateRawSync } from "node:zlib";
import type { SyncFlushDeflate } from "../../xlsx/template/copy-writer";

/** Node's zlib: raw DEFLATE ending with a sync flush, for the fast copy writer. */
export const nodeSyncFlush: SyncFlushDeflate = (bytes) =>
  new Uint8Array(deflateRawSync(bytes, { level: 6, finishFlush: constants.Z_SYNC_FLUSH }));
