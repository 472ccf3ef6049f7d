// The closing and signature block at the end of a reply («Med vennlig hilsen», «Mvh», a name
// and its organisation), split off the fresh text without taking a list of participants for a
// signature. trim.ts calls it on the visible reply.
import { isPersonName, looksLikeParticipantLine } from './names';
import { uni } from './text-utils';

const CLOSING_RES: RegExp[] = [
  /^(?:med\s+)?(?:vennlig|venleg|vennleg|venlig|vänlig|vänliga|beste|hjertelig|varm|varme|gode|god|kjærlig)\s+(?:hilsen|hilsener|helsing|helsingar|helsinger|hilsning|hälsning|hälsningar|hilsner)\b/i,
  /^(?:mvh|m\.v\.h\.?|mvh\.|vh|hilsen|hilsener|helsing|hilsning|med hilsen|med helsing|beste hilsener|ha en fin dag|ha ein fin dag|ha det bra)\b/i,
  /^(?:best|kind|warm|warmest|many)?\s*regards\b/i,
  /^(?:best|cheers|thanks|thank you|many thanks|sincerely|yours sincerely|yours truly|all the best|br|brgds)\s*[,.!]?$/i,
  /^(?:takk|tusen takk|takk og hilsen|takk for meg)\s*[,.!]?$/i,
  /^(?:mit freundlichen grüßen|viele grüße|beste grüße|liebe grüße|gruß|grüße|lg|mfg|cordialement|bien à vous|bien cordialement|saludos|un saludo|cordiali saluti|distinti saluti|met vriendelijke groet|vriendelijke groeten|med venlig hilsen|med vänlig hälsning|ystävällisin terveisin)\b/i,
].map(uni);

const DISCLAIMER =
  /konfidensiell|fortrolig|taushetsplikt|confidential|disclaimer|intended recipient|virus|skriv ut|print this|miljøet|offentleglova|offentlighetsloven|journalfør|arkivverdig|innsyn/i;

export function isClosing(line: string): boolean {
  const t = line.trim().replace(/^[-–—\s]+/, '');
  if (!t || t.length > 70) return false;
  return CLOSING_RES.some((re) => re.test(t));
}

function normaliseName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Split the closing and signature block off the end of a reply. A list of participants
 * under a closing is never taken for a signature.
 */
export function splitSignature(
  lines: string[],
  senderName: string | null = null,
): { body: string[]; signature: string[] } {
  const nonEmpty = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
  if (nonEmpty.length < 2) return { body: lines, signature: [] };
  const window = nonEmpty.slice(-14);
  const guard = (from: number, strict: boolean) => {
    const tail = lines.slice(from + 1);
    const participants = tail.filter((l) => looksLikeParticipantLine(l)).length;
    const labels = tail.filter((l) =>
      /^\s*(navn|namn|deltaker\s*\d|deltakar\s*\d)\s*:/i.test(l),
    ).length;
    if (participants >= 2 || labels > 0 || tail.filter((l) => l.trim()).length > 12) return false;
    // A postscript or a question under the closing is still the message; a name line is a
    // signature only when nothing but short lines follows it.
    for (const l of tail) {
      const t = l.trim();
      if (/^p\.?\s?s\.?\b/i.test(t) || (t.endsWith('?') && t.split(/\s+/).length >= 4))
        return false;
      if (strict && t.split(/\s+/).length >= 8 && !DISCLAIMER.test(t)) return false;
    }
    return true;
  };
  for (let w = window.length - 1; w >= 0; w--) {
    const idx = window[w];
    if (idx === nonEmpty[0]) break;
    if (isClosing(lines[idx]) && guard(idx, false)) {
      return { body: trimBlank(lines.slice(0, idx)), signature: trimBlank(lines.slice(idx)) };
    }
  }
  if (senderName) {
    const wanted = normaliseName(senderName);
    if (wanted.split(' ').length >= 2) {
      for (let w = window.length - 1; w >= 0; w--) {
        const idx = window[w];
        if (idx === nonEmpty[0]) break;
        const line = normaliseName(lines[idx]);
        const prevBlank = idx > 0 && !lines[idx - 1].trim();
        if (line === wanted && prevBlank && guard(idx, true) && !/[,;|\t]/.test(lines[idx])) {
          return { body: trimBlank(lines.slice(0, idx)), signature: trimBlank(lines.slice(idx)) };
        }
      }
    }
  }
  const block = trailingSignatureBlock(lines);
  if (block !== null && guard(block, true)) {
    return { body: trimBlank(lines.slice(0, block)), signature: trimBlank(lines.slice(block)) };
  }
  return { body: lines, signature: [] };
}

const ORGANISATION_LINE = uni(
  /\b(?:kommune|fylkeskommune|fylkeskommunen|kommunen|IKS|KF|AS|etat|etaten|avdeling|seksjon|sektor|stab|rådhus|rådhuset|direktorat)\b/i,
);

/**
 * A last paragraph that reads as a signature though no closing precedes it: a name alone
 * on its line, then short lines, one naming the organisation («Voss kommune»). Not when
 * it is introduced («Vi melder på:») or one of several such blocks (a list of people).
 */
function trailingSignatureBlock(lines: string[]): number | null {
  let end = lines.length - 1;
  while (end >= 0 && !lines[end].trim()) end--;
  let start = end;
  while (start > 0 && lines[start - 1].trim()) start--;
  const block = lines.slice(start, end + 1).map((l) => l.trim());
  if (start === 0 || block.length < 2 || block.length > 7) return null;
  if (!isPersonName(block[0])) return null;
  if (!block.some((l) => ORGANISATION_LINE.test(l))) return null;
  if (block.some((l) => l.length > 70 || /[.!?]$/.test(l) || l.includes('\t') || l.includes('|')))
    return null;
  let prev = start - 1;
  while (prev >= 0 && !lines[prev].trim()) prev--;
  if (prev < 0 || /:\s*$/.test(lines[prev])) return null;
  // Another paragraph that opens with a name alone: a list of people, not a signature.
  for (let i = 0; i < start; i++) {
    const opensParagraph = i === 0 || !lines[i - 1].trim();
    if (opensParagraph && isPersonName(lines[i].trim()) && lines[i + 1]?.trim()) return null;
  }
  return start;
}

function trimBlank(lines: string[]): string[] {
  const out = [...lines];
  while (out.length && !out[0].trim()) out.shift();
  while (out.length && !out[out.length - 1].trim()) out.pop();
  return out;
}
