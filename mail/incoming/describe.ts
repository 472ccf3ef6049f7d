// A reading as the coordinator sees it in a terminal (`nettverk parse`, `review show`): kind,
// why, the evidence and doubts, participants, anchoring, attendance, questions, the text.
import type { ParsedReply } from '../../domain/types';
import type { UnderstoodReply } from './understand';

const KIND_LABEL: Record<ParsedReply['kind'], string> = {
  registration: 'Registration',
  decline: 'Decline',
  question: 'Question',
  'auto-reply': 'Automatic reply',
  bounce: 'Bounce',
  other: 'Reply',
};

function yesNo(v: boolean | null, yes: string, no: string, unknown: string): string {
  return v === true ? yes : v === false ? no : unknown;
}

function indent(text: string, prefix = '    '): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

function shorten(text: string, max: number): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/** A readable summary of a reply for the coordinator's terminal. */
export function describeReply(reply: ParsedReply): string {
  const r = reply as Partial<UnderstoodReply> & ParsedReply;
  const who = reply.from.name
    ? `${reply.from.name} <${reply.from.address}>`
    : reply.from.address || '(no sender)';
  const when = reply.date ? reply.date.replace('T', ' ').slice(0, 16) : 'no date';
  const lines: string[] = [];
  lines.push(`${KIND_LABEL[reply.kind]} from ${who}, ${when}`);
  lines.push(`  Subject: ${reply.subject || '(none)'}`);
  if (r.reason) lines.push(`  Why: ${r.reason}`);
  if (reply.needsReview)
    lines.push('  Not sure: a person confirms this reading before any journey is told');
  if (reply.evidence?.length) {
    lines.push('  Evidence:');
    for (const e of reply.evidence) lines.push(`    - ${e}`);
  }

  if (reply.kind === 'bounce' && reply.bounce) {
    const b = reply.bounce;
    lines.push(
      `  ${b.permanent ? 'Permanent failure' : 'Temporary failure (the server will retry)'}${b.status ? ` ${b.status}` : ''}`,
    );
    lines.push(`  Failed: ${b.recipients.length ? b.recipients.join(', ') : 'unknown recipient'}`);
    if (b.diagnostic) lines.push(`  Diagnostic: ${shorten(b.diagnostic, 200)}`);
    lines.push(`  Our message: ${b.originalMessageId ?? 'not identified'}`);
  }
  if (reply.kind === 'auto-reply') {
    const back = r.autoReply?.returnDate;
    lines.push(
      `  ${back ? `Back on ${back}` : 'No return date stated'}; not answered (no mail loops)`,
    );
  }
  if (reply.participants) {
    lines.push(`  Participants (${reply.participants.length}):`);
    if (!reply.participants.length) lines.push('    none named');
    reply.participants.forEach((p, i) => {
      const parts = [p.name, p.title ?? 'title missing', p.email ?? 'email missing'];
      if (p.phone) parts.push(p.phone);
      lines.push(`    ${i + 1}. ${parts.join(' · ')}`);
    });
  }
  if (reply.kind !== 'bounce' && reply.kind !== 'auto-reply') {
    lines.push(
      `  Anchored in administrative leadership: ${yesNo(reply.anchored, 'yes', 'not yet', 'not stated')}`,
    );
    lines.push(`  Network wish: ${reply.networkPreference ?? 'none stated'}`);
  }
  if (reply.attendance) {
    lines.push('  Attendance:');
    for (const a of reply.attendance) {
      const bits: string[] = [];
      if (a.attending !== null) bits.push(a.attending ? 'comes' : 'does not come');
      if (a.overnight !== null) bits.push(a.overnight ? 'overnight stay' : 'no overnight stay');
      if (a.dinner !== null) bits.push(a.dinner ? 'dinner' : 'no dinner');
      if (a.dietary) bits.push(`diet: ${a.dietary}`);
      if (a.substitute) {
        const s = a.substitute;
        bits.push(`substitute: ${[s.name, s.title, s.email].filter(Boolean).join(', ')}`);
      }
      lines.push(`    ${a.participant ?? 'everyone'}: ${bits.join('; ')}`);
    }
  }
  if (reply.questions.length) {
    lines.push('  Questions:');
    for (const q of reply.questions) lines.push(`    ? ${q}`);
  }
  if (reply.attachments.length) {
    lines.push(
      `  Attachments: ${reply.attachments
        .map((a) => `${a.filename ?? '(unnamed)'} (${a.contentType}, ${formatSize(a.size)})`)
        .join('; ')}`,
    );
  }
  if (reply.text.trim()) {
    lines.push('  Text:');
    lines.push(indent(shorten(reply.text, 600)));
  }
  return lines.join('\n');
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
