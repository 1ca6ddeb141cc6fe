/**
 * Owns the current Session (one OmicsClient for the current profile + region + endpoint) and keeps the tree on it.
 * Any change of identity — a command, a settings.json edit, or the AWS config/credentials files changing on disk —
 * goes through `update()`: the old session is disposed (its requests aborted, its client destroyed) before a new
 * one exists, so the tree never shows another identity's shares.
 */
import { loadSharedConfigFiles } from '@smithy/core/config';
import * as vscode from 'vscode';
import type { Connection } from '../core/connection';
import { resolveConnection, Session } from '../core/connection';
import type { Logger } from '../core/logger';
import type { ParsedFiles } from '../core/profiles';
import { readSettings } from './config';

export class ConnectionManager implements vscode.Disposable {
  private session: Session | undefined;
  private readonly changed = new vscode.EventEmitter<Session | undefined>();
  /** Fires after the session changed (new identity) — or was re-created because the credential files changed. */
  readonly onDidChange = this.changed.event;
  private updating: Promise<void> = Promise.resolve();

  constructor(
    private readonly logger: Logger,
    private readonly mfaCodeProvider: (serial: string) => Promise<string>,
  ) {}

  get current(): Session | undefined {
    return this.session;
  }

  get connection(): Connection | undefined {
    return this.session?.connection;
  }

  /** Re-reads settings, environment and config files. `force` re-creates the session even if the key is unchanged. */
  update(force = false): Promise<void> {
    // Serialised: two quick changes resolve in order and the last one wins.
    this.updating = this.updating
      .then(() => this.doUpdate(force))
      .catch((err) => this.logger.error(`Resolving the AWS connection failed: ${String(err)}`));
    return this.updating;
  }

  private async doUpdate(force: boolean): Promise<void> {
    const files = await readProfiles(this.logger);
    const connection = resolveConnection(readSettings(), process.env, files);
    if (
      !force &&
      this.session &&
      this.session.connection.key === connection.key &&
      sameProblem(this.session.connection, connection)
    ) {
      return;
    }
    this.session?.dispose();
    this.session = new Session(connection, { mfaCodeProvider: this.mfaCodeProvider, logger: this.logger });
    this.logger.info(
      `Using ${connection.profileLabel} in ${connection.region} (region from ${connection.regionSource})` +
        (connection.endpoint ? `, endpoint ${connection.endpoint}` : '') +
        (connection.problem ? ` — ${connection.problem.message}` : ''),
    );
    this.changed.fire(this.session);
  }

  dispose(): void {
    this.session?.dispose();
    this.session = undefined;
    this.changed.dispose();
  }
}

function sameProblem(a: Connection, b: Connection): boolean {
  return a.problem?.kind === b.problem?.kind && a.profileInfo?.kind === b.profileInfo?.kind;
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
