using TicketMaster.GraphQL.Caching;
using GraphQL;
using GraphQL.Types;
using TicketMaster.Api.Events;
using TicketMaster.GraphQL.Paging;
using TicketMaster.Common;
using TicketMaster.Events;
using TicketMaster.Indexer.Search;

namespace TicketMaster.Api.Search;

public static class SearchQueries
{
    public const int DefaultSuggestions = 5;

    public static void AddSearchQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<SearchEventsConnectionType>>("searchEvents")
            .Description("Full-text search over published events: typo tolerant, name and performers weigh most, then venue, then description. "
                + "With no term and no filters: upcoming events, soonest first.")
            .AllowAnonymous()
            .CacheControl(CacheMaxAge.Search)
            .Argument<StringGraphType>("term", $"Words to look for, at most {SearchLimits.MaxTermLength} characters; operators and symbols are plain text.")
            .Argument<SearchEventsFilterInputType>("where", "Only hits that meet every condition given; facets are counted after it.")
            .Argument<SearchEventsOrderType>("order", "RELEVANCE unless given.")
            .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
            .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.")
            .ResolveAsync(async ctx => await SearchAsync(ctx));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventSuggestionType>>>>("suggestEvents")
            .Description("Upcoming events whose name or performers start with the words typed so far, for a search box.")
            .AllowAnonymous()
            .CacheControl(CacheMaxAge.Search)
            .Argument<NonNullGraphType<StringGraphType>>("prefix", $"What the user has typed so far, at most {SearchLimits.MaxPrefixLength} characters; the last word may be incomplete.")
            .Argument<IntGraphType>("limit", $"1 to {SearchLimits.MaxSuggestions}; {DefaultSuggestions} unless given.")
            .ResolveAsync(async ctx =>
            {
                var prefix = ctx.GetArgument<string>("prefix");
                var limit = ctx.GetArgument<int?>("limit") ?? DefaultSuggestions;
                if (prefix.Length > SearchLimits.MaxPrefixLength)
                {
                    throw new SearchError(SearchError.PrefixTooLong, $"`prefix` may be at most {SearchLimits.MaxPrefixLength} characters; it was {prefix.Length}.");
                }

                if (limit is < 1 or > SearchLimits.MaxSuggestions)
                {
                    throw new SearchError(SearchError.InvalidLimit, $"`limit` must be between 1 and {SearchLimits.MaxSuggestions}; it was {limit}.");
                }

                var services = ctx.RequestServices!;
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                return await SearchError.UnlessUnavailableAsync(() => services.GetRequiredService<ISearchIndex>().SuggestAsync(prefix, limit, now, ctx.CancellationToken));
            });
    }

    private static async Task<SearchEventsPage> SearchAsync(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? Pager.DefaultPageSize;
        if (first is < 0 or > Pager.MaxPageSize)
        {
            throw new PagingError($"`first` must be between 0 and {Pager.MaxPageSize}; it was {first}.");
        }

        var offset = (Pager.Offset(context.GetArgument<string?>("after"), "after") ?? -1) + 1;
        var services = context.RequestServices!;
        var query = Read(context.GetArgument<string?>("term"), context.GetArgument<SearchEventsFilter?>("where"), context.GetArgument("order", SearchOrder.Relevance)) with
        {
            Offset = offset,
            Limit = first,
            Now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };

        var result = await SearchError.UnlessUnavailableAsync(() => services.GetRequiredService<ISearchIndex>().SearchAsync(query, context.CancellationToken));
        var edges = result.Hits.Select((hit, i) => new Edge<SearchHit>(Pager.Cursor(offset + i), hit)).ToList();
        var pageInfo = new PageInfo(offset + edges.Count < result.Total, offset > 0, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);
        return new SearchEventsPage(edges, pageInfo, result.Total, result.Facets);
    }

    /// <summary>Validates the arguments; every rejection is a typed error naming the argument.</summary>
    public static SearchQuery Read(string? term, SearchEventsFilter? where, SearchOrder order)
    {
        if (term is { Length: > SearchLimits.MaxTermLength })
        {
            throw new SearchError(SearchError.TermTooLong, $"`term` may be at most {SearchLimits.MaxTermLength} characters; it was {term.Length}.");
        }

        where ??= new SearchEventsFilter();
        GeoFilter? near = null;
        if (where.Near is { } point)
        {
            if (!(point.RadiusKm > 0 && point.RadiusKm <= SearchLimits.MaxRadiusKm))
            {
                throw new SearchError(SearchError.InvalidRadius, $"`where.near.radiusKm` must be greater than 0 and at most {SearchLimits.MaxRadiusKm:0}; it was {point.RadiusKm}.");
            }

            if (point.Latitude is < -90 or > 90 || point.Longitude is < -180 or > 180)
            {
                throw new SearchError(SearchError.InvalidCoordinates, "`where.near` needs a latitude between -90 and 90 and a longitude between -180 and 180.");
            }

            near = new GeoFilter(point.Latitude, point.Longitude, point.RadiusKm);
        }

        if (order == SearchOrder.Distance && near is null)
        {
            throw new SearchError(SearchError.DistanceNeedsNear, "`order: DISTANCE` needs `where.near` to measure from.");
        }

        var (from, to) = (where.StartsAt?.Gte as DateTime?, where.StartsAt?.Lte as DateTime?);
        var (localFrom, localBefore) = ((where.StartsAt?.Gte as DateOnly?)?.ToDateTime(TimeOnly.MinValue), (where.StartsAt?.Lte as DateOnly?)?.AddDays(1).ToDateTime(TimeOnly.MinValue));
        if (from > to || localFrom >= localBefore)
        {
            throw new SearchError(SearchError.InvalidDateRange, "`where.startsAt.gte` is after `where.startsAt.lte`.");
        }

        if (where.MaxPrice?.Amount < 0)
        {
            throw new SearchError(SearchError.InvalidPrice, "`where.maxPrice.amount` must not be negative.");
        }

        var maxPrice = MaxPrice(where.MaxPrice);

        return new SearchQuery(
            Term: term,
            Category: where.Category,
            City: where.City,
            Country: where.Country,
            StartsFrom: from,
            StartsTo: to,
            Near: near,
            OnSaleOnly: where.OnSaleOnly ?? false,
            MaxPrice: maxPrice?.Amount,
            Currency: maxPrice?.Currency,
            Order: order,
            LocalFrom: localFrom,
            LocalBefore: localBefore);
    }

    private static Money? MaxPrice(MoneyInput? input)
    {
        try
        {
            return input?.ToMoney();
        }
        catch (InvalidCurrencyException e)
        {
            throw new SearchError(SearchError.InvalidCurrency, $"`where.maxPrice.currency`: {e.Message}");
        }
    }
}
