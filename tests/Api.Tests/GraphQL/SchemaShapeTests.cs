using System.Text.Json.Serialization;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Tests.Catalog;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.GraphQL;

/// <summary>
/// The shape rules of issue #21, checked on the live schema: no list a client can make unbounded,
/// every id a node (or the id of one), and money only as <c>Money</c>. A new field that breaks a
/// rule fails here until it is paged, bounded and listed with its bound, or given a Money.
/// </summary>
public sealed class SchemaShapeTests(SchemaShapeTests.LiveSchema live) : IClassFixture<SchemaShapeTests.LiveSchema>
{
    /// <summary>
    /// Plain lists and what bounds each. Anything else that returns a list must be a connection
    /// (<c>first</c>/<c>last</c> at most 50), whose <c>nodes</c> and <c>edges</c> are the page.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> BoundedLists = new Dictionary<string, string>
    {
        ["Query.nodes"] = "one per id passed in `ids`",
        ["Query.suggestEvents"] = "`limit`, at most 10",
        ["Event.performers"] = "the line-up: a handful of acts",
        ["Event.sections"] = "the venue's sections: tens (the demo stadium has 52)",
        ["Event.seats"] = "one section's seats (`sectionId` is required): hundreds, a few thousand in the largest sections; the whole event is `seatMap`",
        ["Venue.sections"] = "the venue's sections: tens",
        ["MissingSectionPriceError.sectionNames"] = "sections of one venue left unpriced: tens at most",
        ["Section.rows"] = "one section's rows: tens",
        ["SeatRow.seats"] = "one row's seats: tens; every section's `rows { seats }` at once is over the complexity budget (VenueTypes' SeatMapSizes)",
        ["SeatMap.sections"] = "the venue's sections; a seat map costs a fifth of a request's complexity budget",
        ["SeatMapSection.rows"] = "one section's rows",
        ["SeatMapSection.points"] = "two numbers per seat of one section, only for a section too irregular for `shape`",
        ["VenueSeatMap.sections"] = "the venue's sections; a seat map costs a fifth of a request's complexity budget",
        ["VenueSeatMapSection.rows"] = "one section's rows",
        ["VenueSeatMapSection.points"] = "two numbers per seat of one section, only for a section too irregular for `shape`",
        ["Reservation.seats"] = "at most `Booking:MaxSeatsPerReservation` (8)",
        ["Order.tickets"] = "one per seat of the reservation it confirmed: at most `Booking:MaxSeatsPerReservation`",
        ["Order.refunds"] = "one per refund of some of its tickets: at most one per ticket",
        ["TicketsNotInOrderError.ticketIds"] = "some of the tickets asked for: at most the ids sent",
        ["SeatAvailabilityChange.seats"] = "the seats of one reservation's change: at most `Booking:MaxSeatsPerReservation`",
        ["SeatsUnavailableError.seatIds"] = "some of the seats asked for: at most `Booking:MaxSeatsPerReservation`",
        ["SeatsUnavailableError.seats"] = "the same seats as `seatIds`: at most `Booking:MaxSeatsPerReservation`",
        ["SeatsNotInEventError.seatIds"] = "some of the seats asked for: at most `Booking:MaxSeatsPerReservation`",
        ["SearchHit.highlights"] = "one per highlighted field (name, performers, venue, description)",
        ["SearchHighlight.fragments"] = "at most two per field",
        ["SearchFacets.categories"] = "one per `EventCategory` value",
        ["SearchFacets.cities"] = "one per city with hits (Elasticsearch caps it at 200)",
        ["SearchFacets.months"] = "one per month with hits; events are sold at most a year or two ahead",
        ["User.roles"] = "one per `Role` value",
        ["WeakPasswordError.problems"] = "one per password rule",
        ["UploadScansPayload.results"] = "one per uploaded scan: at most 500 (`UploadScans.MaxScans`)",
        ["EntryProgress.byGate"] = "one per gate of the event: a handful to tens",
        ["EntryProgress.lastTwoHours"] = "eight quarter hours",
        ["WebhookEndpoint.events"] = "one per `WebhookEventType` value",
    };

