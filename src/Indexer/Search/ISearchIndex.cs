using TicketMaster.Events;

namespace TicketMaster.Indexer.Search;

/// <summary>
/// The search index, whatever holds it (a Lucene directory or an Elasticsearch alias). The indexer
/// writes it through <see cref="ApplyAsync"/> and <see cref="BeginRebuildAsync"/>; the Api reads it.
/// </summary>
public interface ISearchIndex
{
    /// <summary>
    /// The last outbox id whose changes the live index holds, or null when there is no index yet
    /// (first start: build it from the database instead of replaying the outbox).
    /// </summary>
    Task<long?> ReadCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Upserts and removes documents and records the checkpoint. A document replaces the stored one
    /// only when its version is at least the stored version, so a repeated or late batch never
    /// overwrites newer data.
    /// </summary>
    Task ApplyAsync(IndexBatch batch, CancellationToken cancellationToken);

    Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>Event names (and performers' names) that start with the words typed so far.</summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, DateTime now, CancellationToken cancellationToken);

    /// <summary>A new, empty index beside the live one; the live one keeps answering until the swap.</summary>
    Task<IIndexRebuild> BeginRebuildAsync(CancellationToken cancellationToken);
}

/// <summary>An index being built beside the live one.</summary>
public interface IIndexRebuild : IAsyncDisposable
{
    Task AddAsync(IReadOnlyList<EventDocument> documents, CancellationToken cancellationToken);

    /// <summary>Makes the new index the live one in one atomic step; searches see the old or the new, never neither.</summary>
    Task SwapInAsync(long checkpoint, CancellationToken cancellationToken);
}

/// <summary>One searchable event: what a search hit, a facet or a filter needs, denormalised.</summary>
/// <param name="Version">The outbox id this document reflects at least; the external version.</param>
public sealed record EventDocument(
    int EventId,
    long Version,
    string Name,
    string Description,
    IReadOnlyList<string> Performers,
    string VenueName,
    string City,
    string Country,
    double Latitude,
    double Longitude,
    EventCategory Category,
    DateTime StartsAt,
    EventStatus Status,
    decimal MinPrice,
    decimal MaxPrice,
    string Currency,
    int TotalSeats,
    int AvailableSeats,
    DateTime StartsAtLocal);

/// <summary>An event that must leave the index (cancelled, unpublished or deleted).</summary>
public sealed record IndexRemoval(int EventId, long Version);

public sealed record IndexBatch(IReadOnlyList<EventDocument> Upserts, IReadOnlyList<IndexRemoval> Removals, long Checkpoint);

public enum SearchOrder
{
    Relevance,
    Date,
    Distance,
}

public sealed record GeoFilter(double Latitude, double Longitude, double RadiusKm);

/// <param name="Term">Free text as typed; null or blank means "no text".</param>
/// <param name="Now">Events that started before this are left out unless a date range is given.</param>
/// <param name="Currency">Only events priced in this ISO 4217 currency; <see cref="MaxPrice"/> is in it. Prices are never converted.</param>
/// <param name="LocalFrom">Starts at or after this on the venue's wall clock (a day's midnight there).</param>
/// <param name="LocalBefore">Starts before this on the venue's wall clock (the midnight after a day there).</param>
public sealed record SearchQuery(
    string? Term = null,
    EventCategory? Category = null,
    string? City = null,
    string? Country = null,
    DateTime? StartsFrom = null,
    DateTime? StartsTo = null,
    GeoFilter? Near = null,
    bool OnSaleOnly = false,
    decimal? MaxPrice = null,
    SearchOrder Order = SearchOrder.Relevance,
    int Offset = 0,
    int Limit = 10,
    DateTime? Now = null,
    DateTime? LocalFrom = null,
    DateTime? LocalBefore = null,
    string? Currency = null)
{
    /// <summary>Whether any end of the start range was given; without one, only events still to come are found.</summary>
    public bool HasDateRange => StartsFrom is not null || StartsTo is not null || LocalFrom is not null || LocalBefore is not null;
}

/// <param name="AvailableSeats">Free seats when the indexer last saw the event (the live count is on the event).</param>
public sealed record SearchHit(int EventId, double Score, double? DistanceKm, int AvailableSeats, IReadOnlyList<Highlight> Highlights);

/// <param name="Fragments">Text with the matched words in <c>&lt;em&gt;</c>, the rest HTML-encoded.</param>
public sealed record Highlight(string Field, IReadOnlyList<string> Fragments);

public sealed record FacetValue(string Value, int Count);

/// <summary>Counts over the whole result, not just the page.</summary>
public sealed record SearchFacets(IReadOnlyList<FacetValue> Categories, IReadOnlyList<FacetValue> Cities, IReadOnlyList<FacetValue> Months)
{
    public static SearchFacets Empty { get; } = new([], [], []);
}

public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, int Total, SearchFacets Facets);

public sealed record Suggestion(string Text, int EventId);
