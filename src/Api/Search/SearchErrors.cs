using GraphQL;

namespace TicketMaster.Api.Search;

/// <summary>Search input that cannot be run as given, with a code a client can act on.</summary>
public sealed class SearchInputError : ExecutionError
{
    public const string TermTooLong = "SEARCH_TERM_TOO_LONG";
    public const string PrefixTooLong = "SEARCH_PREFIX_TOO_LONG";
    public const string InvalidRadius = "INVALID_RADIUS";
    public const string InvalidCoordinates = "INVALID_COORDINATES";
    public const string InvalidDateRange = "INVALID_DATE_RANGE";
    public const string InvalidPrice = "INVALID_PRICE";
    public const string InvalidLimit = "INVALID_LIMIT";
    public const string DistanceNeedsNear = "DISTANCE_ORDER_NEEDS_NEAR";

    public SearchInputError(string code, string message)
        : base(message)
    {
        Code = code;
    }
}
