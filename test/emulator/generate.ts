/**
 * Data generators for the emulator: the deterministic `demo` data set (written to data/demo.json) and large
 * pseudo-random sets for paging and performance tests.
 *
 *   node out/test/emulator/generate.js --shares 10000 --out /tmp/big.json [--status ACTIVE] [--seed N] [--region R]
 *   node out/test/emulator/generate.js --demo --out test/emulator/data/demo.json
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { deriveResourceId, isParsedArn, parseArn, validateData } from './data';
import { SHARE_STATUSES, type EmulatorAccount, type EmulatorData, type ShareRecord, type ShareStatus } from './types';

export const DEMO_OWNER: EmulatorAccount = {
  id: '111122223333',
  name: 'demo-owner',
  accessKeyId: 'AKIADEMOOWNER0000001',
  secretAccessKey: 'demoOwnerSecret0000000000000000000000000',
};
export const DEMO_SUBSCRIBER: EmulatorAccount = {
  id: '444455556666',
  name: 'demo-subscriber',
  accessKeyId: 'AKIADEMOSUBSCRIBER01',
  secretAccessKey: 'demoSubscriberSecret00000000000000000000',
};
/** Accounts that appear in shares but cannot sign requests. */
export const PARTNER_ACCOUNTS = ['210987654321', '555566667777', '777788889999'] as const;

