import path from 'node:path';
import { placeInConfig } from '../../config/config-place.js';
import { openApiAnalysis } from '../openapi/drift-analysis.js';
import type { Rule } from '../rule.js';

export const openApiCoverage: Rule = {
  id: 'openapi-coverage',
  severity: 'warn',
  summary: 'Every operation and schema of the OpenAPI document should be documented by some entry.',
  checkSite({ site, report }) {
    const analysis = openApiAnalysis(site);
    const configFile = site.config.configFile;
    if (!analysis || !configFile) return;
    const operations = analysis.operations.filter((operation) => !operation.documentedBy).map(({ operation }) => operation.label);
    const schemas = analysis.schemas.filter((schema) => !schema.documentedBy).map((schema) => schema.name);
    if (operations.length + schemas.length === 0) return;
    const counted = [
      operations.length > 0 ? `${operations.length} operation${operations.length === 1 ? '' : 's'}` : null,
      schemas.length > 0 ? `${schemas.length} schema${schemas.length === 1 ? '' : 's'}` : null,
    ].filter((part) => part !== null);
    const document = path.relative(path.dirname(configFile), site.config.openapi!.document).split(path.sep).join('/');
    report(
      configFile,
      `Unexpected ${counted.join(' and ')} of \`${document}\` that no page documents: ${[...operations, ...schemas].map((name) => `\`${name}\``).join(', ')}, expected an entry for each (see \`polyref parity --openapi\`)`,
      placeInConfig(configFile, ['openapi', 'document'], ['openapi']),
    );
  },
};
