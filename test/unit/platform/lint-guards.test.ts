// The import guards ARCHITECTURE.md promises are eslint.config.js's rules; this checks that they
// fire on a deliberate violation, so a config edit cannot quietly turn one off. The snippets are
// linted under virtual paths (no file is written). The config is required rather than found,
// so ESLint does not load it through a dynamic import, which jest's runtime does not provide.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(root, 'eslint.config.js'));
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });

/** The restricted-import findings for `code` as if it were the file at `file`. */
async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages
    .filter((m) => m.ruleId?.endsWith('no-restricted-imports'))
    .map((m) => m.message);
}

describe('workflows/ may not import an activity implementation', () => {
  it('flags a value import of activities/ code, at any depth', async () => {
    const deep = await restricted(
      'workflows/journey/lint-guard-probe.ts',
      "import { createSendActivities } from '../../activities/mail/send';\nexport const send = createSendActivities;\n",
    );
    expect(deep).toEqual([expect.stringContaining('`import type` only')]);
    const shallow = await restricted(
      'workflows/lint-guard-probe.ts',
      "import { createCampaignActivities } from '../activities/campaign';\nexport const ops = createCampaignActivities;\n",
    );
    expect(shallow).toEqual([expect.stringContaining('`import type` only')]);
  });

  it('allows a type-only import (what proxyActivities needs), whole or per name', async () => {
    const types = [
      "import type { createSendActivities } from '../../activities/mail/send';",
      "import { type createSendActivities } from '../../activities/mail/send';",
    ];
    for (const line of types) {
      const code = `${line}\nexport type Send = typeof createSendActivities;\n`;
      expect(await restricted('workflows/journey/lint-guard-probe.ts', code)).toEqual([]);
    }
  });

  it('allows workflows/activities.ts, which is not an implementation', async () => {
    const code =
      "import { campaignActivities } from '../activities';\nexport const ops = campaignActivities;\n";
    expect(await restricted('workflows/campaign/lint-guard-probe.ts', code)).toEqual([]);
  });
});

describe('domain/ may not touch the file system', () => {
  it.each(['node:fs', 'fs', 'node:fs/promises'])('flags an import of %s', async (name) => {
    const code = `import * as files from '${name}';\nexport const read = files;\n`;
    expect(await restricted('domain/campaign/lint-guard-probe.ts', code)).toEqual([
      expect.stringContaining('The domain is pure'),
    ]);
  });

  it('finds no such import in domain/ and workflows/ as they are', async () => {
    // Walked here rather than with lintFiles, whose globbing needs the dynamic import too.
    const files = ['domain', 'workflows'].flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(dir, f)),
    );
    expect(files.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const file of files) {
      const code = fs.readFileSync(path.join(root, file), 'utf8');
      found.push(...(await restricted(file, code)).map((m) => `${file}: ${m}`));
    }
    expect(found).toEqual([]);
  });
});
