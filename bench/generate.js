#!/usr/bin/env node
/**
 * Deterministic synthetic reference site for benchmarks.
 *
 *   node bench/generate.js --pages 1000 --out .bench/site [--seed 1] [--navigation site|folder]
 *
 * The same options always give byte-identical output. The site follows
 * FORMAT.md: object pages and method pages (get, list, create, update,
 * delete) per resource, three resources and a guide per area folder
 * (about 20 pages), one shared-definitions page, a home page and a
 * `_navigation.mdx`. Every page defines its own `descriptions`, refers to
 * shared ones, and refers by item reference to entries on other pages; entry
 * keys are unique per language across the site, so every reference resolves
 * unambiguously and `polyref check` reports nothing.
 *
 * Each resource draws from its own random stream, so a site of 2,000 pages
 * starts with the same pages as a site of 1,000: scaling runs compare like
 * with like.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Part of the stamp `run.js` keeps beside a generated site, with a hash of this file: a change regenerates. */
export const generatorVersion = 2;

/** @typedef {'curl' | 'dotnet' | 'ruby' | 'python' | 'js' | 'go' | 'php' | 'java'} LanguageId */

/** The default languages, in display order. @type {readonly LanguageId[]} */
export const languages = ['curl', 'dotnet', 'ruby', 'python', 'js', 'go', 'php', 'java'];

/**
 * @typedef {object} GenerateOptions
 * @property {number} [pages] pages to generate (every `.mdx` page, home and shared page included; at least 3)
 * @property {number} [seed] seed of the random streams
 * @property {'site' | 'folder'} [navigation] `site`: one `_navigation.mdx` listing every page;
 *   `folder`: one per area folder, plus a top one listing the areas
 * @property {number} [gapRate] chance that an SDK leaves out an optional field (default 0: every
 *   language documents the same key paths, as a clean site must)
 * @property {boolean} [examples] write an example folder for each code block (default true); without
 *   them every block shows its reference alone and `missing-example` warns, as on a partial site
 */

/**
 * @typedef {object} SiteStats
 * @property {number} pages pages (`.mdx` files other than `_navigation.mdx`)
 * @property {number} sources every `.mdx` file
 * @property {number} exampleFolders
 * @property {number} exampleFiles
 * @property {number} propertyRows items (properties and item references, at any depth) in every `reference`
 * @property {number} frontmatterBytes
 * @property {number} contentBytes
 * @property {number} exampleBytes
 * @property {number} entries
 * @property {number} descriptionKeys
 */

/**
 * @typedef {object} GeneratedSite
 * @property {Array<{ path: string, text: string }>} files paths relative to the site folder, `/`-separated
 * @property {SiteStats} stats
 */

// ---------------------------------------------------------------------------
// Random numbers

/**
 * mulberry32: small, fast and good enough for test data.
 * @param {number} seed
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** @param {number} min @param {number} max inclusive */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** @param {number} probability */
    chance: (probability) => next() < probability,
    /** @template T @param {readonly T[]} list @returns {T} */
    pick: (list) => /** @type {T} */ (list[Math.floor(next() * list.length)]),
    /** Fisher–Yates on a copy. @template T @param {readonly T[]} list @returns {T[]} */
    shuffle: (list) => {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = /** @type {[T, T]} */ ([copy[j], copy[i]]);
      }
      return copy;
    },
  };
}

/** @typedef {ReturnType<typeof createRandom>} Random */

