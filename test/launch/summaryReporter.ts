// A mocha reporter: mocha's spec output, then one machine-readable line that scripts/test-all.sh reads
//   NEWS-SUITE <suite>: N passed, M failed
// Use: mocha --reporter out/test/launch/summaryReporter.js --reporter-option suite=unit
import * as Mocha from 'mocha';

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const suite = (options?.reporterOptions as { suite?: string } | undefined)?.suite ?? 'mocha';
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const stats = runner.stats;
      // Printed after spec's epilogue (registered after it).
      process.stdout.write(`NEWS-SUITE ${suite}: ${stats?.passes ?? 0} passed, ${stats?.failures ?? 0} failed\n`);
    });
  }
}

export = SummaryReporter;
