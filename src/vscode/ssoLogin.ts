import * as vscode from 'vscode';

/** The shell command that refreshes an SSO session (profile names are quoted for the shell). */
export function ssoLoginCommandLine(profile: string | undefined): string {
  return profile ? `aws sso login --profile ${shellQuote(profile)}` : 'aws sso login';
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9._@%+=:,/-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The variables that make the AWS CLI read the same files (and home) the extension reads. */
const SHARED_ENV = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'HOME'] as const;

/**
 * Runs `aws sso login` for the profile in a terminal the user can see and answer. The terminal gets the AWS file
 * locations this extension host uses, so the CLI updates the token cache the extension reads; the cache watcher
 * then retries the tree by itself.
 */
export function runSsoLogin(profile: string | undefined): vscode.Terminal {
  const env: Record<string, string> = {};
  for (const k of SHARED_ENV) {
    const v = process.env[k];
    if (v) {
      env[k] = v;
    }
  }
  const terminal = vscode.window.createTerminal({ name: `AWS SSO login${profile ? ` (${profile})` : ''}`, env });
  terminal.show();
  terminal.sendText(ssoLoginCommandLine(profile), true);
  return terminal;
}
