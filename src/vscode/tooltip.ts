import * as vscode from 'vscode';
import { shareFields } from '../core/shareFields';
import type { ResourceOwner, Share } from '../core/model';

/**
 * The share row's tooltip: every field, as untrusted text. Values go through `appendText` (which escapes Markdown),
 * the string is not trusted (no command links run) and HTML is off, so a share name or status message from the
 * server can never inject links, commands or markup.
 */
export function shareTooltip(share: Share, owner: ResourceOwner): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  const fields = shareFields(share, owner);
  fields.forEach(([label, value], i) => {
    md.appendMarkdown(`**${label}:** `);
    md.appendText(value);
    if (i < fields.length - 1) {
      md.appendMarkdown('  \n');
    }
  });
  return md;
}
