/**
 * Vue 3 with its in-browser template compiler. `isCustomElement` tells it the
 * `plaudit-` tags are elements, not Vue components. A binding the element has a
 * property for is set as that property (`:articleId`), any other is an attribute
 * (`:max-claps`), and `@plaudit-clap` listens for the event. The template types
 * come from `plaudit/vue` (checked by vue-tsc in a .vue file).
 */
import type {} from 'plaudit/vue';
import type { PlauditClapDetail, PlauditClapEvent } from 'plaudit';
import { createApp, ref } from 'vue';
import { heardText, type ExampleOptions, type MountedExample } from './example.js';

export function mount(target: Element, { articleId, maxClaps, onClap }: ExampleOptions): MountedExample {
  const app = createApp({
    setup() {
      const heard = ref<PlauditClapDetail | null>(null);
      const clapped = (e: PlauditClapEvent) => {
        heard.value = e.detail;
        onClap?.(e.detail);
      };
      return { articleId, maxClaps: String(maxClaps), heard, clapped, heardText };
    },
    template: `
      <plaudit-claps :max-claps="maxClaps" :articleId="articleId" @plaudit-clap="clapped"></plaudit-claps>
      <p class="heard" role="status">{{ heardText('Vue', heard) }}</p>`,
  });
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('plaudit-');
  app.mount(target);
  return { unmount: () => app.unmount() };
}
