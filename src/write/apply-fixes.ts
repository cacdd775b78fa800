/**
 * `polyref check --fix`: applies the fixes diagnostics carry to the files
 * they were computed from, leaving every other byte as it was (comments,
 * quoting, folding, CRLF, byte-order mark), and never a file that changed
 * on disk since it was read.
 */
import fs from 'node:fs';
import type { Fix, Place } from '../model/types.js';
import { decodeSource } from '../load/read-source.js';
import { sourceHash } from '../parse/parse-page.js';

export interface PlannedFix {
  fix: Fix;
  /** Where the diagnostic stands, to say what changed. */
  place: Place;
}

export interface AppliedFix {
  place: Place;
  /** The replaced text and its replacement, each with the quote or parenthesis around it when there is one. */
  before: string;
  after: string;
}

export type FileFixResult =
  | { status: 'fixed'; applied: AppliedFix[] }
  | { status: 'changed-on-disk' }
  | { status: 'unreadable'; reason: string };

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Applies `fixes` to `text`: identical fixes once, a fix overlapping an
 * earlier one (by position) not at all. Offsets are those of `text`.
 */
export function applyFixesToText(text: string, fixes: PlannedFix[]): { text: string; applied: AppliedFix[] } {
  const chosen: PlannedFix[] = [];
  const ordered = [...fixes].sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
  for (const planned of ordered) {
    const [start, end] = planned.fix.range;
    if (start < 0 || end < start || end > text.length) continue;
    const previous = chosen.at(-1);
    if (previous && previous.fix.range[0] === start && previous.fix.range[1] === end && previous.fix.text === planned.fix.text) continue;
    if (previous && start < previous.fix.range[1]) continue;
    chosen.push(planned);
  }
  let result = text;
  // Last first, so that earlier offsets stay valid.
  for (const planned of [...chosen].reverse()) {
    const [start, end] = planned.fix.range;
    result = result.slice(0, start) + planned.fix.text + result.slice(end);
  }
  const applied = chosen.map((planned) => describe(text, planned));
  return { text: result, applied };
}

/**
 * Reads the file again, refuses when its hash is not `expectedHash` (the
 * hash of what was checked), applies the fixes and writes it back.
 */
export function applyFixesToFile(file: string, expectedHash: string, fixes: PlannedFix[]): FileFixResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { status: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  if (sourceHash(bytes) !== expectedHash) return { status: 'changed-on-disk' };
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return { status: 'unreadable', reason: 'not UTF-8' };
  const { text, applied } = applyFixesToText(decoded.text, fixes);
  if (applied.length === 0) return { status: 'fixed', applied };
  // The decoder dropped the byte-order mark the offsets do not count: put it back.
  const bom = bytes.subarray(0, 3).equals(utf8Bom) ? utf8Bom : Buffer.alloc(0);
  fs.writeFileSync(file, Buffer.concat([bom, Buffer.from(text, 'utf8')]));
  return { status: 'fixed', applied };
}

const opening = new Set(['(', "'", '"']);
const closing = new Set([')', "'", '"']);

function describe(text: string, planned: PlannedFix): AppliedFix {
  const [start, end] = planned.fix.range;
  const left = start > 0 && opening.has(text[start - 1]!) ? text[start - 1]! : '';
  const right = end < text.length && closing.has(text[end]!) ? text[end]! : '';
  return { place: planned.place, before: `${left}${text.slice(start, end)}${right}`, after: `${left}${planned.fix.text}${right}` };
}
