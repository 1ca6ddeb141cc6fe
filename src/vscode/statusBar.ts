import * as vscode from 'vscode';
import type { Connection } from '../core/connection';

/**
 * `$(cloud) demo-owner · us-east-1` — the identity the tree shows; click to pick another profile. The tooltip adds
 * where the region came from, the endpoint, and the account id once a loaded share revealed it.
 */
export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'healthomics.connection',
    vscode.StatusBarAlignment.Left,
    10,
  );
  private connection: Connection | undefined;
  private accountId: string | undefined;
  private lines: string[] = [];

  constructor() {
    this.item.name = 'HealthOmics connection';
    this.item.command = 'healthomics.selectProfile';
  }

  /** The item's text as shown ('' while hidden). */
  get text(): string {
    return this.connection ? this.item.text : '';
  }

  /** The tooltip as plain text (the item shows it as Markdown). */
  get tooltipText(): string {
    return this.lines.join('\n');
  }

  /** The AWS account id of the current identity, once known. */
  get account(): string | undefined {
    return this.accountId;
  }

  /** A new connection: the account is unknown again until `setAccount`. */
  update(connection: Connection | undefined, account?: string): void {
    this.connection = connection;
    this.accountId = account;
    this.render();
  }

  setAccount(account: string | undefined): void {
    if (account !== this.accountId) {
      this.accountId = account;
      this.render();
    }
  }

  private render(): void {
    const connection = this.connection;
    if (!connection) {
      this.lines = [];
      this.item.hide();
      return;
    }
    const profile = connection.profile ?? 'default';
    this.item.text = `${connection.problem ? '$(warning)' : '$(cloud)'} ${profile} · ${connection.region}`;
    const lines = [
      `Profile: ${connection.profileLabel}`,
      `Region: ${connection.region} (from ${connection.regionSource})`,
    ];
    if (this.accountId) {
      lines.push(`Account: ${this.accountId}`);
    }
    if (connection.endpoint) {
      lines.push(`Endpoint: ${connection.endpoint}`);
    }
    if (connection.problem) {
      lines.push(connection.problem.message);
    }
    this.lines = lines;
    const md = new vscode.MarkdownString(undefined, false);
    md.isTrusted = false;
    md.appendMarkdown('**AWS HealthOmics Shares**  \n');
    md.appendText(lines.join('\n'));
    md.appendMarkdown('\n\n*Click to select another AWS profile.*');
    this.item.tooltip = md;
    this.item.accessibilityInformation = { label: `HealthOmics: profile ${profile}, region ${connection.region}` };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