/** A seed for stream `index` of `label`, independent of every other stream. @param {number} seed @param {string} label @param {number} index */
function streamSeed(seed, label, index) {
  let hash = 2166136261 ^ seed;
  for (const char of `${label}:${index}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

// ---------------------------------------------------------------------------
// Vocabulary

const adjectives = [
  'amber', 'brisk', 'cedar', 'coastal', 'copper', 'crimson', 'dapper', 'eager', 'ember', 'fern',
  'frosty', 'gilded', 'granite', 'hazel', 'indigo', 'ivory', 'jade', 'keen', 'lunar', 'maple',
  'marble', 'misty', 'nimble', 'oaken', 'olive', 'opal', 'pearl', 'quiet', 'rapid', 'russet',
  'sable', 'silver', 'solar', 'spruce', 'stellar', 'tidal', 'umber', 'velvet', 'willow', 'zesty',
];
const nouns = [
  'account', 'invoice', 'ledger', 'token', 'webhook', 'session', 'policy', 'role', 'ticket', 'voucher',
  'shipment', 'parcel', 'device', 'sensor', 'gateway', 'mandate', 'payout', 'refund', 'dispute', 'report',
  'schedule', 'template', 'widget', 'gadget', 'bucket', 'snapshot', 'volume', 'tenant', 'member', 'seat',
  'license', 'quota', 'alert', 'incident', 'runbook', 'pipeline', 'artifact', 'release', 'secret', 'endpoint',
];
const areaWords = [
  'billing', 'identity', 'messaging', 'storage', 'analytics', 'compliance', 'logistics', 'payments',
  'directory', 'audit', 'catalog', 'commerce', 'scheduling', 'monitoring', 'networking', 'search',
  'support', 'workflow', 'inventory', 'marketing', 'security', 'reporting', 'fleet', 'insurance',
];
const prose = [
  'request', 'response', 'value', 'object', 'field', 'identifier', 'workspace', 'organization', 'user',
  'resource', 'record', 'setting', 'environment', 'client', 'server', 'update', 'change', 'event', 'limit',
  'period', 'customer', 'team', 'project', 'version', 'region', 'state', 'default', 'result', 'call',
];
const verbsProse = ['sets', 'holds', 'controls', 'names', 'records', 'tracks', 'limits', 'describes', 'selects', 'marks'];
const enumWords = ['active', 'pending', 'archived', 'draft', 'failed', 'paused', 'ready', 'expired', 'open', 'closed'];

/** @typedef {'string' | 'integer' | 'boolean' | 'timestamp' | 'enum' | 'list' | 'object'} FieldKind */

/** Object fields beyond the common four: name → kind. @type {Array<[string, FieldKind]>} */
const objectFieldPool = [
  ['name', 'string'], ['description', 'string'], ['status', 'enum'], ['email', 'string'], ['phone_number', 'string'],
  ['country_code', 'string'], ['currency', 'string'], ['amount', 'integer'], ['quantity', 'integer'], ['label', 'string'],
  ['priority', 'enum'], ['region', 'string'], ['locale', 'string'], ['time_zone', 'string'], ['domain', 'string'],
  ['kind', 'enum'], ['source', 'string'], ['reference_code', 'string'], ['notes', 'string'], ['tags', 'list'],
  ['owner_id', 'string'], ['parent_id', 'string'], ['external_id', 'string'], ['expires_at', 'timestamp'],
  ['archived', 'boolean'], ['verified', 'boolean'], ['enabled', 'boolean'], ['retry_count', 'integer'],
  ['settings', 'object'], ['limits', 'object'], ['address', 'object'], ['display', 'object'], ['delivery', 'object'],
  ['last_seen_at', 'timestamp'], ['scopes', 'list'], ['version', 'integer'],
];
/** Children of object-typed fields. @type {Array<[string, FieldKind]>} */
const childFieldPool = [
  ['mode', 'enum'], ['level', 'integer'], ['enabled', 'boolean'], ['threshold', 'integer'], ['label', 'string'],
  ['region', 'string'], ['line1', 'string'], ['city', 'string'], ['postal_code', 'string'], ['interval', 'enum'],
  ['max_retries', 'integer'], ['color', 'string'], ['channels', 'list'], ['window', 'object'], ['updated_at', 'timestamp'],
];
/** Method options. @type {Array<[string, FieldKind]>} */
const optionPool = [
  ['expand', 'list'], ['include_deleted', 'boolean'], ['fields', 'list'], ['locale', 'string'], ['if_none_match', 'string'],
  ['api_version', 'integer'], ['consistency', 'enum'], ['timeout_ms', 'integer'], ['trace_id', 'string'],
  ['region_hint', 'string'], ['dry_run', 'boolean'], ['notify', 'boolean'], ['reason', 'string'], ['force', 'boolean'],
  ['cascade', 'boolean'], ['requested_by', 'string'], ['audit_note', 'string'], ['priority_hint', 'enum'],
];
/** List filters. @type {Array<[string, FieldKind]>} */
const filterPool = [
  ['created_after', 'timestamp'], ['created_before', 'timestamp'], ['search', 'string'], ['status', 'enum'],
  ['owner_id', 'string'], ['parent_id', 'string'], ['tag', 'string'], ['include_archived', 'boolean'],
  ['region', 'string'], ['updated_since', 'timestamp'], ['kind', 'enum'], ['external_id', 'string'],
];

// ---------------------------------------------------------------------------
// Spelling

/** @param {string} word */
const capitalize = (word) => word.charAt(0).toUpperCase() + word.slice(1);
/** @param {string} snake */
const pascal = (snake) => snake.split('_').map((part) => (part === 'id' ? 'ID' : capitalize(part))).join('');
/** @param {string} snake */
const camel = (snake) => {
  const [first = '', ...rest] = snake.split('_');
  return first + rest.map((part) => (part === 'id' ? 'ID' : capitalize(part))).join('');
};
/** @param {string} snake */
const words = (snake) => snake.replace(/_/g, ' ');
/** @param {string} noun */
function plural(noun) {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** How each language spells a property key. @type {Record<LanguageId, (snake: string) => string>} */
const spellKey = {
  curl: (s) => s, ruby: (s) => s, python: (s) => s, php: (s) => s,
  dotnet: pascal, go: pascal,
  js: camel, java: camel,
};

// ---------------------------------------------------------------------------
// The site model

/**
 * @typedef {object} Field
 * @property {string} name snake_case
 * @property {FieldKind} kind
 * @property {boolean} optional
 * @property {string | null} shared key path in the shared page (`common.id`), or null for the page's own
 * @property {string} description markdown
 * @property {string[]} values enum values
 * @property {Field[]} children
 * @property {boolean} expanded
 * @property {Set<LanguageId>} missingIn languages that leave this field out
 */

/**
 * @typedef {object} Area
 * @property {number} index
 * @property {string} slug
 * @property {string} snake
 * @property {string} title
 * @property {Resource[]} resources
 * @property {PagePlan | null} guide
 */

/**
 * @typedef {object} Resource
 * @property {number} index site-wide
 * @property {Area} area
 * @property {string} snake `frosty_widget`
 * @property {string} slug `frosty-widget`
 * @property {string} title `Frosty Widget`
 * @property {string} pluralTitle
 * @property {string} pluralSnake
 * @property {Field[]} fields
 * @property {Array<{ target: Resource, field: Field | null }>} links entry references (field null) and property references to other objects
 * @property {boolean} hasMetadata
 * @property {PagePlan[]} pages
 */

/**
 * @typedef {object} PagePlan
 * @property {'home' | 'shared' | 'guide' | 'object' | Verb} kind
 * @property {string} url
 * @property {string} file path under content/
 * @property {string} title
 * @property {Resource | null} resource
 * @property {Area | null} area
 */

/** @typedef {'get' | 'list' | 'create' | 'update' | 'delete'} Verb */
/** @type {readonly Verb[]} */
const verbs = ['get', 'list', 'create', 'update', 'delete'];
const resourcesPerArea = 3;

/** Resource names, unique across the site: every adjective–noun pair in a fixed order, then numbered. @param {number} seed */
function resourceNamer(seed) {
  const pairs = createRandom(streamSeed(seed, 'names', 0)).shuffle(adjectives.flatMap((adjective) => nouns.map((noun) => [adjective, noun])));
  /** @param {number} index */
  return (index) => {
    const [adjective, noun] = /** @type {[string, string]} */ (pairs[index % pairs.length]);
    const round = Math.floor(index / pairs.length);
    return round === 0 ? { adjective, noun, suffix: '' } : { adjective, noun, suffix: String(round + 1) };
  };
}

/**
 * Lays out the pages: home, shared page, then per area its first object page,
 * its guide, and the rest of its resources, until `pages` is reached.
 * @param {number} pages @param {number} seed
 */
function planSite(pages, seed) {
  if (!Number.isInteger(pages) || pages < 3) throw new RangeError(`pages must be an integer of at least 3, got ${pages}`);
  const nameOf = resourceNamer(seed);
  /** @type {PagePlan[]} */
  const plans = [
    { kind: 'home', url: '/', file: 'index.mdx', title: 'API reference', resource: null, area: null },
    { kind: 'shared', url: '/reference/shared', file: 'reference/shared.mdx', title: 'Shared definitions', resource: null, area: null },
  ];
  /** @type {Area[]} */
  const areas = [];
  /** @type {Resource[]} */
  const resources = [];
  while (plans.length < pages) {
    const areaIndex = areas.length;
    const word = /** @type {string} */ (areaWords[areaIndex % areaWords.length]);
    const round = Math.floor(areaIndex / areaWords.length);
    const slug = round === 0 ? word : `${word}-${round + 1}`;
    /** @type {Area} */
    const area = { index: areaIndex, slug, snake: slug.replace(/-/g, '_'), title: capitalize(slug.replace(/-/g, ' ')), resources: [], guide: null };
    areas.push(area);
    for (let r = 0; r < resourcesPerArea && plans.length < pages; r++) {
      const name = nameOf(resources.length);
      const snake = `${name.adjective}_${name.noun}${name.suffix ? `_${name.suffix}` : ''}`;
      const title = `${capitalize(name.adjective)} ${capitalize(name.noun)}${name.suffix ? ` ${name.suffix}` : ''}`;
      const pluralNoun = plural(name.noun);
      /** @type {Resource} */
      const resource = {
        index: resources.length,
        area,
        snake,
        slug: snake.replace(/_/g, '-'),
        title,
        pluralTitle: `${capitalize(name.adjective)} ${capitalize(pluralNoun)}${name.suffix ? ` ${name.suffix}` : ''}`,
        pluralSnake: `${name.adjective}_${pluralNoun}${name.suffix ? `_${name.suffix}` : ''}`,
        fields: [],
        links: [],
        hasMetadata: false,
        pages: [],
      };
      resources.push(resource);
      area.resources.push(resource);
      const base = `/reference/${area.slug}/${resource.slug}`;
      resource.pages.push({ kind: 'object', url: base, file: `reference/${area.slug}/${resource.slug}/index.mdx`, title: title, resource, area });
      plans.push(/** @type {PagePlan} */ (resource.pages[0]));
      if (r === 0 && plans.length < pages) {
        area.guide = { kind: 'guide', url: `/reference/${area.slug}`, file: `reference/${area.slug}/index.mdx`, title: `${area.title} guide`, resource: null, area };
        plans.push(area.guide);
      }
      for (const verb of verbs) {
        if (plans.length >= pages) break;
        /** @type {PagePlan} */
        const plan = { kind: verb, url: `${base}/${verb}`, file: `reference/${area.slug}/${resource.slug}/${verb}.mdx`, title: methodTitle(verb, resource), resource, area };
        resource.pages.push(plan);
        plans.push(plan);
      }
    }
  }
  return { plans, areas, resources };
}

/** @param {Verb} verb @param {Resource} resource */
function methodTitle(verb, resource) {
  const article = /^[aeiou]/i.test(resource.title) ? 'an' : 'a';
  switch (verb) {
    case 'get': return `Get ${article} ${resource.title}`;
    case 'list': return `List ${resource.pluralTitle}`;
    case 'create': return `Create ${article} ${resource.title}`;
    case 'update': return `Update ${article} ${resource.title}`;
    case 'delete': return `Delete ${article} ${resource.title}`;
  }
}

/** @param {Random} random @param {number} count */
function sentence(random, count) {
  const parts = [];
  for (let i = 0; i < count; i++) parts.push(random.pick(prose));
  return parts.join(' ');
}

/**
 * Fields of one object: the common four and 1–7 of its own.
 * @param {Resource} resource @param {Random} random @param {number} gapRate
 */
function objectFields(resource, random, gapRate) {
  /** @type {Field[]} */
  const fields = [
    field('id', 'string', false, 'common.id', ''),
    field('object', 'string', false, 'common.object', ''),
  ];
  const own = random.shuffle(objectFieldPool).slice(0, random.int(1, 7));
  for (const [name, kind] of own) {
    const optional = random.chance(0.35);
    const description = fieldDescription(name, kind, resource, random);
    const made = field(name, kind, optional, null, description);
    if (kind === 'enum') made.values = random.shuffle(enumWords).slice(0, random.int(2, 4));
    if (kind === 'object') {
      made.expanded = random.chance(0.3);
      for (const [childName, childKind] of random.shuffle(childFieldPool).slice(0, random.int(2, 4))) {
        const child = field(childName, childKind, random.chance(0.3), null, fieldDescription(childName, childKind, resource, random));
        if (childKind === 'enum') child.values = random.shuffle(enumWords).slice(0, 3);
        if (childKind === 'object') {
          for (const [leafName, leafKind] of random.shuffle(childFieldPool.filter(([, kind]) => kind !== 'object')).slice(0, 2)) {
            const leaf = field(leafName, leafKind, true, null, fieldDescription(leafName, leafKind, resource, random));
            if (leafKind === 'enum') leaf.values = random.shuffle(enumWords).slice(0, 2);
            child.children.push(leaf);
          }
        }
        made.children.push(child);
      }
    }
    // Gaps: an optional field some SDKs do not expose yet (never cURL, which documents every field).
    if (gapRate > 0 && optional && kind !== 'object') {
      for (const language of languages) if (language !== 'curl' && random.chance(gapRate)) made.missingIn.add(language);
    }
    fields.push(made);
  }
  fields.push(field('created_at', 'timestamp', false, 'common.created_at', ''), field('updated_at', 'timestamp', false, 'common.updated_at', ''));
  return fields;
}

/** @param {string} name @param {FieldKind} kind @param {boolean} optional @param {string | null} shared @param {string} description @returns {Field} */
function field(name, kind, optional, shared, description) {
  return { name, kind, optional, shared, description, values: [], children: [], expanded: false, missingIn: new Set() };
}

/** @param {string} name @param {FieldKind} kind @param {Resource} resource @param {Random} random */
function fieldDescription(name, kind, resource, random) {
  const subject = `The ${words(name)} of the ${resource.title}`;
  switch (random.int(0, 5)) {
    case 0:
      return `${subject}. It ${random.pick(verbsProse)} the ${sentence(random, 2)} and is returned on every ${random.pick(prose)}.`;
    case 1:
      return `${subject}, as set by the ${random.pick(prose)} that created it. See [${resource.pluralTitle}](/reference/${resource.area.slug}/${resource.slug}) for how it ${random.pick(verbsProse)} the ${sentence(random, 3)} over time, and when it may change between two calls.`;
    case 2:
      return kind === 'boolean'
        ? `Whether the ${resource.title} ${random.pick(verbsProse)} its ${words(name)}; \`false\` by default.`
        : `${subject}; *never* empty once the ${random.pick(prose)} is ${random.pick(enumWords)}.`;
    case 3:
      return `${subject}. Use \`${name}\` to ${random.pick(['filter', 'sort', 'match', 'group'])} ${sentence(random, 2)} results, and keep it stable across the ${sentence(random, 2)} of the ${random.pick(prose)}: changing it later ${random.pick(verbsProse)} every ${random.pick(prose)} that depends on it.`;
    default:
      return `${subject}.`;
  }
}

