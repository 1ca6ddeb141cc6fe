/**
 * A faithful local emulator of the AWS HealthOmics share API (ListShares, GetShare, AcceptShare, DeleteShare,
 * CreateShare), wire-compatible with `@aws-sdk/client-omics` (restJson1, SigV4 service `omics`).
 * See README.md in this folder.
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deriveResourceId, isParsedArn, parseArn, ACCOUNT_RE, SHARE_NAME_RE, validateData } from './data';
import { verifySignature } from './sigv4';
import {
  assumeRole,
  assumeRoleXml,
  parseAssumeRole,
  STS_AUTH_ERROR_CODES,
  STS_VERSION,
  StsError,
  stsErrorXml,
  type StsOptions,
  type StsSession,
} from './sts';
import {
  OPERATIONS,
  RESOURCE_OWNERS,
  SHARE_RESOURCE_TYPES,
  SHARE_STATUSES,
  type CountedFault,
  type EmulatorAccount,
  type EmulatorData,
  type FaultKind,
  type FaultMatch,
  type FaultSpec,
  type HoldMatch,
  type OperationName,
  type RequestRecord,
  type ResourceOwner,
  type ShareRecord,
  type ShareResourceType,
  type ShareStatus,
} from './types';

export * from './types';
export { DEFAULT_MFA_CODE, type StsOptions, type StsSession } from './sts';
export { DataValidationError, demoDataPath, loadDataFile, parseArn, resolveDataArg, validateData } from './data';

export interface EmulatorOptions {
  /** Port to listen on; 0 (default) picks a free ephemeral port. */
  port?: number;
  /** Interface to bind; only loopback addresses are sensible. Default 127.0.0.1. */
  host?: string;
  /** Accounts and initial shares (validated again here). */
  data: EmulatorData;
  /** ACTIVATING → ACTIVE delay after AcceptShare. Default 2000 ms. */
  activationDelayMs?: number;
  /** DELETING → DELETED delay after DeleteShare. Default 2000 ms. */
  deletionDelayMs?: number;
  /** ListShares page size when maxResults is not sent. Default 50. */
  defaultPageSize?: number;
  /** Called with one line per API request (not for control requests). */
  log?: (line: string) => void;
  /** Clock for share timestamps and lifecycle transitions (not for signature skew). Default Date.now. */
  now?: () => number;
  /** The request log keeps at most this many entries (oldest dropped). Default 10000. */
  maxLoggedRequests?: number;
  /** STS AssumeRole settings: the accepted MFA code (default 123456), roles that require MFA. */
  sts?: StsOptions;
}

export interface Emulator {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** Stops listening, drops open connections and clears every timer. */
  close(): Promise<void>;
  /** Completed API requests, in completion order (seq is arrival order). Live array. */
  readonly requests: RequestRecord[];
  clearRequests(): void;
  /** Replaces the fault spec (validated; throws on bad input). */
  setFaults(f: FaultSpec): void;
  clearFaults(): void;
  /** The current fault spec with remaining counts. */
  getFaults(): FaultSpec;
  /** Lets every request held by a `hold` fault go on; returns how many there were. */
  release(): number;
  /** How many requests a `hold` fault is holding now. */
  held(): number;
  /** Every share in server order with lifecycle transitions applied. */
  snapshot(): ShareRecord[];
  /** Every session AssumeRole issued (credentials included: for tests that check they never leak). */
  stsSessions(): StsSession[];
}

/** The maximum accepted maxResults. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;
const MAX_BODY_BYTES = 1024 * 1024;

interface Transition {
  to: ShareStatus;
  atMs: number;
  /** If set, the transition ends in FAILED with this statusMessage instead. */
  failMessage?: string;
}

