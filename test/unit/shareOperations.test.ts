/**
 * OmicsShareOperations with the REAL SDK against the local emulator (two accounts, 50 ms transitions): the whole
 * share lifecycle, validation before sending, error mapping, and the debug log line.
 */
import assert from 'node:assert/strict';
import { describe, it } from './testing';
import { describeError } from '../../src/core/errors';
import type { Logger } from '../../src/core/logger';
import { nullLogger } from '../../src/core/logger';
import { OmicsShareOperations } from '../../src/core/shareOperations';
import { OWNER, record, SUB, until, wfArn, withEmulator } from './shareFixtures';

const ctx = (operation: string): { operation: string; region: string } => ({ operation, region: 'us-east-1' });

describe('OmicsShareOperations against the emulator', () => {
  it('runs the lifecycle: create → PENDING offer → accept → ACTIVE → revoke → DELETED for both sides', async () => {
    await withEmulator([], async ({ owner, sub }) => {
      const created = await owner.ops.createShare({
        resourceArn: wfArn('1234567'),
        principalSubscriber: SUB.id,
        shareName: 'rnaseq-v3',
      });
      assert.equal(created.status, 'PENDING');
      assert.equal(created.shareName, 'rnaseq-v3');
      const id = created.shareId ?? assert.fail('no shareId');

      const offers = await sub.api.listShares({
        resourceOwner: 'OTHER',
        filter: { status: ['PENDING'] },
        maxResults: 10,
      });
      assert.deepEqual(
        offers.items.map((s) => [s.shareId, s.ownerId, s.shareName]),
        [[id, OWNER.id, 'rnaseq-v3']],
      );

      assert.equal(await sub.ops.acceptShare(id), 'ACTIVATING');
      assert.equal((await sub.ops.getShare(id)).status, 'ACTIVATING');
      await settle(() => owner.ops.getShare(id), 'ACTIVE');
      const mine = await owner.api.listShares({ resourceOwner: 'SELF', maxResults: 10 });
      assert.deepEqual(
        mine.items.map((s) => s.status),
        ['ACTIVE'],
      );

      assert.equal(await owner.ops.deleteShare(id), 'DELETING');
      assert.equal((await sub.ops.getShare(id)).status, 'DELETING');
      await settle(() => owner.ops.getShare(id), 'DELETED');
      assert.equal((await sub.ops.getShare(id)).status, 'DELETED');
    });
  });

  it('maps GetShare to a Share with every field', async () => {
    await withEmulator([record('wf-1', wfArn('42'), { shareName: 'n1' })], async ({ sub }) => {
      const share = await sub.ops.getShare('wf-1');
      assert.equal(share.key, 'wf-1');
      assert.equal(share.resourceType, 'WORKFLOW');
      assert.equal(share.resourceId, '42');
      assert.equal(share.principalSubscriber, SUB.id);
      assert.ok(share.creationTime instanceof Date);
    });
  });

  it('validates before sending: nothing reaches the server', async () => {
    await withEmulator([], async ({ em, owner }) => {
      await assert.rejects(owner.ops.getShare(''), { name: 'InvalidShareInputError' });
      await assert.rejects(owner.ops.acceptShare('  '), { name: 'InvalidShareInputError' });
      await assert.rejects(owner.ops.deleteShare('a b'), { name: 'InvalidShareInputError' });
      await assert.rejects(owner.ops.createShare({ resourceArn: wfArn('x'), principalSubscriber: SUB.id }), {
        name: 'InvalidShareInputError',
        message: /workflow id "x"/,
      });
      await assert.rejects(owner.ops.createShare({ resourceArn: wfArn('1'), principalSubscriber: OWNER.id }), {
        message: /your own account/,
      });
      const callerKnown = new OmicsShareOperations(owner.client, { callerAccountId: SUB.id });
      await assert.rejects(callerKnown.createShare({ resourceArn: wfArn('1'), principalSubscriber: '210987654321' }), {
        message: /only its owner can share it/,
      });
      assert.equal(em.requests.length, 0);
    });
  });

  it('surfaces service errors that describeError maps to clear messages', async () => {
    const data = [record('pending-1', wfArn('7'), { status: 'PENDING' }), record('active-1', wfArn('8'))];
    await withEmulator(data, async ({ owner, sub }) => {
      const denied = await owner.ops.acceptShare('pending-1').catch((e: unknown) => e);
      assert.equal(describeError(denied, ctx('AcceptShare')).kind, 'accessDenied');
      const conflict = await sub.ops.acceptShare('active-1').catch((e: unknown) => e);
      assert.equal(describeError(conflict, ctx('AcceptShare')).title, 'Conflict: AcceptShare');
      const missing = await sub.ops.getShare('nope').catch((e: unknown) => e);
      assert.equal(describeError(missing, ctx('GetShare')).kind, 'notFound');
      const duplicate = await owner.ops
        .createShare({ resourceArn: wfArn('7'), principalSubscriber: SUB.id })
        .catch((e: unknown) => e);
      assert.equal(describeError(duplicate, ctx('CreateShare')).kind, 'conflict');
    });
  });

  it('logs one debug line per call, with the request id and no secrets', async () => {
    const lines: string[] = [];
    const logger: Logger = { ...nullLogger, debug: (m: string) => lines.push(m) };
    await withEmulator([record('wf-1', wfArn('42'))], async ({ em, party }) => {
      const ops = party(SUB, logger).ops;
      await ops.getShare('wf-1');
      await ops.deleteShare('wf-1');
      const ids = em.requests.map((r) => r.requestId);
      assert.equal(lines.length, 2);
      assert.match(lines[0] ?? '', new RegExp(`^GetShare wf-1 → ACTIVE, requestId=${ids[0]}, \\d+ ms$`));
      assert.match(lines[1] ?? '', new RegExp(`^DeleteShare wf-1 → DELETING, requestId=${ids[1]}, \\d+ ms$`));
      assert.ok(lines.every((l) => !l.includes(SUB.secretAccessKey) && !l.includes(SUB.accessKeyId)));
    });
  });
});

/** Re-reads until the status is reached (the emulator's transitions take 50 ms). */
async function settle(read: () => Promise<{ status: string }>, status: string): Promise<void> {
  const last = await until(read, (s) => s.status === status);
  assert.equal(last.status, status);
}
