// Flags raised before their messages were written in Norwegian (issue 11) keep their English
// text in the journey's history. The coordinator reads the report in Norwegian, so the old
// wordings are translated here; anything else (a question quoted from a reply) is shown as is.
import type { Stage } from '../domain/types';
import { STAGE_LABELS } from './format';

const LEGACY: [RegExp, (...groups: string[]) => string][] = [
  [/^A reply the system could not interpret$/, () => 'Et svar systemet ikke kunne tolke'],
  [/^Registration received after the deadline$/, () => 'Påmelding mottatt etter fristen'],
  [/^See the reply$/, () => 'Se svaret'],
  [/^Mail to (.*) bounced: (.*)$/s, (who, why) => `E-post til ${who} kom i retur: ${why}`],
  [
    /^A reply at stage (\S+) needs a person to read it$/,
    (s) => `Et svar i fasen «${stageText(s)}» må leses av en person`,
  ],
  // Today's wording names the stage by its code: the report shows its label.
  [
    /^Et svar i fasen (\S+) må leses av en person$/,
    (s) => `Et svar i fasen «${stageText(s)}» må leses av en person`,
  ],
  [
    /^(\d+) participants registered; (\d+) is the most wanted$/,
    (n, max) => `${n} deltakere påmeldt; ${max} er det høyeste antallet som ønskes`,
  ],
  [
    /^(.*) replaces (.*) \(gathering (\d)\)$/,
    (a, b, n) => `${a} kommer i stedet for ${b} (samling ${n})`,
  ],
  [
    /^Attendance for someone not registered: (.*)$/s,
    (who) => `Svar om deltakelse for noen som ikke er påmeldt: ${who}`,
  ],
  [
    /^Registered with gaps at the deadline: (.*)$/,
    (gaps) => `Påmeldt med mangler ved fristen: ${gaps}`,
  ],
  [
    /^Wanted to join but named nobody with an address by the deadline$/,
    () => 'Ville være med, men hadde ikke oppgitt noen deltaker med e-postadresse ved fristen',
  ],
  [/^The mail server refused (.*) \((\S+)\)$/, (who, t) => `E-postserveren avviste ${who} (${t})`],
  [
    /^The mail "(\S+)" could not be sent: (.*)$/s,
    (t, why) => `E-posten «${t}» kunne ikke sendes: ${why}`,
  ],
];

const stageText = (code: string): string => STAGE_LABELS[code as Stage] ?? code;

/** A flag's message in Norwegian, whenever it was raised. */
export function flagText(message: string): string {
  for (const [pattern, norwegian] of LEGACY) {
    const m = pattern.exec(message);
    if (m) return norwegian(...m.slice(1));
  }
  return message;
}