    /// <summary>
    /// Lists a client sends, by field or argument name (any type) or by <c>Type.field</c>, and what bounds
    /// each: the server refuses more with a typed error, so no input builds an unbounded query.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> BoundedInputLists = new Dictionary<string, string>
    {
        ["and"] = "`FilterInputType.MaxAlternatives` (100), else INVALID_FILTER",
        ["or"] = "`FilterInputType.MaxAlternatives` (100), else INVALID_FILTER",
        ["in"] = "100 values, else INVALID_FILTER",
        ["nin"] = "100 values, else INVALID_FILTER",
        ["order"] = "10 sort keys, else INVALID_FILTER",
        ["ids"] = "`nodes(ids:)`: 50 ids",
        ["MarkNotificationsReadInput.notificationIds"] = "100 ids, else InvalidFieldError",
        ["ReserveSeatsInput.seatIds"] = "`Booking:MaxSeatsPerReservation` (8), else TooManySeatsError",
        ["RefundOrderInput.ticketIds"] = "the order's tickets (at most `Booking:MaxSeatsPerReservation`); any other id is TicketsNotInOrderError, nothing refunded",
        ["LayOutSeatMapInput.sections"] = "`SeatMapPlan.MaxPlaces` (100,000 places in all), else SeatMapTooLargeError; every section has a place",
        ["SeatMapSectionInput.rows"] = "`SeatMapPlan.MaxPlaces`, as above; an empty section is EmptySectionError",
        ["SeatBlockInput.rowLabels"] = "`SeatMapPlan.MaxPlaces`: rows times seats per row count",
        ["AddWebhookEndpointInput.events"] = "one per `WebhookEventType` value, else InvalidFieldError",
        ["SeatBlockInput.accessibleRows"] = "some of `rowLabels`",
        ["SeatMapRowInput.seats"] = "`SeatMapPlan.MaxPlaces`, as above",
        ["CreateEventInput.prices"] = "`SectionPrice.MaxTiers` (500) and each section once, else InvalidFieldError",
        ["UpdateEventInput.prices"] = "`SectionPrice.MaxTiers` (500) and each section once, else InvalidFieldError",
        ["CreateEventInput.performerIds"] = "`EventLineup.MaxPerformers` (100), else InvalidFieldError",
        ["UpdateEventInput.performerIds"] = "`EventLineup.MaxPerformers` (100), else InvalidFieldError",
        ["UploadScansInput.scans"] = "`UploadScans.MaxScans` (500), else InvalidFieldError",
        ["Subscription.onEventAvailabilityChanged(eventIds)"] = "`Availability:MaxEventsPerSubscription` (100), else TOO_MANY_EVENTS",
    };

    /// <summary>Objects with an <c>id: ID!</c> that are not nodes themselves: the node whose id they carry.</summary>
    public static readonly IReadOnlyDictionary<string, string> IdsOfOtherNodes = new Dictionary<string, string>
    {
        ["EventSeat"] = "Seat",
        ["EventSection"] = "Section",
        ["SeatSection"] = "Section",
    };

    /// <summary>Decimals a client may send: only as the amount of a `MoneyInput`, beside its currency.</summary>
    private static readonly HashSet<string> DecimalInputs = ["MoneyInput.amount"];

    [Fact]
    public void Every_list_field_is_a_connections_page_or_has_a_stated_bound()
    {
        var schema = live.Schema;

        var lists = OutputFields(schema).Where(f => IsList(f.Field.ResolvedType!)).ToList();
        var unbounded = lists
            .Where(f => !IsPage(f.Type, f.Field) && !IsPayloadErrors(f.Type, f.Field) && !BoundedLists.ContainsKey($"{f.Type.Name}.{f.Field.Name}"))
            .Select(f => $"{f.Type.Name}.{f.Field.Name}")
            .ToList();
        var stale = BoundedLists.Keys.Except(lists.Select(f => $"{f.Type.Name}.{f.Field.Name}")).ToList();

        Assert.True(unbounded.Count == 0,
            "These fields return a plain list with no stated bound: make each a connection, or bound it and add it to BoundedLists with its bound:\n  " + string.Join("\n  ", unbounded));
        Assert.True(stale.Count == 0, "BoundedLists names fields that are not plain lists in the schema (any more):\n  " + string.Join("\n  ", stale));
    }

