import { webdriverLauncher } from '@web/test-runner-webdriver';
import { shared } from './shared-config.mjs';
import { MINIBROWSER } from './browsers.mjs';

const port = Number(process.env.WEBKIT_DRIVER_PORT ?? 4445);

export default {
  ...shared,
  browsers: [
    webdriverLauncher({
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      },
    }),
  ],
};
