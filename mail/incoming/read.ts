// Reading a reply from its raw bytes: the maintained MIME library (postal-mime, bounded in
// mime-postal.ts) parses the message once, then the pure reader understands it. Every path that
// reads a message whole (the inbox, `nettverk parse`, the corpus scores, the tests) comes here,
// so what is measured is what runs.
import { parseMimeAsync } from './mime-postal';
import { understandReply, type ReplyContext, type UnderstoodReply } from './understand';

export async function readReply(
  raw: Buffer | string,
  context: Omit<ReplyContext, 'mime'> = {},
): Promise<UnderstoodReply> {
  return understandReply(raw, { ...context, mime: await parseMimeAsync(raw) });
}
