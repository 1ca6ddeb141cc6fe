/**
 * Keyboard-friendly quick picks and input boxes: profile, region, MFA code.
 *
 * They are built on `createQuickPick` / `createInputBox` and registered in `prompts`, so the extension-host tests
 * can see exactly what the user sees (items, details, the current marker) and answer through the workbench's own
 * accept command.
 */
import * as vscode from 'vscode';
import { awsFilePaths, checkAwsFiles, readAwsFiles } from '../core/awsFiles';
import type { Connection } from '../core/connection';
import { MfaCancelledError } from '../core/errors';
import type { AwsFileIssue } from '../core/iniCheck';
import { formatIssue } from '../core/iniCheck';
import type { Logger } from '../core/logger';
import { KIND_LABELS, listProfiles } from '../core/profiles';
import { isRegionCode, OMICS_REGIONS } from '../core/regions';
import { updateSetting } from './config';
import { readProfiles } from './connectionManager';

export type Prompt = vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;

/** The prompts this extension shows, for tests: the visible one, and how many were shown so far. */
export class PromptTracker {
  private current: Prompt | undefined;
  private count = 0;
  private readonly shownEmitter = new vscode.EventEmitter<Prompt>();
  readonly onDidShow = this.shownEmitter.event;

  get active(): Prompt | undefined {
    return this.current;
  }

  /** Prompts shown since activation. */
  get shown(): number {
    return this.count;
  }

  /**
   * Call right after creating a prompt, before adding other listeners: its onDidHide listener must run before a
   * listener that disposes the prompt (disposing stops the remaining listeners).
   */
  track(prompt: Prompt): void {
    prompt.onDidHide(() => {
      if (this.current === prompt) {
        this.current = undefined;
      }
    });
  }

  show(prompt: Prompt): void {
    this.current = prompt;
    this.count++;
    prompt.show();
    this.shownEmitter.fire(prompt);
  }
}

export const prompts = new PromptTracker();

export const CURRENT = '$(check) current';

interface PickItem<T> extends vscode.QuickPickItem {
  value?: T;
}

/** A single-select quick pick; resolves with the accepted item's value, or undefined when dismissed. */
function pick<T>(
  items: (PickItem<T> | vscode.QuickPickItem)[],
  options: {
    title: string;
    placeholder: string;
    active?: PickItem<T>;
    matchOnDetail?: boolean;
    matchOnDescription?: boolean;
  },
): Promise<PickItem<T> | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<PickItem<T>>();
    prompts.track(qp);
    qp.title = options.title;
    qp.placeholder = options.placeholder;
    qp.matchOnDetail = options.matchOnDetail ?? false;
    qp.matchOnDescription = options.matchOnDescription ?? false;
    qp.items = items;
    if (options.active) {
      qp.activeItems = [options.active];
    }
    let done = false;
    qp.onDidAccept(() => {
      const chosen = qp.selectedItems[0] ?? qp.activeItems[0];
      done = true;
      resolve(chosen);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) {
        resolve(undefined);
      }
      qp.dispose();
    });
    prompts.show(qp);
  });
}

/** An input box; resolves with the trimmed value once valid and accepted, or undefined when dismissed. */
export function input(options: {
  title: string;
  prompt: string;
  placeholder?: string;
  value?: string;
  password?: boolean;
  validate: (value: string) => string | undefined;
}): Promise<string | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    prompts.track(box);
    box.title = options.title;
    box.prompt = options.prompt;
    box.placeholder = options.placeholder;
    box.value = options.value ?? '';
    box.password = options.password ?? false;
    box.ignoreFocusOut = true;
    let done = false;
    box.onDidChangeValue((v) => {
      box.validationMessage = v === '' ? undefined : options.validate(v.trim());
    });
    box.onDidAccept(() => {
      const value = box.value.trim();
      const problem = options.validate(value);
      if (problem !== undefined) {
        box.validationMessage = problem;
        return;
      }
      done = true;
      resolve(value);
      box.hide();
    });
    box.onDidHide(() => {
      if (!done) {
        resolve(undefined);
      }
      box.dispose();
    });
    prompts.show(box);
  });
}

type ProfileChoice = { profile: string } | { issue: AwsFileIssue };

