namespace TicketMaster.Indexer.Search;

public enum SearchProvider
{
    /// <summary>A Lucene.NET directory on disk: the embedded default, no server.</summary>
    Lucene,

    /// <summary>An Elasticsearch 9 cluster, reached through an alias.</summary>
    Elasticsearch,
}

/// <summary>Bound from the <c>Search</c> configuration section, read by the Api and the Indexer alike.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    public SearchProvider Provider { get; set; } = SearchProvider.Lucene;

    /// <summary>The Lucene index folder; relative paths are under the content root. Default: <c>App_Data/search</c>.</summary>
    public string? IndexPath { get; set; }

    public string ElasticsearchUrl { get; set; } = "http://localhost:9200";

    /// <summary>The alias searches go through; each rebuild creates <c>&lt;alias&gt;-&lt;timestamp&gt;</c> behind it.</summary>
    public string ElasticsearchIndex { get; set; } = "ticketmaster-events";

    public string? ElasticsearchUsername { get; set; }

    public string? ElasticsearchPassword { get; set; }
}

/// <summary>Limits every adapter and the Api apply alike.</summary>
public static class SearchLimits
{
    public const int MaxTermLength = 200;
    /// <summary>Words of a term beyond this are ignored (each one is a fuzzy query).</summary>
    public const int MaxTermWords = 12;
    public const int MaxPrefixLength = 100;
    public const int MaxSuggestions = 20;
    public const double MaxRadiusKm = 20_000;

    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance in kilometres.</summary>
    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
