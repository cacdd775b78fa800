import { loadConfig, type ConfigInput } from '../../src/config/config.js';
import { checkPage, type Finding } from '../../src/check/run-checks.js';
import { loadSite } from '../../src/pipeline/load-site.js';
import { makeProject } from './run-cli.js';

export interface CheckedFile {
  file: string;
  findings: Array<Pick<Finding, 'ruleId' | 'severity' | 'message'> & { line: number; column: number }>;
}

/** Checks a throwaway site in-process and returns findings by file (relative to the content root). */
export function checkFiles(files: Record<string, string | Buffer>, config: ConfigInput = {}): Record<string, CheckedFile['findings']> {
  const project = makeProject(files);
  try {
    const resolved = loadConfig({ cwd: project.dir, overrides: config });
    const site = loadSite(resolved, { keepTrees: false });
    const byFile: Record<string, CheckedFile['findings']> = {};
    for (const page of site.index.pages) {
      byFile[page.relativePath] = checkPage(page, site).map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        line: finding.place.line,
        column: finding.place.column,
      }));
    }
    return byFile;
  } finally {
    project.cleanup();
  }
}
