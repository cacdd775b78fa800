import fs from 'node:fs';
import type { Diagnostic } from '../model/types.js';
import { placeOfOffset } from '../parse/place.js';

/** Larger files are refused before any parser sees them. */
export const maxSourceBytes = 4 * 1024 * 1024;

export type SourceBytes = { ok: true; bytes: Buffer } | { ok: false; diagnostic: Diagnostic };
export type SourceText = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads a file's bytes, refusing what is too large to be a page. */
export function readSource(file: string): SourceBytes {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxSourceBytes) {
      return fail('file-too-large', `File is ${formatBytes(size)}, expected at most ${formatBytes(maxSourceBytes)}`);
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    return fail('file-unreadable', `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return { ok: true, bytes };
}

/** UTF-8 text without its byte-order mark, or where the first bad byte stands. */
export function decodeSource(bytes: Buffer): SourceText {
  try {
    // The decoder drops a leading byte-order mark itself.
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    const lossy = bytes.toString('utf8');
    const offset = Math.max(0, lossy.indexOf('\uFFFD'));
    const place = placeOfOffset(lossy, offset);
    return {
      ok: false,
      diagnostic: {
        ruleId: 'file-encoding',
        message: 'Unexpected byte sequence that is not UTF-8, expected a UTF-8 encoded file',
        place,
        suggestions: [],
      },
    };
  }
}

function fail(ruleId: string, message: string): SourceBytes {
  return { ok: false, diagnostic: { ruleId, message, place: { line: 1, column: 1, endLine: 1, endColumn: 1 } } };
}

function formatBytes(size: number): string {
  return size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(size / 1024)} KB`;
}
