/**
 * Masks credentials in free text before it reaches a log line, an error row or a tooltip. Error messages from the
 * SDK, credential_process scripts and ini parsers can quote what they were given, so every message taken from an
 * error goes through `redact` (see errors.ts, logger.ts).
 *
 * What is masked:
 * - `name = value` / `"name": "value"` / `name=value&` for secret-ish names (aws_secret_access_key,
 *   aws_session_token, SecretAccessKey, SessionToken, accessToken, refreshToken, clientSecret, TokenCode,
 *   X-Amz-Security-Token, password);
 * - SigV4 `Signature=…` and `Credential=…` fragments (headers and presigned query strings);
 * - access key ids (AKIA…/ASIA…), keeping the 4-letter prefix so the kind of key stays visible;
 * - bare base64 runs of 40+ characters with upper case, lower case and digits (secret keys are 40, session
 *   tokens hundreds), except path-like runs such as /Users/Name/Projects.
 */

export const REDACTED = '[redacted]';

const SECRET_NAME =
  '(?:aws[_-]?)?(?:secret[_-]?access[_-]?key|session[_-]?token|security[_-]?token)' +
  '|access[_-]?token|refresh[_-]?token|client[_-]?secret|token[_-]?code|x-amz-security-token|password';
const NAMED_SECRET = new RegExp(`\\b(${SECRET_NAME})(["']?\\s*[:=]\\s*["']?)([^\\s"',;&}]+)`, 'gi');
const SIGV4_PART = /\b((?:X-Amz-)?(?:Signature|Credential))=([^\s,&"']+)/gi;
const ACCESS_KEY_ID = /\b(AKIA|ASIA|AIDA|AROA|ABIA|ACCA)[A-Z0-9]{16}\b/g;
/** '=' only as trailing padding, so `key=<secret>` keeps its `key=`. */
const BASE64_RUN = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40,}={0,2}(?![A-Za-z0-9/+=])/g;

export function redact(text: string): string {
  return text
    .replace(NAMED_SECRET, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`)
    .replace(SIGV4_PART, (_m, name: string) => `${name}=${REDACTED}`)
    .replace(ACCESS_KEY_ID, (_m, prefix: string) => `${prefix}${REDACTED}`)
    .replace(BASE64_RUN, (run) => (looksLikeSecret(run) ? REDACTED : run));
}

function looksLikeSecret(run: string): boolean {
  const mixed = /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run);
  const pathLike = run.startsWith('/') && run.split('/').length > 2;
  return mixed && !pathLike;
}
