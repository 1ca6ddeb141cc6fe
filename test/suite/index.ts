// Entry point loaded by VS Code's extension host (the `extensionTestsPath` contract): runs every
// out/test/suite/**/*.test.js with mocha and reports counts to the file named by HEALTHOMICS_TEST_RESULTS
// (the harness sums them into the closing `N passed, N failed` line).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function findTests(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? findTests(path.join(dir, e.name)) : e.name.endsWith('.test.js') ? [path.join(dir, e.name)] : [],
    );
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.HEALTHOMICS_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  for (const file of findTests(__dirname).sort()) {
    mocha.addFile(file);
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const resultsFile = process.env.HEALTHOMICS_TEST_RESULTS;
      if (resultsFile) {
        fs.writeFileSync(
          resultsFile,
          JSON.stringify({ passed: runner.stats?.passes ?? 0, failed: failures, total: runner.total }),
        );
      }
      if (failures > 0) {
        reject(new Error(`${failures} extension-host test(s) failed`));
      } else if ((runner.stats?.passes ?? 0) === 0) {
        reject(new Error('no extension-host tests ran'));
      } else {
        resolve();
      }
    });
  });
}
