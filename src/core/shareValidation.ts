/**
 * Input validation for the share operations. The SDK validates nothing (API notes §2: an empty `shareId` is sent
 * as `/share/`, a bad ARN or subscriber reaches the server), so every operation checks its input here first.
 *
 * The per-field validators have the shape VS Code's `InputBoxOptions.validateInput` wants: they take the raw text
 * of the box and return a message, or undefined when the value is fine. Leading and trailing whitespace (a paste
 * with a newline) is ignored, and the operations trim before sending, so what validates is what is sent.
 */
import { validateShareableArn } from './arn';

/** The model's ShareDetails.shareName pattern, length included (1–256). */
export const SHARE_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,256}$/;
/** Real share ids look like this (API notes §2); any other non-empty token is still accepted, see below. */
export const CANONICAL_SHARE_ID = /^[0-9a-f]{32}-[0-9a-f]{32}$/i;

/** Thrown by the operations when their input fails validation, before anything is sent. */
export class InvalidShareInputError extends Error {
  override readonly name = 'InvalidShareInputError';
  constructor(
    readonly field: 'shareId' | 'resourceArn' | 'principalSubscriber' | 'shareName',
    message: string,
  ) {
    super(message);
  }
}

/**
 * A share id: non-empty, no whitespace, no '/' (the id is a URL path label; the API has no other constraint, so
 * ids that do not look like the documented 32-hex form are allowed: emulators and older shares use others).
 */
export function validateShareId(value: string): string | undefined {
  const id = value.trim();
  if (id === '') {
    return 'The share id is empty.';
  }
  if (/\s/.test(id)) {
    return 'A share id contains no spaces (e.g. 495c21bedc889d07d0ab69d710a6841e-dd75ab7a1a9c384fa848b5bd8e5a7e0a).';
  }
  if (id.includes('/')) {
    return 'A share id contains no "/".';
  }
  return undefined;
}

/**
 * The ARN of the workflow, variant store or annotation store to share; the message says which part is wrong.
 * When the caller's account is known, a resource of another account is refused too (only the owner can share).
 */
export function validateResourceArn(value: string, callerAccountId?: string): string | undefined {
  const v = validateShareableArn(value.trim());
  if (!v.ok) {
    return v.reason;
  }
  if (callerAccountId !== undefined && v.arn.account !== callerAccountId) {
    return `This resource belongs to account ${v.arn.account}; only its owner can share it.`;
  }
  return undefined;
}

/**
 * The account to share with: exactly 12 digits, and not the caller's own account when it is known (sharing with
 * yourself is refused by the service). Dashes as the console prints them (1111-2222-3333) are not accepted, so
 * that the value sent is the value validated; the message suggests removing them.
 */
export function validateSubscriberAccount(value: string, callerAccountId?: string): string | undefined {
  const account = value.trim();
  if (account === '') {
    return 'Enter the 12-digit AWS account id to share with.';
  }
  if (/^[0-9]{4}-[0-9]{4}-[0-9]{4}$/.test(account)) {
    return 'Enter the account id without dashes (12 digits).';
  }
  if (!/^[0-9]+$/.test(account)) {
    return 'An AWS account id contains only digits (12 of them).';
  }
  if (account.length !== 12) {
    return `An AWS account id is exactly 12 digits (this has ${account.length}).`;
  }
  if (callerAccountId !== undefined && account === callerAccountId) {
    return 'That is your own account; share with another account.';
  }
  return undefined;
}

/** The optional share name: empty means "no name"; otherwise 1–256 letters, digits, '_' and '-'. */
export function validateShareName(value: string): string | undefined {
  const name = value.trim();
  if (name === '' || SHARE_NAME_PATTERN.test(name)) {
    return undefined;
  }
  if (name.length > 256) {
    return `A share name is at most 256 characters (this has ${name.length}).`;
  }
  const bad = [...name].find((c) => !/[a-zA-Z0-9_-]/.test(c)) ?? '';
  const shown = /\s/.test(bad) ? 'spaces' : JSON.stringify(bad);
  return `A share name may contain only letters, digits, "_" and "-" (not ${shown}).`;
}

export interface CreateShareRequest {
  resourceArn: string;
  /** The subscriber's 12-digit account id. */
  principalSubscriber: string;
  /** Optional; '' and undefined both mean "no name". */
  shareName?: string;
}

/**
 * Validates a whole CreateShare request and returns it trimmed (an empty name dropped); throws
 * InvalidShareInputError for the first bad field. The operation calls this; the UI validates field by field.
 * Only the resource's owner can share it, so the ARN's account stands in for the caller's when that is unknown.
 */
export function checkCreateShareRequest(req: CreateShareRequest, callerAccountId?: string): CreateShareRequest {
  const arn = validateShareableArn(req.resourceArn.trim());
  const owner = callerAccountId ?? (arn.ok ? arn.arn.account : undefined);
  const checks: [InvalidShareInputError['field'], string | undefined][] = [
    ['resourceArn', validateResourceArn(req.resourceArn, callerAccountId)],
    ['principalSubscriber', validateSubscriberAccount(req.principalSubscriber, owner)],
    ['shareName', validateShareName(req.shareName ?? '')],
  ];
  for (const [field, message] of checks) {
    if (message !== undefined) {
      throw new InvalidShareInputError(field, message);
    }
  }
  const out: CreateShareRequest = {
    resourceArn: req.resourceArn.trim(),
    principalSubscriber: req.principalSubscriber.trim(),
  };
  const name = req.shareName?.trim() ?? '';
  if (name !== '') {
    out.shareName = name;
  }
  return out;
}

/** The share id, trimmed; throws InvalidShareInputError when it is not usable. */
export function checkShareId(value: string | undefined): string {
  const message = validateShareId(value ?? '');
  if (message !== undefined) {
    throw new InvalidShareInputError('shareId', message);
  }
  return (value ?? '').trim();
}
