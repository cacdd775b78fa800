import type {
  DescriptionDefinition,
  DescriptionValue,
  Entry,
  Fix,
  Item,
  ItemReference,
  LinkUse,
  Navigation,
  NavigationLink,
  Place,
  Property,
} from '../model/types.js';
import { markdownLinkUrls } from './markdown-links.js';
import { referenceKeyPath } from './reference-syntax.js';
import { setOwn, type Yaml, type YamlPair, type YamlSource } from './yaml-source.js';

export interface Frontmatter {
  title: string | null;
  data: Record<string, unknown>;
  descriptions: DescriptionDefinition[];
  reference: Record<string, Entry[]>;
  referencePlace: Place | null;
  languagePlaces: Record<string, Place>;
  navigation: Navigation | null;
  /** Links in markdown values (`descriptions`, literal `description`s), at their URLs. */
  links: LinkUse[];
}

/** The fields of an entry that the model names; others are kept for templates. */
export const entryFields: ReadonlySet<string> = new Set([
  'key', 'id', 'url', 'title', 'type', 'description', 'properties', 'parameters', 'returns', 'patternBefore',
]);
/** Every field a property may have. */
export const propertyFields: ReadonlySet<string> = new Set(['key', 'title', 'type', 'optional', 'expanded', 'unwrap', 'description', 'properties']);

/** Reads a page's frontmatter (docs/format.md) into the model, reporting every shape it does not expect. */
export function readFrontmatter(reader: YamlSource, isNavigation: boolean): Frontmatter {
  const result: Frontmatter = { title: null, data: {}, descriptions: [], reference: {}, referencePlace: null, languagePlaces: {}, navigation: null, links: reader.links };
  const root = reader.root;
  if (root === null) return result;
  const pairs = reader.pairs(root, 'the frontmatter');
  if (!pairs) return result;

  for (const { key, keyNode, value } of pairs) {
    switch (key) {
      case 'title':
        result.title = reader.text(value, '`title`');
        break;
      case 'descriptions':
        readDescriptions(reader, value, [], result.descriptions);
        break;
      case 'reference':
        result.referencePlace = reader.place(keyNode);
        for (const language of reader.pairs(value, '`reference`') ?? []) {
          setOwn(result.languagePlaces, language.key, reader.place(language.keyNode));
          setOwn(result.reference, language.key, readEntries(reader, language.value, language.key));
        }
        break;
      case 'links':
        if (isNavigation) break;
        setOwn(result.data, key, reader.plain(value));
        break;
      default:
        setOwn(result.data, key, reader.plain(value));
    }
  }
  if (isNavigation) {
    const links = pairs.find((pair) => pair.key === 'links');
    result.navigation = {
      title: result.title,
      links: links ? readNavigationLinks(reader, links.value) : [],
    };
  }
  return result;
}

function readDescriptions(reader: YamlSource, node: Yaml, path: string[], into: DescriptionDefinition[]): void {
  const what = path.length === 0 ? '`descriptions`' : `\`descriptions.${path.join('.')}\``;
  const pairs = reader.pairs(node, what) ?? [];
  const siblings = new Set(pairs.map((pair) => pair.key));
  for (const pair of pairs) {
    const { keyNode, value } = pair;
    let key = pair.key;
    const place = reader.place(keyNode);
    if (key.includes('.')) {
      // No key path can name it, so nothing can go wrong by leaving it out: a warning, not a failed build.
      reader.diagnostics.push({ ruleId: 'dotted-description-key', message: dottedKeyMessage(reader, key.trim(), pairs), place });
      continue;
    }
    if (key !== key.trim() || key === '') {
      const trimmed = unambiguousTrimmedKey(key, siblings);
      const fix = trimmed === null ? undefined : trimmedKeyFix(reader, keyNode, key);
      reader.diagnostics.push({
        ruleId: 'frontmatter-shape',
        message: `Unexpected description key \`${key}\`, expected a name without dots or surrounding spaces`,
        place,
        ...(fix && trimmed !== null ? { suggestions: [trimmed], fix } : {}),
      });
      // Spaces around a key are recovered from, so that its references do not fail too,
      // and so that `--fix` never "corrects" a reference to the very key it is trimming.
      if (trimmed === null) continue;
      key = trimmed;
    }
    const keyPath = [...path, key];
    if (key === 'self') continue;
    const target = reader.deref(value);
    if (reader.isMap(target)) {
      const self = (reader.pairs(target, `\`descriptions.${keyPath.join('.')}\``) ?? []).find((pair) => pair.key === 'self');
      const markdown = self ? reader.text(self.value, `\`descriptions.${keyPath.join('.')}.self\``) : null;
      if (self && markdown !== null) collectLinks(reader, self.value, markdown);
      into.push({ keyPath: keyPath.join('.'), markdown, isMap: true, place });
      readDescriptions(reader, target, keyPath, into);
    } else {
      const markdown = reader.text(value, `\`descriptions.${keyPath.join('.')}\``);
      if (markdown !== null) collectLinks(reader, value, markdown);
      if (markdown !== null) into.push({ keyPath: keyPath.join('.'), markdown, isMap: false, place });
    }
  }
}

