import { defineConfig } from 'vitest/config';

// Statutory timescales depend on the UK calendar: pin the time zone for every test process.
process.env.TZ = 'Europe/London';

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      // CI machines are slower and busier than a laptop: give a unit test room, not 5 s.
      // Unit tests are fast and pure: rules, policies, validators, each in milliseconds. A page's
      // form test sits beside the page (src/modules/*/pages/*/*.test.ts).
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'], testTimeout: 20_000 } },
      // Whole synthetic authorities generated and compared, and the command line run as a process: seconds each.
      { test: { name: 'calibration', include: ['test/calibration/**/*.test.ts'], testTimeout: 120_000 } },
      { test: { name: 'db', include: ['test/db/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
    ],
  },
});
