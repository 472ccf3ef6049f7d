// The workflow bundle every worker loads into its V8 context: its size beside an empty
// workflow's (what the SDK itself weighs) and beside the same workflows with zod imported, as
// they were until domain/campaign/resolve.ts stopped importing file-format.ts (issue 13).
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { mb, type Row } from './measure';

const root = path.resolve(__dirname, '..');

async function bundleSize(workflowsPath: string): Promise<number> {
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
  });
  return Buffer.byteLength(code);
}

export async function bundleBenchmarks(): Promise<Row[]> {
  // Inside the repository, so webpack finds node_modules; out/ is git-ignored.
  const dir = path.join(root, 'out', 'bench-bundle');
  fs.mkdirSync(dir, { recursive: true });
  const empty = path.join(dir, 'empty.ts');
  fs.writeFileSync(empty, 'export async function bare(): Promise<void> {}\n');
  const withZod = path.join(dir, 'with-zod.ts');
  fs.writeFileSync(
    withZod,
    "import { z } from 'zod';\nexport const schema = z.strictObject({ id: z.string() });\nexport * from '../../workflows';\n",
  );
  try {
    const ours = await bundleSize(path.join(root, 'workflows', 'index.ts'));
    const bare = await bundleSize(empty);
    const zod = await bundleSize(withZod);
    return [
      {
        benchmark: 'workflow bundle',
        ours: mb(ours),
        baseline: `an empty workflow: ${mb(bare)}`,
        ratio: ours / bare,
        note: 'what our workflows add to the SDK in every context',
      },
      {
        benchmark: 'workflow bundle without zod',
        ours: mb(ours),
        baseline: `with zod, as before: ${mb(zod)}`,
        ratio: ours / zod,
        note: 'below 1: zod stays with the CLI (test/unit/campaign/workflow-imports)',
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
