// Runs the suite in WebKitGTK: starts WebKitWebDriver, then the test runner, under Xvfb
// when no display is set. Exits with the test runner's code. Arguments go to the runner.
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { WEBKIT_DRIVER } from './browsers.mjs';

const port = String(4445 + Math.floor(Math.random() * 500));
const extra = process.argv.slice(2);

if (!process.env.DISPLAY && !process.env.PLAUDIT_UNDER_XVFB) {
  const child = spawn('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, PLAUDIT_UNDER_XVFB: '1' },
  });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: 'ignore' });
  await waitForPort(Number(port));
  // Any arguments are passed on to the test runner, e.g. --files 'test/core/**/*.test.ts'.
  const runner = spawn('npx', ['web-test-runner', '--config', 'test/web-test-runner.webkit.config.mjs', ...extra], {
    stdio: 'inherit',
    env: { ...process.env, WEBKIT_DRIVER_PORT: port },
  });
  runner.on('exit', (code) => {
    driver.kill();
    process.exit(code ?? 1);
  });
}

function waitForPort(p) {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 20000;
    const attempt = () => {
      const socket = createConnection(p, '127.0.0.1');
      socket.once('connect', () => (socket.end(), resolve()));
      socket.once('error', () => {
        if (Date.now() > deadline) reject(new Error(`WebKitWebDriver did not listen on ${p}`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}
