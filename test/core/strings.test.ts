import { expect } from '@open-wc/testing';
import { cleanTable, directionOf, formatMessage, formatNumber, type StringKey } from '../../src/core/strings.js';
import { ARTICLE_EN } from '../../src/core/strings-en/article.js';
import { CLAPS_EN } from '../../src/core/strings-en/claps.js';
import { SYNC_EN } from '../../src/core/strings-en/sync.js';
import { AR } from '../../src/core/strings-ar.js';
import { DE } from '../../src/core/strings-de.js';

const ENGLISH = { ...CLAPS_EN, ...ARTICLE_EN, ...SYNC_EN };
const placeholders = (message: unknown) =>
  [...new Set(JSON.stringify(message).match(/\{\w+\}/g) ?? [])].sort();

describe('strings', () => {
  it('English, German and Arabic name the same strings, with the same placeholders', () => {
    const keys = Object.keys(ENGLISH).sort();
    expect(Object.keys(DE).sort()).to.deep.equal(keys);
    expect(Object.keys(AR).sort()).to.deep.equal(keys);
    for (const key of keys as StringKey[]) {
      const english = placeholders(ENGLISH[key]);
      // A plural form may say the number in words ("تصفيقتان"), so it may drop {n} or {count}.
      for (const [lang, table] of [['de', DE], ['ar', AR]] as const) {
        for (const name of placeholders(table[key])) expect(english, `${lang} ${key} ${name}`).to.include(name);
      }
    }
  });

  it('picks plural forms by the language’s rules and writes numbers its way', () => {
    expect(formatMessage('en', ENGLISH.clapTotal, { n: 1, count: 1 })).to.equal('1 clap');
    expect(formatMessage('en', ENGLISH.clapTotal, { n: 1200, count: 1200 })).to.equal('1,200 claps');
    expect(formatMessage('de', DE.clapsUpTo!, { n: 50 })).to.equal('Bis zu 50-mal klatschen');
    expect(formatMessage('de', DE.clapTotal!, { n: 1200, count: 1200 })).to.equal('1.200 Klatscher');
    // Arabic: six forms; numbers as the browser's Intl writes Arabic (its digits vary with the CLDR version).
    const ar = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(formatMessage('ar', AR.clapTotal!, { n: 2, count: 2 })).to.equal('تصفيقتان');
    expect(formatMessage('ar', AR.clapTotal!, { n: 5, count: 5 })).to.equal(`${ar(5)} تصفيقات`);
    expect(formatMessage('ar', AR.clapTotal!, { n: 11, count: 11 })).to.equal(`${ar(11)} تصفيقة`);
  });

  it('makes no Intl object for English whole numbers under 1,000 and their plurals (the first one costs ICU’s start-up)', () => {
    const made: string[] = [];
    const { NumberFormat, PluralRules } = Intl;
    const spy = <T extends abstract new (...args: never[]) => unknown>(name: string, Real: T) =>
      new Proxy(Real, { construct: (target, args) => (made.push(name), Reflect.construct(target, args)) });
    Object.assign(Intl, { NumberFormat: spy('NumberFormat', NumberFormat), PluralRules: spy('PluralRules', PluralRules) });
    try {
      expect(formatMessage('en-GB', ENGLISH.clapTotal, { n: 1, count: 1 })).to.equal('1 clap');
      expect(formatMessage('en', ENGLISH.clapsUpTo, { n: 50 })).to.equal('Clap up to 50 times');
      expect(formatNumber('en-US', 999)).to.equal('999');
      expect(formatMessage('de-AT', DE.clapsUpTo!, { n: 50 })).to.equal('Bis zu 50-mal klatschen');
      expect(formatMessage('de', DE.clapTotal!, { n: 1, count: 1 })).to.equal('1 Klatscher');
      for (const [lang, n] of [['en', 10_000], ['en-GB', 1_234_567], ['en-US', -4_200]] as const) {
        expect(formatNumber(lang, n), `${lang} ${n}`).to.equal(new NumberFormat(lang).format(n));
      }
      expect(made).to.deep.equal([]);
      // English written otherwise is left to Intl: lakh grouping in India.
      expect(formatNumber('en-IN', 1_234_567)).to.equal(new NumberFormat('en-IN').format(1_234_567));
      expect(made).to.include('NumberFormat');
    } finally {
      Object.assign(Intl, { NumberFormat, PluralRules });
    }
  });

  it('leaves an unknown placeholder visible and survives a malformed language tag', () => {
    expect(formatMessage('en', 'Hello {who}', {})).to.equal('Hello {who}');
    expect(formatMessage('not a tag!', { one: '{n} thing', other: '{n} things' }, { n: 3 })).to.equal('3 things');
  });

  it('takes the UI direction from the language', () => {
    expect(directionOf('ar')).to.equal('rtl');
    expect(directionOf('he-IL')).to.equal('rtl');
    expect(directionOf('fa')).to.equal('rtl');
    expect(directionOf('de-AT')).to.equal('ltr');
    expect(directionOf('')).to.equal('ltr');
  });

  it('keeps an author’s text and plural forms, and drops anything else with a warning', () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const table = cleanTable(
        { save: 'Enregistrer', clapTotal: { one: '{count} bravo', other: '{count} bravos' }, cancel: 3, close: { one: 'x' } },
        'strings',
      );
      expect(table).to.deep.equal({ save: 'Enregistrer', clapTotal: { one: '{count} bravo', other: '{count} bravos' } });
      expect(String(warnings[0])).to.contain('cancel, close');
      expect(cleanTable('nope', 'strings')).to.deep.equal({});
      expect(cleanTable([1], 'strings')).to.deep.equal({});
    } finally {
      console.warn = warn;
    }
  });
});
