#!/bin/sh
# Copies Plaudit's bundles and their hashes from the npm package into the site.
# Run after `npm install plaudit` (or `npm update`), before `jekyll build`.
set -e
mkdir -p assets/plaudit/chunks _data
cp node_modules/plaudit/dist/*.js assets/plaudit/
cp node_modules/plaudit/dist/chunks/*.js assets/plaudit/chunks/
cp node_modules/plaudit/dist/integrity.json _data/plaudit_integrity.json
