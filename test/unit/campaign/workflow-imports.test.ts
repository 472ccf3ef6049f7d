// What the workflow bundle carries: every module reachable from workflows/index.ts through
// value imports, and the packages they name. zod once came in through domain/campaign/resolve.ts
// (two helpers from file-format.ts), and with it 1.1 MB of bundle and its schemas rebuilt in each
// workflow context, ~9 ms per journey loaded into the worker's cache (issue 13). Type-only imports
// are erased and do not count. Walking the imports is pure and takes milliseconds; the bench
// bundles for real and reports the size (bench/bundle.ts).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');

/** Specifiers of the imports and re-exports that survive compilation. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  const found: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    }
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')])
    if (fs.existsSync(candidate)) return candidate;
  throw new Error(`cannot resolve ${specifier} from ${path.relative(root, from)}`);
}

/** Every project file the workflows load, and each package with the first file that names it. */
function workflowGraph(): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [path.join(root, 'workflows', 'index.ts')];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of valueImports(file)) {
      if (specifier.startsWith('.')) queue.push(resolveLocal(file, specifier));
      else if (!packages.has(specifier)) packages.set(specifier, path.relative(root, file));
    }
  }
  return { files, packages };
}

describe('the workflow bundle', () => {
  const { files, packages } = workflowGraph();

  it('has no zod: the campaign schemas stay with the CLI and the parser', () => {
    expect([...packages.keys()].filter((p) => p === 'zod' || p.startsWith('zod/'))).toEqual([]);
    const relative = [...files].map((f) => path.relative(root, f));
    expect(relative).toContain(path.join('domain', 'campaign', 'resolve.ts'));
    expect(relative).not.toContain(path.join('domain', 'campaign', 'file-format.ts'));
  });

  it('loads only the Temporal workflow packages: anything else would be in every workflow context', () => {
    // A new package here is a deliberate choice: add it once its weight in the bundle is known.
    const allowed = new Set(['@temporalio/workflow', '@temporalio/common']);
    const unexpected = [...packages].filter(([p]) => !allowed.has(p));
    expect(unexpected).toEqual([]);
  });

  it('stays inside workflows/, domain/ and the search attribute names', () => {
    const outside = [...files]
      .map((f) => path.relative(root, f))
      .filter((f) => !/^(workflows|domain)\//.test(f) && f !== 'platform/search-attributes.ts');
    expect(outside).toEqual([]);
  });
});
