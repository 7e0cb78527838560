// React 19 TSX with the generated dist/types/jsx.d.ts: the elements type-check as
// intrinsic elements, with attributes, properties and `on<event>` listener props.
import type {} from 'plaudit/react';
import type { PlauditClapsElement } from 'plaudit';
import { useRef, useState, type ComponentProps } from 'react';
import { assertType, type Equal } from './expect-type.js';

export function Story({ id }: { id: string }) {
  const ref = useRef<PlauditClapsElement>(null);
  const [heard, setHeard] = useState(0);
  return (
    <plaudit-article article-id={id} note-visibility="shared" no-claps onplaudit-annotation-create={(e) => e.detail.annotation.id}>
      <p>The story.</p>
      <plaudit-claps
        ref={ref}
        max-claps="5"
        articleId={id}
        className="claps"
        onplaudit-before-clap={(e) => e.detail.count > 3 && e.preventDefault()}
        onplaudit-clap={(e) => {
          assertType<Equal<typeof e.detail.count, number>>();
          const el: PlauditClapsElement = e.currentTarget;
          setHeard(e.detail.count + el.total);
        }}
      />
      <plaudit-sync-status endpoint="/api/plaudit" />
      <output>{heard}</output>
    </plaudit-article>
  );
}

export function Review() {
  return <plaudit-review endpoint="/api/plaudit" period="30d" token="editor-token" onplaudit-moderate={(e) => e.detail.previous} />;
}

// The props a wrapper component can pass on.
type ClapsProps = ComponentProps<'plaudit-claps'>;
assertType<Equal<NonNullable<ClapsProps['articleId']>, string>>();

export const mistakes = [
  // @ts-expect-error: a misspelt detail field
  <plaudit-claps onplaudit-clap={(e) => e.detail.cuont} />,
  // @ts-expect-error: a property of the wrong type
  <plaudit-claps articleId={42} />,
  // @ts-expect-error: an attribute is text (set the `maxClaps` property for a number)
  <plaudit-claps max-claps={5} />,
  // @ts-expect-error: not one of the note visibilities
  <plaudit-article note-visibility="public" />,
  // @ts-expect-error: not one of the review periods
  <plaudit-review period="1y" />,
  // @ts-expect-error: a misspelt property
  <plaudit-claps articleID="a" />,
];
