/**
 * Loading and validating emulator data files, plus ARN helpers shared by the server and the generator.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  SHARE_STATUSES,
  type EmulatorAccount,
  type EmulatorData,
  type ShareRecord,
  type ShareResourceType,
} from './types';

/** Thrown for an invalid data file; `message` names the field and the share/account. */
export class DataValidationError extends Error {
  override readonly name = 'DataValidationError';
}

export interface ParsedArn {
  partition: string;
  region: string;
  account: string;
  kind: 'variantStore' | 'annotationStore' | 'workflow';
  /** Store name or workflow id. */
  name: string;
  type: ShareResourceType;
}

const ARN_RE =
  /^arn:(aws[a-z-]*):omics:([a-z]{2}(?:-[a-z]+)+-\d+):(\d{12}):(variantStore|annotationStore|workflow)\/(.+)$/;
export const STORE_NAME_RE = /^[a-z][a-z0-9_]{2,254}$/;
export const WORKFLOW_ID_RE = /^[0-9]{1,18}$/;
export const ACCOUNT_RE = /^[0-9]{12}$/;
export const SHARE_NAME_RE = /^[a-zA-Z0-9_-]{1,256}$/;
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

const KIND_TO_TYPE: Record<ParsedArn['kind'], ShareResourceType> = {
  variantStore: 'VARIANT_STORE',
  annotationStore: 'ANNOTATION_STORE',
  workflow: 'WORKFLOW',
};

/**
 * Parses a shareable HealthOmics ARN (variant store, annotation store, workflow). For anything else returns
 * `{ error }` explaining why (it never throws).
 */
export function parseArn(arn: string): ParsedArn | { error: string } {
  const m = ARN_RE.exec(arn);
  if (!m) {
    return {
      error:
        'must look like arn:aws:omics:<region>:<12-digit account>:(variantStore|annotationStore)/<name> or …:workflow/<id>',
    };
  }
  const [, partition, region, account, kind, name] = m as unknown as [
    string,
    string,
    string,
    string,
    ParsedArn['kind'],
    string,
  ];
  if (kind === 'workflow') {
    if (!WORKFLOW_ID_RE.test(name)) {
      return { error: `workflow id "${name}" must be 1–18 digits` };
    }
  } else if (!STORE_NAME_RE.test(name)) {
    return { error: `store name "${name}" must match ^[a-z][a-z0-9_]{2,254}$` };
  }
  return { partition, region, account, kind, name, type: KIND_TO_TYPE[kind] };
}

export function isParsedArn(x: ParsedArn | { error: string }): x is ParsedArn {
  return !('error' in x);
}

/** The resourceId the emulator reports when the data does not give one: the workflow id, or 12 hex chars for stores. */
export function deriveResourceId(arn: ParsedArn, resourceArn: string): string {
  if (arn.kind === 'workflow') {
    return arn.name;
  }
  return createHash('sha256').update(resourceArn).digest('hex').slice(0, 12);
}

const ACCOUNT_FIELDS = new Set(['id', 'accessKeyId', 'secretAccessKey', 'name', 'sessionToken']);
const SHARE_FIELDS = new Set([
  'shareId',
  'resourceArn',
  'resourceId',
  'principalSubscriber',
  'ownerId',
  'status',
  'statusMessage',
  'shareName',
  'creationTime',
  'updateTime',
]);

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function describe(x: unknown): string {
  return JSON.stringify(x) ?? String(x);
}

/**
 * Validates a parsed data file and returns it typed (a deep copy). Throws DataValidationError naming the first bad
 * field, e.g. `shares[3] (shareId abc): status "BOGUS" is not one of PENDING, …`.
 */
