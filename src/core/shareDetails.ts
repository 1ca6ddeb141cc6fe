/**
 * "Show Share Details": a read-only Markdown document with every field of a (freshly fetched) share, plus the raw
 * JSON. Everything the server sent is untrusted: a share name or status message could carry Markdown links
 * (`[x](command:…)`), HTML (`<img onerror=…>`), bare URLs (auto-linked by the preview) or bidi/control characters.
 *
 * So: values are flattened to one line (control, zero-width and bidi-override characters become spaces) and
 * shown as inline code spans, inside which Markdown, HTML and auto-linking are all inert; the heading uses
 * `escapeMarkdown` (every ASCII punctuation backslash-escaped). The JSON block sits in a fence longer than any
 * backtick run it contains. No link is ever built from server text (the console link is a separate command).
 */
import type { ResourceOwner, Share } from './model';
import { resourceTypeLabel, statusLabel } from './model';

/** C1 controls, zero-width and bidi-control characters, line/paragraph separators, BOM (C0 is handled apart). */
const INVISIBLE = /[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Flattens untrusted text to one line; `max` bounds a pathological value (status messages are ≤ 1000). */
export function flatten(text: string, max = 2000): string {
  const flat = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f]/g, ' ')
    .replace(INVISIBLE, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Backslash-escapes every ASCII punctuation character (all are escapable in CommonMark) after flattening. */
export function escapeMarkdown(text: string): string {
  return flatten(text).replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** An inline code span that shows `text` literally, whatever backticks it contains. */
export function markdownCode(text: string): string {
  const value = flatten(text);
  if (value === '') {
    return '';
  }
  const longestRun = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // CommonMark strips one space on each side when both are present: pad when the value touches a backtick.
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** A fenced block holding `text` verbatim, the fence longer than any backtick run inside. */
function fencedBlock(text: string, info: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

/** The share as the API's ShareDetails (ISO timestamps, absent fields left out). */
function detailsJson(share: Share): string {
  const json = {
    shareId: share.shareId,
    shareName: share.shareName,
    status: share.rawStatus ?? share.status,
    statusMessage: share.statusMessage,
    resourceArn: share.resourceArn || undefined,
    resourceId: share.resourceId || undefined,
    ownerId: share.ownerId || undefined,
    principalSubscriber: share.principalSubscriber || undefined,
    creationTime: share.creationTime?.toISOString(),
    updateTime: share.updateTime?.toISOString(),
  };
  // Invisible and bidi-override characters are spelled as \uXXXX escapes: still valid JSON, but no visual spoofing.
  return JSON.stringify(json, null, 2).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The document (language 'markdown'). `owner` is the side the share was listed under (SELF = I own it);
 * `fetchedAt` says how fresh it is, since the document does not update.
 */
export function shareDetailsDocument(share: Share, owner: ResourceOwner, fetchedAt: Date): string {
  const status =
    share.status === 'UNKNOWN'
      ? `${statusLabel(share.status)} (${share.rawStatus ?? 'none sent'})`
      : statusLabel(share.status);
  const rows: [string, string | undefined][] = [
    ['Share name', share.shareName],
    ['Share ID', share.shareId],
    ['Status', status],
    ['Status message', share.statusMessage],
    ['Resource type', resourceTypeLabel(share.resourceType)],
    ['Resource ARN', share.resourceArn],
    ['Resource ID', share.resourceId],
    [owner === 'SELF' ? 'Owner account (you)' : 'Owner account', share.ownerId],
    [owner === 'OTHER' ? 'Subscriber account (you)' : 'Subscriber account', share.principalSubscriber],
    ['Created', share.creationTime?.toISOString()],
    ['Updated', share.updateTime?.toISOString()],
  ];
  const title = share.shareName ?? share.shareId ?? 'Share without an id';
  const lines = [
    `# Share ${escapeMarkdown(title)}`,
    '',
    `${owner === 'SELF' ? 'Shared by me' : 'Shared with me'} · fetched ${fetchedAt.toISOString()} · read-only`,
    '',
    ...rows.map(([label, value]) => `- **${label}:** ${value ? markdownCode(value) : '—'}`),
    '',
    '## ShareDetails (JSON)',
    '',
    fencedBlock(detailsJson(share), 'json'),
    '',
  ];
  return lines.join('\n');
}
