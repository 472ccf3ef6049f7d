import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  clearTemplateCache,
  defaultTemplateDir,
  JOURNEY_TEMPLATES,
  loadTemplates,
  NOTICE_TEMPLATES,
  renderMail,
  sampleContext,
  SAMPLE_MUNICIPALITIES,
  TemplateError,
} from '../../../mail/outgoing';

const copies: string[] = [];

/** A copy of the real templates to break in one place. */
function copyTemplates(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettverk-templates-'));
  copies.push(dir);
  fs.cpSync(defaultTemplateDir(), dir, { recursive: true });
  edit(dir);
  return dir;
}

function append(dir: string, file: string, text: string): void {
  fs.appendFileSync(path.join(dir, file), text);
}

function thrown(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return e as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

afterAll(() => {
  clearTemplateCache();
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadTemplates', () => {
  it('loads every template in both languages, notices in bokmål, and caches the set', () => {
    const set = loadTemplates();
    expect(loadTemplates()).toBe(set);
    expect([...set.languages.nb.templates.keys()].sort()).toEqual(
      [...JOURNEY_TEMPLATES, ...NOTICE_TEMPLATES].sort(),
    );
    expect([...set.languages.nn.templates.keys()].sort()).toEqual([...JOURNEY_TEMPLATES].sort());
    expect(set.languages.nb.themes[2]).toBe('«Beskytt kommunen» – hvordan få det til i praksis?');
    expect(set.languages.nn.themes[1]).toBe('Risiko og sårbarheit for korrupsjon');
    for (const pack of Object.values(set.languages)) {
      for (const t of pack.templates.values()) expect(t.meta.subject).toBeTruthy();
    }
  });

  it('refuses a set where a language lacks a template', () => {
    const dir = copyTemplates((d) => fs.rmSync(path.join(d, 'nn', 'followup-2.md')));
    const e = thrown(() => loadTemplates(dir));
    expect(e.message).toBe('template nn/followup-2.md is missing');
    expect(e.template).toBe('followup-2');
    expect(e.language).toBe('nn');
  });

  it('refuses a nynorsk notice and an unknown template name', () => {
    const nnNotice = copyTemplates((d) =>
      fs.copyFileSync(path.join(d, 'nb', 'notice-flag.md'), path.join(d, 'nn', 'notice-flag.md')),
    );
    expect(thrown(() => loadTemplates(nnNotice)).message).toMatch(/bokmål only/);
    const typo = copyTemplates((d) =>
      fs.copyFileSync(path.join(d, 'nb', 'invitation.md'), path.join(d, 'nb', 'invitasjon.md')),
    );
    expect(thrown(() => loadTemplates(typo)).message).toMatch(
      /unexpected template .*invitasjon\.md/,
    );
  });

  it('refuses a template without a subject, and one that does not parse', () => {
    const noSubject = copyTemplates((d) => {
      const f = path.join(d, 'nb', 'decline-thanks.md');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^subject:.*$/m, 'emne: Takk'));
    });
    expect(thrown(() => loadTemplates(noSubject)).message).toMatch(
      /decline-thanks\.md needs "subject:"/,
    );
    const broken = copyTemplates((d) => append(d, 'nn/withdrawal.md', '\n{{#if network}}\n'));
    const e = thrown(() => loadTemplates(broken));
    expect(e.template).toBe('withdrawal');
    expect(e.language).toBe('nn');
    expect(e.message).toMatch(/does not parse/);
  });

  it('refuses a call to a partial that does not exist, naming file and line', () => {
    const dir = copyTemplates((d) => append(d, 'nb/invitation.md', '\n{{> programme-4}}\n'));
    const e = thrown(() => loadTemplates(dir));
    expect(e.message).toMatch(/invitation\.md:\d+: calls partial "programme-4"/);
    expect(e.language).toBe('nb');
  });
});

describe('strict rendering', () => {
  const set = loadTemplates();

  it('fails on a missing value, naming template, language and variable', () => {
    const ctx = sampleContext('withdrawal', { municipality: SAMPLE_MUNICIPALITIES.nynorsk });
    ctx.cancellation = null;
    const e = thrown(() => renderMail(set, 'withdrawal', ctx));
    expect(e.template).toBe('withdrawal');
    expect(e.language).toBe('nn');
    expect(e.variable).toBe('cancellation.reason');
    expect(e.location).toMatch(/templates\/nn\/withdrawal\.md:\d+$/);
    expect(e.message).toMatch(
      /^template "withdrawal" \(nn\) cannot be rendered: missing variable "cancellation\.reason" at /,
    );
  });

  it('fails when a gathering mail has no network, in the subject already', () => {
    const ctx = sampleContext('gathering-announcement');
    ctx.network = null;
    const e = thrown(() => renderMail(set, 'gathering-announcement', ctx));
    expect(e.variable).toBe('gathering.Ordinal');
    expect(e.language).toBe('nb');
  });

  it('names the template being rendered when the gap is in a partial', () => {
    const dir = copyTemplates((d) => append(d, 'nb/_signature.md', '\n{{campaign.contact.fax}}\n'));
    const e = thrown(() =>
      renderMail(loadTemplates(dir), 'decline-thanks', sampleContext('decline-thanks')),
    );
    expect(e.template).toBe('decline-thanks');
    expect(e.language).toBe('nb');
    expect(e.variable).toBe('campaign.contact.fax');
    expect(e.location).toMatch(/nb\/_signature\.md:\d+$/);
  });

  it('fails on a list that is missing rather than printing nothing', () => {
    const dir = copyTemplates((d) =>
      append(d, 'nb/decline-thanks.md', '\n{{#each participantz}}\n- {{name}}\n{{/each}}\n'),
    );
    const e = thrown(() =>
      renderMail(loadTemplates(dir), 'decline-thanks', sampleContext('decline-thanks')),
    );
    expect(e.variable).toBe('participantz');
  });

  it('treats a blank value as missing', () => {
    const ctx = sampleContext('withdrawal');
    ctx.cancellation = { by: 'koordinator', reason: '   ' };
    expect(thrown(() => renderMail(set, 'withdrawal', ctx)).variable).toBe('cancellation.reason');
  });

  it('fails on a template that prints an object', () => {
    const dir = copyTemplates((d) => append(d, 'nb/decline-thanks.md', '\n{{campaign.contact}}\n'));
    const e = thrown(() =>
      renderMail(loadTemplates(dir), 'decline-thanks', sampleContext('decline-thanks')),
    );
    expect(e.message).toMatch(/prints an object/);
  });

  it('refuses a name that is not a template', () => {
    // @ts-expect-error: not a TemplateName
    expect(thrown(() => renderMail(set, 'nonsense', sampleContext('invitation'))).template).toBe(
      'nonsense',
    );
  });
});
