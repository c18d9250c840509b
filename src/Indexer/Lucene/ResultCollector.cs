using Lucene.Net.Index;
using Lucene.Net.Search;
using TicketMaster.Indexer.Search;

namespace TicketMaster.Indexer.Lucene;

/// <summary>
/// One pass over every match: drops those outside the radius, counts the total and the facets
/// from doc values (copied to arrays once per segment, <see cref="SegmentColumns"/>), and keeps only
/// the best <c>offset + limit</c> hits in a bounded heap. Lucene.NET 4.8 has no facet or spatial
/// module here, so this is both.
/// </summary>
internal sealed class ResultCollector(SearchOrder order, ResultCollector.Ranges ranges, int keep) : ICollector
{
    private readonly PriorityQueue<Candidate, Candidate> _best = new(keep + 1, new WorstFirst(order));
    private readonly Dictionary<string, int> _categories = [];
    private readonly Dictionary<string, int> _cities = [];
    private readonly Dictionary<string, int> _months = [];
    private Scorer? _scorer;
    private int _docBase;
    private SegmentColumns? _columns;
    private readonly GeoFilter? near = ranges.Near;

    /// <summary>
    /// Two points further apart in latitude than this are further apart than the radius: the great
    /// circle between them is at least as long as the meridian arc. A subtraction instead of the
    /// trigonometry for nearly every event far away; the margin covers rounding.
    /// </summary>
    private readonly double _latitudeBand = ranges.Near is { } n ? (n.RadiusKm / (SearchLimits.EarthRadiusKm * Math.PI / 180) * 1.0001) + 1e-9 : 0;
    private SegmentFacet? _categoryFacet;
    private SegmentFacet? _cityFacet;
    private SegmentFacet? _monthFacet;

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushFacets();
        _docBase = context.DocBase;
        _columns = SegmentColumns.For(context.AtomicReader);
        _categoryFacet = SegmentFacet.For(_columns.Category, _categories);
        _cityFacet = SegmentFacet.For(_columns.City, _cities);
        _monthFacet = SegmentFacet.For(_columns.Month, _months);
    }

    public void Collect(int doc)
    {
        var columns = _columns!;
        var startsAt = columns.StartsAt?[doc] ?? 0;
        if (startsAt < ranges.FromTicks || startsAt > ranges.ToTicks)
        {
            return;
        }

        var local = columns.StartsAtLocal?[doc] ?? 0;
        if (local < ranges.LocalFromTicks || local >= ranges.LocalBeforeTicks)
        {
            return;
        }

        if (ranges.MaxPrice is { } maxPrice && columns.MinPrice is { } minPrice && minPrice[doc] > maxPrice)
        {
            return;
        }

        double? distance = null;
        if (near is not null && columns.Latitude is { } latitude && columns.Longitude is { } longitude)
        {
            if (Math.Abs(latitude[doc] - near.Latitude) > _latitudeBand)
            {
                return;
            }

            distance = SearchLimits.HaversineKm(near.Latitude, near.Longitude, latitude[doc], longitude[doc]);
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

        // Only relevance ranks by score; the other orders ask the scorer only for the hits they keep.
        var candidate = new Candidate(_docBase + doc, order == SearchOrder.Relevance ? Score() : 0f, startsAt, distance ?? 0);
        if (_best.Count == keep && WorstFirst.Better(order, candidate, _best.Peek()) >= 0)
        {
            // Most matches of a wide search lose to the worst hit kept so far: they stop here, before the heap.
            return;
        }

        if (order != SearchOrder.Relevance)
        {
            candidate = candidate with { Score = Score() };
        }

        if (_best.Count < keep)
        {
            _best.Enqueue(candidate, candidate);
        }
        else
        {
            _best.EnqueueDequeue(candidate, candidate);
        }
    }

    private float Score() => _scorer?.GetScore() ?? 0f;

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
    public sealed record Ranges(long FromTicks, long ToTicks, double? MaxPrice, GeoFilter? Near, long LocalFromTicks = long.MinValue, long LocalBeforeTicks = long.MaxValue)
    {
        public static Ranges None { get; } = new(long.MinValue, long.MaxValue, null, null);

        /// <summary>Without a date range, only what is still to come.</summary>
        public static Ranges Of(SearchQuery query, DateTime now)
        {
            var from = query.StartsFrom ?? (query.HasDateRange ? null : now);
            return new Ranges(
                from?.Ticks ?? long.MinValue, query.StartsTo?.Ticks ?? long.MaxValue, (double?)query.MaxPrice, query.Near,
                query.LocalFrom?.Ticks ?? long.MinValue, query.LocalBefore?.Ticks ?? long.MaxValue);
        }
    }

    public readonly record struct Candidate(int Doc, float Score, long StartsAtTicks, double DistanceKm);

    /// <summary>Counts by segment ordinal (cheap), turned into strings once per segment.</summary>
    private sealed class SegmentFacet(SegmentColumns.Ordinals values, int[] counts, Dictionary<string, int> into)
    {
        public static SegmentFacet? For(SegmentColumns.Ordinals? values, Dictionary<string, int> into) =>
            values is null ? null : new SegmentFacet(values, new int[values.Labels.Length], into);

        public void Count(int doc)
        {
            var ord = values.Ords[doc];
            if (ord >= 0)
            {
                counts[ord]++;
            }
        }

        public void Flush()
        {
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    var key = values.Labels[ord];
                    into[key] = into.GetValueOrDefault(key) + counts[ord];
                }
            }
        }
    }

    /// <summary>The heap's root is the worst kept hit, so a better one can replace it.</summary>
    private sealed class WorstFirst(SearchOrder order) : IComparer<Candidate>
    {
        public int Compare(Candidate x, Candidate y) => -Better(order, x, y);

        /// <summary>Negative when <paramref name="x"/> ranks before <paramref name="y"/>.</summary>
        public static int Better(SearchOrder order, Candidate x, Candidate y)
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
