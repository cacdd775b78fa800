/**
 * Random YAML frontmatter shaped like reference pages, written in every style
 * YAML allows, for tests that compare the fast and the reference YAML readers.
 * Everything is drawn from one seed, so a failing case is reproduced by its
 * seed alone.
 */

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(list: readonly T[]): T;
}

/** mulberry32 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (list) => list[Math.floor(next() * list.length)]!,
  };
}

/** A value to write: a map, a list, a string to be written in some style, or a plain scalar as written. */
export type Value =
  | { map: Array<[string, Value]> }
  | { seq: Value[] }
  | { text: string }
  | { raw: string };

export type Variant =
  /** Valid YAML in block style only: the fast reader should take nearly all of it. */
  | 'clean'
  /** Also anchors, aliases, tags, flow collections, explicit keys, tabs, duplicate keys. */
  | 'exotic'
  /** Clean YAML with a few random edits: mostly broken documents. */
  | 'mutated';

const words = ['group', 'id', 'name', 'the', 'value', 'of', 'organization', 'directory', 'user', 'role', 'a', 'is', 'when', 'set'];
const oddTexts = [
  '', ' ', 'a: b', 'a #b', '#x', 'x#y', '- x', '? x', ': x', '[x]', '{x}', '&a', '*a', '!t', '|', '>', '%x', '@x', '`x`',
  "it's", 'say "hi"', 'back\\slash', 'tab\there', 'é', 'ünï', '😀', '\u2028', '\u0085', 'x\u00a0y', '...', '---', 'a  b', ' lead', 'trail ',
  'true', 'false', 'True', 'TRUE', 'yes', 'no', 'on', 'null', 'Null', '~', '1', '-1', '+1', '01', '0o17', '0x1F', '0xg', '1.0', '1.50', '.5', '1e3',
  '1E-2', '.inf', '-.Inf', '.nan', '.NaN', '1_000', '0b101', '12:30', '2001-12-14', '<<', '__proto__', 'constructor', 'toString',
];
const rawScalars = ['true', 'false', 'True', 'null', '~', '1', '-7', '0o17', '0x1F', '1.5', '1.50', '.inf', '-.inf', '.nan', '1e3', '01', '+3', ''];

function sentence(random: Random): string {
  const count = random.int(1, 12);
  const parts: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const roll = random.next();
    if (roll < 0.06) parts.push(`[${random.pick(words)}](/${random.pick(words)}/${random.pick(words)}${random.chance(0.3) ? `#${random.pick(words)}` : ''})`);
    else if (roll < 0.1) parts.push(`\`${random.pick(words)}\``);
    else if (roll < (strict ? 0.11 : 0.16)) parts.push(random.pick(oddTexts));
    else parts.push(random.pick(words));
  }
  let text = parts.join(random.chance(0.05) ? '  ' : ' ');
  if (random.chance(0.1)) text += `\n${random.chance(0.3) ? '\n' : ''}${sentence(random)}`;
  if (random.chance(0.05)) text = `  ${text}`;
  if (random.chance(0.05)) text += random.pick([' ', '\n', '\n\n']);
  return text;
}

function reference(random: Random): string {
  const depth = random.int(1, 3);
  const path = Array.from({ length: depth }, () => random.pick(words));
  return `(${path.join('.')})`;
}

function text(random: Random): Value {
  const roll = random.next();
  if (roll < 0.3) return { text: reference(random) };
  if (roll < (strict ? 0.33 : 0.4)) return { text: random.pick(oddTexts) };
  return { text: sentence(random) };
}

/** In the `clean` variant, values keep to what the model accepts, so the fast reader sees whole pages. */
let strict = false;

function extraValue(random: Random, depth: number): Value {
  const roll = random.next();
  if (depth < 2 && roll < 0.1) return { seq: Array.from({ length: random.int(1, 3) }, () => extraValue(random, depth + 1)) };
  if (depth < 2 && roll < 0.2) return { map: Array.from({ length: random.int(1, 3) }, (_, index) => [`${random.pick(words)}${index}`, extraValue(random, depth + 1)] as [string, Value]) };
  if (roll < 0.6) return { raw: random.pick(rawScalars) };
  return text(random);
}

