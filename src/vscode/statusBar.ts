import * as vscode from 'vscode';
import type { Connection } from '../core/connection';

/** `$(cloud) demo-owner · us-east-1` — the identity the tree shows; click to pick another profile. */
export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'healthomics.connection',
    vscode.StatusBarAlignment.Left,
    10,
  );

  constructor() {
    this.item.name = 'HealthOmics connection';
    this.item.command = 'healthomics.selectProfile';
  }

  update(connection: Connection | undefined, account?: string): void {
    if (!connection) {
      this.item.hide();
      return;
    }
    const profile = connection.profile ?? 'default';
    this.item.text = `${connection.problem ? '$(warning)' : '$(cloud)'} ${profile} · ${connection.region}`;
    const md = new vscode.MarkdownString(undefined, false);
    md.isTrusted = false;
    md.appendMarkdown('**AWS HealthOmics Shares**  \n');
    md.appendText(
      `Profile: ${connection.profileLabel}\nRegion: ${connection.region} (from ${connection.regionSource})`,
    );
    if (account) {
      md.appendText(`\nAccount: ${account}`);
    }
    if (connection.endpoint) {
      md.appendText(`\nEndpoint: ${connection.endpoint}`);
    }
    if (connection.problem) {
      md.appendText(`\n${connection.problem.message}`);
    }
    md.appendMarkdown('\n\n*Click to select another AWS profile.*');
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
