// Reply trimming: the fresh text of a reply, with the quoted history, the quote headers
// («Fra: … Sendt: … Til: … Emne:», «Den … skrev …:», «On … wrote:»), forwarded-message
// markers, mobile footers («Sendt fra min iPhone») and `-- ` signatures removed.
//
// Each line is typed (text, quote, attribution, header, separator, rule, mobile footer,
// signature dash), then the lines are walked top-down: the first marker that follows fresh
// text ends the reply; a marker before any fresh text (bottom-posting, a bare forward) is
// dropped with what it introduces. A closing («Med vennlig hilsen», «Mvh») and the
// signature block under it are split off separately, never at the cost of a list of
// participants.
//
// The marker lines' vocabulary is in trim-vocabulary.ts, the closing and signature split in
// trim-signature.ts.
import { splitSignature } from './trim-signature';
import {
  BAR_QUOTE_RE,
  dequote,
  EMAIL,
  FORWARD_RE,
  headerKey,
  isAttribution,
  isMobileFooter,
  isSeparator,
  isStrongStart,
  mayStartAttribution,
  quoteDepth,
  RULE_RE,
  SUPERCITE_RE,
} from './trim-vocabulary';
import { looksLikeParticipantLine } from './names';
import { normaliseText } from './text-utils';

export interface TrimResult {
  /**
   * The visible fresh reply: what a careful reader sees as new. A closing and the
   * sender's name under it are kept here («Thanks,\nKari»).
   */
  visible: string;
  /** `visible` without the closing and the signature block: the message itself. */
  text: string;
  /** The closing and signature block split off `visible`, if any. */
  signature: string | null;
  /** What was cut away below the fresh reply (quoted history, forwarded message). */
  quoted: string;
  /** What ended the fresh text: a quote header, a forwarded message, a footer, … */
  cutBy: 'attribution' | 'header' | 'separator' | 'forward' | 'footer' | 'signature' | null;
}

export interface TrimOptions {
  /** The sender's display name, to recognise a signature that starts with it. */
  senderName?: string | null;
}

type Kind =
  | 'empty'
  | 'text'
  | 'quote'
  | 'supercite'
  | 'quote-attribution'
  | 'attribution'
  | 'separator'
  | 'header'
  | 'rule'
  | 'mobile'
  | 'sigdash';

interface Line {
  raw: string;
  kind: Kind;
  /** For attributions and header blocks: the last line they span. */
  end: number;
}

// ---------------------------------------------------------------------------------------

function classify(lines: string[]): Line[] {
  const out: Line[] = lines.map((raw, i) => ({ raw, kind: 'text' as Kind, end: i }));
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const t = raw.trim();
    const L = out[i];
    if (!t) L.kind = 'empty';
    else if (GROUPWISE_RE.test(raw)) L.kind = 'attribution';
    else if (quoteDepth(raw) > 0) {
      const inner = dequote(raw).trim();
      L.kind =
        inner && (isAttribution(inner) || isSeparator(inner)) ? 'quote-attribution' : 'quote';
    } else if (/^\s*--$/.test(raw)) L.kind = 'sigdash';
    else if (isSeparator(raw)) L.kind = 'separator';
    else if (RULE_RE.test(raw)) L.kind = 'rule';
    else if (isMobileFooter(raw)) L.kind = 'mobile';
    else if (SUPERCITE_RE.test(raw) || BAR_QUOTE_RE.test(raw)) L.kind = 'supercite';
    else if (headerKey(raw)) L.kind = 'header';
  }
  // Attributions, joined over up to four wrapped lines.
  for (let i = 0; i < out.length; i++) {
    if (out[i].kind !== 'text' && out[i].kind !== 'header') continue;
    if (isAttribution(lines[i])) {
      out[i].kind = 'attribution';
      out[i].end = i;
      continue;
    }
    if (!mayStartAttribution(lines[i])) continue;
    let joined = lines[i].trim();
    let blanks = 0;
    let used = 0;
    for (let j = i + 1; j < out.length && used < 4; j++) {
      const next = lines[j].trim();
      if (!next) {
        if (++blanks > 1) break;
        continue;
      }
      if (out[j].kind === 'attribution' || out[j].kind === 'separator') break;
      used++;
      joined += ' ' + next;
      if (joined.length > 420) break;
      if (isAttribution(joined)) {
        // The attribution starts on the latest line that still makes it one: prose above
        // it («… I will let you know then…») is not part of it.
        let start = i;
        for (let k = j; k > i && !isStrongStart(lines[i]); k--) {
          if (!lines[k].trim() || !isStrongStart(lines[k])) continue;
          const tail = lines
            .slice(k, j + 1)
            .map((l) => l.trim())
            .filter((l) => l)
            .join(' ');
          if (isAttribution(tail)) {
            start = k;
            break;
          }
        }
        out[start].kind = 'attribution';
        out[start].end = j;
        for (let k = start + 1; k <= j; k++) out[k].kind = 'empty';
        i = j;
        break;
      }
    }
  }
  markNotesHeaders(lines, out);
  // Header blocks: a «From»-like line with at least one more header close under it.
  for (let i = 0; i < out.length; i++) {
    if (out[i].kind !== 'header') continue;
    const keys = new Set<string>();
    let last = i;
    let continuation = 0;
    for (let j = i; j < out.length && j < i + 12; j++) {
      const key = out[j].kind === 'header' ? headerKey(lines[j]) : null;
      if (key) {
        keys.add(key);
        last = j;
        continuation = 0;
        continue;
      }
      if (out[j].kind === 'text' && continuation < 2 && j > i) {
        continuation++;
        continue;
      }
      break;
    }
    const valid = keys.has('from') ? keys.size >= 2 : keys.size >= 3 && keys.has('date');
    if (valid) {
      out[i].end = last;
      for (let k = i + 1; k <= last; k++) out[k].kind = 'empty';
      out[i].kind = 'header';
      i = last;
    } else {
      out[i].kind = 'text';
    }
  }
  // A line that a client wrapped out of a quote («> … pharetra d\nignissim odio?\n>»).
  for (let i = 1; i + 1 < out.length; i++) {
    if (out[i].kind !== 'text') continue;
    const prev = out[i - 1];
    const next = out[i + 1];
    if (
      prev.kind === 'quote' &&
      dequote(prev.raw).trim() &&
      (next.kind === 'quote' || next.kind === 'quote-attribution')
    ) {
      out[i].kind = 'quote';
    }
  }
  return out;
}