function property(random: Random, depth: number): Value {
  if (random.chance(0.2)) return { text: `(${random.pick(['Group', 'User', 'Role'])}${random.chance(0.5) ? `.${random.pick(words)}` : ''})` };
  const pairs: Array<[string, Value]> = [];
  const fields = ['key', 'type', 'description', 'optional', 'title', 'expanded', 'unwrap', 'properties', 'note'];
  for (const field of fields) {
    if (field !== 'key' && field !== 'type' && field !== 'description' && !random.chance(0.2)) continue;
    if (field === 'key' && random.chance(strict ? 0.002 : 0.03)) continue;
    switch (field) {
      case 'optional':
      case 'expanded':
      case 'unwrap':
        pairs.push([field, { raw: random.pick(strict ? ['true', 'false', 'True', 'FALSE'] : ['true', 'false', 'True', 'FALSE', 'yes', '1']) }]);
        break;
      case 'properties':
        if (depth < 2) pairs.push([field, { seq: Array.from({ length: random.int(1, 3) }, () => property(random, depth + 1)) }]);
        break;
      case 'note':
        pairs.push([field, extraValue(random, 1)]);
        break;
      case 'key':
        pairs.push([field, random.chance(0.9) ? { text: random.pick(words) } : { raw: random.pick(strict ? ['1', '0x1F', 'true', '.inf', '1.50'] : rawScalars) }]);
        break;
      default:
        pairs.push([field, text(random)]);
    }
  }
  if (random.chance(0.3)) shuffle(random, pairs);
  return { map: pairs };
}

function entry(random: Random): Value {
  const pairs: Array<[string, Value]> = [['key', { text: random.pick(['Group', 'User', 'getGroup', 'list_users', '1']) }]];
  for (const field of ['id', 'url', 'title', 'type', 'description', 'patternBefore', 'sendsEmail']) {
    if (random.chance(0.5)) pairs.push([field, field === 'sendsEmail' ? { raw: random.pick(rawScalars) } : field === 'patternBefore' ? { text: random.pick(strict ? ['\\.', 'a+'] : ['\\.', '(', 'a+']) } : text(random)]);
  }
  for (const list of ['properties', 'parameters', 'returns']) {
    if (random.chance(0.5)) pairs.push([list, { seq: Array.from({ length: random.int(1, 4) }, () => property(random, 0)) }]);
  }
  if (random.chance(0.3)) shuffle(random, pairs);
  return { map: pairs };
}

function descriptions(random: Random, depth: number): Value {
  const pairs: Array<[string, Value]> = [];
  if (depth > 0 && random.chance(0.7)) pairs.push(['self', text(random)]);
  const count = random.int(1, 4);
  for (let index = 0; index < count; index += 1) {
    const key = random.chance(strict ? 0.01 : 0.05) ? random.pick(oddTexts) : `${random.pick(words)}_${index}`;
    pairs.push([key, depth < 2 && random.chance(0.3) ? descriptions(random, depth + 1) : text(random)]);
  }
  return { map: pairs };
}

function navigationLinks(random: Random, depth: number): Value {
  return {
    seq: Array.from({ length: random.int(1, 3) }, () => {
      const pairs: Array<[string, Value]> = [];
      if (random.chance(0.95)) pairs.push(['title', text(random)]);
      if (random.chance(0.8)) pairs.push(['url', { text: `/${random.pick(words)}` }]);
      if (depth < 2 && random.chance(0.3)) pairs.push(['links', navigationLinks(random, depth + 1)]);
      if (random.chance(0.1)) pairs.push(['extra', extraValue(random, 1)]);
      return { map: pairs };
    }),
  };
}