export function validateData(obj: unknown): EmulatorData {
  if (!isObject(obj)) {
    throw new DataValidationError('top level: expected a JSON object {"accounts": [...], "shares": [...]}');
  }
  for (const key of Object.keys(obj)) {
    if (key !== 'accounts' && key !== 'shares' && key !== 'description' && key !== '$schema') {
      throw new DataValidationError(`top level: unknown field "${key}" (expected accounts, shares, description)`);
    }
  }
  if (!Array.isArray(obj.accounts)) {
    throw new DataValidationError('top level: "accounts" must be an array');
  }
  if (!Array.isArray(obj.shares)) {
    throw new DataValidationError('top level: "shares" must be an array');
  }
  if (obj.description !== undefined && typeof obj.description !== 'string') {
    throw new DataValidationError('top level: "description" must be a string');
  }

  const accounts: EmulatorAccount[] = [];
  const keys = new Set<string>();
  (obj.accounts as unknown[]).forEach((raw, i) => {
    const where = (): string =>
      isObject(raw) && typeof raw.id === 'string' ? `accounts[${i}] (id ${raw.id})` : `accounts[${i}]`;
    const fail = (msg: string): never => {
      throw new DataValidationError(`${where()}: ${msg}`);
    };
    if (!isObject(raw)) {
      return fail('expected an object');
    }
    for (const key of Object.keys(raw)) {
      if (!ACCOUNT_FIELDS.has(key)) {
        fail(`unknown field "${key}" (expected ${[...ACCOUNT_FIELDS].join(', ')})`);
      }
    }
    for (const f of ['id', 'accessKeyId', 'secretAccessKey'] as const) {
      if (raw[f] === undefined) {
        fail(`${f} is required`);
      }
      if (typeof raw[f] !== 'string' || raw[f] === '') {
        fail(`${f} must be a non-empty string, got ${describe(raw[f])}`);
      }
    }
    for (const f of ['name', 'sessionToken'] as const) {
      if (raw[f] !== undefined && (typeof raw[f] !== 'string' || raw[f] === '')) {
        fail(`${f} must be a non-empty string, got ${describe(raw[f])}`);
      }
    }
    const a = raw as unknown as EmulatorAccount;
    if (!ACCOUNT_RE.test(a.id)) {
      fail(`id "${a.id}" must be 12 digits`);
    }
    if (!/^[A-Za-z0-9]+$/.test(a.accessKeyId)) {
      fail(`accessKeyId "${a.accessKeyId}" must be letters and digits only`);
    }
    if (keys.has(a.accessKeyId)) {
      fail(`accessKeyId "${a.accessKeyId}" is used by another account entry`);
    }
    keys.add(a.accessKeyId);
    accounts.push({ ...a });
  });

  const shares: ShareRecord[] = [];
  const ids = new Set<string>();
  (obj.shares as unknown[]).forEach((raw, i) => {
    const where = (): string =>
      isObject(raw) && typeof raw.shareId === 'string' ? `shares[${i}] (shareId ${raw.shareId})` : `shares[${i}]`;
    const fail = (msg: string): never => {
      throw new DataValidationError(`${where()}: ${msg}`);
    };
    if (!isObject(raw)) {
      return fail('expected an object');
    }
    for (const key of Object.keys(raw)) {
      if (!SHARE_FIELDS.has(key)) {
        fail(`unknown field "${key}" (expected ${[...SHARE_FIELDS].join(', ')})`);
      }
    }
    for (const f of [
      'shareId',
      'resourceArn',
      'principalSubscriber',
      'ownerId',
      'status',
      'creationTime',
      'updateTime',
    ]) {
      if (raw[f] === undefined || raw[f] === null) {
        fail(`${f} is required`);
      }
      if (typeof raw[f] !== 'string') {
        fail(`${f} must be a string, got ${describe(raw[f])}`);
      }
    }
    for (const f of ['resourceId', 'statusMessage', 'shareName']) {
      if (raw[f] !== undefined && typeof raw[f] !== 'string') {
        fail(`${f} must be a string, got ${describe(raw[f])}`);
      }
    }
    const s = raw as unknown as ShareRecord;
    if (s.shareId === '' || s.shareId.includes('/')) {
      fail(`shareId must be non-empty and contain no "/"`);
    }
    if (ids.has(s.shareId)) {
      fail(`shareId is not unique`);
    }
    ids.add(s.shareId);
    if (!(SHARE_STATUSES as readonly string[]).includes(s.status)) {
      fail(`status ${describe(s.status)} is not one of ${SHARE_STATUSES.join(', ')}`);
    }
    const arn = parseArn(s.resourceArn);
    if (!isParsedArn(arn)) {
      fail(`resourceArn "${s.resourceArn}" ${arn.error}`);
    } else {
      if (s.ownerId !== arn.account) {
        fail(`ownerId "${s.ownerId}" must equal the account in resourceArn (${arn.account})`);
      }
    }
    if (!ACCOUNT_RE.test(s.ownerId)) {
      fail(`ownerId "${s.ownerId}" must be 12 digits`);
    }
    if (!ACCOUNT_RE.test(s.principalSubscriber)) {
      fail(`principalSubscriber "${s.principalSubscriber}" must be 12 digits`);
    }
    if (s.principalSubscriber === s.ownerId) {
      fail(`principalSubscriber must differ from ownerId (${s.ownerId})`);
    }
    if (s.resourceId !== undefined && s.resourceId === '') {
      fail('resourceId must not be empty (omit it to have it derived from resourceArn)');
    }
    if (s.shareName !== undefined && !SHARE_NAME_RE.test(s.shareName)) {
      fail(`shareName ${describe(s.shareName)} must match ^[a-zA-Z0-9_-]{1,256}$`);
    }
    if (s.statusMessage !== undefined && s.statusMessage.length > 1000) {
      fail(`statusMessage is longer than 1000 characters`);
    }
    for (const f of ['creationTime', 'updateTime'] as const) {
      if (!ISO_RE.test(s[f]) || Number.isNaN(Date.parse(s[f]))) {
        fail(`${f} ${describe(s[f])} is not an ISO-8601 date-time like 2024-05-01T12:34:56.789Z`);
      }
    }
    if (Date.parse(s.updateTime) < Date.parse(s.creationTime)) {
      fail(`updateTime ${s.updateTime} is earlier than creationTime ${s.creationTime}`);
    }
    shares.push({ ...s });
  });

  const data: EmulatorData = { accounts, shares };
  if (typeof obj.description === 'string') {
    data.description = obj.description;
  }
  return data;
}

/** Reads and validates a data file. Errors name the file and, for invalid data, the field and share. */
export function loadDataFile(file: string): EmulatorData {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DataValidationError(`Cannot read data file ${file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DataValidationError(`Data file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  try {
    return validateData(json);
  } catch (e) {
    if (e instanceof DataValidationError) {
      throw new DataValidationError(`Invalid data file ${file}: ${e.message}`);
    }
    throw e;
  }
}

/**
 * The shipped demo data set, found by walking up from this file to the repository root (works from
 * `out/test/emulator/` and from `test/emulator/`).
 */
export function demoDataPath(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'test', 'emulator', 'data', 'demo.json');
    if (existsSync(candidate)) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new DataValidationError(`Cannot find test/emulator/data/demo.json above ${__dirname}`);
    }
    dir = parent;
  }
}

/** `demo` → the shipped demo data; anything else is a file path. */
export function resolveDataArg(arg: string): string {
  return arg === 'demo' ? demoDataPath() : path.resolve(arg);
}
