import fs from 'node:fs';
import Handlebars from 'handlebars';
import { ConfigError } from '../config/config-error.js';

/** The only helpers templates may call; anything else fails at compile time. */
const knownHelpers = { eq: true, url: true } as const;

const compileOptions: CompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers,
  // Partials inherit the caller's indentation otherwise, which would change <pre> content.
  preventIndent: true,
};

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

export class TemplateError extends Error {
  override name = 'TemplateError';
}

/**
 * Every template compiled once, each also a partial under its name
 * (`partials/property-table`, `components/CodeBlock`, `layout`).
 */
export class Templates {
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();
  private readonly handlebars = Handlebars.create();

  constructor(files: Map<string, string>) {
    this.handlebars.registerHelper('eq', (left: unknown, right: unknown) => left === right);
    // Views give hrefs with the base path already applied; `url` only keeps them harmless.
    this.handlebars.registerHelper('url', (value: unknown) => safeUrl(value));
    for (const [name, file] of files) {
      let template: Handlebars.TemplateDelegate;
      try {
        const source = fs.readFileSync(file, 'utf8');
        // Compile eagerly so that a broken template is reported before any page renders.
        this.handlebars.precompile(source, compileOptions);
        template = this.handlebars.compile(source, compileOptions);
      } catch (error) {
        throw new ConfigError(`Cannot compile template \`${file}\`: ${(error as Error).message.split('\n')[0]}`);
      }
      this.compiled.set(name, template);
      this.handlebars.registerPartial(name, template);
    }
  }

  has(name: string): boolean {
    return this.compiled.has(name);
  }

  render(name: string, context: object): string {
    const template = this.compiled.get(name);
    if (!template) throw new TemplateError(`Missing template \`${name}\``);
    try {
      return template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    } catch (error) {
      throw new TemplateError(`Template \`${name}\` failed: ${(error as Error).message.split('\n')[0]}`);
    }
  }
}

/** A URL safe to put in `href`: schemes other than http(s) and mailto become `#`. */
export function safeUrl(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '#';
  const trimmed = value.trim();
  // Browsers ignore control characters and whitespace inside a scheme: `java\tscript:`.
  const scheme = /^([^/?#]*?):/.exec(trimmed.replace(/[\u0000-\u0020]/g, ''))?.[1];
  if (scheme !== undefined && !/^(https?|mailto)$/i.test(scheme)) return '#';
  return trimmed;
}
