/**
 * Owns the current Session (one OmicsClient for the current profile + region + endpoint) and keeps the tree on it.
 * Any change of identity — a command, a settings.json edit, or the AWS config/credentials files changing on disk —
 * goes through `update()`: the old session is disposed (its requests aborted, its client destroyed) before a new
 * one exists, so the tree never shows another identity's shares.
 *
 * It also watches the AWS files (and the SSO token cache) and runs the ini checker on them: problems are logged and
 * offered as `configIssues` for the view to show.
 */
import { loadSharedConfigFiles } from '@smithy/core/config';
import * as vscode from 'vscode';
import type { AwsFilePaths, AwsFilesChange, AwsFileTexts } from '../core/awsFiles';
import { awsFilePaths, AwsFilesWatcher, checkAwsFiles, fingerprint, readAwsFiles } from '../core/awsFiles';
import type { Connection } from '../core/connection';
import {
  createCredentialProvider,
  CREDENTIAL_ENV,
  CredentialCache,
  resolveConnection,
  Session,
} from '../core/connection';
import type { AwsFileIssue } from '../core/iniCheck';
import { formatIssue } from '../core/iniCheck';
import type { Logger } from '../core/logger';
import type { ParsedFiles } from '../core/profiles';
import { readSettings } from './config';

export class ConnectionManager implements vscode.Disposable {
  private session: Session | undefined;
  private readonly changed = new vscode.EventEmitter<Session | undefined>();
  /** Fires after the session changed: a new identity, or new credentials because the AWS files changed. */
  readonly onDidChange = this.changed.event;
  private readonly issuesChanged = new vscode.EventEmitter<readonly AwsFileIssue[]>();
  /** Fires when the ini checker's findings for the AWS files change. */
  readonly onDidChangeConfigIssues = this.issuesChanged.event;
  private readonly ssoCacheChanged = new vscode.EventEmitter<void>();
  /** Fires when a token in ~/.aws/sso/cache changed (e.g. `aws sso login` finished). */
  readonly onDidChangeSsoCache = this.ssoCacheChanged.event;

  private updating: Promise<void> = Promise.resolve();
  /** Updates requested but not started: only the last one does the work (rapid switches cost one session). */
  private requested = 0;
  private forcePending = false;
  private issues: readonly AwsFileIssue[] = [];
  private issuesKey = '[]';
  private readonly credentials = new CredentialCache();
  private readonly watcher: AwsFilesWatcher;
  private sessionsCreated = 0;

  constructor(
    private readonly logger: Logger,
    private readonly mfaCodeProvider: (serial: string) => Promise<string>,
    watchDelayMs = 300,
  ) {
    this.watcher = new AwsFilesWatcher(
      (change) => this.onFilesChanged(change),
      watchDelayMs,
      (m) => this.logger.debug(m),
    );
  }

  get current(): Session | undefined {
    return this.session;
  }

  get connection(): Connection | undefined {
    return this.session?.connection;
  }

  /** What the ini checker found in the AWS files at the last update (errors and hints). */
  get configIssues(): readonly AwsFileIssue[] {
    return this.issues;
  }

  /** How many sessions (clients) were created so far: tests check that rapid switches do not create one each. */
  get sessionCount(): number {
    return this.sessionsCreated;
  }

  /**
   * Re-reads settings, environment and AWS files. A new identity (profile, region, endpoint) gets a new session and
   * the old one is disposed; new credentials for the same identity (the files changed) are given to the current
   * session. Either way `onDidChange` fires and the tree reloads. `force` (Refresh) always does so, and drops the
   * cached credentials (an MFA profile asks for a new code).
   */
  update(force = false): Promise<void> {
    const ticket = ++this.requested;
    this.forcePending ||= force;
    // Serialised: updates run one at a time, in order; an update that a later one supersedes before it starts is
    // skipped (its `force` carries over), so the last settings always win and intermediate identities cost nothing.
    this.updating = this.updating
      .then(async () => {
        if (ticket !== this.requested) {
          return;
        }
        const f = this.forcePending;
        this.forcePending = false;
        await this.doUpdate(f);
      })
      .catch((err) => this.logger.error(`Resolving the AWS connection failed: ${String(err)}`));
    return this.updating;
  }