function readEntries(reader: YamlSource, node: Yaml, language: string): Entry[] {
  const entries: Entry[] = [];
  for (const item of reader.items(node, `\`reference.${language}\``) ?? []) {
    const entry = readEntry(reader, item, language);
    if (entry) entries.push(entry);
  }
  return entries;
}

function readEntry(reader: YamlSource, node: Yaml, language: string): Entry | null {
  const pairs = reader.pairs(node, `an entry of \`reference.${language}\``);
  if (!pairs) return null;
  // Until a `key` gives its own place, the entry's place stands for it (one object for both: places are never changed).
  const place = reader.place(node);
  const entry: Entry = {
    language,
    key: '',
    id: null,
    url: null,
    title: null,
    type: null,
    description: null,
    properties: null,
    parameters: null,
    returns: null,
    patternBefore: null,
    extra: {},
    place,
    keyPlace: place,
  };
  let hasKey = false;
  for (const { key, keyNode, value } of pairs) {
    if (!entryFields.has(key)) {
      setOwn(entry.extra, key, reader.plain(value));
      setOwn((entry.extraPlaces ??= {}), key, reader.place(keyNode));
      continue;
    }
    switch (key) {
      case 'key': {
        const text = reader.text(value, 'an entry `key`');
        if (text !== null) {
          hasKey = true;
          entry.key = text;
          entry.keyPlace = reader.place(value);
        }
        break;
      }
      case 'id':
      case 'url':
      case 'title':
      case 'type':
        entry[key] = reader.text(value, `an entry \`${key}\``);
        if (key === 'url') entry.urlPlace = reader.place(value);
        if (key === 'title') entry.titlePlace = reader.place(value);
        if (key === 'type') entry.typePlace = reader.place(value);
        break;
      case 'patternBefore': {
        const pattern = reader.text(value, '`patternBefore`');
        if (pattern !== null && isValidPattern(pattern)) entry.patternBefore = pattern;
        else if (pattern !== null) reader.shape(`Unexpected \`patternBefore\` \`${pattern}\`, expected a valid regular expression`, value);
        break;
      }
      case 'description':
        entry.description = readDescriptionValue(reader, value);
        break;
      case 'properties':
      case 'parameters':
      case 'returns':
        entry[key] = readItems(reader, value, `\`${key}\``);
        break;
    }
  }
  if (!hasKey) reader.shape('Missing `key` in entry, expected the symbol as the language spells it', node);
  return hasKey ? entry : null;
}

function readItems(reader: YamlSource, node: Yaml, what: string): Item[] {
  const items: Item[] = [];
  for (const item of reader.items(node, what) ?? []) {
    const text = reader.isString(item) ? reader.text(item, what) : null;
    if (text !== null) {
      const keyPath = referenceKeyPath(text);
      if (keyPath !== null) items.push(itemReference(reader, item, keyPath));
      else reader.shape(`Unexpected string \`${text}\` in ${what}, expected a property or ${itemReferenceExample(text)}`, item);
      continue;
    }
    const property = readProperty(reader, item, what);
    if (property) items.push(property);
  }
  return items;
}

