import fs from 'node:fs';
import path from 'node:path';
import { watch, type ChokidarOptions, type FSWatcher } from 'chokidar';

/** Changes this close together are one rebuild: an editor's save is often several writes. */
const settleMs = 30;

/**
 * chokidar passes on the first `change` of a file and drops the others for
 * this long; a write in that time, after a rebuild has read the file, would
 * go unseen. The file is looked at again once the time is over.
 */
const changeThrottleMs = 50;

/**
 * Watches folders and files and hands over, one batch at a time, the paths
 * that changed (added, changed or removed). A batch that arrives while the
 * previous one is still being handled waits for it, so rebuilds never overlap.
 */
export class ChangeWatcher {
  private readonly watchers: FSWatcher[];
  private readonly scanned: Promise<unknown>;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  /** Changed files to look at again, with what they were when last reported. */
  private readonly rechecks = new Map<string, { signature: string; timer: NodeJS.Timeout }>();
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    paths: string[],
    private readonly onChanges: (paths: string[]) => Promise<void>,
    private readonly onError: (error: Error) => void,
  ) {
    const options: ChokidarOptions = {
      ignoreInitial: true,
      // Dot files (editor swap files, `.git`) and installed packages below a watched folder are never sources.
      ignored: (file: string) => {
        const root = paths.find((watched) => file.startsWith(watched + path.sep));
        if (!root) return false;
        return path.relative(root, file).split(path.sep).some((segment) => segment.startsWith('.') || segment === 'node_modules');
      },
    };
    // A path that does not exist yet (no templates folder, no configuration file) is watched apart:
    // chokidar counts it twice towards `ready`, which then comes before the other folders are scanned,
    // and a change made in the meantime would be missed.
    // Each path is looked at once: one created or removed meanwhile is still watched, in one group.
    const exists = paths.map((watched) => fs.existsSync(watched));
    const present = paths.filter((_, at) => exists[at]);
    const absent = paths.filter((_, at) => !exists[at]);
    this.watchers = [present, absent].filter((group) => group.length > 0).map((group) => watch(group, options));
    this.scanned = Promise.all(this.watchers.map((watcher) => new Promise<void>((resolve) => watcher.once('ready', () => resolve()))));
    for (const watcher of this.watchers) {
      for (const event of ['add', 'unlink', 'addDir', 'unlinkDir'] as const) {
        watcher.on(event, (file: string) => this.queue(file));
      }
      watcher.on('change', (file: string) => {
        this.queue(file);
        this.recheckLater(path.resolve(file));
      });
      watcher.on('error', (error) => this.onError(error instanceof Error ? error : new Error(String(error))));
    }
  }

  /** Resolves once the initial scan is done and changes are reported. */
  async ready(): Promise<void> {
    await this.scanned;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const { timer } of this.rechecks.values()) clearTimeout(timer);
    await Promise.all(this.watchers.map((watcher) => watcher.close()));
    await this.running;
  }

  private queue(file: string): void {
    if (this.closed) return;
    this.pending.add(path.resolve(file));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), settleMs);
  }

  private recheckLater(file: string): void {
    const pending = this.rechecks.get(file);
    if (pending) {
      pending.signature = signature(file);
      return;
    }
    const timer = setTimeout(() => {
      const seen = this.rechecks.get(file)?.signature;
      this.rechecks.delete(file);
      if (signature(file) !== seen) {
        this.queue(file);
        this.recheckLater(file);
      }
    }, changeThrottleMs + 10);
    this.rechecks.set(file, { signature: signature(file), timer });
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

/** What a file is now, as far as a change goes. */
function signature(file: string): string {
  try {
    const stats = fs.statSync(file);
    return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
  } catch {
    return 'absent';
  }
}