/**
 * Fills in every resource before any page is written, so that pages can refer
 * to each other's entries.
 * @param {Resource[]} resources @param {number} seed @param {number} gapRate
 */
function designResources(resources, seed, gapRate) {
  for (const resource of resources) {
    const random = createRandom(streamSeed(seed, 'resource', resource.index));
    resource.fields = objectFields(resource, random, gapRate);
    resource.hasMetadata = random.chance(0.5);
    if (resource.index > 0) {
      // Entry references to earlier objects, often in other folders.
      const count = random.chance(0.6) ? random.int(1, 2) : 0;
      for (let i = 0; i < count; i++) {
        const target = /** @type {Resource} */ (resources[random.int(0, resource.index - 1)]);
        if (!resource.links.some((link) => link.target === target)) resource.links.push({ target, field: null });
      }
      // A property reference into an earlier object: a field it has in every language and this one lacks.
      if (random.chance(0.35)) {
        const target = /** @type {Resource} */ (resources[random.int(0, resource.index - 1)]);
        const taken = new Set(resource.fields.map((f) => f.name));
        const candidates = target.fields.filter((f) => f.shared === null && f.kind !== 'object' && f.missingIn.size === 0 && !taken.has(f.name));
        if (candidates.length > 0) resource.links.push({ target, field: random.pick(candidates) });
      }
    }
  }
}

// ---------------------------------------------------------------------------
// YAML writing

const plainScalar = /^[A-Za-z_$(][A-Za-z0-9_$.\/<>()\- ]*$/;
const reservedScalars = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '~']);