function hexFrom(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

/** A share id in the real format: 32 hex, '-', 32 hex. */
function shareIdFrom(seed: string): string {
  const h = hexFrom(seed);
  return `${h.slice(0, 32)}-${h.slice(32, 64)}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function makeShare(p: {
  key: string;
  arn: string;
  subscriber: string;
  status: ShareStatus;
  created: number;
  updatedAfterMin: number;
  shareName?: string;
  statusMessage?: string;
}): ShareRecord {
  const arn = parseArn(p.arn);
  if (!isParsedArn(arn)) {
    throw new Error(`bad ARN ${p.arn}: ${arn.error}`);
  }
  const s: ShareRecord = {
    shareId: shareIdFrom(p.key),
    resourceArn: p.arn,
    resourceId: deriveResourceId(arn, p.arn),
    principalSubscriber: p.subscriber,
    ownerId: arn.account,
    status: p.status,
    creationTime: iso(p.created),
    updateTime: iso(p.created + p.updatedAfterMin * 60_000),
  };
  if (p.statusMessage !== undefined) {
    s.statusMessage = p.statusMessage;
  }
  if (p.shareName !== undefined) {
    s.shareName = p.shareName;
  }
  // Keep the API's key order (ShareDetails) in the JSON file.
  const ordered: ShareRecord = {
    shareId: s.shareId,
    resourceArn: s.resourceArn,
    resourceId: s.resourceId,
    principalSubscriber: s.principalSubscriber,
    ownerId: s.ownerId,
    status: s.status,
    ...(s.statusMessage !== undefined ? { statusMessage: s.statusMessage } : {}),
    ...(s.shareName !== undefined ? { shareName: s.shareName } : {}),
    creationTime: s.creationTime,
    updateTime: s.updateTime,
  };
  return ordered;
}

const wf = (region: string, account: string, id: string): string => `arn:aws:omics:${region}:${account}:workflow/${id}`;
const vs = (region: string, account: string, name: string): string =>
  `arn:aws:omics:${region}:${account}:variantStore/${name}`;
const as = (region: string, account: string, name: string): string =>
  `arn:aws:omics:${region}:${account}:annotationStore/${name}`;

/** Number of bulk ACTIVE shares the demo owner has in us-east-1 (three pages at the default page size of 50). */
export const DEMO_BULK_ACTIVE = 125;

/**
 * The deterministic demo data set (see README.md for a summary). `data/demo.json` is exactly
 * `JSON.stringify(buildDemoData(), null, 2) + '\n'`.
 */
export function buildDemoData(): EmulatorData {
  const O = DEMO_OWNER.id;
  const S = DEMO_SUBSCRIBER.id;
  const [P1, P2, P3] = PARTNER_ACCOUNTS;
  const E1 = 'us-east-1';
  const E2 = 'eu-west-2';
  const t0 = Date.UTC(2025, 0, 6, 9, 0, 0);
  const day = 86_400_000;
  const shares: ShareRecord[] = [];
  let n = 0;
  const add = (
    arn: string,
    subscriber: string,
    status: ShareStatus,
    created: number,
    shareName?: string,
    statusMessage?: string,
  ): void => {
    const updatedAfterMin = status === 'PENDING' ? 0 : status === 'DELETED' ? 60 * 24 * 3 : 7 + (n % 5);
    shares.push(
      makeShare({
        key: `healthomics-demo/${n++}`,
        arn,
        subscriber,
        status,
        created,
        updatedAfterMin,
        shareName,
        statusMessage,
      }),
    );
  };

  // The owner's resources in us-east-1.
  const ownerWorkflows: [string, string][] = [
    ['1234567', 'rnaseq-pipeline-v3'],
    ['2345678', 'wgs-germline-v2'],
    ['3456789', 'somatic-tumor-normal'],
    ['4567890', 'scrna-cellranger-v7'],
    ['5678901', 'methylation-bismark'],
    ['6789012', 'atac-seq-v1'],
    ['7890123', 'variant-qc-nightly'],
  ];
  const ownerVariantStores = ['gnomad_v4_variants', 'cohort_wgs_2024', 'ukb_exomes_subset'];
  const ownerAnnotationStores = ['clinvar_annotations', 'dbsnp_b156', 'vep_cache_110'];

  // One of each status, owner → subscriber and partners.
  add(wf(E1, O, '1234567'), S, 'ACTIVE', t0, 'rnaseq-pipeline-v3');
  add(vs(E1, O, 'gnomad_v4_variants'), S, 'ACTIVE', t0 + 1 * day, 'gnomad_v4_variants');
  add(as(E1, O, 'clinvar_annotations'), S, 'PENDING', t0 + 2 * day, 'clinvar_annotations');
  add(wf(E1, O, '2345678'), S, 'ACTIVATING', t0 + 3 * day, 'wgs-germline-v2');
  add(vs(E1, O, 'cohort_wgs_2024'), P1, 'DELETING', t0 + 4 * day, 'cohort_wgs_2024-partner');
  add(wf(E1, O, '3456789'), P2, 'DELETED', t0 + 5 * day, 'somatic-tumor-normal');
  add(
    as(E1, O, 'dbsnp_b156'),
    S,
    'FAILED',
    t0 + 6 * day,
    'dbsnp_b156',
    'Share activation failed: annotation store dbsnp_b156 was being updated. Delete the share and share it again.',
  );
  add(
    wf(E1, O, '4567890'),
    P3,
    'FAILED',
    t0 + 7 * day,
    'scrna-cellranger-v7',
    'Share activation failed: account 777788889999 is not enabled for AWS HealthOmics in us-east-1.',
  );
  add(wf(E1, O, '5678901'), S, 'PENDING', t0 + 8 * day, 'methylation-bismark');
  add(vs(E1, O, 'ukb_exomes_subset'), P1, 'PENDING', t0 + 9 * day);
  add(as(E1, O, 'vep_cache_110'), S, 'DELETED', t0 + 10 * day, 'vep_cache_110');

  // Shares offered to the owner (OTHER for the owner; SELF for the subscriber and partners).
  add(wf(E1, S, '8801234'), O, 'PENDING', t0 + 11 * day, 'long-read-assembly');
  add(vs(E1, S, 'topmed_freeze10'), O, 'ACTIVE', t0 + 12 * day, 'topmed_freeze10');
  add(as(E1, S, 'gencode_v45'), O, 'ACTIVE', t0 + 13 * day, 'gencode_v45');
  add(
    wf(E1, S, '8805678'),
    O,
    'FAILED',
    t0 + 14 * day,
    'pangenome-graph',
    'Share activation failed: workflow 8805678 is not in ACTIVE status.',
  );
  add(wf(E1, S, '8805678'), P1, 'ACTIVE', t0 + 15 * day, 'pangenome-graph');
  add(vs(E1, S, 'topmed_freeze10'), P2, 'DELETED', t0 + 16 * day, 'topmed_freeze10');
  add(wf(E1, P1, '9900001'), O, 'ACTIVE', t0 + 17 * day, 'hic-scaffolding');
  add(as(E1, P1, 'cadd_scores_v17'), S, 'PENDING', t0 + 18 * day, 'cadd_scores_v17');
  add(wf(E1, P2, '9900002'), O, 'DELETING', t0 + 19 * day, 'hla-typing');

  // eu-west-2 (visible only to clients whose region is eu-west-2).
  add(wf(E2, O, '4400001'), S, 'ACTIVE', t0 + 20 * day, 'rnaseq-pipeline-v3-eu');
  add(vs(E2, S, 'uk_biobank_wes'), O, 'PENDING', t0 + 21 * day, 'uk_biobank_wes');
  add(
    as(E2, O, 'clinvar_annotations_eu'),
    P1,
    'FAILED',
    t0 + 22 * day,
    'clinvar_annotations_eu',
    'Share deletion failed: internal error. Try deleting the share again.',
  );

  // Many ACTIVE shares of the owner's resources with consortium sites (a few pages at page size 50).
  const resources: [string, string][] = [
    ...ownerWorkflows.map(([id, name]): [string, string] => [wf(E1, O, id), name]),
    ...ownerVariantStores.map((name): [string, string] => [vs(E1, O, name), name]),
    ...ownerAnnotationStores.map((name): [string, string] => [as(E1, O, name), name]),
  ];
  const tBulk = t0 + 30 * day;
  for (let i = 0; i < DEMO_BULK_ACTIVE; i++) {
    const [arn, name] = resources[i % resources.length];
    const site = String(i + 1).padStart(3, '0');
    const subscriber = `3000000${String(10000 + i).slice(-5)}`;
    add(arn, subscriber, 'ACTIVE', tBulk + i * 3_600_000, `${name}-site-${site}`);
  }

  // A PENDING share created after all the bulk ACTIVE ones: it comes last in server order.
  add(wf(E1, O, '7890123'), S, 'PENDING', tBulk + DEMO_BULK_ACTIVE * 3_600_000 + 30 * day, 'variant-qc-nightly');

  return {
    description:
      'Demo data for the HealthOmics share emulator. Generated by test/emulator/generate.ts (buildDemoData); do not edit by hand.',
    accounts: [DEMO_OWNER, DEMO_SUBSCRIBER].map((a) => ({ ...a })),
    shares,
  };
}

/** Small seeded PRNG (mulberry32), so generated sets are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  /** Number of shares. */
  shares: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Give every share this status (default: a realistic mix, mostly ACTIVE). */
  status?: ShareStatus;
  /** Region of every share (default us-east-1). */
  region?: string;
}

const WORDS = ['gnomad', 'cohort', 'clinvar', 'dbsnp', 'topmed', 'gencode', 'exome', 'panel', 'trio', 'tumor'];
const PIPELINES = ['rnaseq', 'wgs-germline', 'somatic', 'scrna', 'methylation', 'atac', 'chipseq', 'longread'];

/**
 * A large pseudo-random data set with the demo accounts. Roughly 60 % of the shares are owned by demo-owner,
 * 25 % by demo-subscriber and 15 % by partner accounts; every third share has the same creationTime as its
 * neighbours (to exercise the shareId tie-break).
 */
export function generateData(opts: GenerateOptions): EmulatorData {
  const rand = prng(opts.seed ?? 1);
  const region = opts.region ?? 'us-east-1';
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const O = DEMO_OWNER.id;
  const S = DEMO_SUBSCRIBER.id;
  const t0 = Date.UTC(2024, 0, 1, 0, 0, 0);
  const mix: ShareStatus[] = [
    'ACTIVE',
    'ACTIVE',
    'ACTIVE',
    'ACTIVE',
    'ACTIVE',
    'PENDING',
    'PENDING',
    'FAILED',
    'DELETED',
  ];
  const shares: ShareRecord[] = [];
  for (let i = 0; i < opts.shares; i++) {
    const r = rand();
    const owner = r < 0.6 ? O : r < 0.85 ? S : pick(PARTNER_ACCOUNTS);
    const subscribers = [O, S, ...PARTNER_ACCOUNTS].filter((a) => a !== owner);
    const subscriber =
      owner === O
        ? rand() < 0.5
          ? S
          : pick(subscribers)
        : owner === S
          ? rand() < 0.6
            ? O
            : pick(subscribers)
          : pick([O, S]);
    const kind = rand();
    const idx = String(i).padStart(6, '0');
    let arn: string;
    let name: string;
    if (kind < 0.6) {
      arn = wf(region, owner, String(1_000_000 + i));
      name = `${pick(PIPELINES)}-${idx}`;
    } else if (kind < 0.8) {
      name = `${pick(WORDS)}_${idx}`;
      arn = vs(region, owner, name);
    } else {
      name = `${pick(WORDS)}_ann_${idx}`;
      arn = as(region, owner, name);
    }
    const status = opts.status ?? pick(mix);
    shares.push(
      makeShare({
        key: `generated/${opts.seed ?? 1}/${i}`,
        arn,
        subscriber,
        status,
        created: t0 + Math.floor(i / 3) * 60_000,
        updatedAfterMin: status === 'PENDING' ? 0 : 5,
        shareName: rand() < 0.85 ? name : undefined,
        statusMessage: status === 'FAILED' ? 'Share activation failed: internal error.' : undefined,
      }),
    );
  }
  return { accounts: [DEMO_OWNER, DEMO_SUBSCRIBER].map((a) => ({ ...a })), shares };
}

export function toJson(data: EmulatorData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

const USAGE = `Usage:
  node out/test/emulator/generate.js --shares N [--out FILE] [--status STATUS] [--seed N] [--region REGION]
  node out/test/emulator/generate.js --demo [--out FILE]
Writes an emulator data file (to stdout without --out).`;

export function main(argv: string[]): number {
  let shares: number | undefined;
  let out: string | undefined;
  let status: ShareStatus | undefined;
  let seed: number | undefined;
  let region: string | undefined;
  let demo = false;
  const fail = (msg: string): number => {
    process.stderr.write(`${msg}\n${USAGE}\n`);
    return 2;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--shares': {
        const v = value();
        if (v === undefined || !/^\d+$/.test(v)) {
          return fail(`--shares needs a non-negative integer, got ${v ?? 'nothing'}`);
        }
        shares = Number(v);
        break;
      }
      case '--seed': {
        const v = value();
        if (v === undefined || !/^\d+$/.test(v)) {
          return fail(`--seed needs a non-negative integer, got ${v ?? 'nothing'}`);
        }
        seed = Number(v);
        break;
      }
      case '--status': {
        const v = value();
        if (v === undefined || !(SHARE_STATUSES as readonly string[]).includes(v)) {
          return fail(`--status must be one of ${SHARE_STATUSES.join(', ')}, got ${v ?? 'nothing'}`);
        }
        status = v as ShareStatus;
        break;
      }
      case '--region': {
        const v = value();
        if (v === undefined || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(v)) {
          return fail(`--region needs a region like us-east-1, got ${v ?? 'nothing'}`);
        }
        region = v;
        break;
      }
      case '--out': {
        const v = value();
        if (v === undefined) {
          return fail('--out needs a file name');
        }
        out = v;
        break;
      }
      case '--demo':
        demo = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        return fail(`Unknown option ${arg}`);
    }
  }
  if (!demo && shares === undefined) {
    return fail('Give --shares N or --demo');
  }
  const data = demo ? buildDemoData() : generateData({ shares: shares ?? 0, seed, status, region });
  validateData(data);
  const text = toJson(data);
  if (out === undefined || out === '-') {
    process.stdout.write(text);
  } else {
    writeFileSync(out, text);
    process.stderr.write(`Wrote ${data.shares.length} shares to ${out}\n`);
  }
  return 0;
}

// Run as a CLI, but not when a test runner merely loads every file under out/test.
if (require.main === module && !(process.env.NODE_TEST_CONTEXT && process.argv.length <= 2)) {
  process.exitCode = main(process.argv.slice(2));
}
