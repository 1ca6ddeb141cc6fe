import * as vscode from 'vscode';

/** The shell command that refreshes an SSO session (profile names are quoted for the shell). */
export function ssoLoginCommandLine(profile: string | undefined): string {
  return profile ? `aws sso login --profile ${shellQuote(profile)}` : 'aws sso login';
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9._@%+=:,/-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Runs `aws sso login` for the profile in a terminal the user can see and answer. */
export function runSsoLogin(profile: string | undefined): vscode.Terminal {
  const terminal = vscode.window.createTerminal({ name: `AWS SSO login${profile ? ` (${profile})` : ''}` });
  terminal.show();
  terminal.sendText(ssoLoginCommandLine(profile), true);
  return terminal;
}
