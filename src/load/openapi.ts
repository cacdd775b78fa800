import fs from 'node:fs';
import path from 'node:path';
import type { FileInfo, ParserOptions } from '@apidevtools/json-schema-ref-parser';
import { ConfigError } from '../config/config-error.js';

/** An OpenAPI 3.0 or 3.1 document with every `$ref` replaced by what it points at (one object per target, cycles kept). */
export interface OpenApiDocument {
  file: string;
  /** `3.0.3`, `3.1.0`… */
  version: string;
  root: Record<string, unknown>;
}

// A URL with a scheme other than `file:`: the library would download it.
const remoteUrl = /^(?!file:)[a-z][a-z0-9+.-]*:/i;

/**
 * Reads the document and every local file its `$ref`s name, and
 * dereferences it with JSON Schema $Ref Parser, loaded only now: a `check`
 * without `openapi` never loads it. Nothing is fetched: a `$ref` to a URL is
 * a configuration error, as are an unreadable file, a broken pointer and a
 * document that is not OpenAPI 3.0 or 3.1.
 */
export async function loadOpenApi(file: string, cwd: string): Promise<OpenApiDocument> {
  const shown = path.relative(cwd, file).split(path.sep).join('/') || file;
  const hint = 'set `openapi` in polyref.config.json to the path of an OpenAPI 3.0 or 3.1 document (YAML or JSON)';
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ConfigError(`Cannot find OpenAPI document \`${shown}\``, hint);

  const { $RefParser } = await import('@apidevtools/json-schema-ref-parser');
  const refused: string[] = [];
  const options: ParserOptions = {
    resolve: {
      external: true,
      http: false,
      // Runs before any other resolver and matches every URL that is not a file, so none is ever read.
      remote: {
        order: 1,
        canRead: (info: FileInfo) => remoteUrl.test(info.url),
        read: (info: FileInfo) => {
          refused.push(info.url);
          throw new Error(`refused to fetch ${info.url}`);
        },
      },
    },
    dereference: { circular: true },
  };
  let root: unknown;
  try {
    root = await new $RefParser().dereference(file, options);
  } catch (error) {
    if (refused.length > 0) {
      throw new ConfigError(
        `Unexpected \`$ref\` to \`${refused[0]}\` in OpenAPI document \`${shown}\`, expected a local file or a pointer into the document`,
        'polyref never fetches anything from the network: save the referenced document beside this one and refer to its path',
      );
    }
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new ConfigError(`Cannot read OpenAPI document \`${shown}\`: ${reason}`, hint);
  }
  if (!isRecord(root)) throw new ConfigError(`Unexpected content in OpenAPI document \`${shown}\`, expected an object with \`openapi\` and \`paths\``, hint);
  const version = root.openapi;
  if (typeof version !== 'string' || !/^3\.[01]\./.test(`${version}.`)) {
    const found = typeof root.swagger === 'string' ? `Swagger \`${root.swagger}\`` : `\`openapi\` \`${String(version)}\``;
    throw new ConfigError(`Unexpected ${found} in \`${shown}\`, expected an OpenAPI 3.0 or 3.1 document`, 'convert a Swagger 2.0 document to OpenAPI 3 first');
  }
  return { file, version, root };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
