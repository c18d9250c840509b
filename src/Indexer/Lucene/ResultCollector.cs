using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using TicketMaster.Indexer.Search;

namespace TicketMaster.Indexer.Lucene;

/// <summary>
/// One pass over every match: drops those outside the radius, counts the total and the facets
/// from doc values, and keeps only the best <c>offset + limit</c> hits in a bounded heap.
/// Lucene.NET 4.8 has no facet or spatial module here, so this is both.
/// </summary>
internal sealed class ResultCollector(SearchOrder order, ResultCollector.Ranges ranges, int keep) : ICollector
{
    private readonly PriorityQueue<Candidate, Candidate> _best = new(keep + 1, new WorstFirst(order));
    private readonly Dictionary<string, int> _categories = [];
    private readonly Dictionary<string, int> _cities = [];
    private readonly Dictionary<string, int> _months = [];
    private Scorer? _scorer;
    private int _docBase;
    private NumericDocValues? _startsAt;
    private NumericDocValues? _latitude;
    private NumericDocValues? _longitude;
    private NumericDocValues? _minPrice;
    private readonly GeoFilter? near = ranges.Near;
    private SegmentFacet? _categoryFacet;
    private SegmentFacet? _cityFacet;
    private SegmentFacet? _monthFacet;

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushFacets();
        var reader = context.AtomicReader;
        _docBase = context.DocBase;
        _startsAt = reader.GetNumericDocValues(LuceneFields.StartsAt);
        _latitude = reader.GetNumericDocValues(LuceneFields.Latitude);
        _longitude = reader.GetNumericDocValues(LuceneFields.Longitude);
        _minPrice = reader.GetNumericDocValues(LuceneFields.MinPrice);
        _categoryFacet = SegmentFacet.For(reader.GetSortedDocValues(LuceneFields.Category), _categories);
        _cityFacet = SegmentFacet.For(reader.GetSortedDocValues(LuceneFields.CityFacet), _cities);
        _monthFacet = SegmentFacet.For(reader.GetSortedDocValues(LuceneFields.Month), _months);
    }

    public void Collect(int doc)
    {
        var startsAt = _startsAt?.Get(doc) ?? 0;
        if (startsAt < ranges.FromTicks || startsAt > ranges.ToTicks)
        {
            return;
        }

        if (ranges.MaxPrice is { } maxPrice && _minPrice is not null && BitConverter.Int64BitsToDouble(_minPrice.Get(doc)) > maxPrice)
        {
            return;
        }

        double? distance = null;
        if (near is not null && _latitude is not null && _longitude is not null)
        {
            var lat = BitConverter.Int64BitsToDouble(_latitude.Get(doc));
            var lon = BitConverter.Int64BitsToDouble(_longitude.Get(doc));
            distance = SearchLimits.HaversineKm(near.Latitude, near.Longitude, lat, lon);
            if (distance > near.RadiusKm)
            {
                return;
            }
        }

        Total++;
        _categoryFacet?.Count(doc);
        _cityFacet?.Count(doc);
        _monthFacet?.Count(doc);
        if (keep == 0)
        {
            return;
        }

        var candidate = new Candidate(_docBase + doc, _scorer?.GetScore() ?? 0f, startsAt, distance ?? 0);
        if (_best.Count < keep)
        {
            _best.Enqueue(candidate, candidate);
        }
        else
        {
            _best.EnqueueDequeue(candidate, candidate);
        }
    }

    /// <summary>Best first.</summary>
    public List<Candidate> Best()
    {
        var best = new List<Candidate>(_best.Count);
        while (_best.TryDequeue(out var candidate, out _))
        {
            best.Add(candidate);
        }

        best.Reverse();
        return best;
    }

    public SearchFacets Facets()
    {
        FlushFacets();
        return new SearchFacets(Sorted(_categories), Sorted(_cities), [.. _months.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new FacetValue(m.Key, m.Value))]);
    }

    private static List<FacetValue> Sorted(Dictionary<string, int> counts) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new FacetValue(c.Key, c.Value))];

    private void FlushFacets()
    {
        _categoryFacet?.Flush();
        _cityFacet?.Flush();
        _monthFacet?.Flush();
        (_categoryFacet, _cityFacet, _monthFacet) = (null, null, null);
    }

    /// <summary>The range conditions checked per match.</summary>
    public sealed record Ranges(long FromTicks, long ToTicks, double? MaxPrice, GeoFilter? Near)
    {
        public static Ranges None { get; } = new(long.MinValue, long.MaxValue, null, null);

        /// <summary>Without a date range, only what is still to come.</summary>
        public static Ranges Of(SearchQuery query, DateTime now)
        {
            var from = query.StartsFrom ?? (query.StartsTo is null ? now : null);
            return new Ranges(from?.Ticks ?? long.MinValue, query.StartsTo?.Ticks ?? long.MaxValue, (double?)query.MaxPrice, query.Near);
        }
    }

    public readonly record struct Candidate(int Doc, float Score, long StartsAtTicks, double DistanceKm);

    /// <summary>Counts by segment ordinal (cheap), turned into strings once per segment.</summary>
    private sealed class SegmentFacet(SortedDocValues values, int[] counts, Dictionary<string, int> into)
    {
        public static SegmentFacet? For(SortedDocValues? values, Dictionary<string, int> into) =>
            values is null ? null : new SegmentFacet(values, new int[values.ValueCount], into);

        public void Count(int doc)
        {
            var ord = values.GetOrd(doc);
            if (ord >= 0)
            {
                counts[ord]++;
            }
        }

        public void Flush()
        {
            var text = new BytesRef();
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    values.LookupOrd(ord, text);
                    var key = text.Utf8ToString();
                    into[key] = into.GetValueOrDefault(key) + counts[ord];
                }
            }
        }
    }

    /// <summary>The heap's root is the worst kept hit, so a better one can replace it.</summary>
    private sealed class WorstFirst(SearchOrder order) : IComparer<Candidate>
    {
        public int Compare(Candidate x, Candidate y) => -Better(x, y);

        /// <summary>Negative when <paramref name="x"/> ranks before <paramref name="y"/>.</summary>
        private int Better(Candidate x, Candidate y)
        {
            var primary = order switch
            {
                SearchOrder.Relevance => y.Score.CompareTo(x.Score),
                SearchOrder.Distance => x.DistanceKm.CompareTo(y.DistanceKm),
                _ => 0,
            };
            if (primary != 0)
            {
                return primary;
            }

            var date = x.StartsAtTicks.CompareTo(y.StartsAtTicks);
            return date != 0 ? date : x.Doc.CompareTo(y.Doc);
        }
    }
}