    [Fact]
    public void Every_list_a_client_sends_has_a_stated_bound()
    {
        var schema = live.Schema;
        var inputLists = schema.AllTypes.OfType<IInputObjectGraphType>()
            .SelectMany(t => t.Fields.Where(f => IsList(f.ResolvedType!)).Select(f => (Name: f.Name, Coordinate: $"{t.Name}.{f.Name}")))
            .Concat(OutputFields(schema).SelectMany(f => (f.Field.Arguments ?? []).Where(a => IsList(a.ResolvedType!))
                .Select(a => (Name: a.Name, Coordinate: $"{f.Type.Name}.{f.Field.Name}({a.Name})"))))
            .ToList();

        var unbounded = inputLists.Where(l => !BoundedInputLists.ContainsKey(l.Name) && !BoundedInputLists.ContainsKey(l.Coordinate)).Select(l => l.Coordinate).ToList();

        Assert.True(unbounded.Count == 0,
            "These inputs take a list with no stated bound: cap it with a typed error and add it to BoundedInputLists:\n  " + string.Join("\n  ", unbounded));
    }

    [Fact]
    public void Every_object_with_an_id_is_a_node_or_carries_the_id_of_one()
    {
        var schema = live.Schema;

        var withId = schema.AllTypes.OfType<IObjectGraphType>()
            .Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t.GetField("id")?.ResolvedType is NonNullGraphType { ResolvedType: IdGraphType })
            .ToList();
        var notNodes = withId.Where(t => !t.ResolvedInterfaces.Any(i => i.Name == "Node") && !IdsOfOtherNodes.ContainsKey(t.Name)).Select(t => t.Name).ToList();
        var nodeTypes = withId.Where(t => t.ResolvedInterfaces.Any(i => i.Name == "Node")).Select(t => t.Name).ToHashSet();

        Assert.True(notNodes.Count == 0,
            "These types have an `id: ID!` but are not nodes: implement Node, or list in IdsOfOtherNodes the node whose id they carry:\n  " + string.Join("\n  ", notNodes));
        Assert.All(IdsOfOtherNodes, pair => Assert.Contains(pair.Value, nodeTypes));
        Assert.All(IdsOfOtherNodes.Keys, name => Assert.Contains(name, withId.Select(t => t.Name)));
    }

    [Fact]
    public void Every_node_type_has_a_resolver_so_node_can_fetch_each_id_it_hands_out()
    {
        var nodeTypes = live.Schema.AllTypes.OfType<IObjectGraphType>()
            .Where(t => t.ResolvedInterfaces.Any(i => i.Name == "Node")).Select(t => t.Name).Order().ToList();
        var resolved = live.Services.GetServices<TicketMaster.GraphQL.Relay.NodeResolver>().Select(r => r.TypeName).Order().ToList();

        Assert.Equal(nodeTypes, resolved);
    }

    [Fact]
    public void Decimals_appear_only_as_the_amount_of_Money_and_MoneyInput()
    {
        var schema = live.Schema;

        var outputs = OutputFields(schema).Where(f => IsDecimal(f.Field.ResolvedType!)).Select(f => $"{f.Type.Name}.{f.Field.Name}").ToList();
        var inputs = schema.AllTypes.OfType<IInputObjectGraphType>()
            .SelectMany(t => t.Fields.Where(f => IsDecimal(f.ResolvedType!)).Select(f => $"{t.Name}.{f.Name}"))
            .Concat(OutputFields(schema).SelectMany(f => (f.Field.Arguments ?? []).Where(a => IsDecimal(a.ResolvedType!)).Select(a => $"{f.Type.Name}.{f.Field.Name}({a.Name})")))
            .ToList();

        Assert.Equal(["Money.amount"], outputs);
        Assert.Equal(DecimalInputs.Order(), inputs.Order());
    }

    private static IEnumerable<(IComplexGraphType Type, FieldType Field)> OutputFields(ISchema schema) =>
        schema.AllTypes.OfType<IComplexGraphType>()
            .Where(t => t is not IInputObjectGraphType && !t.Name.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(t => t.Fields.Select(f => (t, f)));

    private static IGraphType Unwrapped(IGraphType type) => type is NonNullGraphType nonNull ? nonNull.ResolvedType! : type;

    private static bool IsList(IGraphType type) => Unwrapped(type) is ListGraphType;

    private static bool IsDecimal(IGraphType type) => type.GetNamedType().Name == "Decimal";

    /// <summary>A connection's page: <c>nodes</c> or <c>edges</c> of an <c>…Connection</c> whose field takes <c>first</c> (at most 50).</summary>
    private static bool IsPage(IComplexGraphType type, FieldType field) =>
        type.Name.EndsWith("Connection", StringComparison.Ordinal) && field.Name is "nodes" or "edges";

    /// <summary>A mutation payload's <c>errors</c>: the failures of one call.</summary>
    private static bool IsPayloadErrors(IComplexGraphType type, FieldType field) =>
        type.Name.EndsWith("Payload", StringComparison.Ordinal) && field.Name == "errors";

    /// <summary>The schema the Api serves, from an Api kept up while the class's tests read it (disposing it disposes the schema).</summary>
    public sealed class LiveSchema : IAsyncLifetime
    {
        private EmptyApi? _api;

        public ISchema Schema { get; private set; } = null!;

        public IServiceProvider Services => _api!.Host.Services;

        public async Task InitializeAsync()
        {
            _api = await EmptyApi.StartAsync();
            Schema = _api.Host.Services.GetRequiredService<ISchema>();
            Schema.Initialize();
        }

        public async Task DisposeAsync()
        {
            if (_api is not null)
            {
                await _api.DisposeAsync();
            }
        }
    }
}

