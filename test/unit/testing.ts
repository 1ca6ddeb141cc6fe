/**
 * node:test's `describe` and `it` return promises that the test runner tracks and awaits itself; the project's
 * no-floating-promises rule cannot know that. These wrappers drop those promises in one place, so the rule stays
 * on for the code inside the tests (where a missing `await` is a real bug).
 */
import * as nodeTest from 'node:test';

export { after, afterEach, before, beforeEach } from 'node:test';

export function describe(name: string, fn: () => void): void {
  void nodeTest.describe(name, fn);
}

export function it(name: string, fn: () => void | Promise<void>): void {
  void nodeTest.it(name, fn);
}
