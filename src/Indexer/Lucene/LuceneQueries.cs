using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TicketMaster.Indexer.Search;

namespace TicketMaster.Indexer.Lucene;

/// <summary>
/// Turns a <see cref="SearchQuery"/> into Lucene queries built from objects, never from a query
/// string, so no character a user types is syntax.
/// </summary>
internal static class LuceneQueries
{
    /// <summary>
    /// Every word must match some text field, exactly or within a small edit distance (typos,
    /// swapped letters); exact matches and heavier fields score higher.
    /// </summary>
    public static Query? Text(Analyzer analyzer, string? term)
    {
        var words = LuceneFields.Words(analyzer, term, SearchLimits.MaxTermWords);
        if (words.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery();
        foreach (var word in words)
        {
            var anyField = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in LuceneFields.TextFields)
            {
                anyField.Add(new TermQuery(new Term(field, word)) { Boost = boost });
                if (MaxEdits(word) is > 0 and var edits)
                {
                    anyField.Add(new CachedFuzzyQuery(new Term(field, word), edits, FuzzyPrefixLength, FuzzyMaxExpansions, transpositions: true) { Boost = boost * 0.6f });
                }
            }

            query.Add(anyField, Occur.MUST);
        }

        return query;
    }

    /// <summary>
    /// The first letter must be right: it cuts the terms a fuzzy query walks by an order of
    /// magnitude (measured: the 100,000-event bench), and people rarely mistype the first letter.
    /// </summary>
    public const int FuzzyPrefixLength = 1;

    /// <summary>Near spellings kept per word and field, best first.</summary>
    public const int FuzzyMaxExpansions = 10;

    /// <summary>Short words must be exact; "swfit" may be one transposition off, "tayler" two edits.</summary>
    public static int MaxEdits(string word) => word.Length switch
    {
        < 4 => 0,
        < 6 => 1,
        _ => 2,
    };

    /// <summary>
    /// Term filters only. Date, price and distance are checked per match from doc values in
    /// <see cref="ResultCollector"/>: a numeric range over 100,000 distinct start times enumerates
    /// thousands of terms per search, which measured slower than checking every match.
    /// </summary>
    public static Filter? Filters(SearchQuery query)
    {
        var filter = new BooleanQuery();
        if (query.Category is { } category)
        {
            filter.Add(new TermQuery(new Term(LuceneFields.Category, category.ToString())), Occur.MUST);
        }

        if (!string.IsNullOrWhiteSpace(query.City))
        {
            filter.Add(new TermQuery(new Term(LuceneFields.CityKey, query.City.Trim().ToLowerInvariant())), Occur.MUST);
        }

        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            filter.Add(new TermQuery(new Term(LuceneFields.Country, query.Country.Trim().ToUpperInvariant())), Occur.MUST);
        }

        if (query.Currency is { } currency)
        {
            filter.Add(new TermQuery(new Term(LuceneFields.Currency, currency)), Occur.MUST);
        }

        if (query.OnSaleOnly)
        {
            filter.Add(new TermQuery(new Term(LuceneFields.Status, nameof(Events.EventStatus.OnSale))), Occur.MUST);
        }

        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }

    public static Query Combine(Query? text, Filter? filter)
    {
        Query query = text ?? new MatchAllDocsQuery();
        return filter is null ? query : new FilteredQuery(query, filter);
    }
}
