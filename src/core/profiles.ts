/**
 * AWS profiles as the user sees them, computed from the parsed shared config and credentials files
 * (the output of `loadSharedConfigFiles` from @smithy/core/config; that loader is called by the caller so this
 * module stays pure and testable).
 */
export type ProfileKind =
  | 'static'
  | 'sso'
  | 'assumeRole'
  | 'assumeRoleMfa'
  | 'credentialProcess'
  | 'webIdentity'
  | 'loginSession'
  | 'incomplete';

export interface ProfileInfo {
  name: string;
  kind: ProfileKind;
  region?: string;
  /** Which file(s) define it. */
  sources: ('config' | 'credentials')[];
  /** For MFA profiles: the device serial the code is for. */
  mfaSerial?: string;
}

export type IniSection = Record<string, string | undefined>;
export interface ParsedFiles {
  configFile: Record<string, IniSection>;
  credentialsFile: Record<string, IniSection>;
}

/** Sections of the config file that are not profiles (`[sso-session x]`, `[services x]`). */
const NON_PROFILE = /^(sso-session|services)\./;

export const KIND_LABELS: Record<ProfileKind, string> = {
  static: 'Static access keys',
  sso: 'IAM Identity Center (SSO)',
  assumeRole: 'Assume role',
  assumeRoleMfa: 'Assume role with MFA',
  credentialProcess: 'credential_process',
  webIdentity: 'Web identity',
  loginSession: 'Console login session',
  incomplete: 'No credentials (settings only)',
};

/** Classifies a merged profile the way the SDK's fromIni resolves it (same precedence). */
export function profileKind(p: IniSection): ProfileKind {
  if (p.role_arn && (p.source_profile || p.credential_source)) {
    return p.mfa_serial ? 'assumeRoleMfa' : 'assumeRole';
  }
  if (p.aws_access_key_id && p.aws_secret_access_key) {
    return 'static';
  }
  if (p.role_arn && p.web_identity_token_file) {
    return 'webIdentity';
  }
  if (p.credential_process) {
    return 'credentialProcess';
  }
  if (p.sso_session || Object.keys(p).some((k) => k.startsWith('sso_'))) {
    return 'sso';
  }
  if (p.login_session) {
    return 'loginSession';
  }
  return 'incomplete';
}

/** Every profile in both files, merged per key with the credentials file winning (as the SDK does). */
export function listProfiles(files: ParsedFiles): ProfileInfo[] {
  const names = new Set<string>();
  for (const n of Object.keys(files.configFile)) {
    if (!NON_PROFILE.test(n)) {
      names.add(n);
    }
  }
  for (const n of Object.keys(files.credentialsFile)) {
    names.add(n);
  }
  const out: ProfileInfo[] = [];
  for (const name of names) {
    const fromConfig = NON_PROFILE.test(name) ? undefined : files.configFile[name];
    const fromCreds = files.credentialsFile[name];
    const merged: IniSection = { ...fromConfig, ...fromCreds };
    const sources: ProfileInfo['sources'] = [];
    if (fromConfig) {
      sources.push('config');
    }
    if (fromCreds) {
      sources.push('credentials');
    }
    const kind = profileKind(merged);
    out.push({
      name,
      kind,
      sources,
      ...(merged.region ? { region: merged.region } : {}),
      ...(kind === 'assumeRoleMfa' && merged.mfa_serial ? { mfaSerial: merged.mfa_serial } : {}),
    });
  }
  return out.sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

export function findProfile(files: ParsedFiles, name: string): ProfileInfo | undefined {
  return listProfiles(files).find((p) => p.name === name);
}
