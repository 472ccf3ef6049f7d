// renderMail: one template, one MailContext → subject, plain text, HTML and attachments.

import type { Gathering, Language, LocalDate } from '../../domain/types';
import { subjectToken } from '../message-id';
import { addDays, parseLocalDate } from '../../domain/time';
import { TemplateError } from './errors';
import {
  buildCalendar,
  gatheringUid,
  ICS_CONTENT_TYPE,
  sequenceAt,
  type CalendarEvent,
} from './ics';
import { resolveTokens, type Block } from './markup';
import { BODY_THEME, renderHtml, type HtmlTheme } from './markup-html';
import { parseMarkup } from './markup-parse';
import { renderText } from './markup-text';
import { isTemplateName, type Compiled, type LanguagePack, type TemplateSet } from './templates';
import {
  NOTICE_TEMPLATES,
  type MailContext,
  type NoticeTemplate,
  type RenderedMail,
  type TemplateName,
} from './types';
import { collectValues, protect } from './values';
import { buildView, languageFor, type MailView } from './view';

// The worker imports the loader from here too.
export { loadTemplates } from './templates';
export { languageFor } from './view';

/** Mails that carry a calendar invitation for their gathering(s), when dated. */
export const CALENDAR_TEMPLATES: readonly TemplateName[] = [
  'assignment',
  'gathering-announcement',
  'gathering-change',
  'attendance-request',
  'gathering-practical',
];

/** Width of the plain-text part. */
export const TEXT_WIDTH = 72;

export function isNotice(name: TemplateName): name is NoticeTemplate {
  return (NOTICE_TEMPLATES as readonly string[]).includes(name);
}

/** The language a mail is written in: notices always bokmål, journey mails per municipality. */
export function mailLanguage(name: TemplateName, ctx: Pick<MailContext, 'municipality'>): Language {
  return isNotice(name) ? 'nb' : languageFor(ctx.municipality);
}

/**
 * Renders one mail. Throws `TemplateError` (naming template, language and, for a missing
 * value, the variable) rather than sending a mail with a gap in it.
 */
export function renderMail(set: TemplateSet, name: TemplateName, ctx: MailContext): RenderedMail {
  if (!isTemplateName(name)) throw new TemplateError(`there is no template "${name}"`, name, null);
  const language = mailLanguage(name, ctx);
  const pack = set.languages[language];
  try {
    return render(pack, name, ctx);
  } catch (e) {
    if (e instanceof TemplateError && e.template === name) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new TemplateError(
      `template "${name}" (${language}): ${message}`,
      name,
      language,
      e instanceof TemplateError ? e.variable : null,
      e instanceof TemplateError ? e.location : null,
    );
  }
}

function partial(pack: LanguagePack, name: string): Compiled {
  const p = pack.partials.get(name);
  if (!p) throw new TemplateError(`partial _${name}.md is missing`, name, pack.language);
  return p;
}

function render(pack: LanguagePack, name: TemplateName, ctx: MailContext): RenderedMail {
  const template = pack.templates.get(name);
  if (!template)
    throw new TemplateError(`template ${pack.language}/${name}.md is missing`, name, pack.language);
  const notice = isNotice(name);
  const view = buildView(ctx, pack.language, pack.themes, name);
  const data = protect(view);
  const { result, values } = collectValues(() => ({
    subject: template.renderMeta('subject', data),
    header: partial(pack, 'header').render(data),
    body: template.render(data),
    footer: partial(pack, notice ? 'notice-footer' : 'footer').render(data),
  }));
  for (const [part, markup] of Object.entries(result)) {
    if (/\[object \w+\]/.test(markup)) {
      throw new Error(`the ${part} prints an object where it should print a value`);
    }
  }

  let subject = resolveTokens(result.subject, values).replace(/\s+/g, ' ').trim();
  if (!subject) throw new Error('the subject is empty');
  if (!notice) subject += ` ${subjectToken(ctx.campaign.id, ctx.municipality.id)}`;

  const header = parseMarkup(result.header, values);
  const body = parseMarkup(result.body, values);
  const footer = parseMarkup(result.footer, values);
  if (body.length === 0) throw new Error('the body is empty');

  return {
    subject,
    text: layoutText(header, body, footer),
    html: layoutHtml(header, body, footer, subject, pack.language),
    attachments: calendarAttachments(pack, name, ctx, view),
  };
}

// ---------------------------------------------------------------------------------------------
// Layout

