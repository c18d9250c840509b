using GraphQL.Types;
using TicketMaster.Api.Events;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.GraphQL.Paging;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Indexer.Search;

namespace TicketMaster.Api.Search;

/// <summary>One page of search hits, with the total and the facets of the whole result.</summary>
public sealed record SearchEventsPage(IReadOnlyList<Edge<SearchHit>> Edges, PageInfo PageInfo, int TotalCount, SearchFacets Facets);

public sealed class SearchEventsConnectionType : ObjectGraphType<SearchEventsPage>
{
    public SearchEventsConnectionType()
    {
        Name = "SearchEventsConnection";
        Description = "A page of search hits, plus counts over the whole result.";
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Information to aid in pagination.").Resolve(ctx => ctx.Source.PageInfo);
        Field<ListGraphType<NonNullGraphType<SearchEventsEdgeType>>>("edges").Description("A list of edges.").Resolve(ctx => ctx.Source.Edges);
        Field<ListGraphType<NonNullGraphType<SearchHitType>>>("nodes").Description("A flattened list of the nodes.").Resolve(ctx => ctx.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Identifies the total count of items in the connection.").Resolve(ctx => ctx.Source.TotalCount);
        Field<NonNullGraphType<SearchFacetsType>>("facets").Description("Counts by category, city and month over every hit, not just this page.").Resolve(ctx => ctx.Source.Facets);
    }
}

public sealed class SearchEventsEdgeType : ObjectGraphType<Edge<SearchHit>>
{
    public SearchEventsEdgeType()
    {
        Name = "SearchEventsEdge";
        Description = "An edge in a connection.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("A cursor for use in pagination.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<SearchHitType>>("node").Description("The item at the end of the edge.").Resolve(ctx => ctx.Source.Node);
    }
}

public sealed class SearchHitType : ObjectGraphType<SearchHit>
{
    public SearchHitType()
    {
        Name = "SearchHit";
        Description = "An event that matches, how well, and where the words matched.";
        Field<EventType>("event").Description("Null only when the event was withdrawn after the index last saw it.")
            .Resolve(ctx => ctx.Loaders<EventDataLoaders>().EventById.Load(ctx.Source.EventId).Then(e => e is { Status: not TicketMaster.Events.EventStatus.Draft } ? e : null));
        Field<NonNullGraphType<FloatGraphType>>("score").Description("Relevance; comparable within one result only.").Resolve(ctx => (double)ctx.Source.Score);
        Field<NonNullGraphType<IntGraphType>>("availableSeats").Description("Free seats as of the index (a second or so behind); event.availability is live.")
            .Resolve(ctx => ctx.Source.AvailableSeats);
        Field<FloatGraphType>("distanceKm").Description("From where.near, when given.").Resolve(ctx => ctx.Source.DistanceKm);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchHighlightType>>>>("highlights")
            .Description("Fragments of the matching fields with the matched words in <em>…</em>; the rest is HTML-encoded.")
            .Resolve(ctx => ctx.Source.Highlights);
    }
}

public sealed class SearchHighlightType : ObjectGraphType<Highlight>
{
    public SearchHighlightType()
    {
        Name = "SearchHighlight";
        Description = "Where the search words matched in one field of a hit.";
        Field<NonNullGraphType<StringGraphType>>("field").Description("name, performers, venue or description.").Resolve(ctx => ctx.Source.Field);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fragments")
            .Description("Short excerpts of the field with the matched words in <em>…</em> and everything else HTML-encoded: safe to insert as HTML.")
            .Resolve(ctx => ctx.Source.Fragments);
    }
}

public sealed class SearchFacetsType : ObjectGraphType<SearchFacets>
{
    public SearchFacetsType()
    {
        Name = "SearchFacets";
        Description = "How the hits of a search spread over categories, cities and months, counted over every hit (not just the page) after `where`: for refine-by lists.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueType>>>>("categories").Description("By EventCategory name, most hits first.")
            .Resolve(ctx => ctx.Source.Categories.Select(c => c with { Value = c.Value.ToUpperInvariant() }));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueType>>>>("cities").Description("By city as in `Venue.city`, most hits first.").Resolve(ctx => ctx.Source.Cities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueType>>>>("months").Description("yyyy-MM (UTC), in calendar order.").Resolve(ctx => ctx.Source.Months);
    }
}

public sealed class FacetValueType : ObjectGraphType<FacetValue>
{
    public FacetValueType()
    {
        Name = "FacetValue";
        Description = "One value of a facet and how many hits have it.";
        Field<NonNullGraphType<StringGraphType>>("value").Description("The value: an `EventCategory` name, a city as in `Venue.city`, or a month as yyyy-MM (UTC), depending on the list.")
            .Resolve(ctx => ctx.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many hits have this value.").Resolve(ctx => ctx.Source.Count);
    }
}

public sealed class EventSuggestionType : ObjectGraphType<Suggestion>
{
    public EventSuggestionType()
    {
        Name = "EventSuggestion";
        Description = "A completion for a search box.";
        Field<NonNullGraphType<StringGraphType>>("text").Description("The event's name.").Resolve(ctx => ctx.Source.Text);
        Field<EventType>("event").Description("The event suggested; null only when it was withdrawn after the index last saw it.").Resolve(ctx => ctx.Loaders<EventDataLoaders>().EventById.Load(ctx.Source.EventId)
            .Then(e => e is { Status: not TicketMaster.Events.EventStatus.Draft } ? e : null));
    }
}