/** The writer's own text in parentheses when that makes a reference (`Widget` → `(Widget)`), else what one looks like. */
function itemReferenceExample(text: string): string {
  const wrapped = `(${text.trim()})`;
  return referenceKeyPath(wrapped) === null ? "an item reference, an entry's `key` in parentheses" : `an item reference such as \`${wrapped}\``;
}

function itemReference(reader: YamlSource, node: Yaml, keyPath: string): ItemReference {
  const reference: ItemReference = { kind: 'item-reference', path: keyPath.split('.'), place: reader.place(node) };
  const pathRange = referenceRange(reader, node, keyPath);
  if (pathRange) reference.pathRange = pathRange;
  return reference;
}

function readProperty(reader: YamlSource, node: Yaml, what: string): Property | null {
  const pairs = reader.pairs(node, `an item of ${what}`);
  if (!pairs) return null;
  const place = reader.place(node);
  const property: Property = {
    kind: 'property',
    key: '',
    title: null,
    type: null,
    optional: false,
    expanded: false,
    unwrap: false,
    description: null,
    properties: [],
    extra: {},
    place,
    keyPlace: place,
  };
  for (const { key, keyNode, value } of pairs) {
    if (!propertyFields.has(key)) {
      setOwn(property.extra, key, reader.plain(value));
      setOwn((property.extraPlaces ??= {}), key, reader.place(keyNode));
      continue;
    }
    switch (key) {
      case 'key': {
        property.key = reader.text(value, 'a property `key`') ?? '';
        property.keyPlace = reader.place(value);
        break;
      }
      case 'title':
      case 'type':
        property[key] = reader.text(value, `a property \`${key}\``);
        if (key === 'type') property.typePlace = reader.place(value);
        break;
      case 'optional':
      case 'expanded':
      case 'unwrap':
        property[key] = reader.boolean(value, `\`${key}\``);
        if (key === 'optional') property.optionalPlace = reader.place(value);
        break;
      case 'description':
        property.description = readDescriptionValue(reader, value);
        break;
      case 'properties':
        property.properties = readItems(reader, value, '`properties`');
        break;
    }
  }
  // `type` and `description` may be left out: a return written as its type, a property shown by its children (see `missing-description`).
  if (!pairs.some((pair) => pair.key === 'key')) reader.shape('Missing `key` in property, expected the name as the language spells it', node);
  return property.key ? property : null;
}

function readDescriptionValue(reader: YamlSource, node: Yaml): DescriptionValue | null {
  const text = reader.text(node, 'a `description`');
  if (text === null) return null;
  const place = reader.place(node);
  const keyPath = referenceKeyPath(text);
  if (keyPath === null) {
    collectLinks(reader, node, text);
    return { kind: 'markdown', markdown: text, place };
  }
  const reference: DescriptionValue = { kind: 'reference', keyPath, place };
  const keyPathRange = referenceRange(reader, node, keyPath);
  if (keyPathRange) reference.keyPathRange = keyPathRange;
  return reference;
}

/** Where `a.b` stands between the parentheses of `(a.b)` in the file, unless quoting or escapes hide it. */
function referenceRange(reader: YamlSource, node: Yaml, path: string): [number, number] | undefined {
  const raw = reader.raw(node);
  const found = raw ? raw.text.indexOf(`(${path})`) : -1;
  if (!raw || found === -1) return undefined;
  const start = raw.start + found + 1;
  return [start, start + path.length];
}

/**
 * Links of a markdown value, each placed at its URL inside the YAML value when
 * it stands there verbatim (plain, quoted or folded), else at the value.
 */
