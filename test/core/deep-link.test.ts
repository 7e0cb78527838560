import { expect } from '@open-wc/testing';
import { buildDeepLink, encodeFragmentTerm, readDeepLink, textDirective } from '../../src/core/deep-link.js';

describe('deep links', () => {
  it('percent-encodes -, , and & in text fragment terms', () => {
    expect(encodeFragmentTerm('a-b, c & d')).to.equal('a%2Db%2C%20c%20%26%20d');
  });

  it('builds prefix-,start,end,-suffix for long quotes, with whole words of context', () => {
    const directive = textDirective({
      type: 'TextQuoteSelector',
      exact: 'one two three four five six seven eight nine-ten, eleven',
      prefix: 'xtra words before the quote: ',
      suffix: ' after & more words tha',
    });
    expect(directive).to.equal(
      'text=before%20the%20quote%3A-,one%20two%20three%20four,seven%20eight%20nine%2Dten%2C%20eleven,-after%20%26%20more',
    );
  });

  it('uses the quote alone as start when it is short', () => {
    expect(textDirective({ type: 'TextQuoteSelector', exact: 'short quote', prefix: '', suffix: '' })).to.equal(
      'text=short%20quote',
    );
  });

  it('puts the annotation id in the fragment before the directive, and reads it back', () => {
    const id = 'urn:uuid:0b0c0d0e-1111-4222-8333-944445555666';
    const url = buildDeepLink('https://blog.example/post?x=1#old', { type: 'TextQuoteSelector', exact: 'hello' }, id);
    expect(url).to.equal(`https://blog.example/post?x=1#plaudit=${id}:~:text=hello`);
    expect(readDeepLink(url)).to.equal(id);
    // Browsers strip the directive from location.hash.
    expect(readDeepLink(`https://blog.example/post#plaudit=${id}`)).to.equal(id);
    expect(readDeepLink(`https://blog.example/post?plaudit=${encodeURIComponent(id)}`)).to.equal(id);
    expect(readDeepLink('https://blog.example/post?plaudit=0b0c0d0e-1111-4222-8333-944445555666')).to.equal(id);
    expect(readDeepLink('https://blog.example/post#intro')).to.equal(null);
  });

  it('omits the id for a passage that is not saved', () => {
    expect(buildDeepLink('https://blog.example/post', { type: 'TextQuoteSelector', exact: 'hi' })).to.equal(
      'https://blog.example/post#:~:text=hi',
    );
  });
});
