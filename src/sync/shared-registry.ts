/**
 * Objects shared per key within the page and counted by reference: the
 * returned `acquire` creates one on first use and counts each call; the
 * `release` handed to `create` counts one holder out, and the last one
 * disposes the object and frees the key. Releasing a disposed object does nothing.
 */
export function sharedRegistry<T extends { dispose(): void }>(): (key: string, create: (release: () => void) => T) => T {
  const slots = new Map<string, { value: T; refs: number }>();
  return (key, create) => {
    let slot = slots.get(key);
    if (!slot) {
      const fresh = (slot = { refs: 0 } as { value: T; refs: number });
      fresh.value = create(() => {
        if (slots.get(key) === fresh && !--fresh.refs) {
          slots.delete(key);
          fresh.value.dispose();
        }
      });
      slots.set(key, fresh);
    }
    slot.refs++;
    return slot.value;
  };
}