function collectLinks(reader: YamlSource, node: Yaml, markdown: string): void {
  const urls = markdownLinkUrls(markdown);
  if (urls.length === 0) return;
  const raw = reader.raw(node);
  let cursor = 0;
  for (const url of urls) {
    const found = raw && url !== '' ? findDestination(raw.text, url, cursor) : -1;
    if (!raw || found === -1) {
      reader.links.push({ url, place: reader.place(node) });
      continue;
    }
    cursor = found + url.length;
    reader.links.push({ url, place: reader.placeOfFileRange(raw.start + found, raw.start + cursor) });
  }
}

/** The offset of `url` as a link destination (`](url`, `](<url`, `]: url`), else anywhere, from `from` on. */
function findDestination(text: string, url: string, from: number): number {
  for (const prefix of ['](', '](<', ']: ']) {
    const found = text.indexOf(prefix + url, from);
    if (found !== -1) return found + prefix.length;
  }
  return text.indexOf(url, from);
}

/**
 * What a key written with a dot (`stream.id:` beside `stream:`) probably
 * meant: the last segment nested in the map the others name, which takes
 * the text of a string sibling of that name as its `self`.
 */
function dottedKeyMessage(reader: YamlSource, key: string, siblings: YamlPair[]): string {
  const segments = key.split('.').filter((segment) => segment !== '');
  const unexpected = `Unexpected description key \`${key}\` with a dot, which no reference can name`;
  if (segments.length < 2) return `${unexpected}, expected a name without dots${segments.length === 1 ? ` (did you mean \`${segments[0]}\`?)` : ''}`;
  const nesting = [...segments].reverse().map((segment) => `\`${segment}\``).join(' inside ');
  const first = segments[0]!;
  const sibling = siblings.find((pair) => pair.key === first);
  const self = sibling && !reader.isMap(reader.deref(sibling.value)) ? ` (the text of \`${first}\` moving to its \`self\`)` : '';
  return `${unexpected}, expected nested keys: ${nesting}${self}`;
}

/** `id` for a key `'id '`, unless it would be empty, hold a dot or clash with a sibling. */
function unambiguousTrimmedKey(key: string, siblings: Set<string>): string | null {
  const trimmed = key.trim();
  if (trimmed === key || trimmed === '' || trimmed.includes('.')) return null;
  const sameOnceTrimmed = [...siblings].filter((sibling) => sibling.trim() === trimmed);
  return sameOnceTrimmed.length === 1 ? trimmed : null;
}

/** `'id '` → `'id'`: only inside quotes whose text is the key as written. */
function trimmedKeyFix(reader: YamlSource, keyNode: Yaml, key: string): Fix | undefined {
  const trimmed = key.trim();
  const raw = reader.raw(keyNode);
  const quote = raw?.text[0];
  if (!raw || (quote !== "'" && quote !== '"') || raw.text.length < 2 || !raw.text.endsWith(quote)) return undefined;
  const inner = raw.text.slice(1, -1);
  if (/[\r\n]/.test(inner) || (quote === '"' && inner.includes('\\'))) return undefined;
  const text = inner.trim();
  if ((quote === "'" ? text.replace(/''/g, "'") : text) !== trimmed) return undefined;
  return { range: [raw.start + 1, raw.start + 1 + inner.length], text };
}

function readNavigationLinks(reader: YamlSource, node: Yaml): NavigationLink[] {
  const links: NavigationLink[] = [];
  for (const item of reader.items(node, 'navigation `links`') ?? []) {
    const pairs = reader.pairs(item, 'a navigation link');
    if (!pairs) continue;
    const field = (name: string) => pairs.find((pair) => pair.key === name);
    const title = field('title');
    const url = field('url');
    const children = field('links');
    if (!title) reader.shape('Missing `title` in navigation link', item);
    const link: NavigationLink = {
      title: title ? reader.text(title.value, 'a navigation `title`') ?? '' : '',
      url: url ? reader.text(url.value, 'a navigation `url`') ?? '' : '',
      links: children ? readNavigationLinks(reader, children.value) : [],
      place: reader.place(url?.value ?? item),
    };
    links.push(link);
  }
  return links;
}

function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
