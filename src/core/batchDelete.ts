/**
 * Deleting one or several selected shares: the confirmation text (one modal for the whole selection), the
 * deletions themselves (a small worker pool; every share gets a result, one failure does not stop the others),
 * and a one-line summary of what succeeded and what failed, with reasons.
 *
 * Server text (share names, messages) goes into plain-text dialogs and notifications only; it is flattened to
 * one line here but never interpreted.
 */
import type { ErrorContext, ErrorDescription } from './errors';
import { describeError } from './errors';
import type { ResourceOwner, Share, ShareStatusOrUnknown } from './model';
import { resourceTypeLabel } from './model';
import type { DeleteVerb } from './shareActions';
import { deleteVerb } from './shareActions';
import { oneLine } from './shareFields';
import type { ShareOperations } from './shareOperations';

/** Who is on the other side of each share: one owner for the whole selection, or per share (mixed selections). */
export type OwnerOf = ResourceOwner | ((share: Share) => ResourceOwner);

export type DeleteResult =
  | { share: Share; verb: DeleteVerb; ok: true; status: ShareStatusOrUnknown }
  | { share: Share; verb: DeleteVerb; ok: false; error: ErrorDescription; cause: unknown };

export interface DeleteSharesOptions {
  owner: OwnerOf;
  /** Deletions in flight at once (default 4, at least 1). */
  concurrency?: number;
  /** Profile and region for the error messages (the operation is always DeleteShare). */
  errorContext?: Omit<ErrorContext, 'operation'>;
  /** Called after each share, for a progress notification. */
  onProgress?: (done: number, total: number) => void;
}

/** A share's name for people: its name, else its id, else its resource ARN. One line, never empty. */
export function shareLabel(share: Share): string {
  return oneLine(share.shareName ?? share.shareId ?? (share.resourceArn || share.key), 120);
}

/** Deletes every share; never rejects. Results are in input order. */
export async function deleteShares(
  api: Pick<ShareOperations, 'deleteShare'>,
  shares: readonly Share[],
  options: DeleteSharesOptions,
): Promise<DeleteResult[]> {
  const ownerOf = ownerFn(options.owner);
  const results: DeleteResult[] = new Array<DeleteResult>(shares.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < shares.length) {
      const i = next++;
      const share = shares[i];
      const verb = deleteVerb(share, ownerOf(share));
      try {
        // deleteShare validates the id: a share without one fails here with a clear message, like any other error.
        const status = await api.deleteShare(share.shareId ?? '');
        results[i] = { share, verb, ok: true, status };
      } catch (cause) {
        const error = describeError(cause, { ...options.errorContext, operation: 'DeleteShare' });
        results[i] = { share, verb, ok: false, error, cause };
      }
      options.onProgress?.(++done, shares.length);
    }
  };
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  await Promise.all(Array.from({ length: Math.min(concurrency, shares.length) }, worker));
  return results;
}

export interface DeleteSummary {
  /** 'Revoked 3 shares; 1 failed: rnaseq-v3 — Conflict: DeleteShare. The share may have changed state…' */
  text: string;
  /** One line per failure ('name — title. detail'), for a "Show details" / the log. */
  failures: string[];
  severity: 'info' | 'warning' | 'error';
}

const PAST: Record<DeleteVerb, string> = { revoke: 'Revoked', decline: 'Declined', leave: 'Left' };

/** How many failures the summary names before "and N more". */
const NAMED_FAILURES = 2;

