import { expect } from '@open-wc/testing';
import { resolveArticleId } from '../../src/core/article-id.js';

/** A document of its own, so the test page's <head> stays as it is. */
function docWith(head: string): Document {
  const doc = document.implementation.createHTMLDocument('story');
  doc.head.innerHTML = head;
  return doc;
}

describe('article id', () => {
  it("is the author's id when given, trimmed", () => {
    expect(resolveArticleId('  my-post ', docWith('<link rel="canonical" href="https://blog.example/x">'))).to.equal('my-post');
  });

  it('is the canonical URL when no id is given', () => {
    const doc = docWith('<link rel="alternate" href="https://other.example/"><link rel="canonical" href="https://blog.example/2026/story">');
    expect(resolveArticleId(null, doc)).to.equal('https://blog.example/2026/story');
    expect(resolveArticleId('   ', doc)).to.equal('https://blog.example/2026/story');
  });

  it('is the page address without query or hash when there is no canonical link', () => {
    expect(resolveArticleId(null, document)).to.equal(location.origin + location.pathname);
  });
});
