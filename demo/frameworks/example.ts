/**
 * What each framework example exports: its page calls `mount`, and so do the
 * tests in test/frameworks, on the built bundle in demo/frameworks/build/.
 */
import type { PlauditClapDetail } from 'plaudit';

export interface ExampleOptions {
  /** Set from the framework as the `articleId` property. */
  articleId: string;
  /** Set from the framework as the `max-claps` attribute. */
  maxClaps: number;
  /** Called from the framework's own `plaudit-clap` listener. */
  onClap?: (detail: PlauditClapDetail) => void;
}

export interface MountedExample {
  unmount(): void;
}

/** The sentence each example renders from what its listener heard. */
export const heardText = (framework: string, detail: PlauditClapDetail | null): string =>
  detail
    ? `${framework} heard plaudit-clap: you gave ${detail.count}, the story has ${detail.total}.`
    : `${framework} has heard no clap yet.`;
