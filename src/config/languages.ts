export interface Language {
  id: string;
  label: string;
}

/** The SDK languages of FORMAT.md, in display order. */
export const defaultLanguages: readonly Language[] = [
  { id: 'curl', label: 'cURL' },
  { id: 'dotnet', label: '.NET' },
  { id: 'ruby', label: 'Ruby' },
  { id: 'python', label: 'Python' },
  { id: 'js', label: 'Node.js' },
  { id: 'go', label: 'Go' },
  { id: 'php', label: 'PHP' },
  { id: 'java', label: 'Java' },
];

/** What writers call the default languages instead of their ids: `node:` for `js:`, `golang` for `go`. */
const wellKnownAliases: Readonly<Record<string, readonly string[]>> = {
  curl: ['shell', 'sh', 'bash', 'http', 'rest'],
  dotnet: ['csharp', 'c#', 'cs', '.net', 'net', 'c-sharp'],
  ruby: ['rb'],
  python: ['py', 'python3', 'py3'],
  js: ['node', 'nodejs', 'node.js', 'javascript', 'ecmascript'],
  go: ['golang'],
  php: ['php8'],
  java: ['jvm'],
};

/**
 * Other names of the configured languages, lowercase: the well-known ones
 * and each label as written and without punctuation (`Node.js`, `nodejs`).
 */
export function languageAliases(languages: readonly Language[]): Array<[alias: string, id: string]> {
  const aliases: Array<[string, string]> = [];
  for (const { id, label } of languages) {
    for (const alias of wellKnownAliases[id] ?? []) aliases.push([alias, id]);
    const lower = label.toLowerCase();
    aliases.push([lower, id], [lower.replace(/[^a-z0-9#+]/g, ''), id]);
  }
  return aliases.filter(([alias, id]) => alias !== '' && alias !== id);
}
