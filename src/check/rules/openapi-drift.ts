import { openApiAnalysis } from '../openapi/drift-analysis.js';
import type { Rule } from '../rule.js';

export const openApiDrift: Rule = {
  id: 'openapi-drift',
  severity: 'warn',
  summary: 'The HTTP entries should agree with the OpenAPI document: operations, parameters, properties, required fields, types and enum values.',
  checkSite({ site, report }) {
    for (const finding of openApiAnalysis(site)?.findings ?? []) {
      report(finding.file, finding.message, finding.place, finding.suggestions ? { suggestions: finding.suggestions } : {});
    }
  },
};