/// <summary>The ids that <see cref="SchemaShapeTests.IdsOfOtherNodes"/> says belong to another node resolve to it through <c>node(id:)</c>.</summary>
[Collection(SqliteCatalogCollection.Name)]
public sealed class IdsOfOtherNodesTests(SqliteCatalog catalog)
{
    [Fact]
    public async Task An_EventSeat_EventSection_or_SeatSection_id_resolves_through_node_to_its_Seat_or_Section()
    {
        var @event = (await catalog.Client.DataAsync<EventsData>("""{ events(where: { name: { eq: "Luna Vega: Neon Tour" } }) { nodes { id sections { id } } } }""")).Events.Nodes[0];
        var seat = (await catalog.Client.DataAsync<SeatsData>(
            "query($id: ID!, $section: ID!) { eventById(id: $id) { seats(sectionId: $section) { id section { id } } } }", new { id = @event.Id, section = @event.Sections[0].Id }))
            .EventById.Seats[0];
        var ids = new Dictionary<string, string>
        {
            ["EventSeat"] = seat.Id,
            ["EventSection"] = @event.Sections[0].Id,
            ["SeatSection"] = seat.Section.Id,
        };

        Assert.Equal(SchemaShapeTests.IdsOfOtherNodes.Keys.Order(), ids.Keys.Order());
        foreach (var (type, id) in ids)
        {
            var node = (await catalog.Client.DataAsync<NodeData>("query($id: ID!) { node(id: $id) { __typename id } }", new { id })).Node;
            Assert.Equal((SchemaShapeTests.IdsOfOtherNodes[type], id), (node?.Typename, node?.Id));
        }
    }

    private sealed record EventsData(Connection<EventSections> Events);

    private sealed record EventSections(string Id, IReadOnlyList<Node> Sections);

    private sealed record SeatsData(SeatsOf EventById);

    private sealed record SeatsOf(IReadOnlyList<SeatWithSection> Seats);

    private sealed record SeatWithSection(string Id, Node Section);

    private sealed record NodeData(TypedNode? Node);

    private sealed record TypedNode([property: JsonPropertyName("__typename")] string Typename, string Id);
}
