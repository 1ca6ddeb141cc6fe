/**
 * A small, conservative checker for the shared AWS config and credentials files.
 *
 * The AWS SDK's ini parser is lenient: a line it cannot read is skipped without a word, so a typo such as a
 * missing "]" silently moves the keys below it into the section above (or drops them), and the user only sees
 * "profile not found". This checker mirrors the SDK's parser (`parseIni` in @smithy/core/config: comments start
 * at `#` or `;` at the start of a line or after whitespace; `[name]` opens a section; `key = value` inside one)
 * and reports each line the SDK would ignore or misread, with its line number.
 *
 * Severity:
 * - `error`: the SDK ignores or misreads the line (the user almost certainly lost something). Shown in the UI.
 * - `hint`: valid ini that the SDK does not use as a profile (`[x]` in the config file, `[profile x]` in the
 *   credentials file, continuation lines). Logged only, so a valid file never shows a warning.
 */

export type IniFileKind = 'config' | 'credentials';

export interface IniIssue {
  /** 1-based line number. */
  line: number;
  message: string;
  severity: 'error' | 'hint';
}

/** The SDK's section-name rule for `[profile x]`, `[sso-session x]`, `[services x]` (prefixKeyRegex). */
const PREFIXED = /^([\w-]+)\s(["'])?([\w\-@+.%:/]+)\2$/;
const CONFIG_PREFIXES = ['profile', 'sso-session', 'services'];
/** Names the SDK refuses: the whole file is then dropped. */
const BLOCKED = ['__proto__', 'profile __proto__'];

const EXPECTED = 'expected "[section]" or "key = value"';

/** The part of a line the SDK reads: comments removed, trimmed (same expression as the SDK). */
function content(line: string): string {
  return (line.split(/(^|\s)[;#]/)[0] ?? '').trim();
}

export function checkIni(text: string, kind: IniFileKind): IniIssue[] {
  const issues: IniIssue[] = [];
  const add = (line: number, message: string, severity: IniIssue['severity'] = 'error') =>
    issues.push({ line, message, severity });
  let section: string | undefined;
  /** The previous meaningful line was `key = value` or `key =` (so an indented line may continue it). */
  let afterKey = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const raw = lines[i] ?? '';
    const line = content(raw);
    if (line === '') {
      continue;
    }
    if (line.startsWith('[')) {
      afterKey = false;
      if (!line.endsWith(']')) {
        add(n, `${EXPECTED}: the section header has no closing "]"`);
        // The SDK keeps adding the following keys to the previous section (or drops them): reported once, here.
        section ??= '';
        continue;
      }
      const name = line.slice(1, -1);
      section = name;
      if (BLOCKED.includes(name)) {
        add(n, `the section name [${name}] is not allowed: the AWS SDK ignores this whole file`);
      } else if (name.trim() === '') {
        add(n, 'empty section name "[]"');
      } else if (name !== name.trim()) {
        add(n, `spaces inside the brackets of [${name}]: the AWS SDK reads the name with the spaces`);
      } else {
        checkSectionName(n, name, kind, add);
      }
      continue;
    }
    const eq = line.indexOf('=');
    if (section === undefined) {
      add(n, eq > 0 ? '"key = value" before any [section]: the AWS SDK ignores it' : EXPECTED);
      continue;
    }
    if (eq === 0) {
      add(n, 'a value without a name before "="');
      afterKey = false;
      continue;
    }
    if (eq < 0) {
      if (afterKey && /^\s/.test(raw)) {
        add(n, 'an indented line without "=" (a continuation line): the AWS SDK for JavaScript ignores it', 'hint');
      } else {
        add(n, EXPECTED);
      }
      continue;
    }
    afterKey = true;
  }
  return issues;
}

function checkSectionName(
  n: number,
  name: string,
  kind: IniFileKind,
  add: (line: number, message: string, severity?: IniIssue['severity']) => void,
): void {
  const prefixed = PREFIXED.exec(name);
  const firstWord = /^(\S+)\s/.exec(name)?.[1];
  if (kind === 'config') {
    if (name === 'default' || (prefixed && CONFIG_PREFIXES.includes(prefixed[1] ?? ''))) {
      return;
    }
    if (firstWord !== undefined && CONFIG_PREFIXES.includes(firstWord)) {
      add(
        n,
        `[${name}] is ignored by the AWS SDK: after "${firstWord}" put one space and a name of letters, digits and - _ . @ + % : /`,
      );
    } else if (CONFIG_PREFIXES.includes(name)) {
      add(n, `[${name}] has no name`);
    } else if (!/\s/.test(name)) {
      add(n, `[${name}] is not a profile in the config file (profiles there are written [profile ${name}])`, 'hint');
    } else {
      add(n, `[${name}] is not a profile, sso-session or services section`, 'hint');
    }
  } else if (prefixed?.[1] === 'profile') {
    add(n, `[${name}]: the credentials file names profiles without "profile " (write [${prefixed[3] ?? ''}])`, 'hint');
  }
}

export interface AwsFileIssue extends IniIssue {
  file: IniFileKind;
  /** The file as shown to the user: `~/.aws/config` under the home directory, else the absolute path. */
  displayPath: string;
}

/** `~/.aws/config line 7: expected "[section]" or "key = value"` */
export function formatIssue(issue: AwsFileIssue): string {
  return `${issue.displayPath} line ${issue.line}: ${issue.message}`;
}
