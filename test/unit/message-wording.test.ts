/**
 * What polyref says to a writer speaks of the writer's site and of polyref's
 * own documentation: never of the contract file polyref was written from,
 * nor of keys that only its bundled example site has.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/check/rules/index.js';
import { repoRoot } from '../helpers/run-cli.js';

/** Names that mean something only to readers of the bundled example or of polyref's sources. */
const foreignNames = /FORMAT\.md|directory[_-]?(group|user|sync)|DirectoryGroup|DirectoryUser/i;

/** Every string and template literal of the source, with its place: messages, hints and summaries are among them. */
function literals(file: string): Array<{ text: string; line: number }> {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Array<{ text: string; line: number }> = [];
  const visit = (node: ts.Node): void => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('${…}');
    if (text !== null) found.push({ text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('message wording', () => {
  it('names no contract file and no key of the bundled example in any string of the source', () => {
    const offending = sourceFiles(path.join(repoRoot, 'src')).flatMap((file) =>
      literals(file)
        .filter((literal) => foreignNames.test(literal.text))
        .map((literal) => `${path.relative(repoRoot, file)}:${literal.line}: ${literal.text}`),
    );
    expect(offending).toEqual([]);
  });

  it('names no contract file and no key of the bundled example in a rule summary', () => {
    expect(rules.filter((rule) => foreignNames.test(rule.summary)).map((rule) => `${rule.id}: ${rule.summary}`)).toEqual([]);
  });

  it('finds the names it guards against, so that it can fail', () => {
    const probe = literals(path.join(repoRoot, 'test/unit/message-wording.test.ts')).map((literal) => literal.text);
    expect(probe.some((text) => foreignNames.test(text))).toBe(true);
  });
});

// A literal the probe above must find: it is what the source must never say.
export const guardedExample = 'expected a reference such as `(directory_group.id)`';