/** The document: the keys of FORMAT.md in random order, with random extra keys. */
export function frontmatterValue(random: Random): { map: Array<[string, Value]> } {
  const pairs: Array<[string, Value]> = [];
  if (random.chance(0.7)) pairs.push(['title', text(random)]);
  if (random.chance(0.7)) pairs.push(['descriptions', descriptions(random, 0)]);
  if (random.chance(0.8)) {
    const languages: Array<[string, Value]> = [];
    for (const language of ['curl', 'python', 'go', 'js', 'cobol', '__proto__']) {
      if (random.chance(language.length > 4 ? 0.05 : 0.4)) languages.push([language, { seq: Array.from({ length: random.int(1, 2) }, () => entry(random)) }]);
    }
    if (languages.length > 0) pairs.push(['reference', { map: languages }]);
  }
  if (random.chance(0.2)) pairs.push(['links', navigationLinks(random, 0)]);
  const extraKeys = strict ? ['originalPath', 'sidebar', 'tags', 'order', 'toString', '1', '0x10', '__proto__'] : ['originalPath', 'sidebar', 'tags', 'order', 'toString', '1', 'true', '~'];
  for (let index = random.int(0, 2); index > 0; index -= 1) pairs.push([`${random.pick(extraKeys)}${strict ? index : ''}`, extraValue(random, 0)]);
  if (random.chance(0.3)) shuffle(random, pairs);
  return { map: pairs };
}

function shuffle<T>(random: Random, list: T[]): void {
  for (let index = list.length - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [list[index], list[other]] = [list[other]!, list[index]!];
  }
}

// ---------------------------------------------------------------------------
// Writing YAML

interface Writer {
  random: Random;
  exotic: boolean;
  lines: string[];
  anchors: string[];
}

/** Writes `value` as the frontmatter of a page: YAML text ending in a line break. */
export function writeYaml(value: { map: Array<[string, Value]> }, random: Random, variant: Variant): string {
  const writer: Writer = { random, exotic: variant === 'exotic', lines: [], anchors: [] };
  if (random.chance(0.1)) writer.lines.push('# a comment before everything');
  if (value.map.length === 0) writer.lines.push('{}');
  else writeMapBody(writer, value.map, 0);
  if (random.chance(0.1)) writer.lines.push(random.pick(['', '# the end', '   ']));
  let yaml = `${writer.lines.join('\n')}\n`;
  if (variant === 'mutated') yaml = mutate(yaml, random);
  return yaml;
}

function writeMapBody(writer: Writer, pairs: Array<[string, Value]>, indent: number, firstPrefix?: string): void {
  const { random } = writer;
  pairs.forEach(([key, value], index) => {
    const pad = index === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent);
    if (random.chance(0.04)) writer.lines.push(`${' '.repeat(random.int(0, indent + 2))}# note`);
    if (random.chance(0.03)) writer.lines.push('');
    writePair(writer, pad, writeKey(writer, key), value, indent);
    if (writer.exotic && random.chance(0.02)) writePair(writer, ' '.repeat(indent), writeKey(writer, key), value, indent);
  });
}

function writeKey(writer: Writer, key: string): string {
  const { random } = writer;
  const safe = /^[A-Za-z_][\w-]*$/.test(key);
  if (safe && random.chance(0.9)) return key;
  if (random.chance(0.5) && !key.includes('\n')) return `'${key.replace(/'/g, "''")}'`;
  return JSON.stringify(key);
}

function writePair(writer: Writer, pad: string, key: string, value: Value, indent: number): void {
  const { random } = writer;
  const step = random.pick([2, 2, 2, 1, 3, 4]);
  const spaceAfterColon = random.chance(0.95) ? ' ' : '   ';
  if (writer.exotic && random.chance(0.03)) {
    writer.lines.push(`${pad}? ${key}`);
    pad = ' '.repeat(pad.length);
    key = '';
  }
  const head = `${pad}${key}:`;
  if ('map' in value) {
    if (value.map.length === 0) {
      writer.lines.push(`${head}${spaceAfterColon}{}`);
      return;
    }
    if (writer.exotic && random.chance(0.1)) {
      writer.lines.push(`${head}${spaceAfterColon}${flow(value)}`);
      return;
    }
    writer.lines.push(`${head}${properties(writer)}${comment(writer)}`);
    writeMapBody(writer, value.map, indent + step);
  } else if ('seq' in value) {
    if (writer.exotic && random.chance(0.1)) {
      writer.lines.push(`${head}${spaceAfterColon}${flow(value)}`);
      return;
    }
    writer.lines.push(`${head}${properties(writer)}${comment(writer)}`);
    // A list may sit at its key's own indentation.
    writeSeqBody(writer, value.seq, random.chance(0.3) ? indent : indent + step);
  } else {
    writeScalar(writer, head + spaceAfterColon, value, indent + step);
  }
}

