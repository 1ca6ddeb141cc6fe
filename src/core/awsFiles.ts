/**
 * Where the shared AWS files are (resolved exactly as the SDK does), reading them for the ini checker and for
 * a fingerprint of their contents, and watching them (plus the SSO token cache) for changes made outside
 * VS Code. Node only; no VS Code API.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AwsFileIssue, IniFileKind } from './iniCheck';
import { checkIni } from './iniCheck';

type Env = Record<string, string | undefined>;

export interface AwsFilePaths {
  /** The home directory the SDK uses (HOME, then USERPROFILE, then HOMEDRIVE+HOMEPATH, then os.homedir()). */
  home: string;
  config: string;
  credentials: string;
  /** `~/.aws/sso/cache`, where `aws sso login` writes its tokens. */
  ssoCache: string;
}

/** The SDK's getHomeDir (@smithy/core/config). */
export function awsHome(env: Env = process.env): string {
  if (env.HOME) {
    return env.HOME;
  }
  if (env.USERPROFILE) {
    return env.USERPROFILE;
  }
  if (env.HOMEPATH) {
    return `${env.HOMEDRIVE ?? `C:${path.sep}`}${env.HOMEPATH}`;
  }
  return os.homedir();
}

/** AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE (with `~/` expanded), else ~/.aws/config and ~/.aws/credentials. */
export function awsFilePaths(env: Env = process.env): AwsFilePaths {
  const home = awsHome(env);
  const expand = (p: string) => path.resolve(p.startsWith('~/') ? path.join(home, p.slice(2)) : p);
  return {
    home,
    config: expand(env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config')),
    credentials: expand(env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials')),
    ssoCache: path.join(home, '.aws', 'sso', 'cache'),
  };
}

/** `~/.aws/config` for files under the home directory, else the path as is. */
export function displayPath(file: string, home: string): string {
  const rel = path.relative(home, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? `~/${rel.split(path.sep).join('/')}` : file;
}

export interface AwsFileText {
  path: string;
  /** Undefined when the file does not exist or cannot be read. */
  text?: string;
  /** Why an existing file could not be read (e.g. EACCES), for the log and the tree. */
  error?: string;
}

export interface AwsFileTexts {
  config: AwsFileText;
  credentials: AwsFileText;
}

async function readOne(file: string): Promise<AwsFileText> {
  try {
    return { path: file, text: await fs.promises.readFile(file, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { path: file } : { path: file, error: code ?? String(err) };
  }
}

export async function readAwsFiles(paths: AwsFilePaths): Promise<AwsFileTexts> {
  const [config, credentials] = await Promise.all([readOne(paths.config), readOne(paths.credentials)]);
  return { config, credentials };
}

/** Every problem the ini checker finds in both files (errors and hints), plus files that exist but cannot be read. */
export function checkAwsFiles(files: AwsFileTexts, home: string): AwsFileIssue[] {
  const out: AwsFileIssue[] = [];
  for (const kind of ['config', 'credentials'] as IniFileKind[]) {
    const f = files[kind];
    const shown = displayPath(f.path, home);
    if (f.error !== undefined) {
      out.push({ file: kind, displayPath: shown, line: 0, severity: 'error', message: `cannot be read (${f.error})` });
    } else if (f.text !== undefined) {
      out.push(...checkIni(f.text, kind).map((i) => ({ ...i, file: kind, displayPath: shown })));
    }
  }
  return out;
}

/** A short digest that changes whenever any of the parts changes (contents are never kept). */
export function fingerprint(parts: readonly (string | undefined)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p === undefined ? '\u0000' : `\u0001${p.length}:${p}`);
  }
  return h.digest('base64url').slice(0, 22);
}

export type AwsFilesChange = 'profiles' | 'ssoCache';

interface WatchTarget {
  dir: string;
  /** Which change a file name in `dir` means, if any. */
  match(name: string): AwsFilesChange | undefined;
}

/**
 * Watches the config and credentials files and the SSO cache directory. Directories are watched rather than
 * files, so editors that replace a file on save are seen. A directory that does not exist yet (no ~/.aws) is
 * stood in for by its closest existing ancestor, and the watches are re-planned once it appears. Events are
 * debounced per kind.
 */
export class AwsFilesWatcher {
  private watchers: fs.FSWatcher[] = [];
  private planKey = '';
  private paths: AwsFilePaths | undefined;
  private readonly timers = new Map<AwsFilesChange, NodeJS.Timeout>();
  private disposed = false;

  constructor(
    private readonly onChange: (change: AwsFilesChange) => void,
    private readonly delayMs = 300,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Starts watching `paths` (a no-op when they are the ones already watched and nothing appeared). */
  watch(paths: AwsFilePaths): void {
    if (this.disposed) {
      return;
    }
    this.paths = paths;
    const targets = plan(paths);
    const key = JSON.stringify(targets.map((t) => t.dir));
    if (key === this.planKey) {
      return;
    }
    this.close();
    this.planKey = key;
    const byDir = new Map<string, WatchTarget[]>();
    for (const t of targets) {
      byDir.set(t.dir, [...(byDir.get(t.dir) ?? []), t]);
    }
    for (const [dir, list] of byDir) {
      try {
        const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
          const file = name?.toString() ?? '';
          for (const t of list) {
            const change = t.match(file);
            if (change) {
              this.log(`${path.join(dir, file)} changed`);
              this.fire(change);
            }
          }
        });
        watcher.on('error', () => watcher.close());
        this.watchers.push(watcher);
      } catch {
        // Vanished between planning and watching: the next watch() call re-plans.
      }
    }
  }

  private fire(change: AwsFilesChange): void {
    clearTimeout(this.timers.get(change));
    this.timers.set(
      change,
      setTimeout(() => {
        this.timers.delete(change);
        if (this.disposed) {
          return;
        }
        if (this.paths) {
          this.watch(this.paths); // a directory that was missing may exist now
        }
        this.onChange(change);
      }, this.delayMs),
    );
  }

  private close(): void {
    for (const w of this.watchers) {
      w.close();
    }
    this.watchers = [];
    this.planKey = '';
  }

  dispose(): void {
    this.disposed = true;
    this.close();
    for (const t of this.timers.values()) {
      clearTimeout(t);
    }
    this.timers.clear();
  }
}

function plan(paths: AwsFilePaths): WatchTarget[] {
  const targets: WatchTarget[] = [];
  const fileTarget = (file: string): WatchTarget => {
    const dir = path.dirname(file);
    const base = path.basename(file);
    return existingDir(dir)
      ? { dir, match: (n) => (n === base ? 'profiles' : undefined) }
      : ancestorTarget(dir, 'profiles');
  };
  targets.push(fileTarget(paths.config), fileTarget(paths.credentials));
  targets.push(
    existingDir(paths.ssoCache)
      ? { dir: paths.ssoCache, match: (n) => (n.endsWith('.json') ? 'ssoCache' : undefined) }
      : ancestorTarget(paths.ssoCache, 'ssoCache'),
  );
  return targets;
}

/** Watches the closest existing ancestor of `missing` for the next path component appearing (then re-plans). */
function ancestorTarget(missing: string, change: AwsFilesChange): WatchTarget {
  let child = missing;
  let dir = path.dirname(missing);
  while (!existingDir(dir) && path.dirname(dir) !== dir) {
    child = dir;
    dir = path.dirname(dir);
  }
  const next = path.basename(child);
  return { dir, match: (n) => (n === next ? change : undefined) };
}

function existingDir(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