/** A YAML scalar for a one-line string, quoted only when it must be. @param {string} value */
function scalar(value) {
  if (plainScalar.test(value) && !value.endsWith(' ') && !reservedScalars.has(value.toLowerCase())) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * `key: value` for markdown: a folded block for long text, a quoted scalar otherwise.
 * @param {string[]} out @param {string} indent @param {string} key @param {string} markdown
 */
function markdownPair(out, indent, key, markdown) {
  if (markdown.length <= 90) {
    out.push(`${indent}${key}: ${scalar(markdown)}`);
    return;
  }
  out.push(`${indent}${key}: >`);
  let line = '';
  for (const word of markdown.split(' ')) {
    if (line && line.length + word.length + 1 > 80) {
      out.push(`${indent}  ${line}`);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) out.push(`${indent}  ${line}`);
}

// ---------------------------------------------------------------------------
// Types and keys per language

/**
 * @param {Field} f @param {LanguageId} language @param {Resource} resource
 * @param {string} owner Pascal name of the type that holds the field, for nested and enum types
 */
function typeOf(f, language, resource, owner) {
  const named = `${owner}${pascal(f.name)}`;
  const go = resource.area.snake.replace(/_/g, '');
  if (f.name === 'object') {
    return language === 'python' ? `Literal["${resource.snake}"]` : `"${resource.snake}"`;
  }
  /** @type {Record<FieldKind, Record<LanguageId, string>>} */
  const table = {
    string: { curl: 'string', dotnet: 'string', ruby: 'String', python: 'str', js: 'string', go: 'string', php: 'string', java: 'String' },
    integer: { curl: 'integer', dotnet: 'int', ruby: 'Integer', python: 'int', js: 'number', go: 'int', php: 'int', java: 'Integer' },
    boolean: { curl: 'boolean', dotnet: 'bool', ruby: 'Boolean', python: 'bool', js: 'boolean', go: 'bool', php: 'bool', java: 'Boolean' },
    timestamp: { curl: 'string', dotnet: 'DateTimeOffset', ruby: 'Time', python: 'datetime', js: 'Date', go: 'time.Time', php: 'DateTimeImmutable', java: 'OffsetDateTime' },
    enum: {
      curl: f.values.map((value) => `"${value}"`).join(' | '),
      dotnet: named,
      ruby: 'String',
      python: `Literal[${f.values.map((value) => `"${value}"`).join(', ')}]`,
      js: f.values.map((value) => `'${value}'`).join(' | '),
      go: `${go}.${named}`,
      php: 'string',
      java: named,
    },
    list: { curl: 'array', dotnet: 'List<string>', ruby: 'Array<String>', python: 'List[str]', js: 'string[]', go: '[]string', php: 'string[]', java: 'List<String>' },
    object: { curl: 'object', dotnet: named, ruby: 'Hash', python: named, js: named, go: `${go}.${named}`, php: 'array', java: named },
  };
  const type = table[f.kind][language];
  if (!f.optional) return type;
  switch (language) {
    case 'dotnet': return f.kind === 'list' || f.kind === 'object' ? type : `${type}?`;
    case 'python': return `Optional[${type}]`;
    case 'go': return f.kind === 'list' ? type : `*${type}`;
    case 'php': return f.kind === 'list' || f.kind === 'object' ? type : `?${type}`;
    default: return type;
  }
}

/** Entry keys, unique per language across the site. @param {Resource} resource @param {LanguageId} language */
function objectKey(resource, language) {
  return language === 'curl' ? resource.snake : pascal(resource.snake);
}

/** @param {Verb} verb @param {Resource} resource @param {LanguageId} language */
function methodKey(verb, resource, language) {
  const snake = `${verb}_${verb === 'list' ? resource.pluralSnake : resource.snake}`;
  switch (language) {
    case 'curl': case 'ruby': case 'python': return snake;
    case 'dotnet': case 'go': return pascal(snake);
    default: return camel(snake);
  }
}

/** How the shared page spells `list_metadata`, `metadata` and the pagination keys. @param {string} snake @param {LanguageId} language */
function sharedKey(snake, language) {
  switch (language) {
    case 'dotnet': case 'go': return pascal(snake);
    case 'js': case 'php': case 'java': return camel(snake);
    default: return snake;
  }
}

// ---------------------------------------------------------------------------
// Pages

/**
 * @typedef {object} Counter
 * @property {number} rows
 * @property {number} entries
 * @property {number} descriptionKeys
 */

/**
 * Writes the items of a property list.
 * @param {string[]} out @param {string} indent
 * @param {Array<{ ref: string } | PropertyLine>} items
 * @param {Counter} counter
 */
function writeItems(out, indent, items, counter) {
  for (const item of items) {
    counter.rows += 1;
    if ('ref' in item) {
      out.push(`${indent}- (${item.ref})`);
      continue;
    }
    out.push(`${indent}- key: ${scalar(item.key)}`);
    const inner = `${indent}  `;
    if (item.title) out.push(`${inner}title: ${scalar(item.title)}`);
    if (item.optional) out.push(`${inner}optional: true`);
    if (item.type) out.push(`${inner}type: ${scalar(item.type)}`);
    if (item.description.startsWith('(')) out.push(`${inner}description: ${item.description}`);
    else markdownPair(out, inner, 'description', item.description);
    if (item.unwrap) out.push(`${inner}unwrap: true`);
    if (item.expanded) out.push(`${inner}expanded: true`);
    if (item.properties && item.properties.length > 0) {
      out.push(`${inner}properties:`);
      writeItems(out, `${inner}  `, item.properties, counter);
    }
  }
}

/**
 * @typedef {object} PropertyLine
 * @property {string} key
 * @property {string} [title]
 * @property {string} [type]
 * @property {boolean} [optional]
 * @property {string} description a reference `(a.b)` or markdown
 * @property {boolean} [unwrap]
 * @property {boolean} [expanded]
 * @property {Array<{ ref: string } | PropertyLine>} [properties]
 */

/**
 * A field as a property of one language, its description pointing at `keyPath`.
 * @param {Field} f @param {LanguageId} language @param {Resource} resource @param {string} keyPath @param {string} owner
 * @returns {PropertyLine}
 */
function fieldProperty(f, language, resource, keyPath, owner) {
  const nestedOwner = `${owner}${pascal(f.name)}`;
  return {
    key: spellKey[language](f.name),
    optional: f.optional,
    type: typeOf(f, language, resource, owner),
    description: `(${f.shared ?? keyPath})`,
    expanded: f.expanded,
    properties: f.children
      .filter((child) => !child.missingIn.has(language))
      .map((child) => fieldProperty(child, language, resource, `${keyPath}.${child.name}`, nestedOwner)),
  };
}

/**
 * The `descriptions` of a field tree: maps for object fields (with `self`), strings otherwise.
 * @param {string[]} out @param {string} indent @param {Field[]} fields @param {Counter} counter
 */
function writeFieldDescriptions(out, indent, fields, counter) {
  for (const f of fields) {
    if (f.shared) continue;
    counter.descriptionKeys += 1;
    if (f.children.length === 0) {
      markdownPair(out, indent, f.name, f.description);
      continue;
    }
    out.push(`${indent}${f.name}:`);
    markdownPair(out, `${indent}  `, 'self', f.description);
    writeFieldDescriptions(out, `${indent}  `, f.children, counter);
  }
}

/** @param {string[]} out @param {PagePlan} plan @param {string} key @param {LanguageId} language @param {Record<string, string | boolean>} fields */
function entryHeader(out, plan, key, language, fields) {
  out.push(`  ${language}:`);
  out.push(`    - url: ${plan.url}`);
  out.push(`      key: ${scalar(key)}`);
  for (const [name, value] of Object.entries(fields)) {
    out.push(`      ${name}: ${typeof value === 'boolean' ? String(value) : scalar(value)}`);
  }
}

/**
 * @param {PagePlan} plan
 * @param {Counter} counter
 * @returns {{ frontmatter: string[], codeBlock: { title: string, file: string, referenceId: string } }}
 */
function objectPage(plan, counter) {
  const resource = /** @type {Resource} */ (plan.resource);
  const out = [`title: ${scalar(plan.title)}`, 'descriptions:', `  ${resource.snake}:`];
  // The last area of a site may end before its guide page: then it is named, not linked.
  const areaName = resource.area.guide ? `[${resource.area.title}](${resource.area.guide.url})` : resource.area.title;
  const self = `The [${resource.title}](${plan.url}) object, part of ${areaName}.`;
  markdownPair(out, '    ', 'self', self);
  counter.descriptionKeys += 1;
  writeFieldDescriptions(out, '    ', resource.fields, counter);
  out.push('reference:');
  const owner = pascal(resource.snake);
  const areaPascal = pascal(resource.area.snake);
  for (const language of languages) {
    const key = objectKey(resource, language);
    const titles = {
      curl: key, dotnet: `class ${key}`, ruby: `class ${areaPascal}::${key}`, python: key,
      js: `interface ${key}`, go: `type ${key} struct`, php: `class ${key}`, java: `class ${key}`,
    };
    entryHeader(out, plan, key, language, { id: resource.snake, title: titles[language], description: `(${resource.snake})` });
    counter.entries += 1;
    /** @type {Array<{ ref: string } | PropertyLine>} */
    const items = resource.fields
      .filter((f) => !f.missingIn.has(language))
      .map((f) => fieldProperty(f, language, resource, `${resource.snake}.${f.name}`, owner));
    if (resource.hasMetadata) items.splice(items.length - 2, 0, { ref: sharedKey('metadata', language) });
    for (const link of resource.links) {
      const target = objectKey(link.target, language);
      items.splice(items.length - 2, 0, { ref: link.field ? `${target}.${spellKey[language](link.field.name)}` : target });
    }
    out.push('      properties:');
    writeItems(out, '        ', items, counter);
  }
  return { frontmatter: out, codeBlock: { title: `${resource.title} object`, file: resource.slug, referenceId: resource.snake } };
}

/**
 * Parameters of one method, language independent.
 * @typedef {object} Param
 * @property {string} name
 * @property {FieldKind} kind
 * @property {boolean} optional
 * @property {string} description reference `(a.b)`
 * @property {Field | null} field an object field the parameter mirrors (its type and children)
 */

/**
 * @param {PagePlan} plan
 * @param {Counter} counter
 * @param {number} seed
 */
function methodPage(plan, counter, seed) {
  const resource = /** @type {Resource} */ (plan.resource);
  const verb = /** @type {Verb} */ (plan.kind);
  const random = createRandom(streamSeed(seed, `method:${verb}`, resource.index));
  const own = `${verb}_${verb === 'list' ? resource.pluralSnake : resource.snake}`;
  /** @type {Array<{ name: string, markdown: string }>} */
  const ownDescriptions = [];
  /** @type {Param[]} */
  const params = [];
  const ownParam = (/** @type {string} */ name, /** @type {FieldKind} */ kind, /** @type {boolean} */ optional, /** @type {string} */ markdown) => {
    ownDescriptions.push({ name, markdown });
    params.push({ name, kind, optional, description: `(${own}.${name})`, field: null });
  };
  const mirrored = resource.fields.filter((f) => f.shared === null);
  const verbPhrase = { get: 'to fetch', update: 'to update', delete: 'to delete' };
  if (verb === 'get' || verb === 'update' || verb === 'delete') {
    ownParam('id', 'string', false, `Identifier of the ${resource.title} ${verbPhrase[verb]}, such as \`${resource.slug.slice(0, 3)}_01H${String(resource.index).padStart(6, '0')}\`.`);
  }
  if (verb === 'create' || verb === 'update') {
    // The object's own fields, described where the object is.
    for (const f of random.shuffle(mirrored).slice(0, verb === 'create' ? mirrored.length : random.int(1, mirrored.length))) {
      params.push({ name: f.name, kind: f.kind, optional: verb === 'update' || f.optional, description: `(${resource.snake}.${f.name})`, field: f });
    }
  }
  if (verb === 'list') {
    for (const [name, kind] of random.shuffle(filterPool).slice(0, random.int(1, 5))) {
      ownParam(name, kind, true, `Only return ${resource.pluralTitle} whose ${words(name.replace(/_(after|before|since)$/, ''))} ${kind === 'timestamp' ? `is ${name.endsWith('before') ? 'before' : 'after'} this time` : 'matches this value'}.`);
    }
  }
  const target = verb === 'list' ? random.int(4, 7) : random.int(4, 9);
  for (const [name, kind] of random.shuffle(optionPool)) {
    if (params.length >= target) break;
    if (params.some((param) => param.name === name)) continue;
    ownParam(name, kind, true, kind === 'boolean'
      ? `When \`true\`, ${sentence(random, 3)} ${random.pick(verbsProse)} the ${resource.title} ${random.pick(['first', 'as well', 'instead', 'only once'])}.`
      : `${capitalize(words(name))} for this call; it ${random.pick(verbsProse)} the ${sentence(random, 2)} of the ${random.pick(prose)}.`);
  }
  if (verb === 'create') ownParam('idempotency_key', 'string', true, 'A key that makes retries of this call safe: a second call with the same key returns the first result.');
  if (verb === 'list') ownDescriptions.push({ name: 'data', markdown: `The ${resource.pluralTitle} on this page.` });
  if (verb === 'delete') ownDescriptions.push({ name: 'deleted', markdown: `\`true\` once the ${resource.title} is gone.` });

  const selfText = {
    get: `Fetches one [${resource.title}](${resource.pages[0]?.url}) by its identifier.`,
    list: `Lists [${resource.pluralTitle}](${resource.pages[0]?.url}), newest first, one page at a time.`,
    create: `Creates a [${resource.title}](${resource.pages[0]?.url}) and returns it.`,
    update: `Changes the given fields of a [${resource.title}](${resource.pages[0]?.url}); fields left out keep their value.`,
    delete: `Deletes a [${resource.title}](${resource.pages[0]?.url}). This cannot be undone.`,
  }[verb];

  const out = [`title: ${scalar(plan.title)}`, 'descriptions:', `  ${own}:`];
  markdownPair(out, '    ', 'self', selfText);
  counter.descriptionKeys += 1;
  for (const { name, markdown } of ownDescriptions) {
    markdownPair(out, '    ', name, markdown);
    counter.descriptionKeys += 1;
  }
  out.push('reference:');

  const area = resource.area;
  const httpVerb = { get: 'GET', list: 'GET', create: 'POST', update: 'PATCH', delete: 'DELETE' }[verb];
  const collection = `/${resource.pluralSnake}`;
  const route = verb === 'list' || verb === 'create' ? collection : `${collection}/:id`;
  const pagination = ['limit', 'before', 'after', 'order'];
  const hasId = params.some((param) => param.name === 'id');

  for (const language of languages) {
    const key = methodKey(verb, resource, language);
    const service = {
      curl: route, dotnet: `${pascal(area.snake)}Service.${key}()`, ruby: `${pascal(area.snake)}.${key}()`, python: `${area.snake}.${key}()`,
      js: `${camel(area.snake)}.${key}()`, go: `${area.snake.replace(/_/g, '')}.${key}()`, php: `${pascal(area.snake)}->${key}()`, java: `${pascal(area.snake)}Api.${key}()`,
    }[language];
    const kind = { curl: httpVerb, dotnet: 'async method', ruby: 'method', python: 'method', js: 'async method', go: 'func', php: 'method', java: 'method' }[language];
    /** @type {Record<string, string | boolean>} */
    const header = { id: own, title: service, type: kind };
    if (verb === 'list') header.paginated = true;
    if (verb === 'create' && resource.index % 4 === 0) header.sendsEmail = true;
    if (language === 'python') header.patternBefore = `${area.snake}\\.`;
    if (language === 'js') header.patternBefore = `${camel(area.snake)}\\.`;
    header.description = `(${own})`;
    entryHeader(out, plan, key, language, header);
    counter.entries += 1;

    const owner = pascal(resource.snake);
    /** @param {Param} param @returns {PropertyLine} */
    const asProperty = (param) => {
      if (param.field) {
        const property = fieldProperty(param.field, language, resource, `${resource.snake}.${param.field.name}`, owner);
        return { ...property, optional: param.optional, type: typeOf({ ...param.field, optional: param.optional }, language, resource, owner) };
      }
      const f = field(param.name, param.kind, param.optional, null, '');
      if (param.kind === 'enum') f.values = ['fast', 'safe', 'strict'];
      return {
        key: spellKey[language](param.name),
        ...(language === 'php' ? { title: `$${spellKey[language](param.name)}` } : {}),
        optional: param.optional,
        type: typeOf(f, language, resource, pascal(own)),
        description: param.description,
      };
    };
    /** @type {Array<{ ref: string } | PropertyLine>} */
    let parameters;
    const present = params.filter((param) => !param.field || !param.field.missingIn.has(language));
    const flat = present.map(asProperty);
    const pages = verb === 'list' ? pagination.map((name) => ({ ref: sharedKey(name, language) })) : [];
    if (language === 'curl' || language === 'ruby' || language === 'python' || language === 'php') {
      parameters = [...flat, ...pages];
    } else {
      // An options object shown in place of itself; the identifier stays a positional argument except in Go.
      const positional = language === 'go' ? [] : flat.filter((_, i) => present[i]?.name === 'id');
      const inOptions = language === 'go' ? flat : flat.filter((_, i) => present[i]?.name !== 'id');
      const optionsType = {
        dotnet: `${pascal(own)}Options`, js: `${pascal(own)}Options`, java: `${pascal(own)}Params`, go: `${area.snake.replace(/_/g, '')}.${pascal(own)}Opts`,
      }[language];
      parameters = [
        ...(language === 'go' ? [{ ref: 'ctx' }] : []),
        ...positional,
        {
          key: language === 'go' ? 'opts' : 'options',
          optional: !hasId && language !== 'go',
          type: optionsType,
          unwrap: true,
          description: verb === 'list' ? 'Filters and page cursors, all optional.' : `Everything else about this call to \`${key}\`.`,
          properties: [...inOptions, ...pages],
        },
      ];
    }

    /** @type {Array<{ ref: string } | PropertyLine>} */
    const returns = [];
    const object = objectKey(resource, language);
    if (verb === 'list') {
      const listType = {
        curl: 'array', dotnet: `List<${object}>`, ruby: `Array<${object}>`, python: `List[${object}]`, js: `${object}[]`,
        go: `[]${object}`, php: `${object}[]`, java: `List<${object}>`,
      }[language];
      returns.push({ key: spellKey[language]('data'), type: listType, description: `(${own}.data)`, properties: [{ ref: object }] }, { ref: sharedKey('list_metadata', language) });
    } else if (verb === 'delete') {
      returns.push({ key: spellKey[language]('deleted'), type: typeOf(field('deleted', 'boolean', false, null, ''), language, resource, owner), description: `(${own}.deleted)` });
    } else {
      returns.push({ ref: object });
    }
    // Literal text: a key path only Go has would be a gap in every other language.
    if (language === 'go') returns.push({ key: 'err', type: 'error', description: 'Not `nil` when the request failed, for example with a `404` for an unknown identifier.' });

    out.push('      parameters:');
    writeItems(out, '        ', parameters, counter);
    out.push('      returns:');
    writeItems(out, '        ', returns, counter);
  }
  return { frontmatter: out, codeBlock: { title: plan.title, file: `${verb}-${resource.slug}`, referenceId: own } };
}

/** The shared-definitions page: common descriptions and entries without `url`. @param {Counter} counter */
function sharedPage(counter) {
  const out = [
    'title: Shared definitions',
    'descriptions:',
    '  common:',
    '    id: Unique identifier of the object, stable for its whole life.',
    '    object: Distinguishes the type of the object; always the same string for one type.',
    '    created_at: The timestamp when the object was created, in ISO 8601 format.',
    '    updated_at: The timestamp when the object was last changed, in ISO 8601 format.',
    '    metadata:',
    '      self: >',
    '        Up to 50 key–value pairs of your own, kept with the object and returned',
    '        unchanged. Keys are at most 40 characters, values at most 500.',
      '  pagination:',
    '    limit: >',
    '      The most objects to return in one page, from `1` to `100`.',
    '      When left out, a page holds `10` objects.',
    '    before: A cursor, to return the objects listed *before* the object with this ID.',
    '    after: A cursor, to return the objects listed *after* the object with this ID.',
    "    order: 'Sort order by creation time: `asc` for oldest first, `desc` (the default) for newest first.'",
    '    list_metadata:',
    "      self: 'The cursors that lead to the neighbouring pages of a list.'",
    "      before: 'Cursor for the previous page; empty on the first page.'",
    "      after: 'Cursor for the next page; empty once the last page is reached.'",
    'reference:',
  ];
  counter.descriptionKeys += 11;
  /** @type {Record<LanguageId, { int: string, string: string, order: string, map: string }>} */
  const types = {
    curl: { int: 'integer', string: 'string', order: 'string', map: 'object' },
    dotnet: { int: 'int?', string: 'string', order: 'PaginationOrder?', map: 'Dictionary<string, string>' },
    ruby: { int: 'Integer', string: 'String', order: 'String', map: 'Hash' },
    python: { int: 'int', string: 'Optional[str]', order: 'Literal["asc", "desc"]', map: 'Dict[str, str]' },
    js: { int: 'number', string: 'string', order: "'asc' | 'desc'", map: 'Record<string, string>' },
    go: { int: 'int', string: 'string', order: 'common.Order', map: 'map[string]string' },
    php: { int: 'int', string: '?string', order: 'string', map: 'array' },
    java: { int: 'Integer', string: 'String', order: 'Order', map: 'Map<String, String>' },
  };
  for (const language of languages) {
    const t = types[language];
    out.push(`  ${language}:`);
    const shared = (/** @type {string} */ snake, /** @type {string} */ id, /** @type {string} */ type, /** @type {string} */ description, /** @type {boolean} */ optional) => {
      const key = snake === 'ctx' ? snake : sharedKey(snake, language);
      out.push(`    - key: ${key}`, `      id: ${id}`, `      title: ${scalar(language === 'php' && optional ? `$${key}` : key)}`, `      type: ${scalar(type)}`);
      if (optional) out.push('      optional: true');
      if (description.startsWith('(')) out.push(`      description: ${description}`);
      else markdownPair(out, '      ', 'description', description);
      counter.entries += 1;
    };
    // Literal text for the same reason as Go's `err`.
    if (language === 'go') shared('ctx', 'go_context', 'context.Context', 'The `context.Context` that carries the deadline and cancellation signal of the request; every Go method takes it first.', false);
    shared('limit', 'pagination_limit', t.int, '(pagination.limit)', true);
    shared('before', 'pagination_before', t.string, '(pagination.before)', true);
    shared('after', 'pagination_after', t.string, '(pagination.after)', true);
    shared('order', 'pagination_order', t.order, '(pagination.order)', true);
    shared('metadata', 'metadata', t.map, '(common.metadata)', true);
    const metadataKey = sharedKey('list_metadata', language);
    out.push(`    - key: ${metadataKey}`, '      id: list_metadata', `      title: ${metadataKey}`, '      description: (pagination.list_metadata)', '      properties:');
    counter.entries += 1;
    writeItems(out, '        ', [
      { key: spellKey[language]('before'), optional: true, type: t.string, description: '(pagination.list_metadata.before)' },
      { key: spellKey[language]('after'), optional: true, type: t.string, description: '(pagination.list_metadata.after)' },
    ], counter);
  }
  return out;
}

/** @param {{ title: string, file: string, referenceId: string }} block */
function codeBlockTag(block) {
  return `<CodeBlock title="${block.title}" file="${block.file}" referenceId="${block.referenceId}" />`;
}

/** @param {PagePlan} plan @param {PagePlan} linked @param {Random} random */
function bodyParagraph(plan, linked, random) {
  const lead = {
    object: `${/^[aeiou]/i.test(plan.title) ? 'An' : 'A'} ${plan.title} ${random.pick(verbsProse)} the ${sentence(random, 2)} of one ${random.pick(prose)}.`,
    get: `Returns a single ${plan.resource?.title}, with every field filled in.`,
    list: `Returns ${plan.resource?.pluralTitle} one page at a time, newest first. The cursors are described in [Shared definitions](/reference/shared).`,
    create: `Creates a ${plan.resource?.title}. Retrying with the same \`idempotency_key\` never creates a second one.`,
    update: `Changes a ${plan.resource?.title} in place. Only the fields you pass are changed.`,
    delete: `Removes a ${plan.resource?.title} for good.`,
    guide: `The ${plan.area?.title} API groups ${plan.area?.resources.map((resource) => resource.pluralTitle).join(', ')}.`,
    home: 'Reference documentation for every object and method of the API, in eight languages.',
    shared: 'Parameters and objects that appear on many pages are described once here.',
  }[plan.kind];
  return `${lead} See also [${linked.title}](${linked.url}), which ${random.pick(verbsProse)} the ${sentence(random, 2)} of the ${random.pick(prose)}.`;
}

// ---------------------------------------------------------------------------
// Examples

const exampleExtensions = /** @type {Record<LanguageId, string>} */ ({
  curl: 'sh', dotnet: 'cs', ruby: 'rb', python: 'py', js: 'js', go: 'go', php: 'php', java: 'java',
});

/** @param {Resource} resource */
function exampleId(resource) {
  return `${resource.slug.slice(0, 3)}_01H${String(resource.index).padStart(6, '0')}`;
}

/**
 * A JSON value for a field, nested objects with every child curl documents.
 * @param {Field} f @param {Resource} resource @param {string} indent
 */
function sampleJson(f, resource, indent) {
  switch (f.kind) {
    case 'integer': return '42';
    case 'boolean': return 'true';
    case 'timestamp': return '"2024-05-01T12:00:00.000Z"';
    case 'enum': return `"${f.values[0] ?? 'active'}"`;
    case 'list': return '["a", "b"]';
    case 'object': return jsonObject(f.children.filter((child) => !child.missingIn.has('curl')).map((child) => [child.name, sampleJson(child, resource, `${indent}  `)]), indent);
    default: return f.name === 'id' ? `"${exampleId(resource)}"` : f.name === 'object' ? `"${resource.snake}"` : `"${words(f.name)}"`;
  }
}

/**
 * The curl example of an object: every row its curl entry documents, as the
 * `example-drift` rule reads it, an object it refers to by entry nested whole.
 * @param {Resource} resource @param {string} indent
 * @returns {string}
 */
function objectJson(resource, indent) {
  /** @type {Array<[string, string]>} */
  const members = resource.fields.filter((f) => !f.missingIn.has('curl')).map((f) => [f.name, sampleJson(f, resource, `${indent}  `)]);
  for (const link of resource.links) {
    members.push(link.field ? [link.field.name, sampleJson(link.field, link.target, `${indent}  `)] : [objectKey(link.target, 'curl'), objectJson(link.target, `${indent}  `)]);
  }
  return jsonObject(members, indent);
}

/** @param {Array<[string, string]>} members @param {string} indent */
function jsonObject(members, indent) {
  if (members.length === 0) return '{}';
  return `{\n${members.map(([name, value]) => `${indent}  "${name}": ${value}`).join(',\n')}\n${indent}}`;
}

/**
 * One example file per language for an object (its JSON and how each SDK reads it)
 * or a method (a call).
 * @param {PagePlan} plan @param {LanguageId} language
 * @returns {{ name: string, text: string }}
 */
function exampleFile(plan, language) {
  const resource = plan.resource;
  if (!resource) {
    // Home page and shared page: a list response's metadata.
    const text = language === 'curl'
      ? '{\n  "list_metadata": {\n    "before": null,\n    "after": "obj_01H00000000000000000000000"\n  }\n}\n'
      : `// ${language}: page through a list\nlet page = client.list({ limit: 10 });\nwhile (page.listMetadata.after) {\n  page = client.list({ after: page.listMetadata.after });\n}\n`;
    return { name: language === 'curl' ? 'curl.json' : `${language}.${exampleExtensions[language]}`, text };
  }
  const id = exampleId(resource);
  const fields = resource.fields.filter((f) => !f.missingIn.has(language));
  if (plan.kind === 'object' || plan.kind === 'guide') {
    if (language === 'curl') return { name: 'curl.json', text: `${objectJson(resource, '')}\n` };
  }
  const verb = plan.kind === 'object' || plan.kind === 'guide' ? 'get' : /** @type {Verb} */ (plan.kind);
  const key = methodKey(verb, resource, language);
  const area = resource.area;
  const args = verb === 'list' || verb === 'create' ? '' : `"${id}"`;
  const shown = fields.filter((f) => f.shared === null && f.kind !== 'object').slice(0, 4);
  const sample = (/** @type {Field} */ f) => sampleJson(f, resource, '');
  const name = `${language}.${exampleExtensions[language]}`;
  switch (language) {
    case 'curl': {
      const method = { get: 'GET', list: 'GET', create: 'POST', update: 'PATCH', delete: 'DELETE' }[verb];
      const url = `https://api.example.com/${resource.pluralSnake}${args ? `/${id}` : ''}`;
      const data = verb === 'create' || verb === 'update' ? shown.map((f) => ` \\\n  -d ${f.name}=${sample(f).replace(/"/g, '')}`).join('') : '';
      return { name: 'curl.sh', text: `curl --request ${method} \\\n  --url ${url} \\\n  --header "Authorization: Bearer sk_example_123"${data}\n` };
    }
    case 'python':
      return { name, text: `from example import Client\n\nclient = Client(api_key="sk_example_123")\n\nresult = client.${area.snake}.${key}(${args})\nfor field in (${shown.map((f) => `result.${f.name}`).join(', ')}${shown.length === 1 ? ',' : ''}):\n    print(field)\n` };
    case 'ruby':
      return { name, text: `require "example"\n\nExample.api_key = "sk_example_123"\n\nresult = Example::${pascal(area.snake)}.${key}(${args})\n${shown.map((f) => `puts result.${f.name}`).join('\n')}\n` };
    case 'js':
      return { name, text: `import { Client } from '@example/node';\n\nconst client = new Client('sk_example_123');\n\nconst result = await client.${camel(area.snake)}.${key}(${args.replace(/"/g, "'")});\n${shown.map((f) => `console.log(result.${camel(f.name)});`).join('\n')}\n` };
    case 'go': {
      const pkg = area.snake.replace(/_/g, '');
      return { name, text: `package main\n\nimport (\n\t"context"\n\t"fmt"\n\n\t"example.com/sdk/${pkg}"\n)\n\nfunc main() {\n\tresult, err := ${pkg}.${key}(context.Background(), ${pkg}.${pascal(`${verb}_${verb === 'list' ? resource.pluralSnake : resource.snake}`)}Opts{${args ? `ID: ${args}` : ''}})\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tfmt.Println(result)\n}\n` };
    }
    case 'php':
      return { name, text: `<?php\n\n$client = new \\Example\\Client('sk_example_123');\n$result = $client->${camel(area.snake)}->${key}(${args.replace(/"/g, "'")});\n${shown.map((f) => `echo $result->${f.name};`).join('\n')}\n` };
    case 'java':
      return { name, text: `import com.example.Client;\n\npublic class Example {\n  public static void main(String[] args) {\n    Client client = new Client("sk_example_123");\n    var result = client.${camel(area.snake)}().${key}(${args});\n${shown.map((f) => `    System.out.println(result.get${pascal(f.name)}());`).join('\n')}\n  }\n}\n` };
    case 'dotnet':
      return { name, text: `using Example;\n\nvar client = new ExampleClient("sk_example_123");\nvar service = new ${pascal(area.snake)}Service(client);\nvar result = await service.${key}(${args});\n${shown.map((f) => `Console.WriteLine(result.${pascal(f.name)});`).join('\n')}\n` };
  }
}

// ---------------------------------------------------------------------------
// Navigation

/**
 * @param {Area[]} areas @param {'site' | 'folder'} mode
 * @returns {Array<{ path: string, lines: string[] }>}
 */
function navigationFiles(areas, mode) {
  /** @param {string[]} out @param {string} indent @param {PagePlan} plan @param {PagePlan[]} children */
  const link = (out, indent, plan, children) => {
    out.push(`${indent}- title: ${scalar(plan.title)}`, `${indent}  url: ${plan.url}`);
    if (children.length > 0) out.push(`${indent}  links:`);
    return `${indent}    `;
  };
  /** @param {string[]} out @param {string} indent @param {Area} area */
  const areaLinks = (out, indent, area) => {
    for (const resource of area.resources) {
      const [object, ...methods] = resource.pages;
      if (!object) continue;
      const inner = link(out, indent, object, methods);
      for (const method of methods) link(out, inner, method, []);
    }
  };
  const shared = /** @type {PagePlan} */ ({ title: 'Shared definitions', url: '/reference/shared' });
  if (mode === 'site') {
    const out = ['title: API reference', 'links:'];
    for (const area of areas) {
      const guide = area.guide ?? { title: area.title, url: '', kind: 'guide', file: '', resource: null, area };
      out.push(`  - title: ${scalar(area.title)}`);
      if (area.guide) out.push(`    url: ${guide.url}`);
      out.push('    links:');
      areaLinks(out, '      ', area);
    }
    link(out, '  ', shared, []);
    return [{ path: 'content/reference/_navigation.mdx', lines: out }];
  }
  const top = ['title: API reference', 'links:'];
  for (const area of areas) {
    top.push(`  - title: ${scalar(area.title)}`);
    if (area.guide) top.push(`    url: ${area.guide.url}`);
  }
  link(top, '  ', shared, []);
  const files = [{ path: 'content/reference/_navigation.mdx', lines: top }];
  for (const area of areas) {
    const out = [`title: ${scalar(area.title)}`, 'links:'];
    areaLinks(out, '  ', area);
    files.push({ path: `content/reference/${area.slug}/_navigation.mdx`, lines: out });
  }
  return files;
}

// ---------------------------------------------------------------------------
// The whole site

/**
 * Generates the site in memory.
 * @param {GenerateOptions} [options]
 * @returns {GeneratedSite}
 */
export function generateSite(options = {}) {
  const pages = options.pages ?? 1000;
  const seed = options.seed ?? 1;
  const navigation = options.navigation ?? 'site';
  const { plans, areas, resources } = planSite(pages, seed);
  designResources(resources, seed, options.gapRate ?? 0);

  /** @type {Counter} */
  const counter = { rows: 0, entries: 0, descriptionKeys: 0 };
  /** @type {Array<{ path: string, text: string }>} */
  const files = [];
  let frontmatterBytes = 0;
  let contentBytes = 0;
  let exampleBytes = 0;
  let exampleFolders = 0;
  const addPage = (/** @type {string} */ file, /** @type {string[]} */ frontmatter, /** @type {string} */ body) => {
    const yaml = `${frontmatter.join('\n')}\n`;
    frontmatterBytes += Buffer.byteLength(yaml);
    const text = `---\n${yaml}---\n\n${body}`;
    contentBytes += Buffer.byteLength(text);
    files.push({ path: `content/${file}`, text });
  };
  const addExamples = (/** @type {PagePlan} */ plan, /** @type {string} */ folder) => {
    if (options.examples === false) return;
    exampleFolders += 1;
    for (const language of languages) {
      const { name, text } = exampleFile(plan, language);
      exampleBytes += Buffer.byteLength(text);
      files.push({ path: `examples/${folder}/${name}`, text });
    }
  };

  const pageUrls = plans.map((plan) => plan);
  for (const [position, plan] of plans.entries()) {
    const random = createRandom(streamSeed(seed, 'page', position));
    // Link to a page in another folder where one exists.
    const linked = /** @type {PagePlan} */ (pageUrls[(position + 1 + random.int(0, pageUrls.length - 2)) % pageUrls.length]);
    /** @type {string[]} */
    let frontmatter;
    /** @type {{ title: string, file: string, referenceId: string }} */
    let block;
    let heading = plan.title;
    let extra = '';
    switch (plan.kind) {
      case 'home':
        frontmatter = ['title: API reference', 'description: Every object and method of the API.'];
        block = { title: 'Pagination', file: 'list-metadata', referenceId: 'list_metadata' };
        extra = `\n## Areas\n\n${areas.slice(0, 12).map((area) => `- [${area.title}](${area.guide?.url ?? area.resources[0]?.pages[0]?.url})`).join('\n')}\n`;
        break;
      case 'shared':
        frontmatter = sharedPage(counter);
        block = { title: 'Example list metadata', file: 'list-metadata', referenceId: 'list_metadata' };
        break;
      case 'guide': {
        const area = /** @type {Area} */ (plan.area);
        const first = /** @type {Resource} */ (area.resources[0]);
        frontmatter = [`title: ${scalar(plan.title)}`, `area: ${area.snake}`];
        block = { title: `${first.title} object`, file: `${area.slug}-overview`, referenceId: first.snake };
        extra = `\n## Objects\n\n${area.resources.map((resource) => `- [${resource.title}](${resource.pages[0]?.url})`).join('\n')}\n`;
        heading = area.title;
        break;
      }
      case 'object':
        ({ frontmatter, codeBlock: block } = objectPage(plan, counter));
        break;
      default:
        ({ frontmatter, codeBlock: block } = methodPage(plan, counter, seed));
    }
    const body = `# ${heading}\n\n${bodyParagraph(plan, linked, random)}\n${extra}\n${codeBlockTag(block)}\n`;
    addPage(plan.file, frontmatter, body);
    if (plan.kind === 'shared') addExamples(plan, block.file);
    else if (plan.kind !== 'home') addExamples(plan.kind === 'guide' ? { ...plan, resource: /** @type {Area} */ (plan.area).resources[0] ?? null } : plan, block.file);
  }
  for (const { path: file, lines } of navigationFiles(areas, navigation)) {
    const text = `---\n${lines.join('\n')}\n---\n`;
    contentBytes += Buffer.byteLength(text);
    files.push({ path: file, text });
  }

  return {
    files,
    stats: {
      pages: plans.length,
      sources: files.filter((file) => file.path.endsWith('.mdx')).length,
      exampleFolders,
      exampleFiles: exampleFolders * languages.length,
      propertyRows: counter.rows,
      frontmatterBytes,
      contentBytes,
      exampleBytes,
      entries: counter.entries,
      descriptionKeys: counter.descriptionKeys,
    },
  };
}

/**
 * Generates the site into `folder` (emptied first) and returns its statistics.
 * @param {string} folder
 * @param {GenerateOptions} [options]
 * @returns {SiteStats}
 */
export function writeSite(folder, options = {}) {
  const { files, stats } = generateSite(options);
  fs.rmSync(folder, { recursive: true, force: true });
  const made = new Set();
  for (const file of files) {
    const target = path.join(folder, ...file.path.split('/'));
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    fs.writeFileSync(target, file.text);
  }
  return stats;
}

/** @param {SiteStats} stats */
export function describeStats(stats) {
  const perPage = (/** @type {number} */ value) => (value / stats.pages).toFixed(1);
  return [
    `${stats.pages} pages (${stats.sources} .mdx files), ${stats.entries} entries, ${stats.descriptionKeys} description keys`,
    `${perPage(stats.propertyRows)} property rows and ${(stats.frontmatterBytes / stats.pages / 1024).toFixed(1)} KB of frontmatter per page on average`,
    `${(stats.contentBytes / 1024 / 1024).toFixed(1)} MB of content, ${stats.exampleFiles} example files in ${stats.exampleFolders} folders (${(stats.exampleBytes / 1024 / 1024).toFixed(1)} MB)`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = (await import('node:util')).parseArgs({
    options: {
      pages: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      navigation: { type: 'string', default: 'site' },
      'no-examples': { type: 'boolean', default: false },
    },
  });
  if (!values.out) {
    process.stderr.write('usage: node bench/generate.js --out DIR [--pages N] [--seed S] [--navigation site|folder] [--no-examples]\n');
    process.exit(2);
  }
  if (values.navigation !== 'site' && values.navigation !== 'folder') {
    process.stderr.write('--navigation must be `site` or `folder`\n');
    process.exit(2);
  }
  const stats = writeSite(path.resolve(values.out), { pages: Number(values.pages), seed: Number(values.seed), navigation: values.navigation, examples: !values['no-examples'] });
  process.stdout.write(`${describeStats(stats)}\n`);
}