interface ShareState {
  shareId: string;
  resourceArn: string;
  resourceId: string;
  principalSubscriber: string;
  ownerId: string;
  status: ShareStatus;
  statusMessage?: string;
  shareName?: string;
  creationMs: number;
  updateMs: number;
  region: string;
  type: ShareResourceType;
  transition?: Transition;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const validation = (message: string): ApiError => new ApiError(400, 'ValidationException', message);
const serialization = (message: string): ApiError => new ApiError(400, 'SerializationException', message);

function compareKey(aMs: number, aId: string, bMs: number, bId: string): number {
  if (aMs !== bMs) {
    return aMs < bMs ? -1 : 1;
  }
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}

function toDetails(s: ShareState): Record<string, string> {
  const out: Record<string, string> = {
    shareId: s.shareId,
    resourceArn: s.resourceArn,
    resourceId: s.resourceId,
    principalSubscriber: s.principalSubscriber,
    ownerId: s.ownerId,
    status: s.status,
  };
  if (s.statusMessage !== undefined) {
    out.statusMessage = s.statusMessage;
  }
  if (s.shareName !== undefined) {
    out.shareName = s.shareName;
  }
  out.creationTime = new Date(s.creationMs).toISOString();
  out.updateTime = new Date(s.updateMs).toISOString();
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Input validation in the style of AWS (Coral) services: "N validation error(s) detected: Value … at '…' failed to
// satisfy constraint: …". Wrong JSON types are SerializationExceptions, as restJson1 servers do.

class Violations {
  private readonly list: string[] = [];
  add(value: string | number | string[] | null, at: string, constraint: string): void {
    let shown = 'null';
    if (Array.isArray(value)) {
      shown = `'[${value.join(', ')}]'`;
    } else if (value !== null) {
      shown = `'${String(value)}'`;
    }
    this.list.push(`Value ${shown} at '${at}' failed to satisfy constraint: ${constraint}`);
  }
  throwIfAny(): void {
    if (this.list.length > 0) {
      const n = this.list.length;
      throw validation(`${n} validation error${n === 1 ? '' : 's'} detected: ${this.list.join('; ')}`);
    }
  }
}

function parseJsonBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  if (text.trim() === '') {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw serialization(`Request body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw serialization('Request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function optString(obj: Record<string, unknown>, key: string, at = key): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) {
    return undefined;
  }
  if (typeof v !== 'string') {
    throw serialization(`Expected a string at '${at}', got ${typeof v}`);
  }
  return v;
}

function optStringList(obj: Record<string, unknown>, key: string, at: string): string[] | undefined {
  const v = obj[key];
  if (v === undefined || v === null) {
    return undefined;
  }
  if (!Array.isArray(v)) {
    throw serialization(`Expected a list at '${at}', got ${typeof v}`);
  }
  for (const item of v as unknown[]) {
    if (typeof item !== 'string') {
      throw serialization(
        `Expected a list of strings at '${at}', got an item of type ${item === null ? 'null' : typeof item}`,
      );
    }
  }
  return v as string[];
}

interface ListFilter {
  resourceArns?: string[];
  status?: ShareStatus[];
  type?: ShareResourceType[];
}

function checkList(v: Violations, list: string[] | undefined, at: string, allowed?: readonly string[]): void {
  if (list === undefined) {
    return;
  }
  if (list.length < 1) {
    v.add(list, at, 'Member must have length greater than or equal to 1');
  }
  if (list.length > 10) {
    v.add(list, at, 'Member must have length less than or equal to 10');
  }
  if (new Set(list).size !== list.length) {
    v.add(list, at, 'Member must have unique items');
  }
  if (allowed && list.some((x) => !allowed.includes(x))) {
    v.add(list, at, `Member must satisfy constraint: [Member must satisfy enum value set: [${allowed.join(', ')}]]`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Faults

const FAULT_KINDS: FaultKind[] = ['dropConnection', 'throttle', 'serverError', 'malformedBody'];
const FAULT_KEYS = new Set([...FAULT_KINDS, 'failTransition', 'latencyMs', 'latencyByAccount', 'hold']);

function validateFaults(input: unknown): FaultSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error('faults: expected a JSON object');
  }
  const f = input as Record<string, unknown>;
  for (const key of Object.keys(f)) {
    if (!FAULT_KEYS.has(key)) {
      throw new Error(`faults: unknown field "${key}" (expected ${[...FAULT_KEYS].join(', ')})`);
    }
  }
  const out: FaultSpec = {};
  const counted = (key: string): CountedFault | undefined => {
    const raw = f[key];
    if (raw === undefined || raw === null) {
      return undefined;
    }
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      throw new Error(`faults.${key}: expected an object like {"count": 2}`);
    }
    const r = raw as Record<string, unknown>;
    const allowed = new Set(['count', 'operation', 'account', 'status', 'body', 'message']);
    for (const k of Object.keys(r)) {
      if (!allowed.has(k)) {
        throw new Error(`faults.${key}: unknown field "${k}"`);
      }
    }
    if (typeof r.count !== 'number' || !Number.isInteger(r.count) || r.count < 0) {
      throw new Error(`faults.${key}.count: expected a non-negative integer`);
    }
    const c: CountedFault = { count: r.count };
    if (r.operation !== undefined) {
      const ops = Array.isArray(r.operation) ? (r.operation as unknown[]) : [r.operation];
      for (const op of ops) {
        if (typeof op !== 'string' || !(OPERATIONS as readonly string[]).includes(op)) {
          throw new Error(`faults.${key}.operation: ${JSON.stringify(op)} is not one of ${OPERATIONS.join(', ')}`);
        }
      }
      c.operation = r.operation as OperationName | OperationName[];
    }
    if (r.account !== undefined) {
      if (typeof r.account !== 'string' || !ACCOUNT_RE.test(r.account)) {
        throw new Error(`faults.${key}.account: expected a 12-digit account id`);
      }
      c.account = r.account;
    }
    return c;
  };
  for (const kind of FAULT_KINDS) {
    const c = counted(kind);
    if (c) {
      out[kind] = c;
    }
  }
  const se = f.serverError as Record<string, unknown> | undefined;
  if (out.serverError && se?.status !== undefined) {
    if (se.status !== 500 && se.status !== 503) {
      throw new Error('faults.serverError.status: expected 500 or 503');
    }
    out.serverError.status = se.status;
  }
  const mb = f.malformedBody as Record<string, unknown> | undefined;
  if (out.malformedBody && mb?.body !== undefined) {
    if (typeof mb.body !== 'string') {
      throw new Error('faults.malformedBody.body: expected a string');
    }
    out.malformedBody.body = mb.body;
  }
  const ft = counted('failTransition');
  if (ft) {
    const msg = (f.failTransition as Record<string, unknown>).message;
    if (msg !== undefined && typeof msg !== 'string') {
      throw new Error('faults.failTransition.message: expected a string');
    }
    out.failTransition = msg === undefined ? ft : { ...ft, message: msg };
  }
  if (f.hold !== undefined && f.hold !== null) {
    if (typeof f.hold !== 'object' || Array.isArray(f.hold)) {
      throw new Error('faults.hold: expected an object like {"account": "111122223333"} ({} holds every request)');
    }
    const h = f.hold as Record<string, unknown>;
    const match: HoldMatch = {};
    for (const [k, v] of Object.entries(h)) {
      if (k === 'region') {
        if (typeof v !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(v)) {
          throw new Error('faults.hold.region: expected a Region code such as us-east-1');
        }
        match.region = v;
      } else if (k === 'account') {
        if (typeof v !== 'string' || !ACCOUNT_RE.test(v)) {
          throw new Error('faults.hold.account: expected a 12-digit account id');
        }
        match.account = v;
      } else if (k === 'operation') {
        const ops = Array.isArray(v) ? (v as unknown[]) : [v];
        for (const op of ops) {
          if (typeof op !== 'string' || !(OPERATIONS as readonly string[]).includes(op)) {
            throw new Error(`faults.hold.operation: ${JSON.stringify(op)} is not one of ${OPERATIONS.join(', ')}`);
          }
        }
        match.operation = v as OperationName | OperationName[];
      } else {
        throw new Error(`faults.hold: unknown field "${k}"`);
      }
    }
    out.hold = match;
  }
  if (f.latencyMs !== undefined && f.latencyMs !== null) {
    if (typeof f.latencyMs !== 'number' || !(f.latencyMs >= 0) || f.latencyMs > 600_000) {
      throw new Error('faults.latencyMs: expected a number of milliseconds between 0 and 600000');
    }
    out.latencyMs = f.latencyMs;
  }
  if (f.latencyByAccount !== undefined && f.latencyByAccount !== null) {
    if (typeof f.latencyByAccount !== 'object' || Array.isArray(f.latencyByAccount)) {
      throw new Error('faults.latencyByAccount: expected an object {"<account id>": <ms>}');
    }
    const map: Record<string, number> = {};
    for (const [acct, ms] of Object.entries(f.latencyByAccount as Record<string, unknown>)) {
      if (!ACCOUNT_RE.test(acct) || typeof ms !== 'number' || !(ms >= 0) || ms > 600_000) {
        throw new Error(`faults.latencyByAccount.${acct}: expected a 12-digit account id mapped to 0–600000 ms`);
      }
      map[acct] = ms;
    }
    out.latencyByAccount = map;
  }
  return out;
}

function faultMatches(f: FaultMatch, operation: string, account: string | undefined): boolean {
  if (f.operation !== undefined) {
    const ops: string[] = Array.isArray(f.operation) ? f.operation : [f.operation];
    if (!ops.includes(operation)) {
      return false;
    }
  }
  return f.account === undefined || f.account === account;
}

// ---------------------------------------------------------------------------------------------------------------
// Routing

interface Route {
  operation: OperationName;
  shareId?: string;
}

function matchRoute(method: string, rawPath: string): Route | undefined | 'bad-label' {
  if (rawPath === '/shares' && method === 'POST') {
    return { operation: 'ListShares' };
  }
  if (rawPath === '/share' && method === 'POST') {
    return { operation: 'CreateShare' };
  }
  const m = /^\/share\/([^/]*)$/.exec(rawPath);
  if (m) {
    const op: OperationName | undefined =
      method === 'GET'
        ? 'GetShare'
        : method === 'POST'
          ? 'AcceptShare'
          : method === 'DELETE'
            ? 'DeleteShare'
            : undefined;
    if (!op) {
      return undefined;
    }
    let shareId: string;
    try {
      shareId = decodeURIComponent(m[1] ?? '');
    } catch {
      return 'bad-label';
    }
    return { operation: op, shareId };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------

interface Ctx {
  caller: EmulatorAccount;
  region: string;
  query: URLSearchParams;
  body: Buffer;
  record: RequestRecord;
  now: number;
}

interface TokenPayload {
  v: 1;
  /** caller account */
  a: string;
  /** region */
  r: string;
  /** resourceOwner */
  o: string;
  /** hash of the canonical filter */
  q: string;
  /** cursor: creation ms and shareId of the last share returned */
  c: number;
  i: string;
}

/**
 * Starts the emulator. Resolves once listening; rejects (with the listen error, e.g. code EADDRINUSE) otherwise.
 */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const data = validateData(options.data);
  const host = options.host ?? '127.0.0.1';
  const activationDelayMs = options.activationDelayMs ?? 2000;
  const deletionDelayMs = options.deletionDelayMs ?? 2000;
  const defaultPageSize = options.defaultPageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(defaultPageSize) || defaultPageSize < 1 || defaultPageSize > MAX_PAGE_SIZE) {
    throw new Error(`defaultPageSize must be an integer between 1 and ${MAX_PAGE_SIZE}`);
  }
  const clock = options.now ?? Date.now;
  const maxLogged = options.maxLoggedRequests ?? 10_000;
  const tokenKey = randomBytes(32);

  const keys = new Map<string, EmulatorAccount>(data.accounts.map((a) => [a.accessKeyId, a]));
  /** Session credentials issued by AssumeRole, by access key id. */
  const sessions = new Map<string, StsSession>();
  const lookupKey = (accessKeyId: string): EmulatorAccount | undefined =>
    keys.get(accessKeyId) ?? sessions.get(accessKeyId)?.account;
  /** Session credentials past their Expiration (real clock, like signature expiry). */
  const expiredSession = (accessKeyId: string): boolean => {
    const s = sessions.get(accessKeyId);
    return s !== undefined && Date.now() >= s.expiresMs;
  };
  const byId = new Map<string, ShareState>();
  /** All shares in server order: creationTime ascending, then shareId ascending. */
  const sorted: ShareState[] = [];

  const insertSorted = (s: ShareState): void => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = sorted[mid];
      if (compareKey(m.creationMs, m.shareId, s.creationMs, s.shareId) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    sorted.splice(lo, 0, s);
  };
  /** Index of the first share whose key is greater than (ms, id). */
  const upperBound = (ms: number, id: string): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = sorted[mid];
      if (compareKey(m.creationMs, m.shareId, ms, id) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  };

  for (const r of data.shares) {
    const arn = parseArn(r.resourceArn);
    if (!isParsedArn(arn)) {
      continue; // unreachable: validateData checked it
    }
    const s: ShareState = {
      shareId: r.shareId,
      resourceArn: r.resourceArn,
      resourceId: r.resourceId ?? deriveResourceId(arn, r.resourceArn),
      principalSubscriber: r.principalSubscriber,
      ownerId: r.ownerId,
      status: r.status,
      creationMs: Date.parse(r.creationTime),
      updateMs: Date.parse(r.updateTime),
      region: arn.region,
      type: arn.type,
    };
    if (r.statusMessage !== undefined) {
      s.statusMessage = r.statusMessage;
    }
    if (r.shareName !== undefined) {
      s.shareName = r.shareName;
    }
    byId.set(s.shareId, s);
    sorted.push(s);
  }
  sorted.sort((a, b) => compareKey(a.creationMs, a.shareId, b.creationMs, b.shareId));

  /** Lazily applies a due lifecycle transition (no timers). */
  const settle = (s: ShareState, now: number): void => {
    const t = s.transition;
    if (t && now >= t.atMs) {
      if (t.failMessage !== undefined) {
        s.status = 'FAILED';
        s.statusMessage = t.failMessage;
      } else {
        s.status = t.to;
      }
      s.updateMs = t.atMs;
      delete s.transition;
    }
  };

  let faults: FaultSpec = {};
  const takeFault = (kind: FaultKind | 'failTransition', operation: string, account: string | undefined) => {
    const f = faults[kind];
    if (!f || f.count <= 0 || !faultMatches(f, operation, account)) {
      return undefined;
    }
    f.count -= 1;
    const copy = { ...f };
    if (f.count <= 0) {
      delete faults[kind];
    }
    return copy;
  };

  const requests: RequestRecord[] = [];
  let seq = 0;
  /** Requests waiting on a `hold` fault. */
  const held = new Set<() => void>();
  const release = (): number => {
    const n = held.size;
    for (const go of [...held]) {
      go();
    }
    held.clear();
    return n;
  };
  /** Replaces the fault spec; whatever the old spec held goes on. */
  const replaceFaults = (spec: FaultSpec): void => {
    faults = spec;
    release();
  };
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  /** Waits out the injected latency for this caller (recorded on the request); true if the emulator closed. */
  const injectedLatency = async (record: RequestRecord, account: string): Promise<boolean> => {
    const latency = (faults.latencyMs ?? 0) + (faults.latencyByAccount?.[account] ?? 0);
    if (latency > 0) {
      record.latencyMs = latency;
      await sleep(latency);
    }
    return closed;
  };

  // -------------------------------------------------------------------------------------------------------------
  // Operations

  const visibleShare = (ctx: Ctx, shareId: string): ShareState => {
    const s = byId.get(shareId);
    if (!s || s.region !== ctx.region) {
      throw new ApiError(404, 'ResourceNotFoundException', `Share ${shareId} not found.`);
    }
    settle(s, ctx.now);
    return s;
  };

  const filterHash = (owner: string, filter: ListFilter): string => {
    const canon = JSON.stringify({
      o: owner,
      a: filter.resourceArns ? [...filter.resourceArns].sort() : null,
      s: filter.status ? [...filter.status].sort() : null,
      t: filter.type ? [...filter.type].sort() : null,
    });
    return createHash('sha256').update(canon).digest('base64url').slice(0, 22);
  };

  const signToken = (p: TokenPayload): string => {
    const body = Buffer.from(JSON.stringify(p)).toString('base64url');
    const mac = createHmac('sha256', tokenKey).update(body).digest('base64url');
    return `${body}.${mac}`;
  };

  const readToken = (token: string): TokenPayload => {
    const bad = validation('Invalid nextToken: the token is malformed or was not issued by this service.');
    const dot = token.indexOf('.');
    if (dot <= 0) {
      throw bad;
    }
    const body = token.slice(0, dot);
    const mac = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = createHmac('sha256', tokenKey).update(body).digest();
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) {
      throw bad;
    }
    try {
      const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
      if (p.v !== 1 || typeof p.c !== 'number' || typeof p.i !== 'string') {
        throw bad;
      }
      return p;
    } catch {
      throw bad;
    }
  };

  const listShares = (ctx: Ctx): Record<string, unknown> => {
    const input = parseJsonBody(ctx.body);
    const resourceOwner = optString(input, 'resourceOwner');
    const rawFilter = input.filter;
    let filter: ListFilter = {};
    if (rawFilter !== undefined && rawFilter !== null) {
      if (typeof rawFilter !== 'object' || Array.isArray(rawFilter)) {
        throw serialization(
          `Expected an object at 'filter', got ${Array.isArray(rawFilter) ? 'array' : typeof rawFilter}`,
        );
      }
      const f = rawFilter as Record<string, unknown>;
      filter = {
        resourceArns: optStringList(f, 'resourceArns', 'filter.resourceArns'),
        status: optStringList(f, 'status', 'filter.status') as ShareStatus[] | undefined,
        type: optStringList(f, 'type', 'filter.type') as ShareResourceType[] | undefined,
      };
    }

    const rawMax = ctx.query.get('maxResults');
    let maxResults: number | undefined;
    if (rawMax !== null) {
      if (!/^-?\d+$/.test(rawMax) || !Number.isSafeInteger(Number(rawMax))) {
        throw serialization(`Value '${rawMax}' at 'maxResults' is not a valid integer`);
      }
      maxResults = Number(rawMax);
    }
    const v = new Violations();
    if (resourceOwner === undefined) {
      v.add(null, 'resourceOwner', 'Member must not be null');
    } else if (!(RESOURCE_OWNERS as readonly string[]).includes(resourceOwner)) {
      v.add(resourceOwner, 'resourceOwner', `Member must satisfy enum value set: [${RESOURCE_OWNERS.join(', ')}]`);
    }
    checkList(v, filter.resourceArns, 'filter.resourceArns');
    checkList(v, filter.status, 'filter.status', SHARE_STATUSES);
    checkList(v, filter.type, 'filter.type', SHARE_RESOURCE_TYPES);
    if (maxResults !== undefined && maxResults < 1) {
      v.add(maxResults, 'maxResults', 'Member must have value greater than or equal to 1');
    }
    if (maxResults !== undefined && maxResults > MAX_PAGE_SIZE) {
      v.add(maxResults, 'maxResults', `Member must have value less than or equal to ${MAX_PAGE_SIZE}`);
    }
    v.throwIfAny();

    const owner = resourceOwner as ResourceOwner;
    const caller = ctx.caller.id;
    const qhash = filterHash(owner, filter);
    const nextToken = ctx.query.get('nextToken') ?? '';
    let start = 0;
    if (nextToken !== '') {
      const p = readToken(nextToken);
      const mismatch: string[] = [];
      if (p.o !== owner) {
        mismatch.push('resourceOwner');
      }
      if (p.q !== qhash && p.o === owner) {
        mismatch.push('filter');
      }
      if (p.a !== caller) {
        mismatch.push('caller account');
      }
      if (p.r !== ctx.region) {
        mismatch.push('region');
      }
      if (mismatch.length > 0) {
        throw validation(
          `Invalid nextToken: it was issued for a different request (${mismatch.join(', ')} changed). ` +
            'Start again without a nextToken.',
        );
      }
      start = upperBound(p.c, p.i);
    }
    const limit = maxResults ?? defaultPageSize;
    const arns = filter.resourceArns ? new Set(filter.resourceArns) : undefined;
    const statuses = filter.status ? new Set<string>(filter.status) : undefined;
    const types = filter.type ? new Set<string>(filter.type) : undefined;
    const page: ShareState[] = [];
    let more = false;
    for (let k = start; k < sorted.length; k++) {
      const s = sorted[k];
      if (s.region !== ctx.region || (owner === 'SELF' ? s.ownerId : s.principalSubscriber) !== caller) {
        continue;
      }
      settle(s, ctx.now);
      if (
        (arns && !arns.has(s.resourceArn)) ||
        (statuses && !statuses.has(s.status)) ||
        (types && !types.has(s.type))
      ) {
        continue;
      }
      if (page.length === limit) {
        more = true;
        break;
      }
      page.push(s);
    }
    const out: Record<string, unknown> = { shares: page.map(toDetails) };
    const last = page[page.length - 1];
    if (more && last) {
      out.nextToken = signToken({
        v: 1,
        a: caller,
        r: ctx.region,
        o: owner,
        q: qhash,
        c: last.creationMs,
        i: last.shareId,
      });
    }
    ctx.record.returned = page.length;
    ctx.record.returnedNextToken = out.nextToken !== undefined;
    return out;
  };

  const checkParty = (ctx: Ctx, s: ShareState, allowed: ('owner' | 'subscriber')[], action: string): void => {
    const id = ctx.caller.id;
    if (
      (allowed.includes('owner') && s.ownerId === id) ||
      (allowed.includes('subscriber') && s.principalSubscriber === id)
    ) {
      return;
    }
    const who = allowed.join(' or ');
    throw new ApiError(
      403,
      'AccessDeniedException',
      `User: account ${id} is not authorized to perform: omics:${action} on share ${s.shareId} (only the share's ${who} may).`,
    );
  };

  const getShare = (ctx: Ctx, shareId: string): Record<string, unknown> => {
    const s = visibleShare(ctx, shareId);
    checkParty(ctx, s, ['owner', 'subscriber'], 'GetShare');
    return { share: toDetails(s) };
  };

  const startTransition = (
    ctx: Ctx,
    op: OperationName,
    s: ShareState,
    via: ShareStatus,
    to: ShareStatus,
    delay: number,
  ) => {
    s.status = via;
    s.updateMs = ctx.now;
    delete s.statusMessage;
    const fail = takeFault('failTransition', op, ctx.caller.id) as { message?: string } | undefined;
    s.transition = { to, atMs: ctx.now + delay };
    if (fail) {
      s.transition.failMessage =
        fail.message ??
        (to === 'ACTIVE' ? 'Share activation failed: internal error.' : 'Share deletion failed: internal error.');
    }
  };

  const acceptShare = (ctx: Ctx, shareId: string): Record<string, unknown> => {
    const s = visibleShare(ctx, shareId);
    if (s.ownerId === ctx.caller.id) {
      throw new ApiError(
        403,
        'AccessDeniedException',
        `Share ${shareId} is owned by account ${ctx.caller.id}; only its subscriber can accept it.`,
      );
    }
    checkParty(ctx, s, ['subscriber'], 'AcceptShare');
    if (s.status !== 'PENDING') {
      throw new ApiError(
        409,
        'ConflictException',
        `Share ${shareId} is ${s.status}; only a PENDING share can be accepted.`,
      );
    }
    startTransition(ctx, 'AcceptShare', s, 'ACTIVATING', 'ACTIVE', activationDelayMs);
    settle(s, ctx.now);
    return { status: 'ACTIVATING' };
  };

  const deleteShare = (ctx: Ctx, shareId: string): Record<string, unknown> => {
    const s = visibleShare(ctx, shareId);
    checkParty(ctx, s, ['owner', 'subscriber'], 'DeleteShare');
    if (s.status === 'DELETING' || s.status === 'DELETED') {
      throw new ApiError(409, 'ConflictException', `Share ${shareId} is already ${s.status}.`);
    }
    startTransition(ctx, 'DeleteShare', s, 'DELETING', 'DELETED', deletionDelayMs);
    settle(s, ctx.now);
    return { status: 'DELETING' };
  };

  const createShare = (ctx: Ctx): Record<string, unknown> => {
    const input = parseJsonBody(ctx.body);
    const resourceArn = optString(input, 'resourceArn');
    const principalSubscriber = optString(input, 'principalSubscriber');
    const shareName = optString(input, 'shareName');
    const v = new Violations();
    if (resourceArn === undefined) {
      v.add(null, 'resourceArn', 'Member must not be null');
    }
    if (principalSubscriber === undefined) {
      v.add(null, 'principalSubscriber', 'Member must not be null');
    }
    if (shareName !== undefined) {
      if (shareName.length < 1) {
        v.add(shareName, 'shareName', 'Member must have length greater than or equal to 1');
      } else if (shareName.length > 256) {
        v.add(shareName, 'shareName', 'Member must have length less than or equal to 256');
      } else if (!SHARE_NAME_RE.test(shareName)) {
        v.add(shareName, 'shareName', 'Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+');
      }
    }
    v.throwIfAny();
    const arnText = resourceArn as string;
    const subscriber = principalSubscriber as string;
    const arn = parseArn(arnText);
    if (!isParsedArn(arn)) {
      throw validation(`Invalid resourceArn '${arnText}': ${arn.error}.`);
    }
    if (arn.region !== ctx.region) {
      throw validation(
        `The resource ${arnText} is in region ${arn.region}, but this request was sent to ${ctx.region}. ` +
          "Shares are regional: call CreateShare in the resource's region.",
      );
    }
    if (arn.account !== ctx.caller.id) {
      throw new ApiError(
        403,
        'AccessDeniedException',
        `Account ${ctx.caller.id} does not own ${arnText}; only the resource owner can share it.`,
      );
    }
    if (!ACCOUNT_RE.test(subscriber)) {
      throw validation(`Invalid principalSubscriber '${subscriber}': expected a 12-digit AWS account ID.`);
    }
    if (subscriber === ctx.caller.id) {
      throw validation('You cannot share a resource with your own account.');
    }
    for (const s of byId.values()) {
      if (s.resourceArn === arnText && s.principalSubscriber === subscriber) {
        settle(s, ctx.now);
        if (s.status !== 'DELETED' && s.status !== 'FAILED') {
          throw new ApiError(
            409,
            'ConflictException',
            `${arnText} is already shared with account ${subscriber} (share ${s.shareId}, ${s.status}).`,
          );
        }
      }
    }
    let shareId: string;
    do {
      shareId = `${randomBytes(16).toString('hex')}-${randomBytes(16).toString('hex')}`;
    } while (byId.has(shareId));
    const s: ShareState = {
      shareId,
      resourceArn: arnText,
      resourceId: deriveResourceId(arn, arnText),
      principalSubscriber: subscriber,
      ownerId: ctx.caller.id,
      status: 'PENDING',
      creationMs: ctx.now,
      updateMs: ctx.now,
      region: arn.region,
      type: arn.type,
    };
    if (shareName !== undefined) {
      s.shareName = shareName;
    }
    byId.set(shareId, s);
    insertSorted(s);
    const out: Record<string, unknown> = { shareId, status: 'PENDING' };
    if (shareName !== undefined) {
      out.shareName = shareName;
    }
    return out;
  };

  // -------------------------------------------------------------------------------------------------------------
  // HTTP plumbing

  const finish = (record: RequestRecord, started: number): void => {
    record.durationMs = Date.now() - started;
    requests.push(record);
    if (requests.length > maxLogged) {
      requests.splice(0, requests.length - maxLogged);
    }
    if (options.log) {
      const parts = [
        record.time,
        record.operation,
        record.account ?? '-',
        record.region ?? '-',
        record.status === 0 ? 'dropped' : String(record.status),
      ];
      if (record.errorType) {
        parts.push(record.errorType);
      }
      if (record.operation === 'ListShares' && record.status === 200) {
        parts.push(
          `${String(record.resourceOwner)} returned=${record.returned ?? 0}${record.returnedNextToken ? ' +next' : ''}`,
        );
      }
      if (record.shareId !== undefined) {
        parts.push(record.shareId);
      }
      if (record.fault) {
        parts.push(`fault=${record.fault}`);
      }
      parts.push(`${record.durationMs}ms`);
      options.log(parts.join(' '));
    }
  };

  const send = (
    res: http.ServerResponse,
    record: RequestRecord,
    started: number,
    status: number,
    payload: unknown,
    errorType?: string,
  ): void => {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      'x-amzn-RequestId': record.requestId,
    };
    if (errorType) {
      headers['x-amzn-ErrorType'] = errorType;
      record.errorType = errorType;
    }
    record.status = status;
    finish(record, started);
    if (!res.headersSent && !res.destroyed) {
      res.writeHead(status, headers);
      res.end(body);
    }
  };

  const sendError = (res: http.ServerResponse, record: RequestRecord, started: number, e: ApiError): void => {
    send(res, record, started, e.status, { message: e.message }, e.type);
  };

  const handleApi = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    rawPath: string,
    rawQuery: string,
    body: Buffer,
    started: number,
  ): Promise<void> => {
    const query = new URLSearchParams(rawQuery);
    const record: RequestRecord = {
      seq: ++seq,
      time: new Date(started).toISOString(),
      method: req.method ?? 'GET',
      path: rawPath,
      query: Object.fromEntries(query.entries()),
      operation: 'Unknown',
      status: 0,
      requestId: randomUUID(),
      durationMs: 0,
    };
    if (req.headers.host !== undefined) {
      record.host = req.headers.host;
    }
    const route = matchRoute(record.method, rawPath);
    if (route && route !== 'bad-label') {
      record.operation = route.operation;
      if (route.shareId !== undefined) {
        record.shareId = route.shareId;
      }
    }
    if (record.operation === 'ListShares') {
      record.hasNextToken = query.has('nextToken');
      const nt = query.get('nextToken');
      if (nt !== null) {
        record.nextToken = nt;
      }
      const mr = query.get('maxResults');
      if (mr !== null) {
        record.maxResults = mr;
      }
    }
    if (body.length > 0) {
      try {
        record.body = JSON.parse(body.toString('utf8')) as unknown;
      } catch {
        // left out of the record; the operation reports the SerializationException
      }
      if (record.operation === 'ListShares' && typeof record.body === 'object' && record.body !== null) {
        const b = record.body as Record<string, unknown>;
        record.resourceOwner = b.resourceOwner;
        record.filter = b.filter;
      }
    }

    const auth = verifySignature(
      { method: record.method, rawPath, rawQuery, rawHeaders: req.rawHeaders, body },
      lookupKey,
    );
    recordCaller(record, auth);
    if (!auth.ok) {
      sendError(res, record, started, new ApiError(auth.status, auth.errorType, auth.message));
      return;
    }
    if (expiredSession(auth.accessKeyId)) {
      sendError(
        res,
        record,
        started,
        new ApiError(403, 'ExpiredTokenException', 'The security token included in the request is expired'),
      );
      return;
    }
    if (
      faults.hold &&
      faultMatches(faults.hold, record.operation, auth.account.id) &&
      (faults.hold.region === undefined || faults.hold.region === auth.region)
    ) {
      const heldAt = Date.now();
      await new Promise<void>((go) => held.add(go));
      record.heldMs = Date.now() - heldAt;
      if (closed) {
        return;
      }
    }
    if (await injectedLatency(record, auth.account.id)) {
      return; // the emulator closed meanwhile
    }
    if (route === undefined) {
      sendError(
        res,
        record,
        started,
        new ApiError(404, 'UnknownOperationException', `Unknown operation: ${record.method} ${rawPath}`),
      );
      return;
    }
    if (route === 'bad-label') {
      sendError(res, record, started, serialization(`Malformed percent-encoding in path ${rawPath}`));
      return;
    }
    const op = route.operation;
    const acct = auth.account.id;
    if (takeFault('dropConnection', op, acct)) {
      record.fault = 'dropConnection';
      record.status = 0;
      finish(record, started);
      req.socket.destroy();
      return;
    }
    if (takeFault('throttle', op, acct)) {
      record.fault = 'throttle';
      sendError(res, record, started, new ApiError(429, 'ThrottlingException', 'Rate exceeded'));
      return;
    }
    const se = takeFault('serverError', op, acct) as { status?: 500 | 503 } | undefined;
    if (se) {
      record.fault = 'serverError';
      sendError(
        res,
        record,
        started,
        se.status === 503
          ? new ApiError(503, 'ServiceUnavailableException', 'Service is unavailable. Try again later.')
          : new ApiError(500, 'InternalServerException', 'An internal error occurred. Try again later.'),
      );
      return;
    }
    const mb = takeFault('malformedBody', op, acct) as { body?: string } | undefined;
    if (mb) {
      record.fault = 'malformedBody';
      send(res, record, started, 200, mb.body ?? '{"shares":[{"shareId":"truncated');
      return;
    }

    const ctx: Ctx = { caller: auth.account, region: auth.region, query, body, record, now: clock() };
    try {
      let out: Record<string, unknown>;
      switch (op) {
        case 'ListShares':
          out = listShares(ctx);
          break;
        case 'CreateShare':
          out = createShare(ctx);
          break;
        case 'GetShare':
          out = getShare(ctx, route.shareId ?? '');
          break;
        case 'AcceptShare':
          out = acceptShare(ctx, route.shareId ?? '');
          break;
        case 'DeleteShare':
          out = deleteShare(ctx, route.shareId ?? '');
          break;
      }
      send(res, record, started, 200, out);
    } catch (e) {
      if (e instanceof ApiError) {
        sendError(res, record, started, e);
      } else {
        sendError(res, record, started, new ApiError(500, 'InternalServerException', `Emulator bug: ${String(e)}`));
      }
    }
  };

