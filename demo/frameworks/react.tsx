/**
 * React 19 renders `<plaudit-claps>` as it renders any element: a prop the element
 * has a property for is set as that property (`articleId`), any other is an
 * attribute (`max-claps`), and `on` + an event's exact name adds a listener
 * (`onplaudit-clap`). The element types come from `plaudit/react`.
 */
import type {} from 'plaudit/react';
import type { PlauditClapDetail } from 'plaudit';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { heardText, type ExampleOptions, type MountedExample } from './example.js';

function App({ articleId, maxClaps, onClap }: ExampleOptions) {
  const [heard, setHeard] = useState<PlauditClapDetail | null>(null);
  return (
    <>
      <plaudit-claps
        max-claps={String(maxClaps)}
        articleId={articleId}
        onplaudit-clap={(e) => {
          setHeard(e.detail);
          onClap?.(e.detail);
        }}
      />
      <p className="heard" role="status">{heardText('React', heard)}</p>
    </>
  );
}

export function mount(target: Element, options: ExampleOptions): MountedExample {
  const root = createRoot(target);
  root.render(
    <StrictMode>
      <App {...options} />
    </StrictMode>,
  );
  return { unmount: () => root.unmount() };
}
