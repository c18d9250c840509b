using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Search;

[Collection(SearchCatalogCollection.Name)]
public sealed class SearchApiTests(SearchCatalog catalog)
{
    private const string Search = """
        query($term: String, $where: SearchEventsFilterInput, $order: SearchEventsOrder, $first: Int, $after: String) {
          searchEvents(term: $term, where: $where, order: $order, first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage endCursor }
            nodes { score distanceKm availableSeats highlights { field fragments } event { id name } }
            facets { categories { value count } cities { value count } months { value count } }
          }
        }
        """;

    [Fact]
    public async Task A_misspelled_artist_finds_their_show_with_the_match_highlighted()
    {
        var result = await SearchAsync(new { term = "tayler swfit" });

        var top = result.Nodes[0];
        Assert.Equal("The Eras Tour", top.Event?.Name);
        Assert.Contains(top.Highlights, h => h.Field == "performers" && h.Fragments[0] == "<em>Taylor</em> <em>Swift</em>");
    }

    [Fact]
    public async Task Drafts_and_cancelled_events_are_never_found()
    {
        var result = await SearchAsync(new { term = "taylor" });

        Assert.Equal(["The Eras Tour"], Names(result));
    }

    [Fact]
    public async Task An_empty_search_lists_upcoming_events_soonest_first_with_facets_for_all_of_them()
    {
        var result = await SearchAsync(new { });

        Assert.Equal(["Velvet Comets Live", "Potsdam Jazz Night", "Bears vs Lions", "The Eras Tour", "Novak Unplugged"], Names(result));
        Assert.Equal("CONCERT:3 COMEDY:1 SPORTS:1", Facet(result, f => f.Categories));
        Assert.Equal("Berlin:2 Amsterdam:1 London:1 Potsdam:1", Facet(result, f => f.Cities));
        Assert.Equal("2027-01:2 2027-02:1 2027-03:1 2027-04:1", Facet(result, f => f.Months));
    }

    [Fact]
    public async Task Filters_combine_and_the_facets_follow_them()
    {
        var berlin = await SearchAsync(new { where = new { city = "BERLIN" }, order = "DATE" });
        var cheapConcerts = await SearchAsync(new { where = new { category = "CONCERT", maxPrice = new { amount = 30, currency = "EUR" } }, order = "DATE" });
        var pricedInDollars = await SearchAsync(new { where = new { maxPrice = new { amount = 1000, currency = "USD" } } });
        var onSaleInWinter = await SearchAsync(new { where = new { onSaleOnly = true, startsAt = new { gte = "2027-02-01T00:00:00Z", lte = "2027-04-30T00:00:00Z" } }, order = "DATE" });
        var dutch = await SearchAsync(new { where = new { country = "NL" } });

        Assert.Equal(["Velvet Comets Live", "The Eras Tour"], Names(berlin));
        Assert.Equal("Berlin:2", Facet(berlin, f => f.Cities));
        Assert.Equal(["Velvet Comets Live", "Potsdam Jazz Night", "The Eras Tour"], Names(cheapConcerts));
        Assert.Equal(["Bears vs Lions", "The Eras Tour"], Names(onSaleInWinter));
        Assert.Equal(["Novak Unplugged"], Names(dutch));
        Assert.Empty(Names(pricedInDollars));
    }

    [Fact]
    public async Task Near_a_point_finds_venues_within_the_radius_nearest_first()
    {
        var result = await SearchAsync(new { where = new { near = new { latitude = 52.40, longitude = 13.06, radiusKm = 50.0 } }, order = "DISTANCE" });

        Assert.Equal(["Potsdam Jazz Night", "Velvet Comets Live", "The Eras Tour"], Names(result));
        Assert.Equal(0, Assert.NotNull(result.Nodes[0].DistanceKm), 1);
    }

    [Fact]
    public async Task Pages_continue_after_the_cursor_until_the_last()
    {
        var first = await SearchAsync(new { first = 2, order = "DATE" });
        var second = await SearchAsync(new { first = 2, order = "DATE", after = first.PageInfo.EndCursor });
        var third = await SearchAsync(new { first = 2, order = "DATE", after = second.PageInfo.EndCursor });

        Assert.Equal(["Velvet Comets Live", "Potsdam Jazz Night"], Names(first));
        Assert.Equal(["Bears vs Lions", "The Eras Tour"], Names(second));
        Assert.Equal(["Novak Unplugged"], Names(third));
        Assert.True(second.PageInfo.HasPreviousPage);
        Assert.False(third.PageInfo.HasNextPage);
        Assert.Equal(5, third.TotalCount);
    }

    [Fact]
    public async Task Suggestions_complete_a_half_typed_name_or_performer()
    {
        var data = await catalog.Client.DataAsync<Suggestions>("""{ byName: suggestEvents(prefix: "velv") { text event { name } } byPerformer: suggestEvents(prefix: "Taylor S", limit: 3) { text } }""");

        Assert.Equal("Velvet Comets Live", data.ByName[0].Text);
        Assert.Equal("Velvet Comets Live", data.ByName[0].Event?.Name);
        Assert.Equal(["The Eras Tour"], data.ByPerformer.Select(s => s.Text));
    }

    [Fact]
    public async Task Query_syntax_in_a_term_is_searched_as_text_not_run()
    {
        var result = await SearchAsync(new { term = "name:* OR status:DRAFT \"taylor\" ) ( \\ ~ ^2 {a TO z}" });

        Assert.Equal(0, result.TotalCount);
    }

