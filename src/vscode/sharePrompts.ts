/** The prompts of the share actions: the three steps of Share Resource…, Find Share's input, delete confirmation. */
import * as vscode from 'vscode';
import { validateFindInput } from '../core/findShare';
import { validateResourceArn, validateShareName, validateSubscriberAccount } from '../core/shareValidation';

export interface CreateShareArgs {
  resourceArn?: string;
  principalSubscriber?: string;
  shareName?: string;
}

/** Asks before deleting; tests replace it (a modal dialog cannot be answered from the extension host). */
export type Confirm = (message: string, detail: string, confirmLabel: string) => Promise<boolean>;

export const modalConfirm: Confirm = async (message, detail, confirmLabel) =>
  (await vscode.window.showWarningMessage(message, { modal: true, detail }, confirmLabel)) === confirmLabel;

/** Resource ARN, subscriber account, optional name; each validated as typed. Undefined when the user escapes. */
export async function promptCreateShare(seenArns: string[], caller?: string): Promise<CreateShareArgs | undefined> {
  const resourceArn = await pickResourceArn(seenArns, caller);
  if (resourceArn === undefined) {
    return undefined;
  }
  const principalSubscriber = await vscode.window.showInputBox({
    title: 'Share Resource (2/3): subscriber account',
    prompt: 'The 12-digit AWS account to offer the resource to',
    placeHolder: '123456789012',
    ignoreFocusOut: true,
    validateInput: (v) => validateSubscriberAccount(v, caller),
  });
  if (principalSubscriber === undefined) {
    return undefined;
  }
  const shareName = await vscode.window.showInputBox({
    title: 'Share Resource (3/3): share name (optional)',
    prompt: 'Letters, digits, "-" and "_"; leave empty for none',
    ignoreFocusOut: true,
    validateInput: validateShareName,
  });
  return shareName === undefined ? undefined : { resourceArn, principalSubscriber, shareName };
}

/** A quick pick of the ARNs already shared, where any other ARN can be typed (and is validated as typed). */
function pickResourceArn(seen: string[], caller?: string): Promise<string | undefined> {
  const qp = vscode.window.createQuickPick();
  qp.title = 'Share Resource (1/3): resource ARN';
  qp.placeholder = 'arn:aws:omics:<region>:<account>:workflow/<id> — or pick one you already share';
  qp.ignoreFocusOut = true;
  qp.items = seen.map((arn) => ({ label: arn }));
  qp.onDidChangeValue((v) => {
    const typed = v.trim();
    const problem = typed ? validateResourceArn(typed, caller) : undefined;
    // The typed ARN is offered first, with the reason it cannot be used (if any) right under it.
    const typedItem =
      typed && !seen.includes(typed)
        ? [{ label: typed, alwaysShow: true, detail: problem ? `$(error) ${problem}` : '$(check) Share this resource' }]
        : [];
    qp.items = [...typedItem, ...seen.map((arn) => ({ label: arn }))];
  });
  return new Promise((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      const value = qp.selectedItems[0]?.label ?? qp.value.trim();
      if (validateResourceArn(value, caller) === undefined) {
        done = true;
        resolve(value);
        qp.hide();
      }
    });
    qp.onDidHide(() => {
      if (!done) {
        resolve(undefined);
      }
      qp.dispose();
    });
    qp.show();
  });
}

export function promptFindInput(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Find Share',
    prompt: 'A share id or a resource ARN',
    ignoreFocusOut: true,
    validateInput: validateFindInput,
  });
}
