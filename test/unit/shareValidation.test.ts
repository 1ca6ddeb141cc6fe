import assert from 'node:assert/strict';
import { describe, it } from './testing';
import {
  checkCreateShareRequest,
  checkShareId,
  InvalidShareInputError,
  validateResourceArn,
  validateShareId,
  validateShareName,
  validateSubscriberAccount,
} from '../../src/core/shareValidation';

const ME = '111122223333';
const WF = `arn:aws:omics:us-east-1:${ME}:workflow/1234567`;

/** [input, expected message (undefined = valid, or a RegExp it must match)] */
type Case = [string, string | RegExp | undefined];

function table(name: string, validate: (v: string) => string | undefined, cases: Case[]): void {
  describe(name, () => {
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} → ${expected === undefined ? 'valid' : String(expected)}`, () => {
        const got = validate(input);
        if (expected instanceof RegExp) {
          assert.match(got ?? '(valid)', expected);
        } else {
          assert.equal(got, expected);
        }
      });
    }
  });
}

table('validateShareId', validateShareId, [
  ['495c21bedc889d07d0ab69d710a6841e-dd75ab7a1a9c384fa848b5bd8e5a7e0a', undefined],
  ['wf-active', undefined],
  ['  padded-id\n', undefined],
  ['', 'The share id is empty.'],
  ['   ', 'The share id is empty.'],
  ['two words', /no spaces/],
  ['a/b', 'A share id contains no "/".'],
]);

table('validateResourceArn', (v) => validateResourceArn(v), [
  [WF, undefined],
  [` ${WF} `, undefined],
  ['arn:aws:omics:us-west-2:555555555555:variantStore/omics_dev_var_store', undefined],
  ['', 'The ARN is empty.'],
  ['arn:aws:omics:us-east-1:123456789012:workflow/abc', /workflow id "abc" must be 1–18 digits/],
  ['arn:aws:omics:us-east-1:12345678901:workflow/1', /exactly 12 digits \(it has 11\)/],
  ['arn:aws:omics:us-east-1:123456789012:annotationStore/x_y/version/v1', /Version ARNs cannot be shared/],
  ['arn:aws:omics:us-east-1:123456789012:sequenceStore/1', /"sequenceStore" resources cannot be shared/],
]);

table('validateResourceArn with the caller known', (v) => validateResourceArn(v, '999988887777'), [
  [WF, `This resource belongs to account ${ME}; only its owner can share it.`],
  ['arn:aws:omics:us-east-1:999988887777:workflow/1', undefined],
]);

table('validateSubscriberAccount', (v) => validateSubscriberAccount(v, ME), [
  ['444455556666', undefined],
  [' 444455556666 ', undefined],
  ['', 'Enter the 12-digit AWS account id to share with.'],
  ['4444-5555-6666', 'Enter the account id without dashes (12 digits).'],
  ['44445555666a', 'An AWS account id contains only digits (12 of them).'],
  ['44445555666', 'An AWS account id is exactly 12 digits (this has 11).'],
  ['4444555566667', 'An AWS account id is exactly 12 digits (this has 13).'],
  [ME, 'That is your own account; share with another account.'],
]);

table('validateShareName', validateShareName, [
  ['', undefined],
  ['rnaseq-pipeline_v3', undefined],
  ['a'.repeat(256), undefined],
  ['a'.repeat(257), 'A share name is at most 256 characters (this has 257).'],
  ['my share', 'A share name may contain only letters, digits, "_" and "-" (not spaces).'],
  ['v1.2', 'A share name may contain only letters, digits, "_" and "-" (not ".").'],
  ['<img>', 'A share name may contain only letters, digits, "_" and "-" (not "<").'],
]);

describe('checkCreateShareRequest / checkShareId', () => {
  it('trims the fields and drops an empty name', () => {
    assert.deepEqual(
      checkCreateShareRequest({ resourceArn: ` ${WF}`, principalSubscriber: '444455556666 ', shareName: ' ' }),
      {
        resourceArn: WF,
        principalSubscriber: '444455556666',
      },
    );
    assert.deepEqual(
      checkCreateShareRequest({ resourceArn: WF, principalSubscriber: '444455556666', shareName: 'n-1' }),
      {
        resourceArn: WF,
        principalSubscriber: '444455556666',
        shareName: 'n-1',
      },
    );
  });

  it('throws InvalidShareInputError naming the first bad field', () => {
    const bad = (req: Parameters<typeof checkCreateShareRequest>[0], field: string, message: RegExp): void => {
      assert.throws(
        () => checkCreateShareRequest(req),
        (err: unknown) => err instanceof InvalidShareInputError && err.field === field && message.test(err.message),
      );
    };
    bad({ resourceArn: 'arn:x', principalSubscriber: '1' }, 'resourceArn', /6 colon-separated parts/);
    bad({ resourceArn: WF, principalSubscriber: '1' }, 'principalSubscriber', /exactly 12 digits/);
    bad({ resourceArn: WF, principalSubscriber: '444455556666', shareName: 'a b' }, 'shareName', /not spaces/);
  });

  it("without the caller's account, refuses sharing a resource with its own account", () => {
    assert.throws(() => checkCreateShareRequest({ resourceArn: WF, principalSubscriber: ME }), /your own account/);
  });

  it('checkShareId trims, and refuses empty or missing ids', () => {
    assert.equal(checkShareId(' abc '), 'abc');
    assert.throws(() => checkShareId(undefined), { name: 'InvalidShareInputError', message: 'The share id is empty.' });
  });
});
