/**
 * Which actions a share row offers, as plain data: the VS Code layer maps the ids to `contextValue` flags and
 * menu entries, and uses the labels as titles. The rules follow the lifecycle (API notes §4):
 *
 * | action      | when                                                                                     |
 * | ----------- | ---------------------------------------------------------------------------------------- |
 * | accept      | OTHER (offered to me) and PENDING, with a share id                                       |
 * | delete      | any status but DELETING / DELETED (UNKNOWN and FAILED included), with a share id         |
 * | details     | always (without a share id the document shows the listed fields; GetShare needs the id) |
 * | openConsole | whenever the share has a resource ARN                                                    |
 *
 * There is no Reject in the API: a subscriber declines an offer (PENDING) or leaves a share (any other status)
 * by deleting it; an owner deleting revokes the subscriber's access.
 */
import type { ResourceOwner, Share } from './model';

export type ShareActionId = 'accept' | 'delete' | 'details' | 'openConsole';

/** What a delete means to the user: the owner revokes, the subscriber declines an offer or leaves a share. */
export type DeleteVerb = 'revoke' | 'decline' | 'leave';

export interface ShareAction {
  id: ShareActionId;
  /** A menu title: 'Accept share', 'Revoke share', 'Decline share', 'Leave share', … */
  label: string;
  /** Set on the delete action only. */
  verb?: DeleteVerb;
}

const DELETE_LABELS: Record<DeleteVerb, string> = {
  revoke: 'Revoke share',
  decline: 'Decline share',
  leave: 'Leave share',
};

/** The verb for deleting this share: SELF → revoke; OTHER → decline while PENDING, leave otherwise. */
export function deleteVerb(share: Pick<Share, 'status'>, owner: ResourceOwner): DeleteVerb {
  if (owner === 'SELF') {
    return 'revoke';
  }
  return share.status === 'PENDING' ? 'decline' : 'leave';
}

export function deleteLabel(verb: DeleteVerb): string {
  return DELETE_LABELS[verb];
}

export function canAccept(share: Share, owner: ResourceOwner): boolean {
  return owner === 'OTHER' && share.status === 'PENDING' && share.shareId !== undefined;
}

export function canDelete(share: Share): boolean {
  return share.shareId !== undefined && share.status !== 'DELETING' && share.status !== 'DELETED';
}

/** The actions that apply, in menu order (accept, delete, details, openConsole). */
export function availableActions(share: Share, owner: ResourceOwner): ShareAction[] {
  const actions: ShareAction[] = [];
  if (canAccept(share, owner)) {
    actions.push({ id: 'accept', label: 'Accept share' });
  }
  if (canDelete(share)) {
    const verb = deleteVerb(share, owner);
    actions.push({ id: 'delete', label: deleteLabel(verb), verb });
  }
  actions.push({ id: 'details', label: 'Show share details' });
  if (share.resourceArn !== '') {
    actions.push({ id: 'openConsole', label: 'Open in AWS Console' });
  }
  return actions;
}

/** Convenience for `contextValue`s: the action ids as a set. */
export function actionIds(share: Share, owner: ResourceOwner): Set<ShareActionId> {
  return new Set(availableActions(share, owner).map((a) => a.id));
}
