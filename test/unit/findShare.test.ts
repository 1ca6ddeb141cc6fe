/**
 * Find share: input parsing (pure), and the search with the REAL SDK against the emulator (share ids and
 * resource ARNs, from both sides, not found, truncation, cancellation).
 */
import assert from 'node:assert/strict';
import { describe, it } from './testing';
import type { FindQuery, FindResult } from '../../src/core/findShare';
import { findShare, parseFindInput, validateFindInput } from '../../src/core/findShare';
import type { Party } from './shareFixtures';
import { OWNER, record, SUB, vsArn, wfArn, withEmulator } from './shareFixtures';

const ID = '495c21bedc889d07d0ab69d710a6841e-dd75ab7a1a9c384fa848b5bd8e5a7e0a';

describe('parseFindInput', () => {
  it('share ids: the documented form, or any token without spaces', () => {
    assert.deepEqual(parseFindInput(` ${ID}\n`), {
      ok: true,
      value: { kind: 'shareId', shareId: ID, canonical: true },
    });
    assert.deepEqual(parseFindInput('wf-active'), {
      ok: true,
      value: { kind: 'shareId', shareId: 'wf-active', canonical: false },
    });
  });

  it('resource ARNs are parsed; a bad ARN says what is wrong', () => {
    const v = parseFindInput(wfArn('42'));
    assert.ok(v.ok && v.value.kind === 'resourceArn' && v.value.parsed.resourceName === '42');
    assert.equal(
      validateFindInput('arn:aws:omics:us-east-1:111122223333:workflow/x'),
      'Not a shareable HealthOmics ARN: The workflow id "x" must be 1–18 digits.',
    );
  });

  it('rejects empty input and spaces', () => {
    assert.equal(validateFindInput('  '), 'Enter a share id or a resource ARN.');
    assert.match(validateFindInput('two words') ?? '', /no spaces/);
  });
});

const PARTNER = '210987654321';
const data = [
  record('wf-sub', wfArn('42'), { shareName: 'to-sub', status: 'PENDING' }),
  record('wf-p1', wfArn('42'), { subscriber: PARTNER, created: '2025-01-02T00:00:00.000Z' }),
  record('vs-1', vsArn('gnomad'), { subscriber: PARTNER }),
];

function query(text: string): FindQuery {
  const v = parseFindInput(text);
  assert.ok(v.ok);
  return v.value;
}

const summary = (r: FindResult): unknown =>
  r.kind === 'found' ? r.matches.map((m) => `${m.owner} ${m.status} ${m.shareId ?? '-'}`) : r.message;

describe('findShare against the emulator', () => {
  const deps = (p: Party, callerAccountId?: string): Parameters<typeof findShare>[0] => ({
    operations: p.ops,
    shares: p.api,
    ...(callerAccountId === undefined ? {} : { callerAccountId }),
  });

  it('by id: GetShare, then one ListShares(SELF, the ARN, maxResults 1) tells the owner side', async () => {
    await withEmulator(data, async ({ em, owner, sub }) => {
      const mine = await findShare(deps(owner), query('wf-sub'));
      assert.deepEqual(summary(mine), ['SELF PENDING wf-sub']);
      assert.equal(mine.kind === 'found' && mine.callerAccountId, OWNER.id);
      const theirs = await findShare(deps(sub), query('wf-sub'));
      assert.deepEqual(summary(theirs), ['OTHER PENDING wf-sub']);
      assert.equal(theirs.kind === 'found' && theirs.callerAccountId, SUB.id);
      assert.deepEqual(
        em.requests.map((r) =>
          typeof r.resourceOwner === 'string' ? `${r.operation} ${r.resourceOwner} ${r.maxResults}` : r.operation,
        ),
        ['GetShare', 'ListShares SELF 1', 'GetShare', 'ListShares SELF 1'],
      );
    });
  });

  it('by id with the caller known: one GetShare only; unknown ids are not found', async () => {
    await withEmulator(data, async ({ em, sub }) => {
      assert.deepEqual(summary(await findShare(deps(sub, SUB.id), query('wf-sub'))), ['OTHER PENDING wf-sub']);
      assert.equal(em.requests.length, 1);
      assert.deepEqual(summary(await findShare(deps(sub), query(ID))), `No share with id "${ID}" in this region.`);
    });
  });

  it('by ARN: both owners, every page, with progress', async () => {
    await withEmulator(data, async ({ owner, sub }) => {
      const progress: number[] = [];
      const found = await findShare(deps(owner), query(wfArn('42')), {
        pageSize: 1,
        onProgress: (p) => progress.push(p.pagesScanned),
      });
      assert.deepEqual(summary(found), ['SELF PENDING wf-sub', 'SELF ACTIVE wf-p1']);
      assert.equal(found.kind === 'found' && found.truncated, false);
      assert.deepEqual(progress, [1, 2, 3]); // SELF: 2 pages, OTHER: 1 empty page
      assert.deepEqual(summary(await findShare(deps(sub), query(wfArn('42')))), ['OTHER PENDING wf-sub']);
      // vs-1 is shared with the partner, not with SUB
      assert.equal(
        summary(await findShare(deps(sub), query(vsArn('gnomad')))),
        `No share of ${vsArn('gnomad')} in this region, by or with this account.`,
      );
    });
  });

  it('by ARN: stops after maxPages and says so', async () => {
    await withEmulator(data, async ({ owner }) => {
      const r = await findShare(deps(owner), query(wfArn('42')), { pageSize: 1, maxPages: 1 });
      assert.deepEqual(summary(r), ['SELF PENDING wf-sub']);
      assert.equal(r.kind === 'found' && r.truncated, true);
      const none = await findShare(deps(owner), query(wfArn('77')), { pageSize: 1, maxPages: 1 });
      assert.equal(none.kind, 'notFound');
    });
  });

  it('cancellation: before the start, between pages, and in flight', async () => {
    await withEmulator(data, async ({ em, owner }) => {
      const early = new AbortController();
      early.abort();
      await assert.rejects(findShare(deps(owner), query('wf-sub'), { signal: early.signal }), { name: 'AbortError' });
      assert.equal(em.requests.length, 0);

      const between = new AbortController();
      const paging = findShare(deps(owner), query(wfArn('42')), {
        pageSize: 1,
        signal: between.signal,
        onProgress: () => between.abort(),
      });
      await assert.rejects(paging, { name: 'AbortError' });
      assert.ok(em.requests.filter((r) => r.operation === 'ListShares').length <= 2, 'no page after the abort');

      em.setFaults({ latencyMs: 2000 });
      const inFlight = new AbortController();
      const started = Date.now();
      const slow = findShare(deps(owner), query('wf-sub'), { signal: inFlight.signal });
      setTimeout(() => inFlight.abort(), 30);
      await assert.rejects(slow, { name: 'AbortError' });
      assert.ok(Date.now() - started < 1000, 'the request in flight was aborted');
    });
  });
});
