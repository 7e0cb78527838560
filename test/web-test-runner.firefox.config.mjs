import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { shared } from './shared-config.mjs';
import { FIREFOX } from './browsers.mjs';

export default {
  ...shared,
  browsers: [
    puppeteerLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: FIREFOX,
        headless: true,
        extraPrefsFirefox: { 'network.http.http3.enable': false },
      },
    }),
  ],
};