  private async doUpdate(force: boolean): Promise<void> {
    const paths = awsFilePaths(process.env);
    this.watcher.watch(paths);
    const [texts, files] = await Promise.all([readAwsFiles(paths), readProfiles(this.logger)]);
    this.checkFiles(texts, paths);
    const connection = resolveConnection(readSettings(), process.env, files);
    const credentialsKey = credentialsFingerprint(connection, texts);
    const cacheKey = JSON.stringify([connection.profile ?? null, credentialsKey]);
    const session = this.session;
    if (
      !force &&
      session &&
      session.connection.key === connection.key &&
      session.credentialsKey === credentialsKey &&
      sameProblem(session.connection, connection)
    ) {
      return;
    }
    if (force) {
      this.credentials.delete(cacheKey);
    }
    const credentials = this.credentials.get(cacheKey, () =>
      createCredentialProvider(connection.profile, this.mfaCodeProvider),
    );
    if (session?.canRenew(connection)) {
      // Same identity and endpoint, new credentials (files changed, or Refresh): the session and its client stay,
      // so everything holding them uses the new credentials; the tree still reloads from scratch.
      session.renew(connection, credentials, credentialsKey);
    } else {
      session?.dispose();
      this.session = new Session(connection, {
        mfaCodeProvider: this.mfaCodeProvider,
        logger: this.logger,
        credentials,
        credentialsKey,
      });
      this.sessionsCreated++;
    }
    if (connection.ignoredRegion) {
      this.logger.warn(
        `Ignoring region "${connection.ignoredRegion.value}" from the ${connection.ignoredRegion.source}: not a Region code.`,
      );
    }
    this.logger.info(
      `Using ${connection.profileLabel} in ${connection.region} (region from ${connection.regionSource})` +
        (connection.endpoint ? `, endpoint ${connection.endpoint} (from ${connection.endpointSource ?? '?'})` : '') +
        (connection.problem ? ` — ${connection.problem.message}` : ''),
    );
    this.changed.fire(this.session);
  }

  private checkFiles(texts: AwsFileTexts, paths: AwsFilePaths): void {
    const issues = checkAwsFiles(texts, paths.home);
    const key = JSON.stringify(issues);
    if (key === this.issuesKey) {
      return;
    }
    this.issuesKey = key;
    this.issues = issues;
    for (const issue of issues) {
      const line = `${formatIssue(issue)}${issue.severity === 'error' ? ' (the AWS SDK ignores this line)' : ''}`;
      if (issue.severity === 'error') {
        this.logger.warn(line);
      } else {
        this.logger.info(line);
      }
    }
    this.issuesChanged.fire(issues);
  }

  private onFilesChanged(change: AwsFilesChange): void {
    if (change === 'ssoCache') {
      this.ssoCacheChanged.fire();
    } else {
      // New contents mean a new credentials fingerprint: update() replaces the session only if they matter.
      void this.update();
    }
  }

  dispose(): void {
    this.watcher.dispose();
    this.session?.dispose();
    this.session = undefined;
    this.credentials.clear();
    this.changed.dispose();
    this.issuesChanged.dispose();
    this.ssoCacheChanged.dispose();
  }
}

function sameProblem(a: Connection, b: Connection): boolean {
  return a.problem?.kind === b.problem?.kind && a.profileInfo?.kind === b.profileInfo?.kind;
}

/**
 * What the credentials of a connection depend on: the AWS files' contents and the environment variables the
 * providers read (hashed together; nothing secret is kept). Any change means new credentials.
 */
function credentialsFingerprint(connection: Connection, texts: AwsFileTexts): string {
  return fingerprint([
    connection.profile ?? '',
    texts.config.path,
    texts.config.text,
    texts.credentials.path,
    texts.credentials.text,
    ...CREDENTIAL_ENV.map((k) => process.env[k]),
  ]);
}

/** The parsed shared config + credentials files, always fresh (the loader caches per path otherwise). */
export async function readProfiles(logger: Logger): Promise<ParsedFiles> {
  try {
    const files = await loadSharedConfigFiles({ ignoreCache: true });
    return { configFile: files.configFile, credentialsFile: files.credentialsFile };
  } catch (err) {
    logger.warn(`Could not read the AWS config files: ${String(err)}`);
    return { configFile: {}, credentialsFile: {} };
  }
}
