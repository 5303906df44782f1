// End-to-end tests against the built dist/, in Debian's Chromium (never a downloaded browser).
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const PORT = 4173;
export const BASE = '/intranet/tools/tandem/';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.js',
  outputDir: `${root}/test-results`,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE}`,
    acceptDownloads: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
        '--no-first-run', '--disable-background-networking', '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node tests/e2e/serve.mjs dist ${PORT} ${BASE}`,
    cwd: root,
    url: `http://127.0.0.1:${PORT}${BASE}`,
    reuseExistingServer: false,
  },
});