/** GroupWise: `>>> Kari Nordmann <kari@x.no> 12.06.2013 13:45 >>>`. */
const GROUPWISE_RE = /^\s*>>>\s?[^\n]{1,200}?>>>\s*$/;
/** Lotus Notes: «Name <address>» or «Name/ORG», a date line, then «Til», «Kopi», «Emne» alone. */
const NOTES_FROM = new RegExp(
  `^\\s*(?:[^<>\\n]{1,80}<${EMAIL}>|[\\p{L} .'-]{2,60}/[\\p{L}/ -]{1,60})\\s*$`,
  'iu',
);
const NOTES_DATE = /^\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:\s+\d{1,2}[:.]\d{2}(?:\s*[AP]M)?)?\s*$/i;
const NOTES_KEY = /^\s*(?:til|to|kopi|cc|emne|subject|blindkopi|bcc)\s*$/i;

function markNotesHeaders(lines: string[], out: Line[]): void {
  for (let i = 0; i < out.length; i++) {
    if (out[i].kind !== 'text' || !NOTES_FROM.test(lines[i])) continue;
    const date = [i + 1, i + 2].find((j) => j < lines.length && NOTES_DATE.test(lines[j]));
    if (date === undefined) continue;
    let keys = 0;
    for (let j = date + 1; j < Math.min(lines.length, date + 12); j++)
      if (NOTES_KEY.test(lines[j])) keys++;
    if (keys < 2) continue;
    out[i].kind = 'attribution';
    out[i].end = date;
    for (let k = i + 1; k <= date; k++) out[k].kind = 'empty';
    i = date;
  }
}

function nextNonEmpty(lines: Line[], from: number, maxBlank = Infinity): number | null {
  let blanks = 0;
  for (let i = from; i < lines.length; i++) {
    if (lines[i].kind !== 'empty') return i;
    if (++blanks > maxBlank) return null;
  }
  return null;
}

const isQuoteKind = (k: Kind) => k === 'quote' || k === 'quote-attribution';

/** The last line of the quote block starting at `from` (quotes and blank lines). */
function endOfQuote(lines: Line[], from: number): number {
  let end = from;
  for (let i = from; i < lines.length; i++) {
    const k = lines[i].kind;
    if (isQuoteKind(k) || k === 'supercite') end = i;
    else if (k !== 'empty') break;
  }
  return end;
}

/** A rule or dash line with only a short signature-like tail under it. */
function isSignatureTail(lines: Line[], at: number): boolean {
  let content = 0;
  let participants = 0;
  for (let i = at + 1; i < lines.length; i++) {
    const k = lines[i].kind;
    if (k === 'empty' || k === 'rule') continue;
    if (isQuoteKind(k) || k === 'supercite') continue;
    content++;
    if (looksLikeParticipantLine(lines[i].raw)) participants++;
  }
  return content <= 4 && participants < 2;
}