export function summarizeDeletes(results: readonly DeleteResult[]): DeleteSummary {
  const ok = results.filter((r) => r.ok);
  const failed = results.filter((r): r is Extract<DeleteResult, { ok: false }> => !r.ok);
  const failures = failed.map((r) => `${shareLabel(r.share)} — ${r.error.title}. ${r.error.detail}`);
  const parts: string[] = [];
  for (const verb of ['revoke', 'decline', 'leave'] as const) {
    const n = ok.filter((r) => r.verb === verb).length;
    if (n > 0) {
      parts.push(`${parts.length === 0 ? PAST[verb] : PAST[verb].toLowerCase()} ${count(n, 'share')}`);
    }
  }
  let text = parts.join(', ');
  if (failed.length > 0) {
    // One failure: its full reason. Several: the first few names with their short titles.
    const reasons =
      failed.length === 1
        ? (failures[0] ?? '')
        : failed
            .slice(0, NAMED_FAILURES)
            .map((r) => `${shareLabel(r.share)} — ${r.error.title}`)
            .join('; ') + (failed.length > NAMED_FAILURES ? `; and ${failed.length - NAMED_FAILURES} more` : '');
    const head =
      text === ''
        ? `${failed.length === 1 ? 'The share' : `All ${failed.length} shares`} failed`
        : `${failed.length} failed`;
    text = `${text === '' ? '' : `${text}; `}${head}: ${reasons}`;
  }
  const severity = failed.length === 0 ? 'info' : ok.length === 0 ? 'error' : 'warning';
  return { text: text === '' ? 'Nothing to delete.' : text, failures, severity };
}

export interface DeleteConfirmation {
  /** The modal's message: 'Revoke share "rnaseq-v3"?' / 'Revoke 5 shares?' */
  message: string;
  /** The modal's detail: the share(s), resource(s), the other account(s) and what happens. */
  detail: string;
  /** The confirm button: 'Revoke', 'Decline', 'Leave' or 'Delete' for a mixed selection. */
  confirm: string;
}

const CONSEQUENCE: Record<DeleteVerb, string> = {
  revoke: 'The subscriber loses access to the resource. To restore it, share the resource again.',
  decline: 'The offer is declined. The owner must share the resource again to offer it.',
  leave: 'Your account loses access to the resource. The owner must share it again to restore access.',
};

/** How many names, resources and accounts a several-shares confirmation lists before "and N more". */
const LISTED = 3;

export function deleteConfirmation(shares: readonly Share[], owner: OwnerOf): DeleteConfirmation {
  const ownerOf = ownerFn(owner);
  const verbs = [...new Set(shares.map((s) => deleteVerb(s, ownerOf(s))))];
  const verb = verbs.length === 1 ? verbs[0] : undefined;
  const confirm = verb === undefined ? 'Delete' : capitalize(verb);
  const consequences = verbs.map((v) => CONSEQUENCE[v]).join(' ');
  const first = shares[0];
  if (shares.length === 1 && first) {
    const side =
      ownerOf(first) === 'SELF'
        ? `Subscriber account: ${first.principalSubscriber || 'unknown'}`
        : `Owner account: ${first.ownerId || 'unknown'}`;
    const detail = [
      `${resourceTypeLabel(first.resourceType)}: ${oneLine(first.resourceArn || 'unknown resource')}`,
      side,
      `Share ID: ${first.shareId ?? 'none'}`,
      '',
      consequences,
    ].join('\n');
    return { message: `${confirm} share "${shareLabel(first)}"?`, detail, confirm };
  }
  const others = shares.map((s) => (ownerOf(s) === 'SELF' ? s.principalSubscriber : s.ownerId));
  const detail = [
    `Shares: ${listSome(shares.map(shareLabel))}`,
    `Resources: ${listSome(shares.map((s) => oneLine(s.resourceArn || 'unknown resource')))}`,
    `Other accounts: ${listSome(others.map((a) => a || 'unknown'))}`,
    '',
    consequences,
  ].join('\n');
  return { message: `${confirm} ${shares.length} shares?`, detail, confirm };
}

/** Distinct values, the first few named: 'a, b, c and 2 more'. */
function listSome(values: string[]): string {
  const unique = [...new Set(values)];
  const shown = unique.slice(0, LISTED).join(', ');
  return unique.length > LISTED ? `${shown} and ${unique.length - LISTED} more` : shown;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function ownerFn(owner: OwnerOf): (share: Share) => ResourceOwner {
  return typeof owner === 'function' ? owner : () => owner;
}
