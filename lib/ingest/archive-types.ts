/**
 * What unpacking yields. Warnings travel in the same stream as files (rather than a side array or callback)
 * so they stay in archive order and a consumer that stops early has seen exactly the warnings so far.
 */

export interface UnpackedFile {
  kind: 'file';
  /** Normalized, forward slashes, relative, inside the archive (nested archives joined with `/`); a plain upload = its file name. */
  path: string;
  bytes: Uint8Array;
  size: number;
  /** The upload's own bytes, unchanged (not an archive member, not gunzipped): a hash taken of the upload is its hash. */
  isWhole?: true;
}

/** A member that was skipped but worth telling the analyst about (link, device, refused path, unsupported method). */
export interface UnpackWarning {
  kind: 'warning';
  path: string;
  message: string;
}

export type UnpackItem = UnpackedFile | UnpackWarning;

export function warning(path: string, message: string): UnpackWarning {
  return { kind: 'warning', path, message };
}
