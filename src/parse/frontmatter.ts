import { isMap, isScalar } from 'yaml';
import type {
  DescriptionDefinition,
  DescriptionValue,
  Entry,
  Item,
  Navigation,
  NavigationLink,
  Place,
  Property,
} from '../model/types.js';
import { parseReference } from './reference-syntax.js';
import type { Yaml, YamlReader } from './yaml-reader.js';

export interface Frontmatter {
  title: string | null;
  data: Record<string, unknown>;
  descriptions: DescriptionDefinition[];
  reference: Record<string, Entry[]>;
  languagePlaces: Record<string, Place>;
  navigation: Navigation | null;
}

const entryFields = new Set([
  'key', 'id', 'url', 'title', 'type', 'description', 'properties', 'parameters', 'returns', 'patternBefore',
]);
const propertyFields = new Set(['key', 'title', 'type', 'optional', 'expanded', 'unwrap', 'description', 'properties']);

/** Reads the frontmatter of FORMAT.md into the model, reporting every shape it does not expect. */
export function readFrontmatter(reader: YamlReader, isNavigation: boolean): Frontmatter {
  const result: Frontmatter = { title: null, data: {}, descriptions: [], reference: {}, languagePlaces: {}, navigation: null };
  const root = reader.root;
  if (root === null) return result;
  const pairs = reader.pairs(root, 'the frontmatter');
  if (!pairs) return result;

  for (const { key, value } of pairs) {
    switch (key) {
      case 'title':
        result.title = reader.text(value, '`title`');
        break;
      case 'descriptions':
        readDescriptions(reader, value, [], result.descriptions);
        break;
      case 'reference':
        for (const language of reader.pairs(value, '`reference`') ?? []) {
          result.languagePlaces[language.key] = reader.place(language.keyNode);
          result.reference[language.key] = readEntries(reader, language.value, language.key);
        }
        break;
      case 'links':
        if (isNavigation) break;
        result.data[key] = reader.plain(value);
        break;
      default:
        result.data[key] = reader.plain(value);
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

function readDescriptions(reader: YamlReader, node: Yaml, path: string[], into: DescriptionDefinition[]): void {
  const what = path.length === 0 ? '`descriptions`' : `\`descriptions.${path.join('.')}\``;
  for (const { key, keyNode, value } of reader.pairs(node, what) ?? []) {
    const keyPath = [...path, key];
    const place = reader.place(keyNode);
    if (key !== key.trim() || key === '' || key.includes('.')) {
      reader.shape(`Unexpected description key \`${key}\`, expected a name without dots or surrounding spaces`, keyNode);
      continue;
    }
    if (key === 'self') continue;
    const target = reader.deref(value);
    if (isMap(target)) {
      const self = (reader.pairs(target, `\`descriptions.${keyPath.join('.')}\``) ?? []).find((pair) => pair.key === 'self');
      const markdown = self ? reader.text(self.value, `\`descriptions.${keyPath.join('.')}.self\``) : null;
      into.push({ keyPath: keyPath.join('.'), markdown, isMap: true, place });
      readDescriptions(reader, target, keyPath, into);
    } else {
      const markdown = reader.text(value, `\`descriptions.${keyPath.join('.')}\``);
      if (markdown !== null) into.push({ keyPath: keyPath.join('.'), markdown, isMap: false, place });
    }
  }
}

function readEntries(reader: YamlReader, node: Yaml, language: string): Entry[] {
  const entries: Entry[] = [];
  for (const item of reader.items(node, `\`reference.${language}\``) ?? []) {
    const entry = readEntry(reader, item, language);
    if (entry) entries.push(entry);
  }
  return entries;
}

function readEntry(reader: YamlReader, node: Yaml, language: string): Entry | null {
  const pairs = reader.pairs(node, `an entry of \`reference.${language}\``);
  if (!pairs) return null;
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
    place: reader.place(node),
    keyPlace: reader.place(node),
  };
  let hasKey = false;
  for (const { key, value } of pairs) {
    if (!entryFields.has(key)) {
      entry.extra[key] = reader.plain(value);
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

function readItems(reader: YamlReader, node: Yaml, what: string): Item[] {
  const items: Item[] = [];
  for (const item of reader.items(node, what) ?? []) {
    const text = isScalarString(item) ? reader.text(item, what) : null;
    if (text !== null) {
      const path = parseReference(text);
      if (path) items.push({ kind: 'item-reference', path, place: reader.place(item) });
      else reader.shape(`Unexpected string \`${text}\` in ${what}, expected a property or an item reference such as \`(DirectoryGroup)\``, item);
      continue;
    }
    const property = readProperty(reader, item, what);
    if (property) items.push(property);
  }
  return items;
}

function isScalarString(node: Yaml): boolean {
  return isScalar(node) && typeof node.value === 'string';
}

function readProperty(reader: YamlReader, node: Yaml, what: string): Property | null {
  const pairs = reader.pairs(node, `an item of ${what}`);
  if (!pairs) return null;
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
    place: reader.place(node),
    keyPlace: reader.place(node),
  };
  const seen = new Set<string>();
  for (const { key, value } of pairs) {
    seen.add(key);
    if (!propertyFields.has(key)) {
      property.extra[key] = reader.plain(value);
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
        break;
      case 'optional':
      case 'expanded':
      case 'unwrap':
        property[key] = reader.boolean(value, `\`${key}\``);
        break;
      case 'description':
        property.description = readDescriptionValue(reader, value);
        break;
      case 'properties':
        property.properties = readItems(reader, value, '`properties`');
        break;
    }
  }
  for (const required of ['key', 'type', 'description'] as const) {
    if (!seen.has(required)) {
      const hint = required === 'description' ? 'a reference such as `(directory_group.id)` or markdown' : required === 'key' ? 'the name as the language spells it' : 'the type as the language spells it';
      reader.shape(`Missing \`${required}\` in property${property.key ? ` \`${property.key}\`` : ''}, expected ${hint}`, node);
    }
  }
  return property.key ? property : null;
}

function readDescriptionValue(reader: YamlReader, node: Yaml): DescriptionValue | null {
  const text = reader.text(node, 'a `description`');
  if (text === null) return null;
  const place = reader.place(node);
  const path = parseReference(text);
  return path ? { kind: 'reference', keyPath: path.join('.'), place } : { kind: 'markdown', markdown: text, place };
}

function readNavigationLinks(reader: YamlReader, node: Yaml): NavigationLink[] {
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
