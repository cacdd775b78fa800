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
