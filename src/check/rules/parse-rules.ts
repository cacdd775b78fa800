import type { Rule } from '../rule.js';

/** Problems the load and parse stages report themselves, listed here for ids, severities and docs. */
export const parseRules: Rule[] = [
  { id: 'file-encoding', severity: 'error', summary: 'A page must be UTF-8 text.' },
  { id: 'file-too-large', severity: 'error', summary: 'A page must be smaller than 4 MB.' },
  { id: 'file-unreadable', severity: 'error', summary: 'A page must be readable.' },
  { id: 'empty-file', severity: 'warn', summary: 'A page should have content.' },
  { id: 'frontmatter-syntax', severity: 'error', summary: 'Frontmatter must be closed, valid YAML without duplicate keys or alias bombs.' },
  { id: 'frontmatter-shape', severity: 'error', summary: 'Frontmatter must have the shape the page format describes.' },
  { id: 'dotted-description-key', severity: 'warn', summary: 'A `descriptions` key is a name without dots; nesting makes a key path.' },
  { id: 'mdx-syntax', severity: 'error', summary: 'The body must be valid MDX.' },
  { id: 'mdx-unsupported', severity: 'error', summary: 'Imports, exports and expressions cannot be evaluated and are not allowed.' },
  { id: 'unsafe-html', severity: 'error', summary: 'An HTML element in the body must be one that can be shown safely; others are left out.' },
];
