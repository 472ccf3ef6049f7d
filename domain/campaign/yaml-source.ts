// Reads the campaign YAML while keeping the map from values back to their place in the file, so
// validation problems found later (in plain JS data) can still point at a line and column.

import { LineCounter, isMap, isScalar, parseDocument, visit, type Document, type Node } from 'yaml';
import type { CampaignProblem, FieldPath } from './errors';
import { explainYamlErrors } from './yaml-errors';

export interface YamlSource {
  /** The document as plain data; undefined when the YAML itself is broken. */
  data: unknown;
  syntaxProblems: CampaignProblem[];
  /** Line and column of the value at `path`, or of its nearest existing ancestor. */
  locate(path: FieldPath): { line: number; column: number };
  /** Line and column of a key in the mapping at `path` (for unknown fields). */
  locateKey(path: FieldPath, key: string): { line: number; column: number };
}

export function readYaml(text: string): YamlSource {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema: `2013-06-18` and `11:30` stay strings (1.1 made them a date and 690).
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, version: '1.2' });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  // One problem per line: a single mistake often makes the parser complain twice about it.
  const syntaxProblems: CampaignProblem[] = [];
  for (const { offset, message } of explainYamlErrors(doc.errors, text)) {
    const where = at(offset);
    if (syntaxProblems.some((p) => p.line === where.line)) continue;
    syntaxProblems.push({ ...where, path: '', message: `YAML: ${message}` });
  }
  if (syntaxProblems.length === 0 && doc.contents === null) {
    syntaxProblems.push({ line: 1, column: 1, path: '', message: 'the file is empty' });
  }
  const data = syntaxProblems.length === 0 ? toData(doc, at, syntaxProblems) : undefined;

  const nodeAt = (path: FieldPath): Node | null => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = nodeIn(doc, path.slice(0, depth));
      if (node) return node;
    }
    return null;
  };

  return {
    data,
    syntaxProblems,
    locate: (path) => at(nodeAt(path)?.range?.[0] ?? 0),
    locateKey: (path, key) => {
      const map = nodeIn(doc, path);
      if (isMap(map)) {
        const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (pair && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0]);
      }
      return at(nodeAt(path)?.range?.[0] ?? 0);
    },
  };
}

// Anchors and aliases (`&a`, `*a`) are legal YAML and handy for repeated times, but nested ones
// grow exponentially («billion laughs»): a few lines that would expand to gigabytes. The yaml
// package stops after MAX_ALIASES expansions; that becomes a problem at the first alias.
const MAX_ALIASES = 100;

function toData(
  doc: Document,
  at: (offset: number) => { line: number; column: number },
  problems: CampaignProblem[],
): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const excessive = /alias count/i.test(error.message);
    let offset = 0;
    visit(doc, {
      Alias(_, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    problems.push({
      ...at(offset),
      path: '',
      message: excessive
        ? `YAML: aliases (*name) expand to more than ${MAX_ALIASES} copies; write the values out`
        : `YAML: ${error.message}`,
    });
    return undefined;
  }
}

function nodeIn(doc: Document, path: FieldPath): Node | null {
  if (path.length === 0) return (doc.contents as Node | null) ?? null;
  const node: unknown = doc.getIn(path as (string | number)[], true);
  return node && typeof node === 'object' && 'range' in node ? (node as Node) : null;
}
