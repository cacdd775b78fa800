/**
 * Documented types that say what a JSON value is: `string`, `boolean`,
 * `integer`, `number`, `object`, `array`, `null`, quoted literals such as
 * `'"directory_group"'`, and unions of them (`string | null`,
 * `"asc" | "desc"`). Any other type (`List<Group>`, `*string`, `Task<Group>`)
 * is a language's own and is never compared.
 */
export type JsonKind = 'string' | 'boolean' | 'integer' | 'number' | 'object' | 'array' | 'null';

export interface PlainType {
  kinds: ReadonlySet<JsonKind>;
  /** The values of quoted literal members, which are strings. */
  literals: string[];
}

const kindNames = new Set<string>(['string', 'boolean', 'integer', 'number', 'object', 'array', 'null']);

export function plainType(type: string | null): PlainType | null {
  if (type === null) return null;
  const kinds = new Set<JsonKind>();
  const literals: string[] = [];
  for (const member of splitUnion(type)) {
    const literal = /^"([^"\\]*)"$|^'([^'\\]*)'$/.exec(member);
    if (literal) literals.push(literal[1] ?? literal[2]!);
    else if (kindNames.has(member)) kinds.add(member as JsonKind);
    else return null;
  }
  return kinds.size > 0 || literals.length > 0 ? { kinds, literals } : null;
}

/** The members of `a | b`, trimmed; a `|` inside quotes is part of a literal. */
function splitUnion(type: string): string[] {
  const members: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const character of type) {
    if (quote) {
      if (character === quote) quote = null;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === '|') {
      members.push(current.trim());
      current = '';
      continue;
    }
    current += character;
  }
  members.push(current.trim());
  return members;
}

/** What kind of JSON value `value` is, telling integers from other numbers. */
export function jsonKindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value as JsonKind;
  return 'object';
}

/** Whether a JSON value of `kind` (with `value`, for strings) is one the plain type allows. */
export function allows(type: PlainType, kind: JsonKind, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return type.kinds.has('string') || type.literals.includes(value as string);
    case 'integer':
      return type.kinds.has('integer') || type.kinds.has('number');
    default:
      return type.kinds.has(kind);
  }
}

/**
 * Whether some value could be of both types: an integer is a number, a
 * literal a string. `null` is left out on both sides, since whether a value
 * may be null is not what a type mismatch is about.
 */
export function overlaps(type: PlainType, kinds: ReadonlySet<JsonKind>): boolean {
  const documented = new Set(type.kinds);
  if (type.literals.length > 0) documented.add('string');
  documented.delete('null');
  if (documented.size === 0) return true;
  for (const kind of documented) {
    if (kinds.has(kind)) return true;
    if ((kind === 'integer' && kinds.has('number')) || (kind === 'number' && kinds.has('integer'))) return true;
  }
  return false;
}