function layoutText(header: Block[], body: Block[], footer: Block[]): string {
  const head = renderText(header, TEXT_WIDTH);
  const widest = Math.max(...head.split('\n').map((l) => [...l].length));
  const parts = [
    head,
    '='.repeat(Math.min(TEXT_WIDTH, widest)),
    '',
    renderText(body, TEXT_WIDTH),
    '',
    '-- ', // the signature delimiter, trailing space included
    renderText(footer, TEXT_WIDTH),
  ];
  const lines = parts
    .join('\n')
    .split('\n')
    .map((l) => (l === '-- ' ? l : l.trimEnd()));
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

const HEADER_THEME: HtmlTheme = {
  ...BODY_THEME,
  color: '#ffffff',
  link: '#ffffff',
  muted: '#d9e2ec',
  rule: '#5a7a99',
};
const FOOTER_THEME: HtmlTheme = { ...BODY_THEME, color: '#52606d', size: 13 };

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function layoutHtml(
  header: Block[],
  body: Block[],
  footer: Block[],
  subject: string,
  lang: Language,
): string {
  // Every block ends with a 14px margin: the bands' bottom padding is that much smaller.
  const font = `font-family:${BODY_THEME.font};`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#eef2f5;${font}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#eef2f5;">
<tr>
<td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;border:1px solid #d9e2ec;">
<tr>
<td style="background-color:#1d3f5e;padding:20px 28px 6px 28px;${font}color:#ffffff;">
${renderHtml(header, HEADER_THEME)}
</td>
</tr>
<tr>
<td style="padding:28px 28px 14px 28px;${font}color:${BODY_THEME.color};">
${renderHtml(body, BODY_THEME)}
</td>
</tr>
<tr>
<td style="padding:18px 28px 4px 28px;background-color:#f5f7f9;border-top:1px solid #d9e2ec;${font}color:${FOOTER_THEME.color};">
${renderHtml(footer, FOOTER_THEME)}
</td>
</tr>
</table>
</td>
</tr>
</table>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// Calendar

function isDated(g: Gathering): boolean {
  return Boolean(g.date || (g.startsAt && g.endsAt));
}

function calendarAttachments(
  pack: LanguagePack,
  name: TemplateName,
  ctx: MailContext,
  view: MailView,
): RenderedMail['attachments'] {
  const network = ctx.network;
  if (!CALENDAR_TEMPLATES.includes(name) || !network || !view.network) return [];
  const wanted =
    name === 'assignment'
      ? network.gatherings
      : network.gatherings.filter((g) => g.number === ctx.gathering);
  const dated = wanted.filter(isDated).sort((a, b) => a.number - b.number);
  if (dated.length === 0) return [];

  const calendar = partial(pack, 'calendar');
  const c = ctx.campaign;
  const domain = (c.replyTo || c.contact.email).split('@').pop() ?? 'localhost';
  const events: CalendarEvent[] = dated.map((g) => {
    const gathering = view.network?.gatherings.find((x) => x.number === g.number);
    const data = protect({ ...view, gathering });
    const { result, values } = collectValues(() => ({
      summary: calendar.renderMeta('summary', data),
      description: calendar.render(data),
    }));
    const summary = resolveTokens(result.summary, values).replace(/\s+/g, ' ').trim();
    const description = renderText(parseMarkup(result.description, values), 10_000);
    const address = g.venue?.address?.trim();
    const event: CalendarEvent = {
      uid: gatheringUid(c.id, network.id, g.number, domain),
      sequence: sequenceAt(ctx.now),
      time:
        g.startsAt && g.endsAt
          ? { kind: 'instant', start: g.startsAt, end: g.endsAt }
          : {
              kind: 'days',
              first: g.date as string,
              last: g.lunchToLunch ? nextDay(g.date as string) : (g.date as string),
            },
      summary,
      description,
      organizer: { name: c.contact.name, email: c.contact.email },
    };
    if (g.venue && !g.venueProposed)
      event.location = address ? `${g.venue.name}, ${address}` : g.venue.name;
    return event;
  });
  const id = network.id.toLowerCase();
  const filename =
    name === 'assignment' ? `nettverk-${id}.ics` : `nettverk-${id}-samling-${dated[0].number}.ics`;
  return [{ filename, contentType: ICS_CONTENT_TYPE, content: buildCalendar(events, ctx.now) }];
}

function nextDay(date: LocalDate): LocalDate {
  const d = addDays(parseLocalDate(date), 1);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
