/**
 * How every anchor of a page is named, in one place: the render gives its
 * elements these ids and `check` accepts `#fragment`s against the same names,
 * so the two cannot disagree.
 */
import GithubSlugger from 'github-slugger';
import type { DescriptionValue, Entry, Property } from '../model/types.js';

/** An entry's anchor: its language-independent `id`, else its `key`. */
export function entryAnchor(entry: Pick<Entry, 'id' | 'key'>): string {
  return entry.id ?? entry.key;
}

/** A property's anchor: its description key path, the same in every language; else `parent.key`. */
export function propertyAnchor(property: Pick<Property, 'key' | 'description'>, parentAnchor: string): string {
  return property.description?.kind === 'reference' ? property.description.keyPath : `${parentAnchor}.${property.key}`;
}

/** The anchor of a row naming a whole entry: the key path of the description it shows, else the entry's own anchor. */
export function entryReferenceAnchor(entry: Pick<Entry, 'id' | 'key'>, description: DescriptionValue | null): string {
  return description?.kind === 'reference' ? description.keyPath : entryAnchor(entry);
}

/** The element id an anchor becomes: whitespace, which an id may not hold, turns into `-`. */
export function anchorId(anchor: string): string {
  return anchor.replace(/\s+/g, '-') || 'section';
}

/** Heading slugs as GitHub makes them, in document order: a repeated heading gets `-1`, `-2`…. */
export function headingSlugs(texts: Iterable<string>): string[] {
  const slugger = new GithubSlugger();
  return [...texts].map((text) => slugger.slug(text));
}
