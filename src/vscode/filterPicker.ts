/** "Omics: Filter Shares": one multi-select quick pick (statuses, resource types, ARNs…) with the current filter pre-selected. */
import * as vscode from 'vscode';
import { MAX_FILTER_ITEMS, parseArnList } from '../core/filter';
import type { ShareFilter, ShareResourceType, ShareStatus } from '../core/model';
import { normalizeFilter, RESOURCE_TYPES, resourceTypeLabel, STATUS_ORDER, statusLabel } from '../core/model';

type Item = vscode.QuickPickItem &
  (
    | { field: 'status'; value: ShareStatus }
    | { field: 'type'; value: ShareResourceType }
    | { field: 'arns'; value: string[] }
  );

/** Resolves to the new filter (undefined = none), or to `false` when the user pressed Escape (no change). */
export async function pickFilter(current: ShareFilter | undefined): Promise<ShareFilter | undefined | false> {
  let arns = current?.resourceArns ?? [];
  for (;;) {
    const arnItem: Item = {
      label: '$(symbol-key) Resource ARNs…',
      description: arns.length ? `${arns.length} selected` : 'none',
      detail: arns.length ? arns.join(', ') : 'Only shares of these resources (up to 10)',
      field: 'arns',
      value: arns,
      alwaysShow: true,
      buttons: [{ iconPath: new vscode.ThemeIcon('edit'), tooltip: 'Edit the ARNs' }],
    };
    const items: (Item | vscode.QuickPickItem)[] = [
      { label: 'Status', kind: vscode.QuickPickItemKind.Separator },
      ...STATUS_ORDER.map((s): Item => ({ label: statusLabel(s), description: s, field: 'status', value: s })),
      { label: 'Resource type', kind: vscode.QuickPickItemKind.Separator },
      ...RESOURCE_TYPES.map((t): Item => ({ label: resourceTypeLabel(t), description: t, field: 'type', value: t })),
      { label: 'Resources', kind: vscode.QuickPickItemKind.Separator },
      arnItem,
    ];
    const qp = vscode.window.createQuickPick<Item | vscode.QuickPickItem>();
    qp.title = 'Filter Shares';
    qp.placeholder = 'Pick statuses and resource types (none = all); Enter applies, Escape cancels';
    qp.canSelectMany = true;
    qp.matchOnDescription = true;
    qp.items = items;
    qp.selectedItems = items.filter(
      (i): i is Item =>
        'field' in i &&
        ((i.field === 'status' && (current?.status ?? []).includes(i.value)) ||
          (i.field === 'type' && (current?.type ?? []).includes(i.value)) ||
          (i.field === 'arns' && arns.length > 0)),
    );
    const result = await new Promise<readonly (Item | vscode.QuickPickItem)[] | 'editArns' | undefined>((resolve) => {
      let accepted = false;
      qp.onDidTriggerItemButton(() => {
        accepted = true;
        current = toFilter(
          qp.selectedItems.filter((i): i is Item => 'field' in i),
          arns,
        );
        resolve('editArns');
        qp.hide();
      });
      qp.onDidAccept(() => {
        accepted = true;
        resolve(qp.selectedItems);
        qp.hide();
      });
      qp.onDidHide(() => {
        if (!accepted) {
          resolve(undefined);
        }
        qp.dispose();
      });
      qp.show();
    });
    if (!result) {
      return false;
    }
    if (result === 'editArns') {
      arns = (await editArns(arns)) ?? arns;
      current = { ...current, resourceArns: arns };
      continue; // back to the picker with the edited ARNs; Escape in the box loses nothing
    }
    const picked = result.filter((i): i is Item => 'field' in i);
    const wantsArns = picked.some((i) => i.field === 'arns');
    // Ticking "Resource ARNs…" when there are none opens the box; unticking it clears them.
    if (wantsArns && arns.length === 0) {
      const edited = await editArns(arns);
      if (edited === undefined || edited.length === 0) {
        current = toFilter(picked, arns);
        continue;
      }
      arns = edited;
    } else if (!wantsArns) {
      arns = [];
    }
    return toFilter(picked, arns);
  }
}

function toFilter(picked: Item[], arns: string[]): ShareFilter | undefined {
  return normalizeFilter({
    status: picked.flatMap((i) => (i.field === 'status' ? [i.value] : [])),
    type: picked.flatMap((i) => (i.field === 'type' ? [i.value] : [])),
    resourceArns: arns,
  });
}

async function editArns(current: string[]): Promise<string[] | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Filter Shares: Resource ARNs',
    prompt: `Up to ${MAX_FILTER_ITEMS} HealthOmics workflow, variant store or annotation store ARNs, separated by commas, spaces or new lines`,
    placeHolder: 'arn:aws:omics:us-east-1:123456789012:workflow/1234567',
    value: current.join(', '),
    ignoreFocusOut: true,
    validateInput: (v) => {
      const r = parseArnList(v);
      return r.ok ? undefined : r.message;
    },
  });
  if (text === undefined) {
    return undefined;
  }
  const r = parseArnList(text);
  return r.ok ? r.value : undefined;
}
