using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace TicketMaster.Indexer.Lucene;

/// <summary>
/// The doc values <see cref="ResultCollector"/> reads for every match, copied once per segment into
/// plain arrays (about 52 bytes a document). Lucene.NET reads doc values from the memory-mapped file
/// a few bytes at a time through a SafeHandle: at 100,000 matches a search, that was about half of
/// the Api's CPU per search (profile in docs/benchmarks.md). A segment never changes once written
/// (deletions live beside it), so the copy is valid for the segment's life and goes with it. That
/// holds while documents are only ever replaced whole: in-place doc-values updates
/// (<c>IndexWriter.UpdateNumericDocValue</c>) would need the key to carry their generation.
/// </summary>
internal sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> Cache = new();

    private SegmentColumns(AtomicReader reader)
    {
        StartsAt = Longs(reader.GetNumericDocValues(LuceneFields.StartsAt), reader.MaxDoc);
        StartsAtLocal = Longs(reader.GetNumericDocValues(LuceneFields.StartsAtLocal), reader.MaxDoc);
        Latitude = Doubles(reader.GetNumericDocValues(LuceneFields.Latitude), reader.MaxDoc);
        Longitude = Doubles(reader.GetNumericDocValues(LuceneFields.Longitude), reader.MaxDoc);
        MinPrice = Doubles(reader.GetNumericDocValues(LuceneFields.MinPrice), reader.MaxDoc);
        Category = Ordinals.Of(reader.GetSortedDocValues(LuceneFields.Category), reader.MaxDoc);
        City = Ordinals.Of(reader.GetSortedDocValues(LuceneFields.CityFacet), reader.MaxDoc);
        Month = Ordinals.Of(reader.GetSortedDocValues(LuceneFields.Month), reader.MaxDoc);
    }

    /// <summary>Null when no document of the segment has the field (then every value reads as 0).</summary>
    public long[]? StartsAt { get; }

    public long[]? StartsAtLocal { get; }

    public double[]? Latitude { get; }

    public double[]? Longitude { get; }

    public double[]? MinPrice { get; }

    public Ordinals? Category { get; }

    public Ordinals? City { get; }

    public Ordinals? Month { get; }

    /// <summary>Keyed by the segment's core, which every reader reopened on the same segment shares.</summary>
    public static SegmentColumns For(AtomicReader reader) =>
        Cache.TryGetValue(reader.CoreCacheKey, out var columns) ? columns : Cache.GetValue(reader.CoreCacheKey, _ => new SegmentColumns(reader));

    private static long[]? Longs(NumericDocValues? values, int count)
    {
        if (values is null)
        {
            return null;
        }

        var longs = new long[count];
        for (var doc = 0; doc < count; doc++)
        {
            longs[doc] = values.Get(doc);
        }

        return longs;
    }

    /// <summary>Doubles are indexed as their bits (<see cref="BitConverter.DoubleToInt64Bits"/>).</summary>
    private static double[]? Doubles(NumericDocValues? values, int count)
    {
        if (values is null)
        {
            return null;
        }

        var doubles = new double[count];
        for (var doc = 0; doc < count; doc++)
        {
            doubles[doc] = BitConverter.Int64BitsToDouble(values.Get(doc));
        }

        return doubles;
    }

    /// <summary>A facet field of one segment: each document's ordinal (-1: none) and each ordinal's text.</summary>
    public sealed class Ordinals(int[] ords, string[] labels)
    {
        public int[] Ords { get; } = ords;

        public string[] Labels { get; } = labels;

        public static Ordinals? Of(SortedDocValues? values, int count)
        {
            if (values is null)
            {
                return null;
            }

            var ords = new int[count];
            for (var doc = 0; doc < count; doc++)
            {
                ords[doc] = values.GetOrd(doc);
            }

            var labels = new string[values.ValueCount];
            var text = new BytesRef();
            for (var ord = 0; ord < labels.Length; ord++)
            {
                values.LookupOrd(ord, text);
                labels[ord] = text.Utf8ToString();
            }

            return new Ordinals(ords, labels);
        }
    }
}
