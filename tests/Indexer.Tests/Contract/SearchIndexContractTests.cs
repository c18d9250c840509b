using TicketMaster.Events;
using TicketMaster.Indexer.Search;
using static TicketMaster.Indexer.Tests.Contract.Documents;

namespace TicketMaster.Indexer.Tests.Contract;

/// <summary>What every <see cref="ISearchIndex"/> adapter must do, run against each of <see cref="SearchAdapters.All"/>.</summary>
public sealed class SearchIndexContractTests
{
    [Theory]
    [MemberData(nameof(SearchAdapters.All), MemberType = typeof(SearchAdapters))]
    public async Task A_new_index_has_no_checkpoint_and_finds_nothing(string adapter)
    {
        await using var test = await SearchAdapters.CreateAsync(adapter);

        Assert.Null(await test.Index.ReadCheckpointAsync(CancellationToken.None));
        Assert.Equal(0, (await test.SearchAsync(new SearchQuery("comets"))).Total);
    }

    [Theory]
    [MemberData(nameof(SearchAdapters.All), MemberType = typeof(SearchAdapters))]
    public async Task A_swapped_in_build_is_searchable_and_carries_its_checkpoint(string adapter)
    {
        await using var test = await SearchAdapters.CreateAsync(adapter);

        await test.BuildAsync(Catalogue, checkpoint: 42);

        Assert.Equal(42, await test.Index.ReadCheckpointAsync(CancellationToken.None));
        Assert.Equal([2], Ids(await test.SearchAsync(new SearchQuery("velvet comets"))));
    }

    [Theory]
    [MemberData(nameof(SearchAdapters.All), MemberType = typeof(SearchAdapters))]
    public async Task Misspelled_words_still_find_the_event(string adapter)
    {
        await using var test = await SearchAdapters.CreateAsync(adapter);
        await test.BuildAsync(Catalogue);

        var result = await test.SearchAsync(new SearchQuery("tayler swfit"));

        Assert.Equal(1, result.Hits[0].EventId);
    }

    [Theory]
    [MemberData(nameof(SearchAdapters.All), MemberType = typeof(SearchAdapters))]
    public async Task Event_name_and_performer_outrank_venue_which_outranks_description(string adapter)
    {
        await using var test = await SearchAdapters.CreateAsync(adapter);
        await test.BuildAsync(
        [
            Event(10, "Evening at the docks", description: "Meet us by the lighthouse, then the harbour stage."),
            Event(11, "Summer Sounds", venue: "Lighthouse Arena"),
            Event(12, "Lighthouse Family", description: "Reunion show."),
            Event(13, "Folk Revival", ["The Lighthouse Keepers"]),
        ]);

        var ids = Ids(await test.SearchAsync(new SearchQuery("lighthouse")));

        Assert.Equal(4, ids.Count);
        Assert.Equal([12, 13], ids.Take(2).Order());
        Assert.Equal([11, 10], ids.Skip(2));
    }

