import type { Language } from '../../domain/types';

/** A template that cannot be loaded or rendered: names the template, language and variable. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    message: string,
    readonly template: string,
    readonly language: Language | null,
    /** The variable that was missing (`network.first.date`), when that is the cause. */
    readonly variable: string | null = null,
    /** Where: `templates/nb/invitation.md:12`. */
    readonly location: string | null = null,
  ) {
    super(message);
  }
}