function writeSeqBody(writer: Writer, items: Value[], indent: number): void {
  const { random } = writer;
  const pad = ' '.repeat(indent);
  for (const item of items) {
    if (random.chance(0.03)) writer.lines.push(`${pad}# between items`);
    const dash = `${pad}-${random.chance(0.9) ? ' ' : '   '}`;
    if ('map' in item && item.map.length > 0) {
      if (random.chance(0.15)) {
        writer.lines.push(`${pad}-${comment(writer)}`);
        writeMapBody(writer, item.map, indent + random.pick([2, 3, 4]));
      } else {
        writeMapBody(writer, item.map, dash.length, dash);
      }
    } else if ('seq' in item) {
      writer.lines.push(`${pad}-`);
      writeSeqBody(writer, item.seq, indent + 2);
    } else if ('map' in item) {
      writer.lines.push(`${dash}{}`);
    } else {
      writeScalar(writer, dash, item, dash.length);
    }
  }
}

function properties(writer: Writer): string {
  const { random } = writer;
  if (!writer.exotic || !random.chance(0.1)) return '';
  const name = `a${writer.anchors.length}`;
  writer.anchors.push(name);
  return ` &${name}`;
}

function comment(writer: Writer): string {
  return writer.random.chance(0.05) ? '  # trailing comment' : '';
}

function flow(value: Value): string {
  if ('map' in value) return `{ ${value.map.map(([key, item]) => `${JSON.stringify(key)}: ${flow(item)}`).join(', ')} }`;
  if ('seq' in value) return `[${value.seq.map(flow).join(', ')}]`;
  if ('raw' in value) return value.raw === '' ? 'null' : value.raw;
  return JSON.stringify(value.text);
}

