/**
 * Data types of the HealthOmics share-API emulator (see README.md in this folder).
 */

export const SHARE_STATUSES = ['PENDING', 'ACTIVATING', 'ACTIVE', 'DELETING', 'DELETED', 'FAILED'] as const;
export type ShareStatus = (typeof SHARE_STATUSES)[number];

export const SHARE_RESOURCE_TYPES = ['VARIANT_STORE', 'ANNOTATION_STORE', 'WORKFLOW'] as const;
export type ShareResourceType = (typeof SHARE_RESOURCE_TYPES)[number];

export const RESOURCE_OWNERS = ['SELF', 'OTHER'] as const;
export type ResourceOwner = (typeof RESOURCE_OWNERS)[number];

export const OPERATIONS = ['ListShares', 'GetShare', 'AcceptShare', 'DeleteShare', 'CreateShare'] as const;
export type OperationName = (typeof OPERATIONS)[number];

/** An account that can sign requests. */
export interface EmulatorAccount {
  /** 12-digit AWS account id. */
  id: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Display name only (e.g. the profile name the demo writes). */
  name?: string;
  /** If set, requests signed with this key must carry `x-amz-security-token` with this exact value. */
  sessionToken?: string;
}

/** A share as stored in the data file; the same fields as the API's `ShareDetails`, timestamps as ISO-8601 strings. */
export interface ShareRecord {
  /** Unique. Real ids look like 32 hex + '-' + 32 hex, but any non-empty string without '/' is accepted. */
  shareId: string;
  /** `arn:<partition>:omics:<region>:<account>:(variantStore|annotationStore)/<name>` or `…:workflow/<digits>`. */
  resourceArn: string;
  /** Optional in the file; derived from the ARN when missing (workflow id, or 12 hex chars for stores). */
  resourceId?: string;
  /** The subscriber (the account the share is offered to); 12 digits, differs from ownerId. */
  principalSubscriber: string;
  /** The owner; must equal the account in resourceArn. */
  ownerId: string;
  status: ShareStatus;
  statusMessage?: string;
  shareName?: string;
  creationTime: string;
  updateTime: string;
}

export interface EmulatorData {
  /** Free text, ignored. */
  description?: string;
  accounts: EmulatorAccount[];
  shares: ShareRecord[];
}

/** Which requests a fault applies to. Omitted fields match everything. */
export interface FaultMatch {
  operation?: OperationName | OperationName[];
  /** Caller account id (from the signature). */
  account?: string;
}

export interface CountedFault extends FaultMatch {
  /** How many matching requests get the fault (decremented as it fires). */
  count: number;
}

export interface ServerErrorFault extends CountedFault {
  /** 500 (InternalServerException, default) or 503 (ServiceUnavailableException). */
  status?: 500 | 503;
}

export interface MalformedBodyFault extends CountedFault {
  /** The 200 body to send (default: a truncated JSON document). */
  body?: string;
}

export interface TransitionFault extends CountedFault {
  message?: string;
}

export interface FaultSpec {
  /** Next N matching requests get 429 ThrottlingException. */
  throttle?: CountedFault;
  /** Next N matching requests get 500 InternalServerException (or 503 ServiceUnavailableException). */
  serverError?: ServerErrorFault;
  /** Next N matching requests get HTTP 200 with a body that is not valid JSON; the operation is not executed. */
  malformedBody?: MalformedBodyFault;
  /** Next N matching requests have their connection destroyed without a response; the operation is not executed. */
  dropConnection?: CountedFault;
  /**
   * The next N lifecycle transitions started by matching AcceptShare/DeleteShare calls end in FAILED (with
   * `message` as statusMessage) instead of ACTIVE/DELETED. The call itself still succeeds.
   */
  failTransition?: TransitionFault;
  /** Milliseconds added to every signed request before it is answered. */
  latencyMs?: number;
  /** Milliseconds added to requests of one caller account (added to latencyMs). */
  latencyByAccount?: Record<string, number>;
  /**
   * Matching share-API requests wait, after authentication, until `release()` (or the control route
   * `POST /__emulator/release`) is called or the fault spec is replaced or cleared; then they go on as usual.
   * Makes "a slow answer arrives after the user switched" deterministic.
   */
  hold?: HoldMatch;
}

/** Which requests a `hold` fault holds: the FaultMatch fields, plus the signing region. */
export interface HoldMatch extends FaultMatch {
  region?: string;
}

export type FaultKind = 'throttle' | 'serverError' | 'malformedBody' | 'dropConnection';

/** One entry of the request log (control-endpoint requests are not logged). */
export interface RequestRecord {
  /** 1-based sequence number, in arrival order. */
  seq: number;
  /** ISO time the request arrived. */
  time: string;
  method: string;
  /** Path as sent, without the query string. */
  path: string;
  /** The Host header as sent (e.g. `analytics-127.0.0.1:4566` when the SDK's host prefix is kept). */
  host?: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  /** `Unknown` when no route matched (or an STS Action other than AssumeRole). */
  operation: OperationName | 'AssumeRole' | 'Unknown';
  /** Caller account, when the signature identified one (even if the signature later failed). */
  account?: string;
  accessKeyId?: string;
  /** Signing region from the credential scope. */
  region?: string;
  /** HTTP status sent; 0 when the connection was dropped. */
  status: number;
  /** The x-amzn-errortype sent, if any. */
  errorType?: string;
  requestId: string;
  /** The injected fault, if any. */
  fault?: FaultKind;
  /** Injected latency in ms, if any. */
  latencyMs?: number;
  /** How long the request was held by a `hold` fault, if it was. */
  heldMs?: number;
  durationMs: number;
  /** Parsed JSON body, if any and valid. */
  body?: unknown;
  // ListShares summary
  resourceOwner?: unknown;
  filter?: unknown;
  hasNextToken?: boolean;
  nextToken?: string;
  /** maxResults as sent (string from the query). */
  maxResults?: string;
  /** Number of shares returned (ListShares, on success). */
  returned?: number;
  /** Whether the response carried a nextToken (ListShares, on success). */
  returnedNextToken?: boolean;
  // Get/Accept/Delete
  shareId?: string;
  // STS AssumeRole (the TokenCode itself is never logged: only whether one was sent)
  roleArn?: string;
  roleSessionName?: string;
  serialNumber?: string;
  hasTokenCode?: boolean;
  /** The access key id of the session credentials issued (on success). */
  issuedAccessKeyId?: string;
}