    [Fact]
    public async Task Bad_input_gets_a_typed_error_a_client_can_act_on()
    {
        var client = catalog.Client;

        Assert.Equal(["SEARCH_TERM_TOO_LONG"], await client.ErrorCodesAsync(Search, new { term = new string('a', 10_000) }));
        Assert.Equal(["INVALID_RADIUS"], await client.ErrorCodesAsync(Search, new { where = new { near = new { latitude = 52.5, longitude = 13.4, radiusKm = -5.0 } } }));
        Assert.Equal(["INVALID_COORDINATES"], await client.ErrorCodesAsync(Search, new { where = new { near = new { latitude = 95.0, longitude = 13.4, radiusKm = 5.0 } } }));
        Assert.Equal(["DISTANCE_ORDER_NEEDS_NEAR"], await client.ErrorCodesAsync(Search, new { order = "DISTANCE" }));
        Assert.Equal(["INVALID_DATE_RANGE"], await client.ErrorCodesAsync(Search, new { where = new { startsAt = new { gte = "2027-05-01T00:00:00Z", lte = "2027-01-01T00:00:00Z" } } }));
        Assert.Equal(["INVALID_PRICE"], await client.ErrorCodesAsync(Search, new { where = new { maxPrice = new { amount = -1, currency = "EUR" } } }));
        Assert.Equal(["INVALID_CURRENCY"], await client.ErrorCodesAsync(Search, new { where = new { maxPrice = new { amount = 50, currency = "euro" } } }));
        Assert.Equal(["INVALID_PAGING_ARGUMENTS"], await client.ErrorCodesAsync(Search, new { first = 500 }));
        Assert.Equal(["INVALID_PAGING_ARGUMENTS"], await client.ErrorCodesAsync(Search, new { after = "not a cursor" }));
        Assert.Equal(["SEARCH_PREFIX_TOO_LONG"], await client.ErrorCodesAsync("query($p: String!) { suggestEvents(prefix: $p) { text } }", new { p = new string('x', 1_000) }));
        Assert.Equal(["INVALID_LIMIT"], await client.ErrorCodesAsync("""{ suggestEvents(prefix: "ta", limit: 0) { text } }"""));
    }

    [Fact]
    public async Task A_reservation_made_through_the_api_shows_in_the_search_results_once_indexed()
    {
        var buyer = await catalog.Client.SignedInBuyerAsync();
        var before = (await SearchAsync(new { term = "bears lions" })).Nodes[0];
        var eventId = before.Event?.Id;
        var section = (await buyer.DataAsync<EventSectionsData>("query($id: ID!) { eventById(id: $id) { sections { id available } } }", new { id = eventId }))
            .EventById.Sections.First(s => s.Available >= 2).Id;
        var seats = (await buyer.DataAsync<EventSeatsData>(
                "query($id: ID!, $section: ID!) { eventById(id: $id) { seats(sectionId: $section, status: AVAILABLE) { id } } }", new { id = eventId, section }))
            .EventById.Seats.Select(s => s.Id).Take(2).ToArray();

        var reserved = await buyer.DataAsync<ReserveData>(
            "mutation($input: ReserveSeatsInput!) { reserveSeats(input: $input) { errors { __typename } } }", new { input = new { eventId, seatIds = seats } });
        await catalog.IndexEverythingCommittedAsync();
        var after = (await SearchAsync(new { term = "bears lions" })).Nodes[0];

        Assert.Null(reserved.ReserveSeats.Errors);
        Assert.Equal(before.AvailableSeats - 2, after.AvailableSeats);
    }

    private async Task<SearchConnection> SearchAsync(object variables) => (await catalog.Client.DataAsync<SearchData>(Search, variables)).SearchEvents;

    private static List<string> Names(SearchConnection connection) => connection.Nodes.Select(n => n.Event?.Name ?? "(withdrawn)").ToList();

    private static string Facet(SearchConnection connection, Func<Facets, IReadOnlyList<FacetValue>> facet) =>
        string.Join(" ", facet(connection.Facets).Select(f => $"{f.Value}:{f.Count}"));

    private sealed record SearchData(SearchConnection SearchEvents);

    private sealed record SearchConnection(int TotalCount, PageInfo PageInfo, IReadOnlyList<Hit> Nodes, Facets Facets);

    private sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? EndCursor);

    private sealed record Hit(double Score, double? DistanceKm, int AvailableSeats, IReadOnlyList<Highlight> Highlights, EventRef? Event);

    private sealed record Highlight(string Field, IReadOnlyList<string> Fragments);

    private sealed record EventRef(string Id, string Name);

    private sealed record Facets(IReadOnlyList<FacetValue> Categories, IReadOnlyList<FacetValue> Cities, IReadOnlyList<FacetValue> Months);

    private sealed record FacetValue(string Value, int Count);

    private sealed record Suggestions(IReadOnlyList<Suggestion> ByName, IReadOnlyList<Suggestion> ByPerformer);

    private sealed record Suggestion(string Text, NameOnly? Event = null);

    private sealed record NameOnly(string Name);

    private sealed record EventSeatsData(SeatsOf EventById);

    private sealed record SeatsOf(IReadOnlyList<Node> Seats);

    private sealed record EventSectionsData(SectionsOf EventById);

    private sealed record SectionsOf(IReadOnlyList<SectionAvailable> Sections);

    private sealed record SectionAvailable(string Id, int Available);

    private sealed record ReserveData(ErrorsOnly ReserveSeats);

    private sealed record ErrorsOnly(IReadOnlyList<PayloadError>? Errors);
}
