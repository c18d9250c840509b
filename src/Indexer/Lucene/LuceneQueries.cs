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
                    anyField.Add(new FuzzyQuery(new Term(field, word), edits, prefixLength: 0, maxExpansions: 20, transpositions: true) { Boost = boost * 0.6f });
                }
            }

            query.Add(anyField, Occur.MUST);
        }

        return query;
    }

    /// <summary>Short words must be exact; "swfit" may be one transposition off, "tayler" two edits.</summary>
    public static int MaxEdits(string word) => word.Length switch
    {
        < 4 => 0,
        < 6 => 1,
        _ => 2,
    };

    public static Filter? Filters(SearchQuery query, DateTime now)
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

        // Without a date range, only what is still to come.
        var from = query.StartsFrom ?? (query.StartsTo is null ? now : null);
        if (from is not null || query.StartsTo is not null)
        {
            filter.Add(NumericRangeQuery.NewInt64Range(LuceneFields.StartsAt, from?.Ticks, query.StartsTo?.Ticks, true, true), Occur.MUST);
        }

        if (query.OnSaleOnly)
        {
            filter.Add(new TermQuery(new Term(LuceneFields.Status, nameof(Events.EventStatus.OnSale))), Occur.MUST);
        }

        if (query.MaxPrice is { } maxPrice)
        {
            filter.Add(NumericRangeQuery.NewDoubleRange(LuceneFields.MinPrice, null, (double)maxPrice, true, true), Occur.MUST);
        }

        if (query.Near is { } near)
        {
            // A bounding box narrows the candidates; the collector checks the exact distance.
            var latDelta = near.RadiusKm / 111.0;
            filter.Add(NumericRangeQuery.NewDoubleRange(LuceneFields.Latitude, near.Latitude - latDelta, near.Latitude + latDelta, true, true), Occur.MUST);
            var cos = Math.Cos(near.Latitude * Math.PI / 180);
            var lonDelta = cos < 1e-6 ? 360 : near.RadiusKm / (111.0 * cos);
            if (near.Longitude - lonDelta >= -180 && near.Longitude + lonDelta <= 180)
            {
                filter.Add(NumericRangeQuery.NewDoubleRange(LuceneFields.Longitude, near.Longitude - lonDelta, near.Longitude + lonDelta, true, true), Occur.MUST);
            }
        }

        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }

    public static Query Combine(Query? text, Filter? filter)
    {
        Query query = text ?? new MatchAllDocsQuery();
        return filter is null ? query : new FilteredQuery(query, filter);
    }
}
