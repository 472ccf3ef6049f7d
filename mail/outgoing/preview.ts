// Previews for the coordinator: a mail as the terminal shows it (headers and text part) and as
// a standalone HTML page (headers, the HTML part in a frame, the text part and attachments).
// The `nettverk preview` command builds on previewMail and sampleContext.

import type { Language } from '../../domain/types';
import { TemplateError } from './errors';
import { mailLanguage, isNotice, renderMail } from './render';
import { sampleContext, SAMPLE_MUNICIPALITIES } from './samples';
import type { TemplateSet } from './templates';
import {
  JOURNEY_TEMPLATES,
  NOTICE_TEMPLATES,
  type MailContext,
  type RenderedMail,
  type TemplateName,
} from './types';

export interface Preview {
  mail: RenderedMail;
  language: Language;
  /** Headers and the plain-text part, for a terminal. */
  terminal: string;
  /** A standalone HTML page showing the mail as a client would, with its text part. */
  html: string;
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function headers(name: TemplateName, ctx: MailContext, mail: RenderedMail, language: Language) {
  const c = ctx.campaign;
  const to = isNotice(name)
    ? c.contact.email
    : ctx.contact
      ? `${ctx.contact.address} (${ctx.municipality.name})`
      : ctx.municipality.email;
  const rows: [string, string][] = [
    ['Mal', `${name} (${language})`],
    ['Fra', c.sender.name ? `${c.sender.name} <${c.sender.address}>` : c.sender.address],
    ['Til', to],
    ['Svar til', c.replyTo],
    ['Emne', mail.subject],
  ];
  for (const a of mail.attachments) {
    rows.push([
      'Vedlegg',
      `${a.filename} (${a.contentType.split(';')[0]}, ${Buffer.byteLength(a.content)} byte)`,
    ]);
  }
  return rows;
}

/** Renders `name` for `ctx` and lays it out for the terminal and a browser. */
export function previewMail(name: TemplateName, ctx: MailContext, set: TemplateSet): Preview {
  const mail = renderMail(set, name, ctx);
  const language = mailLanguage(name, ctx);
  const rows = headers(name, ctx, mail, language);
  const labelWidth = Math.max(...rows.map(([k]) => k.length)) + 1;
  const terminal = [
    ...rows.map(([k, v]) => `${`${k}:`.padEnd(labelWidth)} ${v}`),
    '-'.repeat(72),
    mail.text,
  ].join('\n');
  const table = rows
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('\n');
  const attachments = mail.attachments
    .map((a) => `<h2>${escapeHtml(a.filename)}</h2>\n<pre>${escapeHtml(a.content)}</pre>`)
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${name} (${language}): ${mail.subject}`)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; background: #e4e9ee; color: #1f2933; }
header, section { max-width: 760px; margin: 0 auto; padding: 16px; }
table { border-collapse: collapse; }
th { text-align: left; padding: 2px 12px 2px 0; color: #52606d; font-weight: normal; }
iframe { width: 100%; height: 1400px; border: 1px solid #c5ced6; background: #fff; }
pre { background: #fff; border: 1px solid #c5ced6; padding: 12px; white-space: pre-wrap; }
</style>
</head>
<body>
<header>
<table>
${table}
</table>
</header>
<section>
<iframe title="HTML" srcdoc="${escapeHtml(mail.html)}"></iframe>
<h2>Ren tekst</h2>
<pre>${escapeHtml(mail.text)}</pre>
${attachments}
</section>
</body>
</html>
`;
  return { mail, language, terminal, html };
}

export interface TemplateProblem {
  template: TemplateName;
  language: Language;
  error: string;
}

/**
 * Renders every template with the sample data in each language it exists in (notices in
 * bokmål only), for both a network with dates and one with months only. Returns what failed:
 * run after editing a template.
 */
export function checkTemplates(set: TemplateSet): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const names: TemplateName[] = [...JOURNEY_TEMPLATES, ...NOTICE_TEMPLATES];
  for (const name of names) {
    const languages: Language[] = isNotice(name) ? ['nb'] : ['nb', 'nn'];
    for (const language of languages) {
      for (const network of ['A', 'B']) {
        const municipality =
          language === 'nn' ? SAMPLE_MUNICIPALITIES.nynorsk : SAMPLE_MUNICIPALITIES.bokmal;
        try {
          renderMail(set, name, sampleContext(name, { municipality, network }));
        } catch (e) {
          const error = e instanceof TemplateError || e instanceof Error ? e.message : String(e);
          if (!problems.some((p) => p.template === name && p.language === language)) {
            problems.push({ template: name, language, error });
          }
        }
      }
    }
  }
  return problems;
}
