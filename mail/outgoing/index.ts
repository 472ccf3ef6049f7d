// Outgoing mail: templates in bokmål and nynorsk → subject, text, HTML and calendar invitations.

export { TemplateError } from './errors';
export {
  buildCalendar,
  escapeIcsText,
  foldLine,
  gatheringUid,
  ICS_CONTENT_TYPE,
  sequenceAt,
  type CalendarEvent,
  type EventTime,
} from './ics';
export { type Block, type Inline } from './markup';
export { parseMarkup } from './markup-parse';
export { renderHtml } from './markup-html';
export { renderText } from './markup-text';
export { checkTemplates, previewMail, type Preview, type TemplateProblem } from './preview';
export { CALENDAR_TEMPLATES, isNotice, mailLanguage, renderMail, TEXT_WIDTH } from './render';
export {
  sampleCampaign,
  sampleContext,
  sampleNetworks,
  sampleParticipants,
  SAMPLE_MUNICIPALITIES,
  SAMPLE_VENUES,
  type SampleOptions,
} from './samples';
export {
  clearTemplateCache,
  defaultTemplateDir,
  isTemplateName,
  loadTemplates,
  type Compiled,
  type LanguagePack,
  type TemplateSet,
} from './templates';
export * from './types';
export { buildView, languageFor, type MailView } from './view';
