/**
 * The four single-share operations (Get, Accept, Delete, Create) behind one small interface, so the layers above
 * (batch delete, the status poller, find share, the VS Code commands) can be tested with a fake or against the
 * emulator. `OmicsShareOperations` is the implementation over the real SDK.
 *
 * Every method validates its input first (shareValidation.ts) and throws InvalidShareInputError without sending
 * anything: the SDK itself validates nothing. Service errors are the SDK's own; describe them with
 * `describeError(err, { operation: 'AcceptShare', … })` from errors.ts (the operation names are exported below).
 */
import { AcceptShareCommand, CreateShareCommand, DeleteShareCommand, GetShareCommand } from '@aws-sdk/client-omics';
import type { OmicsClient } from '@aws-sdk/client-omics';
import type { Logger } from './logger';
import { nullLogger } from './logger';
import type { Share, ShareStatusOrUnknown } from './model';
import { isShareStatus, UNKNOWN_STATUS } from './model';
import { shareFromDetails } from './shareMapping';
import type { CreateShareRequest } from './shareValidation';
import { checkCreateShareRequest, checkShareId } from './shareValidation';

export type { CreateShareRequest } from './shareValidation';

/** The API operation names, for `describeError`'s context and the IAM permission it names. */
export type ShareOperationName = 'GetShare' | 'AcceptShare' | 'DeleteShare' | 'CreateShare';

export interface CreatedShare {
  /** Undefined only if the server sent none (every response member is optional in the model). */
  shareId?: string;
  /** PENDING on success; 'UNKNOWN' when the server sent no or an unknown status. */
  status: ShareStatusOrUnknown;
  shareName?: string;
}

export interface ShareOperations {
  /** A fresh copy of one share. Aborting `signal` rejects with an AbortError. */
  getShare(shareId: string, signal?: AbortSignal): Promise<Share>;
  /** Subscriber only, PENDING only; resolves with the new status (ACTIVATING). */
  acceptShare(shareId: string): Promise<ShareStatusOrUnknown>;
  /** Owner (revoke) or subscriber (decline / leave); resolves with the new status (DELETING). */
  deleteShare(shareId: string): Promise<ShareStatusOrUnknown>;
  /** Owner only; the new share is PENDING until the subscriber accepts. */
  createShare(req: CreateShareRequest): Promise<CreatedShare>;
}

export interface ShareOperationsOptions {
  logger?: Logger;
  /**
   * The caller's account id when known: CreateShare then refuses the caller's own account as subscriber and
   * resources of other accounts before sending. Without it the resource ARN's account is used as the owner.
   */
  callerAccountId?: string;
}

export class OmicsShareOperations implements ShareOperations {
  private readonly logger: Logger;

  constructor(
    private readonly client: OmicsClient,
    private readonly options: ShareOperationsOptions = {},
  ) {
    this.logger = options.logger ?? nullLogger;
  }

  async getShare(shareId: string, signal?: AbortSignal): Promise<Share> {
    const id = checkShareId(shareId);
    const started = Date.now();
    const out = await this.client.send(new GetShareCommand({ shareId: id }), { abortSignal: signal });
    // `share` is required by the model but the SDK does not enforce it: an empty body maps to an id-less share.
    const share = shareFromDetails(out.share ?? { shareId: id });
    this.log('GetShare', id, `${share.status}`, out.$metadata.requestId, started);
    return share;
  }

  async acceptShare(shareId: string): Promise<ShareStatusOrUnknown> {
    const id = checkShareId(shareId);
    const started = Date.now();
    const out = await this.client.send(new AcceptShareCommand({ shareId: id }));
    const status = statusOf(out.status);
    this.log('AcceptShare', id, status, out.$metadata.requestId, started);
    return status;
  }

  async deleteShare(shareId: string): Promise<ShareStatusOrUnknown> {
    const id = checkShareId(shareId);
    const started = Date.now();
    const out = await this.client.send(new DeleteShareCommand({ shareId: id }));
    const status = statusOf(out.status);
    this.log('DeleteShare', id, status, out.$metadata.requestId, started);
    return status;
  }

  async createShare(req: CreateShareRequest): Promise<CreatedShare> {
    const input = checkCreateShareRequest(req, this.options.callerAccountId);
    const started = Date.now();
    const out = await this.client.send(new CreateShareCommand(input));
    const created: CreatedShare = { status: statusOf(out.status) };
    if (typeof out.shareId === 'string' && out.shareId !== '') {
      created.shareId = out.shareId;
    }
    if (typeof out.shareName === 'string' && out.shareName !== '') {
      created.shareName = out.shareName;
    }
    const what = `${input.resourceArn} → ${input.principalSubscriber}`;
    this.log(
      'CreateShare',
      what,
      `${created.shareId ?? '(no id)'} ${created.status}`,
      out.$metadata.requestId,
      started,
    );
    return created;
  }

  /** One debug line per call. Share ids, ARNs and account ids are not secrets; nothing else is logged. */
  private log(
    op: ShareOperationName,
    subject: string,
    result: string,
    requestId: string | undefined,
    t0: number,
  ): void {
    this.logger.debug(`${op} ${subject} → ${result}, requestId=${requestId ?? '-'}, ${Date.now() - t0} ms`);
  }
}

function statusOf(value: unknown): ShareStatusOrUnknown {
  return isShareStatus(value) ? value : UNKNOWN_STATUS;
}