  // -------------------------------------------------------------------------------------------------------------
  // STS (AWS query protocol, SigV4 service `sts`): POST / with a form body. Only AssumeRole; see sts.ts.

  const sendXml = (res: http.ServerResponse, record: RequestRecord, started: number, status: number, xml: string) => {
    record.status = status;
    finish(record, started);
    if (!res.headersSent && !res.destroyed) {
      res.writeHead(status, {
        'Content-Type': 'text/xml',
        'Content-Length': Buffer.byteLength(xml),
        'x-amzn-RequestId': record.requestId,
      });
      res.end(xml);
    }
  };

  const sendStsError = (res: http.ServerResponse, record: RequestRecord, started: number, e: StsError): void => {
    record.errorType = e.code;
    sendXml(res, record, started, e.status, stsErrorXml(e, record.requestId));
  };

  const handleSts = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    rawPath: string,
    rawQuery: string,
    body: Buffer,
    started: number,
  ): Promise<void> => {
    const params = new URLSearchParams(body.toString('utf8'));
    const action = params.get('Action') ?? '';
    const record: RequestRecord = {
      seq: ++seq,
      time: new Date(started).toISOString(),
      method: req.method ?? 'POST',
      path: rawPath,
      query: Object.fromEntries(new URLSearchParams(rawQuery).entries()),
      operation: action === 'AssumeRole' ? 'AssumeRole' : 'Unknown',
      status: 0,
      requestId: randomUUID(),
      durationMs: 0,
    };
    if (req.headers.host !== undefined) {
      record.host = req.headers.host;
    }
    for (const [name, key] of [
      ['RoleArn', 'roleArn'],
      ['RoleSessionName', 'roleSessionName'],
      ['SerialNumber', 'serialNumber'],
    ] as const) {
      const v = params.get(name);
      if (v !== null) {
        record[key] = v;
      }
    }
    record.hasTokenCode = params.has('TokenCode');
    const auth = verifySignature(
      { method: record.method, rawPath, rawQuery, rawHeaders: req.rawHeaders, body },
      lookupKey,
      Date.now(),
      'sts',
    );
    recordCaller(record, auth);
    if (!auth.ok) {
      sendStsError(
        res,
        record,
        started,
        new StsError(auth.status, STS_AUTH_ERROR_CODES[auth.errorType] ?? auth.errorType, auth.message),
      );
      return;
    }
    if (expiredSession(auth.accessKeyId)) {
      sendStsError(
        res,
        record,
        started,
        new StsError(403, 'ExpiredToken', 'The security token included in the request is expired'),
      );
      return;
    }
    if (await injectedLatency(record, auth.account.id)) {
      return; // the emulator closed meanwhile
    }
    try {
      if (action !== 'AssumeRole') {
        throw new StsError(400, 'InvalidAction', `Could not find operation ${action} for version ${STS_VERSION}`);
      }
      if (params.get('Version') !== STS_VERSION) {
        throw new StsError(
          400,
          'InvalidAction',
          `Could not find operation ${action} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`,
        );
      }
      const session = assumeRole(parseAssumeRole(params), auth.account, Date.now(), options.sts ?? {});
      sessions.set(session.account.accessKeyId, session);
      record.issuedAccessKeyId = session.account.accessKeyId;
      sendXml(res, record, started, 200, assumeRoleXml(session, record.requestId));
    } catch (e) {
      sendStsError(
        res,
        record,
        started,
        e instanceof StsError ? e : new StsError(500, 'InternalFailure', `Emulator bug: ${String(e)}`),
      );
    }
  };

  // -------------------------------------------------------------------------------------------------------------
  // Control endpoint (no signature): /__emulator/...

  const snapshot = (): ShareRecord[] => {
    const now = clock();
    return sorted.map((s) => {
      settle(s, now);
      return toDetails(s) as unknown as ShareRecord;
    });
  };

  const getFaults = (): FaultSpec => JSON.parse(JSON.stringify(faults)) as FaultSpec;

  const handleControl = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    rawPath: string,
    rawQuery: string,
    body: Buffer,
  ): void => {
    const reply = (status: number, payload: unknown): void => {
      const text = JSON.stringify(payload, null, 2);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    };
    const route = `${req.method ?? 'GET'} ${rawPath.replace(/\/$/, '')}`;
    try {
      switch (route) {
        case 'GET /__emulator/health':
          return reply(200, {
            status: 'ok',
            accounts: data.accounts.length,
            shares: sorted.length,
            requests: requests.length,
          });
        case 'GET /__emulator/requests': {
          const q = new URLSearchParams(rawQuery);
          const op = q.get('operation');
          const account = q.get('account');
          return reply(200, {
            requests: requests.filter(
              (r) => (op === null || r.operation === op) && (account === null || r.account === account),
            ),
          });
        }
        case 'DELETE /__emulator/requests': {
          const n = requests.length;
          requests.length = 0;
          return reply(200, { cleared: n });
        }
        case 'GET /__emulator/faults':
          return reply(200, getFaults());
        case 'POST /__emulator/faults':
        case 'PUT /__emulator/faults': {
          let parsed: unknown;
          try {
            parsed = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
          } catch (e) {
            return reply(400, { message: `Body is not valid JSON: ${(e as Error).message}` });
          }
          replaceFaults(validateFaults(parsed));
          return reply(200, getFaults());
        }
        case 'DELETE /__emulator/faults':
          replaceFaults({});
          return reply(200, {});
        case 'POST /__emulator/release':
          return reply(200, { released: release() });
        case 'GET /__emulator/shares':
          return reply(200, { shares: snapshot() });
        default:
          return reply(404, {
            message: `Unknown control route ${route}. Routes: GET /__emulator/health, GET|DELETE /__emulator/requests, GET|POST|DELETE /__emulator/faults, POST /__emulator/release, GET /__emulator/shares`,
          });
      }
    } catch (e) {
      return reply(400, { message: (e as Error).message });
    }
  };

  const server = http.createServer((req, res) => {
    const started = Date.now();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q < 0 ? url : url.slice(0, q);
    const rawQuery = q < 0 ? '' : url.slice(q + 1);
    // A client that goes away mid-request must not crash the emulator.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooBig = true;
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      if (closed) {
        return;
      }
      const body = Buffer.concat(chunks);
      if (rawPath === '/__emulator' || rawPath.startsWith('/__emulator/')) {
        handleControl(req, res, rawPath, rawQuery, body);
        return;
      }
      if (tooBig) {
        const text = JSON.stringify({ message: `Request body larger than ${MAX_BODY_BYTES} bytes` });
        res.writeHead(413, {
          'Content-Type': 'application/json',
          'x-amzn-ErrorType': 'SerializationException',
          'x-amzn-RequestId': randomUUID(),
        });
        res.end(text);
        return;
      }
      const handler = rawPath === '/' && req.method === 'POST' ? handleSts : handleApi;
      handler(req, res, rawPath, rawQuery, body, started).catch((e: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'InternalServerException' });
          res.end(JSON.stringify({ message: `Emulator bug: ${String(e)}` }));
        }
      });
    });
  });
  // Longer than typical client idle timeouts, so a client never reuses a socket the server is closing.
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    const onError = (e: Error): void => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(options.port ?? 0, host);
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    setFaults: (f: FaultSpec) => {
      replaceFaults(validateFaults(f));
    },
    clearFaults: () => {
      replaceFaults({});
    },
    release,
    held: () => held.size,
    getFaults,
    snapshot,
    stsSessions: () => [...sessions.values()].map((s) => ({ ...s, account: { ...s.account } })),
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) {
          resolve();
          return;
        }
        closed = true;
        release();
        for (const t of timers) {
          clearTimeout(t);
        }
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Copies who signed the request (even when the signature then failed) into its log record. */
function recordCaller(
  record: RequestRecord,
  auth: { account?: { id: string }; accessKeyId?: string; region?: string },
): void {
  if (auth.account) {
    record.account = auth.account.id;
  }
  if (auth.accessKeyId !== undefined) {
    record.accessKeyId = auth.accessKeyId;
  }
  if (auth.region !== undefined) {
    record.region = auth.region;
  }
}
