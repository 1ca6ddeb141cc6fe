/**
 * The details document. Besides checking the text, the hostile cases are rendered with markdown-it (the renderer
 * VS Code's Markdown preview uses; here a transitive dev dependency via @vscode/vsce), with HTML and linkify ON
 * (the worst case), to show the output is inert. Skipped if markdown-it is not installed.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from './testing';
import { escapeMarkdown, markdownCode, shareDetailsDocument } from '../../src/core/shareDetails';
import { makeShare } from './fakes';

type Renderer = { render(src: string): string };
function markdownIt(): Renderer | undefined {
  try {
    const MarkdownIt = createRequire(__filename)('markdown-it') as new (o: object) => Renderer;
    return new MarkdownIt({ html: true, linkify: true });
  } catch {
    return undefined;
  }
}

const HOSTILE = '[x](command:foo) <img src=x onerror=alert(1)> https://evil.example ``` `code` **b** \u202eevil\n# h';
const FETCHED = new Date('2026-01-02T03:04:05.000Z');

describe('shareDetailsDocument', () => {
  const share = makeShare(1, 'FAILED', {
    shareName: 'rnaseq-v3',
    statusMessage: 'Share activation failed: internal error.',
    creationTime: new Date('2025-01-01T00:00:00.000Z'),
    updateTime: new Date('2025-01-01T00:05:00.000Z'),
  });

  it('lists every field, marks my side, and embeds the JSON', () => {
    const doc = shareDetailsDocument(share, 'OTHER', FETCHED);
    const lines = doc.split('\n');
    assert.equal(lines[0], '# Share rnaseq\\-v3');
    assert.equal(lines[2], 'Shared with me · fetched 2026-01-02T03:04:05.000Z · read-only');
    for (const line of [
      '- **Share name:** `rnaseq-v3`',
      '- **Share ID:** `share-failed-1`',
      '- **Status:** `Failed`',
      '- **Status message:** `Share activation failed: internal error.`',
      '- **Resource type:** `Workflow`',
      '- **Resource ARN:** `arn:aws:omics:us-east-1:111111111111:workflow/1001`',
      '- **Resource ID:** `1001`',
      '- **Owner account:** `111111111111`',
      '- **Subscriber account (you):** `222222222222`',
      '- **Created:** `2025-01-01T00:00:00.000Z`',
      '- **Updated:** `2025-01-01T00:05:00.000Z`',
    ]) {
      assert.ok(lines.includes(line), line);
    }
    const json = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? '';
    assert.deepEqual(JSON.parse(json), {
      shareId: 'share-failed-1',
      shareName: 'rnaseq-v3',
      status: 'FAILED',
      statusMessage: 'Share activation failed: internal error.',
      resourceArn: 'arn:aws:omics:us-east-1:111111111111:workflow/1001',
      resourceId: '1001',
      ownerId: '111111111111',
      principalSubscriber: '222222222222',
      creationTime: '2025-01-01T00:00:00.000Z',
      updateTime: '2025-01-01T00:05:00.000Z',
    });
  });

  it('shows an unknown status with what the server sent, and dashes for missing fields', () => {
    const doc = shareDetailsDocument(makeShare(2, 'UNKNOWN', { rawStatus: 'PAUSED', resourceId: '' }), 'SELF', FETCHED);
    assert.match(doc, /^- \*\*Status:\*\* `Unknown status \(PAUSED\)`$/m);
    assert.match(doc, /^- \*\*Resource ID:\*\* —$/m);
    assert.match(doc, /^- \*\*Owner account \(you\):\*\*/m);
  });

  it('keeps hostile server text inert (names, messages, statuses)', () => {
    const evil = makeShare(3, 'UNKNOWN', { shareName: HOSTILE, statusMessage: HOSTILE, rawStatus: HOSTILE });
    const doc = shareDetailsDocument(evil, 'SELF', FETCHED);
    assert.ok(!doc.includes('\u202e'), 'bidi overrides removed');
    assert.ok(!/^# h/m.test(doc), 'no line break smuggled in');
    const json = /````json\n([\s\S]*?)\n````/.exec(doc)?.[1] ?? assert.fail('a longer fence around the JSON');
    assert.equal((JSON.parse(json) as { shareName: string }).shareName, HOSTILE, 'the JSON keeps the exact value');
    const md = markdownIt();
    if (md === undefined) {
      return; // markdown-it not installed: the text checks above still ran
    }
    const html = md.render(doc);
    assert.ok(!/<a\s/i.test(html), `no link in ${html}`);
    assert.ok(!/<img/i.test(html), 'no raw HTML');
    assert.ok(!/<strong>b<\/strong>/.test(html), 'no emphasis from server text');
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('escapeMarkdown and markdownCode', () => {
    assert.equal(escapeMarkdown('[x](command:foo) <b>'), '\\[x\\]\\(command\\:foo\\) \\<b\\>');
    assert.equal(markdownCode('a `b` c'), '``a `b` c``');
    assert.equal(markdownCode('`edge`'), '`` `edge` ``');
    assert.equal(markdownCode(''), '');
    const md = markdownIt();
    if (md !== undefined) {
      assert.equal(md.render(escapeMarkdown(HOSTILE)).includes('<a '), false);
      assert.equal(md.render(`# ${escapeMarkdown(HOSTILE)}`).includes('<img'), false);
    }
  });
});
