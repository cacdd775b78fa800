import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languageAliases, defaultLanguages } from '../../src/config/languages.js';
import { SuggestionIndex } from '../../src/resolve/suggestion-index.js';
import { closest } from '../../src/resolve/suggest.js';

describe('SuggestionIndex', () => {
  it('gives what `closest` gives for near spellings, whatever the candidates', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-dA._]{0,9}$/), { maxLength: 40 }), fc.stringMatching(/^[a-d._]{1,9}$/), (candidates, wanted) => {
        expect(new SuggestionIndex(candidates).nearest(wanted)).toEqual(closest(wanted, candidates));
      }),
    );
  });

  it('answers an alias with its candidate, and only when that candidate is there', () => {
    const languages = new SuggestionIndex(['curl', 'js', 'dotnet', 'go'], { aliases: languageAliases(defaultLanguages) });
    expect(languages.nearest('node')).toEqual(['js']);
    expect(languages.nearest('Node.js')).toEqual(['js']);
    expect(languages.nearest('csharp')).toEqual(['dotnet']);
    expect(languages.nearest('c#')).toEqual(['dotnet']);
    expect(languages.nearest('golang')).toEqual(['go']);
    expect(languages.nearest('python3')).toEqual([]);
  });

  it('finds candidates ending with the last segment of a miss far from every whole one, nearest first', () => {
    const urls = new SuggestionIndex(['/', '/reference/widgets', '/reference/widgets/widget', '/guides/widget', '/reference/gadgets/gadget'], { segments: /\// });
    expect(urls.nearest('/reference/widget')).toEqual(['/reference/widgets']);
    expect(urls.nearest('/ref/widget')).toEqual(['/guides/widget', '/reference/widgets/widget']);
    expect(urls.nearest('/ref/gadgte')).toEqual(['/reference/gadgets/gadget']);
    expect(urls.nearest('/elsewhere/entirely')).toEqual([]);
    const anchors = new SuggestionIndex(['widget', 'widget.id', 'widget.meta.tag', 'get-a-widget'], { segments: /\./ });
    expect(anchors.nearest('tag')).toEqual(['widget.meta.tag']);
  });
});
