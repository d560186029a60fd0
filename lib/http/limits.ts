const DEFAULT_MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** Largest accepted upload body (TASKLENS_MAX_UPLOAD_MB). */
export function maxUploadBytes(): number {
  const mb = Number(process.env.TASKLENS_MAX_UPLOAD_MB ?? '');
  return Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : DEFAULT_MAX_UPLOAD_BYTES;
}
