import * as vscode from 'vscode';
import { deserializeFilter, describeFilter } from '../core/filter';
import type { ShareFilter } from '../core/model';

/**
 * The share filter, kept per connection (profile + region + endpoint) in the extension's global storage — not in
 * settings, so it follows the identity rather than the folder, and survives reloads.
 */
export class ShareFilterStore implements vscode.Disposable {
  private key: string | undefined;
  private readonly changed = new vscode.EventEmitter<ShareFilter | undefined>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  /** Switches to the filter stored for another connection (no event: the caller rebuilds the tree anyway). */
  useConnection(key: string): void {
    this.key = key;
    void this.updateContext();
  }

  get current(): ShareFilter | undefined {
    return this.key === undefined ? undefined : deserializeFilter(this.memento.get(this.storageKey(this.key)));
  }

  get description(): string | undefined {
    return describeFilter(this.current);
  }

  async set(filter: ShareFilter | undefined): Promise<void> {
    if (this.key === undefined) {
      return;
    }
    await this.memento.update(this.storageKey(this.key), filter);
    await this.updateContext();
    this.changed.fire(filter);
  }

  private storageKey(key: string): string {
    return `healthomics.filter:${key}`;
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'healthomics.filterActive', this.current !== undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