export async function pickProfile(current: Connection | undefined, logger: Logger): Promise<string | undefined> {
  const paths = awsFilePaths(process.env);
  const [files, texts] = await Promise.all([readProfiles(logger), readAwsFiles(paths)]);
  const issues = checkAwsFiles(texts, paths.home);
  const profiles = listProfiles(files);
  const currentName = current?.profile ?? '';
  const mark = (name: string) => (name === currentName ? CURRENT : undefined);
  const chain: PickItem<ProfileChoice> = {
    label: 'Default credential chain',
    description: mark(''),
    detail: process.env.AWS_PROFILE
      ? `Environment variables, then AWS_PROFILE=${process.env.AWS_PROFILE}, SSO, container and instance roles`
      : 'Environment variables, the [default] profile, SSO, container and instance roles',
    value: { profile: '' },
  };
  const items: PickItem<ProfileChoice>[] = profiles.map((p) => ({
    label: p.name,
    description: mark(p.name),
    detail: [
      KIND_LABELS[p.kind],
      p.region ? `region ${p.region}` : 'no region',
      p.mfaSerial ? `MFA ${p.mfaSerial}` : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    value: { profile: p.name },
  }));
  if (currentName && !profiles.some((p) => p.name === currentName)) {
    items.unshift({
      label: currentName,
      description: CURRENT,
      detail: 'Not found in the AWS config or credentials files',
      value: { profile: currentName },
    });
  }
  const problems: PickItem<ProfileChoice>[] = issues
    .filter((i) => i.severity === 'error')
    .map((issue) => ({
      label: `$(warning) ${formatIssue(issue)}`,
      detail: 'The AWS SDK ignores this line. Select to open the file there.',
      value: { issue },
    }));
  const all: (PickItem<ProfileChoice> | vscode.QuickPickItem)[] = [
    chain,
    { label: 'Profiles', kind: vscode.QuickPickItemKind.Separator },
    ...items,
    ...(problems.length ? [{ label: 'Problems', kind: vscode.QuickPickItemKind.Separator }, ...problems] : []),
  ];
  const picked = await pick<ProfileChoice>(all, {
    title: 'Select AWS Profile',
    placeholder: profiles.length
      ? 'Profile whose credentials list the shares'
      : 'No profiles found in your AWS config files',
    active: [chain, ...items].find((i) => i.description === CURRENT),
    matchOnDetail: true,
  });
  const value = picked?.value;
  if (!value) {
    return undefined;
  }
  if ('issue' in value) {
    await openAt(value.issue);
    return undefined;
  }
  await updateSetting('profile', value.profile);
  return value.profile;
}

async function openAt(issue: AwsFileIssue): Promise<void> {
  const file = awsFilePaths(process.env)[issue.file];
  const line = Math.max(0, issue.line - 1);
  await vscode.window.showTextDocument(vscode.Uri.file(file), {
    selection: new vscode.Range(line, 0, line, 0),
    preview: true,
  });
}

export async function pickRegion(current: Connection | undefined): Promise<string | undefined> {
  const currentRegion = current?.region;
  const mark = (id: string) => (id === currentRegion ? CURRENT : undefined);
  const regions: PickItem<string>[] = OMICS_REGIONS.map((r) => ({
    label: r.id,
    description: [r.name, mark(r.id)].filter(Boolean).join(' · '),
    value: r.id,
  }));
  if (currentRegion && !OMICS_REGIONS.some((r) => r.id === currentRegion)) {
    regions.unshift({
      label: currentRegion,
      description: `Not a HealthOmics Region · ${CURRENT}`,
      value: currentRegion,
    });
  }
  const profileRegion: PickItem<string> = {
    label: "$(discard) Use the profile's region",
    detail: "Clears the setting: the profile's region, then AWS_REGION, then us-east-1",
    value: '',
  };
  const other: PickItem<string> = { label: '$(edit) Other region…', detail: 'Type a Region code' };
  const picked = await pick<string>(
    [...regions, { label: '', kind: vscode.QuickPickItemKind.Separator }, profileRegion, other],
    {
      title: 'Select Region',
      placeholder: `HealthOmics Region (current: ${currentRegion ?? 'none'})`,
      active: regions.find((r) => r.value === currentRegion),
      matchOnDescription: true,
    },
  );
  if (!picked) {
    return undefined;
  }
  let region = picked.value;
  if (region === undefined) {
    region = await input({
      title: 'Select Region',
      prompt: 'AWS Region code',
      placeholder: 'e.g. ca-central-1',
      value: currentRegion,
      validate: (v) => (isRegionCode(v) ? undefined : 'Expected a Region code such as us-east-1'),
    });
    if (region === undefined) {
      return undefined;
    }
  }
  await updateSetting('region', region);
  return region;
}

/** The `mfaCodeProvider` for fromIni: an input box naming the device; Escape rejects with MfaCancelledError. */
export function mfaCodeProvider(profileLabel: () => string): (serial: string) => Promise<string> {
  return async (serial) => {
    const code = await input({
      title: `MFA code for AWS profile ${profileLabel()}`,
      prompt: `Enter the code from MFA device ${serial}`,
      placeholder: '123456',
      password: true,
      validate: (v) => (/^\d{6}$/.test(v) ? undefined : 'An MFA code is 6 digits'),
    });
    if (code === undefined) {
      throw new MfaCancelledError();
    }
    return code;
  };
}
