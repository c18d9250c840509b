using GraphQL;
using TicketMaster.Indexer.Elasticsearch;

namespace TicketMaster.Api.Search;

/// <summary>A search that cannot be run as given, or not right now, with a code a client can act on.</summary>
public sealed class SearchError : ExecutionError
{
    public const string TermTooLong = "SEARCH_TERM_TOO_LONG";
    public const string PrefixTooLong = "SEARCH_PREFIX_TOO_LONG";
    public const string InvalidRadius = "INVALID_RADIUS";
    public const string InvalidCoordinates = "INVALID_COORDINATES";
    public const string InvalidDateRange = "INVALID_DATE_RANGE";
    public const string InvalidPrice = "INVALID_PRICE";
    public const string InvalidCurrency = "INVALID_CURRENCY";
    public const string InvalidLimit = "INVALID_LIMIT";
    public const string DistanceNeedsNear = "DISTANCE_ORDER_NEEDS_NEAR";

    /// <summary>The engine did not answer (Elasticsearch down or refusing): worth a retry, unlike bad input.</summary>
    public const string Unavailable = "SEARCH_UNAVAILABLE";

    /// <param name="innerException">Kept for the server's error details (Development only), never a client's message.</param>
    public SearchError(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public static async Task<T> UnlessUnavailableAsync<T>(Func<Task<T>> search)
    {
        try
        {
            return await search();
        }
        catch (ElasticsearchRequestException e)
        {
            throw new SearchError(Unavailable, "Search is unavailable right now; try again shortly.", e);
        }
    }
}
