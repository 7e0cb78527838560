import { chromeLauncher } from '@web/test-runner-chrome';
import { shared } from './shared-config.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './browsers.mjs';

export default {
  ...shared,
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS } }),
  ],
};
