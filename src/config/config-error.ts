/** A problem with the configuration or the command line: exit code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
