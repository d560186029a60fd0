// Entry of a parse thread (lib/ingest/parse-pool.ts): parses files, keys their records and packs them.
import { parentPort } from 'node:worker_threads';
import { clearBoundedCaches } from './bounded-cache';
import { parseMember } from './parse-member';
import { SentVariants } from './parsed-transfer';
import type { ParseReply, ParseRequest } from './parse-pool';

/** Per upload (channel): the variants sent to it. */
const channels = new Map<number, SentVariants>();

parentPort!.on('message', (req: ParseRequest) => {
  if (req.kind === 'close') return void channels.delete(req.channel);
  if (req.kind === 'clear') return clearBoundedCaches();
  let sent = channels.get(req.channel);
  if (!sent) channels.set(req.channel, (sent = new SentVariants()));
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