function isMarker(k: Kind): boolean {
  return k === 'attribution' || k === 'separator' || k === 'header';
}

/** Trim a reply to its fresh text. */
export function trimReply(input: string, options: TrimOptions = {}): TrimResult {
  const lines = normaliseText(input ?? '')
    .split('\n')
    // trimEnd, not /\s+$/: the pattern retries from every space of a long run (quadratic).
    .map((l) => l.trimEnd());
  const typed = classify(lines);
  const keep: boolean[] = typed.map(() => false);
  let hasText = false;
  let cutAt = typed.length;

  let i = 0;
  walk: while (i < typed.length) {
    const L = typed[i];
    switch (L.kind) {
      case 'empty':
      case 'quote':
      case 'supercite':
        keep[i] = true;
        i++;
        break;
      case 'text':
        keep[i] = true;
        hasText = true;
        i++;
        break;
      case 'quote-attribution':
        i++;
        break;
      case 'mobile':
      case 'sigdash':
        if (hasText) {
          cutAt = i;
          break walk;
        }
        i++;
        break;
      case 'rule': {
        const next = nextNonEmpty(typed, i + 1, 3);
        if (next !== null && isMarker(typed[next].kind)) {
          if (hasText) {
            cutAt = i;
            break walk;
          }
          i = next;
          break;
        }
        const prevBlank = i === 0 || typed[i - 1].kind === 'empty';
        if (hasText && prevBlank && isSignatureTail(typed, i)) {
          cutAt = i;
          break walk;
        }
        keep[i] = true;
        i++;
        break;
      }
      case 'attribution': {
        const next = nextNonEmpty(typed, L.end + 1);
        if (next !== null && isQuoteKind(typed[next].kind)) {
          const qEnd = endOfQuote(typed, next);
          const after = nextNonEmpty(typed, qEnd + 1);
          if (after !== null && typed[after].kind === 'text') {
            // An inline reply: keep the quote it answers, drop only the attribution.
            // With nothing written above, the quote is the history being answered below.
            i = hasText ? L.end + 1 : qEnd + 1;
            break;
          }
          if (hasText) {
            cutAt = i;
            break walk;
          }
          i = qEnd + 1;
          break;
        }
        if (hasText) {
          cutAt = i;
          break walk;
        }
        i = L.end + 1;
        break;
      }
      case 'separator':
      case 'header': {
        if (hasText) {
          cutAt = i;
          break walk;
        }
        // A forward with nothing written above it: drop the marker and its headers.
        let j = L.end + 1;
        if (L.kind === 'separator') {
          const next = nextNonEmpty(typed, j, 2);
          if (next !== null && typed[next].kind === 'header') j = typed[next].end + 1;
        }
        i = j;
        break;
      }
    }
  }

  let kept: number[] = [];
  for (let k = 0; k < cutAt; k++) if (keep[k]) kept.push(k);
  const isTextLine = (k: number) => typed[k].kind === 'text';
  const anyText = kept.some(isTextLine);
  if (anyText) {
    // Trailing quotes, blank lines and rules go; the fresh text stays.
    while (kept.length && !isTextLine(kept[kept.length - 1])) kept.pop();
  } else if (
    kept.every(
      (k) => !isQuoteKind(typed[k].kind) || !dequote(typed[k].raw).replace(/>/g, '').trim(),
    )
  ) {
    kept = [];
  }
  const visibleLines = kept.map((k) => lines[k]);
  while (visibleLines.length && !visibleLines[0].trim()) visibleLines.shift();
  while (visibleLines.length && !visibleLines[visibleLines.length - 1].trim()) visibleLines.pop();

  const quotedLines = lines.slice(cutAt);
  let cutBy: TrimResult['cutBy'] = null;
  if (cutAt < typed.length) {
    const k = typed[cutAt].kind;
    const marker = k === 'rule' ? typed[nextNonEmpty(typed, cutAt + 1, 3) ?? cutAt] : typed[cutAt];
    if (marker.kind === 'separator') cutBy = FORWARD_RE.test(marker.raw) ? 'forward' : 'separator';
    else if (marker.kind === 'attribution') cutBy = 'attribution';
    else if (marker.kind === 'header') cutBy = 'header';
    else if (marker.kind === 'mobile') cutBy = 'footer';
    else cutBy = 'signature';
  }
  const { body, signature } = splitSignature(visibleLines, options.senderName ?? null);
  return {
    visible: visibleLines.join('\n'),
    text: body.join('\n'),
    signature: signature.length ? signature.join('\n') : null,
    quoted: quotedLines.join('\n').trim(),
    cutBy,
  };
}

/** Only the visible fresh reply (the corpus measure). */
export function visibleReply(input: string): string {
  return trimReply(input).visible;
}
