/** Mounts the Svelte 5 example (App.svelte, compiled by scripts/build-frameworks.mjs). */
import type {} from 'plaudit/svelte';
import { mount as mountComponent, unmount } from 'svelte';
import App from './App.svelte';
import type { ExampleOptions, MountedExample } from './example.js';

export function mount(target: Element, options: ExampleOptions): MountedExample {
  const app = mountComponent(App, { target, props: options });
  return { unmount: () => void unmount(app) };
}
