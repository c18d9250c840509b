using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace TicketMaster.Indexer.Lucene;

/// <summary>
/// A <see cref="FuzzyQuery"/> that builds the Levenshtein automata of a word once, not once per field
/// and search. Lucene shares them only across the segments of one rewrite, and building them was about
/// 30 % of the Api's time per search under the bench (five fields a word; profile in docs/benchmarks.md).
/// The automata depend on the word, the edits, the prefix and transpositions, never on the index, and
/// are read-only once built, so every search may use them.
/// </summary>
internal sealed class CachedFuzzyQuery(Term term, int maxEdits, int prefixLength, int maxExpansions, bool transpositions)
    : FuzzyQuery(term, maxEdits, prefixLength, maxExpansions, transpositions)
{
    /// <summary>Words people search for repeat; a typo seldom does. Emptied when full rather than tracked per use.</summary>
    private const int MaxCachedWords = 2_000;

    private static readonly ConcurrentDictionary<(string Word, int MaxEdits, int PrefixLength, bool Transpositions), CompiledAutomaton[]> Automata = new();

    protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts)
    {
        var shared = atts.AddAttribute<FuzzyTermsEnum.ILevenshteinAutomataAttribute>().Automata;
        var key = (Term.Text, MaxEdits, PrefixLength, Transpositions);
        var cached = shared.Count == 0 && Automata.TryGetValue(key, out var built) ? built : null;
        foreach (var automaton in cached ?? [])
        {
            shared.Add(automaton);
        }

        // The first enum of a rewrite fills the attribute with the automata for 0..MaxEdits edits.
        var enumerator = base.GetTermsEnum(terms, atts);
        if (cached is null && shared.Count == MaxEdits + 1)
        {
            if (Automata.Count >= MaxCachedWords)
            {
                Automata.Clear();
            }

            Automata.TryAdd(key, [.. shared]);
        }

        return enumerator;
    }
}
