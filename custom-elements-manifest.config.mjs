/** Generates custom-elements.json from the JSDoc on the element classes. */
export default {
  globs: ['src/components/**/*.component.ts'],
  exclude: ['**/*.test.ts'],
  outdir: '.',
  litelement: true,
};