    [Theory]
    [MemberData(nameof(SearchAdapters.All), MemberType = typeof(SearchAdapters))]
    public async Task Filters_narrow_the_result(string adapter)
    {
        await using var test = await SearchAdapters.CreateAsync(adapter);
        await test.BuildAsync(Catalogue);

        Assert.Equal([3], Ids(await test.SearchAsync(new SearchQuery(Category: EventCategory.Sports))));
        Assert.Equal([2, 1], Ids(await test.SearchAsync(new SearchQuery(City: "berlin", Order: SearchOrder.Date))));
        Assert.Equal([4], Ids(await test.SearchAsync(new SearchQuery(Country: "nl"))));
        Assert.Equal([3, 1], Ids(await test.SearchAsync(new SearchQuery(
            StartsFrom: new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc), StartsTo: new DateTime(2027, 3, 31, 0, 0, 0, DateTimeKind.Utc), Order: SearchOrder.Date))));
        Assert.DoesNotContain(4, Ids(await test.SearchAsync(new SearchQuery(OnSaleOnly: true))));
        Assert.Equal([3], Ids(await test.SearchAsync(new SearchQuery(MaxPrice: 40))));
    }

    [Theory]
    [MemberData(nameof(SearchAdapters.All), MemberType = typeof(SearchAdapters))]
    public async Task A_local_day_range_compares_the_venues_wall_clock(string adapter)
    {
        await using var test = await SearchAdapters.CreateAsync(adapter);
        // 1 March at the venue for Sydney, 28 February there for Los Angeles, though UTC says the opposite.
        await test.BuildAsync([
            Event(21, "Sydney Dawn", startsAt: "2027-02-28T14:00:00Z", timeZone: "Australia/Sydney"),
            Event(22, "LA Late Show", startsAt: "2027-03-01T06:00:00Z", timeZone: "America/Los_Angeles"),
        ]);

        var firstOfMarch = await test.SearchAsync(new SearchQuery(LocalFrom: new DateTime(2027, 3, 1), LocalBefore: new DateTime(2027, 3, 2)));
        var februaryAndBefore = await test.SearchAsync(new SearchQuery(LocalBefore: new DateTime(2027, 3, 1)));

        Assert.Equal([21], Ids(firstOfMarch));
        Assert.Equal([22], Ids(februaryAndBefore));
    }

    [Theory]
    [MemberData(nameof(SearchAdapters.All), MemberType = typeof(SearchAdapters))]
    public async Task Near_keeps_events_within_the_radius_nearest_first(string adapter)
    {
        await using var test = await SearchAdapters.CreateAsync(adapter);
        await test.BuildAsync(Catalogue);

        // Potsdam is ~27 km from Berlin's centre; Amsterdam and London are far away.
        var result = await test.SearchAsync(new SearchQuery(Near: new GeoFilter(52.40, 13.06, 50), Order: SearchOrder.Distance));

        Assert.Equal(5, result.Hits[0].EventId);
        Assert.Equal([1, 2, 5], Ids(result).Order());
        Assert.InRange(result.Hits[^1].DistanceKm!.Value, 20, 30);
    }

    [Theory]
    [MemberData(nameof(SearchAdapters.All), MemberType = typeof(SearchAdapters))]
    public async Task Facets_count_the_whole_result_not_just_the_page(string adapter)
    {
        await using var test = await SearchAdapters.CreateAsync(adapter);
        await test.BuildAsync(Catalogue);

        var result = await test.SearchAsync(new SearchQuery(Limit: 1));

        Assert.Single(result.Hits);
        Assert.Equal(5, result.Total);
        Assert.Equal([new("Concert", 3), new("Comedy", 1), new("Sports", 1)], result.Facets.Categories);
        Assert.Equal([new("Berlin", 2), new("Amsterdam", 1), new("London", 1), new("Potsdam", 1)], result.Facets.Cities);
        Assert.Equal([new("2027-01", 2), new("2027-02", 1), new("2027-03", 1), new("2027-04", 1)], result.Facets.Months);
    }

    [Theory]
    [MemberData(nameof(SearchAdapters.All), MemberType = typeof(SearchAdapters))]
    public async Task No_term_lists_upcoming_events_by_date_page_by_page(string adapter)
    {
        await using var test = await SearchAdapters.CreateAsync(adapter);
        await test.BuildAsync(Catalogue);

        var first = await test.SearchAsync(new SearchQuery(Order: SearchOrder.Date, Limit: 2));
        var second = await test.SearchAsync(new SearchQuery(Order: SearchOrder.Date, Offset: 2, Limit: 2));

        Assert.Equal([2, 5], Ids(first));
        Assert.Equal([3, 1], Ids(second));
        Assert.Equal(5, second.Total);
    }

    [Theory]
    [MemberData(nameof(SearchAdapters.All), MemberType = typeof(SearchAdapters))]
    public async Task Query_syntax_in_a_term_is_just_text(string adapter)
    {
        await using var test = await SearchAdapters.CreateAsync(adapter);
        await test.BuildAsync(Catalogue);

        var injected = await test.SearchAsync(new SearchQuery("name:* OR \"Bears\" AND status:Draft~ \\ [a TO z] {}()!^/"));
        var symbols = await test.SearchAsync(new SearchQuery("*?+-&&||"));

        Assert.Empty(injected.Hits);
        Assert.Equal(5, symbols.Total);
    }

    [Theory]
    [MemberData(nameof(SearchAdapters.All), MemberType = typeof(SearchAdapters))]
    public async Task Matches_are_highlighted_and_the_rest_is_encoded(string adapter)
    {
        await using var test = await SearchAdapters.CreateAsync(adapter);
        await test.BuildAsync([Event(20, "Rock <script> Night", description: "Loud rock & roll.")]);

        var hit = (await test.SearchAsync(new SearchQuery("rock"))).Hits.Single();

        Assert.Contains(hit.Highlights, h => h.Field == "name" && h.Fragments.Single() == "<em>Rock</em> &lt;script&gt; Night");
        Assert.Contains(hit.Highlights, h => h.Field == "description" && h.Fragments.Single().Contains("<em>rock</em> &amp; roll", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SearchAdapters.All), MemberType = typeof(SearchAdapters))]
    public async Task Suggestions_complete_the_words_typed_so_far(string adapter)
    {
        await using var test = await SearchAdapters.CreateAsync(adapter);
        await test.BuildAsync(Catalogue);

        var byName = await test.Index.SuggestAsync("velv", 5, Now, CancellationToken.None);
        var byPerformer = await test.Index.SuggestAsync("Taylor Sw", 5, Now, CancellationToken.None);
        var past = await test.Index.SuggestAsync("last year", 5, Now, CancellationToken.None);

        Assert.Equal([new Suggestion("Velvet Comets Live", 2)], byName);
        Assert.Equal([new Suggestion("The Eras Tour", 1)], byPerformer);
        Assert.Empty(past);
    }

    [Theory]
    [MemberData(nameof(SearchAdapters.All), MemberType = typeof(SearchAdapters))]
    public async Task An_older_version_never_overwrites_a_newer_one(string adapter)
    {
        await using var test = await SearchAdapters.CreateAsync(adapter);
        await test.BuildAsync([Event(30, "Original Name", version: 5)], checkpoint: 5);

        await test.Index.ApplyAsync(new IndexBatch([Event(30, "Renamed Show", version: 9)], [], 9), CancellationToken.None);
        await test.Index.ApplyAsync(new IndexBatch([Event(30, "Stale Replay", version: 7)], [], 9), CancellationToken.None);

        Assert.Equal([30], Ids(await test.SearchAsync(new SearchQuery("renamed"))));
        Assert.Empty((await test.SearchAsync(new SearchQuery("stale replay"))).Hits);
        Assert.Equal(9, await test.Index.ReadCheckpointAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(SearchAdapters.All), MemberType = typeof(SearchAdapters))]
    public async Task A_removed_event_leaves_the_index(string adapter)
    {
        await using var test = await SearchAdapters.CreateAsync(adapter);
        await test.BuildAsync(Catalogue);

        await test.Index.ApplyAsync(new IndexBatch([], [new IndexRemoval(2, 10)], 10), CancellationToken.None);

        Assert.Empty((await test.SearchAsync(new SearchQuery("velvet"))).Hits);
        Assert.Equal(4, (await test.SearchAsync(new SearchQuery())).Total);
    }

    private static List<int> Ids(SearchResult result) => result.Hits.Select(h => h.EventId).ToList();
}
