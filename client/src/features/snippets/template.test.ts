import { describe, expect, it } from 'vitest';
import { appendSnippet, badHashtags, fillTemplate, hashtagsOf, unknownVariables, variablesOf } from './template';

describe('post templates', () => {
  it('lists the variables a template uses once each, in order', () => {
    expect(variablesOf('{brand} launches {product}. {Brand} says: see {link}')).toEqual(['brand', 'product', 'link']);
  });

  it('names the variables the API would refuse', () => {
    expect(unknownVariables('Hi {brand}, try {prodcut} for {price}')).toEqual(['prodcut', 'price']);
    expect(unknownVariables('No variables here, {} or { } alone')).toEqual([]);
  });

  it('fills the variables that have a value and leaves the others for the author to see', () => {
    expect(fillTemplate('New at {brand}: {product}. Order at { link }', { brand: 'Northwind', link: 'https://nw.example' })).toBe(
      'New at Northwind: {product}. Order at https://nw.example',
    );
  });
});

describe('hashtag groups and signatures', () => {
  it('reads hashtags as the API keeps them', () => {
    expect(hashtagsOf('#coffee specialty, #Roasting\n#COFFEE')).toEqual(['#coffee', '#specialty', '#Roasting']);
    expect(badHashtags('#good #not-good #café #x_1')).toEqual(['#not-good']);
  });

  it('adds a snippet after a blank line, or alone in an empty text', () => {
    expect(appendSnippet('Fresh beans today.  \n', '#coffee #beans')).toBe('Fresh beans today.\n\n#coffee #beans');
    expect(appendSnippet('', ' The Northwind team ')).toBe('The Northwind team');
  });
});
