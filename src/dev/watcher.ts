import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

/** Changes this close together are one rebuild: an editor's save is often several writes. */
const settleMs = 30;

/**
 * Watches folders and files and hands over, one batch at a time, the paths
 * that changed (added, changed or removed). A batch that arrives while the
 * previous one is still being handled waits for it, so rebuilds never overlap.
 */
export class ChangeWatcher {
  private readonly watcher: FSWatcher;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    paths: string[],
    private readonly onChanges: (paths: string[]) => Promise<void>,
    private readonly onError: (error: Error) => void,
  ) {
    this.watcher = watch(paths, {
      ignoreInitial: true,
      // Dot files (editor swap files, `.git`) and installed packages below a watched folder are never sources.
      ignored: (file: string) => {
        const root = paths.find((watched) => file.startsWith(watched + path.sep));
        if (!root) return false;
        return path.relative(root, file).split(path.sep).some((segment) => segment.startsWith('.') || segment === 'node_modules');
      },
    });
    for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) {
      this.watcher.on(event, (file: string) => this.queue(file));
    }
    this.watcher.on('error', (error) => this.onError(error instanceof Error ? error : new Error(String(error))));
  }

  /** Resolves once the initial scan is done and changes are reported. */
  ready(): Promise<void> {
    return new Promise((resolve) => this.watcher.once('ready', () => resolve()));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.watcher.close();
    await this.running;
  }

  private queue(file: string): void {
    if (this.closed) return;
    this.pending.add(path.resolve(file));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), settleMs);
  }

  private async flush(): Promise<void> {
    this.timer = null;
    // A batch in progress flushes again when it is done.
    if (this.running || this.closed || this.pending.size === 0) return;
    const batch = [...this.pending].sort();
    this.pending = new Set();
    this.running = this.onChanges(batch)
      .catch((error: unknown) => this.onError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        this.running = null;
        if (this.pending.size > 0 && !this.timer) void this.flush();
      });
    await this.running;
  }
}