/** One scalar, after `prefix` (`key: ` or `- `), its continuation lines indented at `indent`. */
function writeScalar(writer: Writer, prefix: string, value: { text: string } | { raw: string }, indent: number): void {
  const { random, lines } = writer;
  const pad = ' '.repeat(indent);
  if (writer.exotic && random.chance(0.05)) {
    if (writer.anchors.length > 0 && random.chance(0.5)) {
      lines.push(`${prefix}*${random.pick(writer.anchors)}`);
      return;
    }
    prefix += random.pick(['!!str ', '! ', '!custom ', `&s${lines.length} `]);
  }
  if (writer.exotic && random.chance(0.02)) prefix += '\t';
  if ('raw' in value) {
    lines.push(value.raw === '' ? `${prefix.trimEnd()}${comment(writer)}` : `${prefix}${value.raw}${comment(writer)}`);
    return;
  }
  const text = value.text;
  let style = random.pick(['plain', 'plain', 'single', 'double', 'folded', 'literal', 'next-line']);
  if (strict && (style === 'plain' || style === 'next-line') && !isPlainSafe(text)) style = random.pick(['single', 'double', 'folded', 'literal']);
  if (strict && (style === 'folded' || style === 'literal') && (/^\s|\s$/.test(text) || text === '')) style = random.pick(['single', 'double']);
  switch (style) {
    case 'plain': {
      const folded = text.split('\n');
      lines.push(`${prefix}${folded[0]}`);
      for (const line of folded.slice(1)) lines.push(line === '' ? '' : `${pad}${line}`);
      if (random.chance(0.05)) lines[lines.length - 1] += comment(writer);
      return;
    }
    case 'single': {
      const escaped = text.replace(/'/g, "''").split('\n');
      if (escaped.length === 1 && random.chance(0.2) && escaped[0]!.includes(' ')) {
        // A long line folded in two: one line break reads as a space.
        const cut = escaped[0]!.indexOf(' ');
        lines.push(`${prefix}'${escaped[0]!.slice(0, cut)}`, `${pad}${escaped[0]!.slice(cut + 1)}'`);
        return;
      }
      // A line break in a quoted scalar is written as an empty line.
      lines.push(`${prefix}'${escaped[0]}`);
      for (const line of escaped.slice(1)) lines.push('', `${pad}${line}`);
      lines[lines.length - 1] += `'${comment(writer)}`;
      return;
    }
    case 'double': {
      let inner = JSON.stringify(text).slice(1, -1);
      if (random.chance(0.2)) inner = inner.replace(/é/g, '\\xe9').replace(/ /g, random.pick([' ', '\\x20', '\\u0020', '\\_']));
      if (random.chance(0.1)) inner += random.pick(strict ? ['\\/', '\\t', '\\0', '\\a', '\\e', '\\N', '\\L', '\\P', '\\U0001F600'] : ['\\/', '\\t', '\\0', '\\a', '\\e', '\\N', '\\L', '\\P', '\\U0001F600', '\\q', '\\x4']);
      if (random.chance(0.15) && inner.includes(' ')) {
        const cut = inner.indexOf(' ');
        lines.push(`${prefix}"${inner.slice(0, cut)}${random.chance(0.5) ? '\\' : ''}`, `${pad}${inner.slice(cut + 1)}"${comment(writer)}`);
        return;
      }
      lines.push(`${prefix}"${inner}"${comment(writer)}`);
      return;
    }
    case 'next-line':
      lines.push(prefix.trimEnd());
      writeScalar(writer, pad, { text: text.replace(/\n/g, ' ') }, indent);
      return;
    default: {
      const indicator = style === 'folded' ? '>' : '|';
      const chomp = random.pick(['', '', '-', '+']);
      const explicit = random.chance(0.1) ? String(random.int(1, 4)) : '';
      const header = random.chance(0.5) ? `${indicator}${chomp}${explicit}` : `${indicator}${explicit}${chomp}`;
      lines.push(`${prefix}${header}${random.chance(0.05) ? ' # header comment' : ''}`);
      const bodyPad = explicit ? ' '.repeat(prefixIndent(prefix) + Number(explicit)) : pad;
      for (const line of text.split('\n')) lines.push(line === '' ? (random.chance(0.2) ? bodyPad : '') : `${random.chance(0.05) ? `${bodyPad}  ` : bodyPad}${line}`);
      for (let blank = random.pick([0, 0, 1, 2]); blank > 0; blank -= 1) lines.push(random.chance(0.3) ? `${bodyPad}  ` : '');
    }
  }
}

/** Text that reads back as itself when written plain. */
function isPlainSafe(text: string): boolean {
  return (
    text !== '' &&
    text.trim() === text &&
    !/^[-?:,\[\]{}#&*!|>'"%@`]/.test(text) &&
    !/: |:$| #|\n\n|\s\n|\n\s|[\u0085\u2028\u2029\t]/.test(text) &&
    !oddTexts.slice(oddTexts.indexOf('true')).includes(text) &&
    !/^[-+.\d]/.test(text) &&
    text !== '...' && text !== '---'
  );
}

/** The indentation of the node a block scalar belongs to: the key's column, or the dash's. */
function prefixIndent(prefix: string): number {
  const dash = /^( *)- +$/.exec(prefix);
  if (dash) return dash[1]!.length;
  const key = /^( *(?:- +)?)/.exec(prefix);
  return key ? key[1]!.length : 0;
}

const mutations = [':', ' ', '-', '"', "'", '\n', '#', '|', '>', '[', '{', '&', '*', '!', '\t', '  ', '\\', '?', ',', '\r', '%', '@'];

/** A few random single edits, mostly breaking the document. */
function mutate(yaml: string, random: Random): string {
  let result = yaml;
  for (let edits = random.int(1, 3); edits > 0; edits -= 1) {
    const at = random.int(0, Math.max(0, result.length - 1));
    const roll = random.next();
    if (roll < 0.4) result = result.slice(0, at) + result.slice(at + 1);
    else if (roll < 0.8) result = result.slice(0, at) + random.pick(mutations) + result.slice(at);
    else {
      // Move a line left or right.
      const start = result.lastIndexOf('\n', at) + 1;
      result = random.chance(0.5) ? `${result.slice(0, start)} ${result.slice(start)}` : result.slice(0, start) + result.slice(start).replace(/^ /, '');
    }
  }
  return result;
}

/** A whole frontmatter text for `seed`, CRLF line endings on some. */
export function generateFrontmatter(seed: number, variant: Variant): string {
  const random = createRandom(seed);
  strict = variant === 'clean';
  const yaml = writeYaml(frontmatterValue(random), random, variant);
  return random.chance(0.15) ? yaml.replace(/\r?\n/g, '\r\n') : yaml;
}
