import * as vscode from 'vscode';

/** Typed view of the `healthomics.*` settings (declared in package.json `contributes.configuration`). */
export interface Settings {
  /** AWS profile name; empty = the SDK's default credential chain. */
  readonly profile: string;
  /** Region override; empty = profile region, then AWS_REGION, then us-east-1. */
  readonly region: string;
  /** Custom endpoint URL; empty = AWS (or AWS_ENDPOINT_URL_OMICS). Machine scope: no workspace can set it. */
  readonly endpoint: string;
  /** maxResults per ListShares request, clamped to 1–100. */
  readonly pageSize: number;
}

export const SECTION = 'healthomics';
export const SETTING_KEYS = ['profile', 'region', 'endpoint', 'pageSize'] as const;

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const pageSize = Math.trunc(Number(c.get<number>('pageSize', 50)));
  return {
    profile: c.get<string>('profile', '').trim(),
    region: c.get<string>('region', '').trim(),
    endpoint: c.get<string>('endpoint', '').trim(),
    pageSize: Number.isFinite(pageSize) ? Math.min(100, Math.max(1, pageSize)) : 50,
  };
}

/** Fires with the new settings whenever any `healthomics.*` setting changes (settings.json edits included). */
export function onDidChangeSettings(listener: (s: Settings) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) {
      listener(readSettings());
    }
  });
}

export async function updateSetting(key: (typeof SETTING_KEYS)[number], value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}
