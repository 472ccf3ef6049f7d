// A forward («VS:», «Fwd:», «videresendes etter ønske fra rådmannen») whose forwarder adds
// nothing of their own: the message it carries is the municipality's answer, unless that
// message is ours. And the lines an inline reply keeps quoted, which are our words.
import { declineCue, registrationCue } from './registration';
import { trimReply, type TrimResult } from './trim';

const FORWARD_SUBJECT = /^\s*(?:vs|vb|fw|fwd|wg|tr|vidaresendt)\s*:/i;
const FORWARD_WORDS =
  /\b(?:videresend\w*|vidaresend\w*|sender (?:dette |denne |det )?(?:videre|vidare)|sendt (?:videre|vidare)|forward\w*)\b/i;
const HEADER_LINE =
  /^\s*(?:fra|frå|from|sendt|sent|dato|date|til|to|kopi|cc|emne|subject|-{3,}.*|_{5,})\s*(?::|$)/i;

/**
 * The message a forward carries, when the forwarder says nothing of their own that registers
 * or declines and the forwarded message is not one of ours (the municipality's internal
 * answer, sent on by the postmottak). Null otherwise.
 */
export function forwardedAnswer(subject: string, said: string, fresh: TrimResult): string | null {
  if (!fresh.quoted || !['forward', 'header', 'separator'].includes(fresh.cutBy ?? '')) return null;
  if (!FORWARD_SUBJECT.test(subject) && !FORWARD_WORDS.test(said)) return null;
  if (registrationCue(said) || declineCue(said)) return null;
  const lines = fresh.quoted.split('\n');
  let i = 0;
  const head: string[] = [];
  while (i < lines.length && (HEADER_LINE.test(lines[i]) || !lines[i].trim()))
    head.push(lines[i++]);
  // Our own invitation, forwarded back to us: nothing of theirs in it.
  if (/transparency|dølvik|dolvik/i.test(head.join('\n'))) return null;
  const inner = trimReply(lines.slice(i).join('\n')).text.trim();
  return inner ? withoutQuotes(inner) : null;
}

/** Lines a reader wrote, without the quoted lines an inline reply keeps. */
export function withoutQuotes(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*>/.test(l))
    .join('\n');
}
