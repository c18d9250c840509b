namespace TicketMaster.Bench.Browse;

/// <summary>The read path's pages as a frontend sends them: GET with the document in the query string, which is what the response cache and a CDN can keep.</summary>
public static class BrowsePages
{
    public const string Floor = "{ __typename }";

    public const string List = "query ListPage { events(first: 20) { totalCount nodes { id name startsAt category venue { name city } priceRange { min { amount currency } max { amount currency } } availability { available } } } }";

    public const string Event = "query EventPage($id: ID!) { eventById(id: $id) { id name startsAt description venue { name city } performers { name } priceRange { min { amount currency } max { amount currency } } availability { available total } sections { id name price { amount currency } available } } }";

    public const string Search = "query SearchPage($term: String!) { searchEvents(term: $term, first: 20) { totalCount nodes { event { id name startsAt venue { name city } } } } }";

    public static string Get(string query, object? variables = null) =>
        "graphql?query=" + Uri.EscapeDataString(query)
        + (variables is null ? "" : "&variables=" + Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(variables)));
}
