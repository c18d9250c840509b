using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using TicketMaster.Indexer.Search;

namespace TicketMaster.Indexer.Lucene;

/// <summary>
/// How an <see cref="EventDocument"/> is laid out in Lucene: analysed text for full text and
/// highlighting, an edge n-gram field for suggestions, keyword terms for filters, doc values
/// for facets, dates, distance and versions. The same shape as the Elasticsearch mapping.
/// </summary>
internal static class LuceneFields
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public const string Id = "id";
    public const string DocumentVersion = "version";
    public const string Name = "name";
    public const string Performers = "performers";
    public const string Venue = "venue";
    public const string City = "city";
    public const string Description = "description";
    public const string Suggest = "suggest";
    public const string Category = "category";
    public const string CityKey = "city_key";
    public const string CityFacet = "city_facet";
    public const string Country = "country";

    public const string Currency = "currency";
    public const string StartsAt = "starts_at";

    /// <summary>The start on the venue's wall clock, in ticks: what a date filter compares (ADR 0014).</summary>
    public const string StartsAtLocal = "starts_at_local";
    public const string Month = "month";
    public const string Status = "status";
    public const string Latitude = "lat";
    public const string Longitude = "lon";
    public const string MinPrice = "min_price";
    public const string Available = "available";

    /// <summary>Edge n-grams longer than this are not indexed; longer typed words are cut to it.</summary>
    public const int MaxGram = 20;

    /// <summary>Text fields and their weight: event name and performer above venue above description.</summary>
    public static readonly IReadOnlyList<(string Field, float Boost)> TextFields =
    [
        (Name, 4f),
        (Performers, 4f),
        (Venue, 2f),
        (City, 2f),
        (Description, 1f),
    ];

    /// <summary>The standard analyzer without stop words, like Elasticsearch's <c>standard</c>.</summary>
    public static Analyzer CreateAnalyzer()
    {
        var standard = new StandardAnalyzer(Version, CharArraySet.Empty);
        var edgeNGrams = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, tokenizer);
            stream = new EdgeNGramTokenFilter(Version, stream, 1, MaxGram);
            return new TokenStreamComponents(tokenizer, stream);
        });
        return new PerFieldAnalyzerWrapper(standard, new Dictionary<string, Analyzer> { [Suggest] = edgeNGrams });
    }

    /// <summary>The words of <paramref name="text"/> as the standard analyzer makes them; no query syntax exists at this level.</summary>
    public static List<string> Words(Analyzer analyzer, string? text, int max)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        using var stream = analyzer.GetTokenStream(Name, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (words.Count < max && stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words;
    }

    public static Document ToDocument(EventDocument e)
    {
        var performers = string.Join(", ", e.Performers);
        var document = new Document
        {
            new StringField(Id, Key(e.EventId), Field.Store.YES),
            new NumericDocValuesField(DocumentVersion, e.Version),
            new TextField(Name, e.Name, Field.Store.YES),
            new TextField(Performers, performers, Field.Store.YES),
            new TextField(Venue, e.VenueName, Field.Store.YES),
            new TextField(City, e.City, Field.Store.NO),
            new TextField(Description, e.Description, Field.Store.YES),
            new TextField(Suggest, e.Name + " " + performers, Field.Store.NO),
            new StringField(Category, e.Category.ToString(), Field.Store.NO),
            new SortedDocValuesField(Category, new BytesRef(e.Category.ToString())),
            new StringField(CityKey, e.City.Trim().ToLowerInvariant(), Field.Store.NO),
            new SortedDocValuesField(CityFacet, new BytesRef(e.City)),
            new StringField(Country, e.Country.ToUpperInvariant(), Field.Store.NO),
            new StringField(Currency, e.Currency, Field.Store.NO),
            new NumericDocValuesField(StartsAt, e.StartsAt.Ticks),
            new NumericDocValuesField(StartsAtLocal, e.StartsAtLocal.Ticks),
            new SortedDocValuesField(Month, new BytesRef(MonthOf(e.StartsAt))),
            new StringField(Status, e.Status.ToString(), Field.Store.NO),
            new NumericDocValuesField(Latitude, BitConverter.DoubleToInt64Bits(e.Latitude)),
            new NumericDocValuesField(Longitude, BitConverter.DoubleToInt64Bits(e.Longitude)),
            new NumericDocValuesField(MinPrice, BitConverter.DoubleToInt64Bits((double)e.MinPrice)),
            new StoredField(Available, e.AvailableSeats),
        };
        return document;
    }

    public static string Key(int eventId) => eventId.ToString(CultureInfo.InvariantCulture);

    public static string MonthOf(DateTime startsAt) => startsAt.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
