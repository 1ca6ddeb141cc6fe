/** Keyboard-friendly quick picks and input boxes: profile, region, MFA code. */
import * as vscode from 'vscode';
import type { Connection } from '../core/connection';
import { MfaCancelledError } from '../core/errors';
import type { Logger } from '../core/logger';
import { KIND_LABELS, listProfiles } from '../core/profiles';
import { isRegionCode, OMICS_REGIONS } from '../core/regions';
import { updateSetting } from './config';
import { readProfiles } from './connectionManager';

interface ProfileItem extends vscode.QuickPickItem {
  profile: string;
}

export async function pickProfile(current: Connection | undefined, logger: Logger): Promise<string | undefined> {
  const files = await readProfiles(logger);
  const profiles = listProfiles(files);
  const currentName = current?.profile ?? '';
  const items: (ProfileItem | vscode.QuickPickItem)[] = [
    {
      label: 'Default credential chain',
      description: currentName === '' ? '$(check) current' : undefined,
      detail: process.env.AWS_PROFILE
        ? `Environment variables, then AWS_PROFILE=${process.env.AWS_PROFILE}, SSO, container and instance roles`
        : 'Environment variables, the [default] profile, SSO, container and instance roles',
      profile: '',
    } satisfies ProfileItem,
    { label: 'Profiles', kind: vscode.QuickPickItemKind.Separator },
    ...profiles.map((p): ProfileItem => ({
      label: p.name,
      description: p.name === currentName ? '$(check) current' : undefined,
      detail: [
        KIND_LABELS[p.kind],
        p.region ? `region ${p.region}` : 'no region',
        p.mfaSerial ? `MFA ${p.mfaSerial}` : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
      profile: p.name,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Select AWS Profile',
    placeHolder: profiles.length
      ? 'Profile whose credentials list the shares'
      : 'No profiles found in your AWS config files',
    matchOnDetail: true,
    ignoreFocusOut: false,
  });
  if (!picked || !('profile' in picked)) {
    return undefined;
  }
  await updateSetting('profile', picked.profile);
  return picked.profile;
}

interface RegionItem extends vscode.QuickPickItem {
  region: string | undefined;
}

export async function pickRegion(current: Connection | undefined): Promise<string | undefined> {
  const currentRegion = current?.region;
  const items: (RegionItem | vscode.QuickPickItem)[] = [
    ...OMICS_REGIONS.map((r): RegionItem => ({
      label: r.id,
      description: [r.name, r.id === currentRegion ? '$(check) current' : undefined].filter(Boolean).join(' · '),
      region: r.id,
    })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: "$(discard) Use the profile's region", detail: 'Then AWS_REGION, then us-east-1', region: '' },
    { label: '$(edit) Other region…', detail: 'Type a region code', region: undefined },
  ];
  const picked = (await vscode.window.showQuickPick(items, {
    title: 'Select Region',
    placeHolder: `HealthOmics Region (current: ${currentRegion ?? 'none'})`,
    matchOnDescription: true,
  })) as RegionItem | undefined;
  if (!picked) {
    return undefined;
  }
  let region = picked.region;
  if (region === undefined) {
    region = await vscode.window.showInputBox({
      title: 'Select Region',
      prompt: 'AWS Region code',
      placeHolder: 'e.g. eu-west-2',
      value: currentRegion,
      validateInput: (v) => (isRegionCode(v.trim()) ? undefined : 'Expected a Region code such as us-east-1'),
    });
    if (region === undefined) {
      return undefined;
    }
    region = region.trim();
  }
  await updateSetting('region', region);
  return region;
}

/** The `mfaCodeProvider` for fromIni: an input box naming the device; Escape rejects with MfaCancelledError. */
export function mfaCodeProvider(profileLabel: () => string): (serial: string) => Promise<string> {
  return async (serial) => {
    const code = await vscode.window.showInputBox({
      title: `MFA code for AWS profile ${profileLabel()}`,
      prompt: `Enter the code from MFA device ${serial}`,
      placeHolder: '123456',
      ignoreFocusOut: true,
      validateInput: (v) => (/^\d{6}$/.test(v.trim()) ? undefined : 'An MFA code is 6 digits'),
    });
    if (code === undefined) {
      throw new MfaCancelledError();
    }
    return code.trim();
  };
}
