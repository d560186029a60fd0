// Entry of a parse thread (lib/ingest/parse-pool.ts): parses files, keys their records and packs them.
import { parentPort } from 'node:worker_threads';
import { clearBoundedCaches } from './bounded-cache';
import { parseMember } from './parse-member';
import { SentVariants } from './parsed-transfer';
import type { ParseReply, ParseRequest } from './parse-pool';

/**
 * The variants sent to the storing thread, numbered across uploads: the uploads of a fleet share most of their
 * variants, and numbering them per upload re-sent each to every upload (a 1,000-host first snapshot in uploads of
 * 50 files cloned 17,400 records instead of 8,600). So a new variant is stored with the raw columns of its first
 * sighting since the thread last started over, which may be in another upload, as it may be another host's within
 * one upload.
 */
const sent = new SentVariants();

parentPort!.on('message', (req: ParseRequest) => {
  if (req.kind === 'clear') clearBoundedCaches();
  if (req.kind !== 'parse') return sent.forget();
  let reply: ParseReply;
  try {
    const member = parseMember(req.path, req.bytes, req.format);
    try {
      reply = { id: req.id, ok: true, packed: sent.pack(member) };
    } catch (err) {
      // Packing stopped part-way: variants it numbered never reach the receiver.
      sent.forget();
      throw err;
    }
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { id: req.id, ok: false, error: { name: e.name, message: e.message, line: (e as { line?: number | null }).line ?? null, stack: e.stack } };
  }
  try {
    parentPort!.postMessage(reply, reply.ok && reply.packed.kind === 'parsed' ? [reply.packed.refs.buffer as ArrayBuffer] : []);
  } catch (err) {
    // Not sent (a value that cannot be cloned): the receiver never got this file's fresh variants.
    sent.forget();
    parentPort!.postMessage({ id: req.id, ok: false, error: { name: 'Error', message: `parse thread could not send its result: ${String(err)}`, line: null } } satisfies ParseReply);
  }
});
