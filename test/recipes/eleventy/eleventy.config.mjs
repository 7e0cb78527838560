// Eleventy recipe: Plaudit's built files are copied from the npm package into
// the site, so the bundles are served from the blog's own origin.
export default function (eleventyConfig) {
  // Only the bundles and their chunks: the entry must keep its name, because
  // the chunks import it back as ../plaudit.js.
  eleventyConfig.addPassthroughCopy({
    'node_modules/plaudit/dist/*.js': 'assets/plaudit',
    'node_modules/plaudit/dist/chunks/*.js': 'assets/plaudit/chunks',
  });
}

export const config = {
  dir: { input: '.', includes: '_includes', data: '_data' },
};
