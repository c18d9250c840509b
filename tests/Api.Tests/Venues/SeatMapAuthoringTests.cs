using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Organizers;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Events;
using TicketMaster.GraphQL.Authorization;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Venues;

/// <summary>A venue manager lays out, exports and imports seat maps; bad maps are typed errors that change nothing; events keep their map.</summary>
public abstract class SeatMapAuthoringTests(SellingScene scene)
{
    private const string LayOut = """
        mutation($input: LayOutSeatMapInput!) {
          layOutSeatMap(input: $input) {
            venue { id capacity sections { name isStanding capacity } }
            errors {
              __typename ... on Error { code message }
              ... on DuplicateSeatMapEntryError { entry } ... on EmptySectionError { sectionName }
              ... on SeatMapTooLargeError { places limit } ... on SeatOutOfRangeError { sectionName rowLabel number coordinate }
            }
          }
        }
        """;

    private const string Import = """
        mutation($venueId: ID!, $json: String!) {
          importSeatMap(input: { venueId: $venueId, json: $json }) {
            venue { id capacity sections { name isStanding capacity } }
            errors { __typename ... on Error { code message } ... on SeatMapFormatError { problem } }
          }
        }
        """;

    private const string Export = "query($venueId: ID!) { exportSeatMap(venueId: $venueId) }";

    /// <summary>Two blocks (one curved, one turned) and a floor: 2 × 10 + 3 × 4 seats and 500 places.</summary>
    private static readonly object[] Arena =
    [
        new { name = "101", block = new { rowLabels = new[] { "A", "B" }, seatsPerRow = 10, x = -10.0, y = 5.0, curvature = 0.4, accessibleRows = new[] { "A" } } },
        new { name = "102", block = new { rowLabels = new[] { "A", "B", "C" }, seatsPerRow = 4, x = 10.0, y = 5.0, angle = 30.0, firstSeatNumber = 11 } },
        new { name = "Floor", standing = new { capacity = 500, x = -5.0, y = 1.0, width = 10.0, depth = 3.0 } },
    ];

    [SkippableFact]
    public async Task A_manager_lays_out_an_arena_in_one_call_with_blocks_and_a_standing_floor()
    {
        var venueId = await OpenVenueAsync(scene.Manager);

        var laid = (await scene.ClientFor(scene.Manager).DataAsync<LayOutData>(LayOut, new { input = new { venueId, sections = Arena } })).LayOutSeatMap;

        Assert.Null(laid.Errors);
        Assert.Equal(532, laid.Venue!.Capacity);
        Assert.Equal([new("101", false, 20), new("102", false, 12), new SectionView("Floor", true, 500)], laid.Venue.Sections);
        var front = await SeatsOfRowAsync(venueId, "101", "A");
        Assert.Equal(Enumerable.Range(1, 10), front.Select(s => s.Number));
        Assert.True(front.All(s => s.IsAccessible), "row A was declared accessible");
        // Curvature 0.4: the row's ends are 0.4 m nearer the stage than its middle.
        Assert.Equal((-10.0, 4.6), (front[0].X, front[0].Y));
        Assert.Equal(-5.5, front[^1].X, 2);
        Assert.True(front[4].Y > front[0].Y, "the middle of a curved row is further back than its ends");
    }

    [SkippableFact]
    public async Task Duplicate_row_labels_are_a_typed_error_naming_the_row_and_change_nothing()
    {
        var venueId = await OpenVenueAsync(scene.Manager);
        var sections = new object[] { new { name = "Stalls", block = new { rowLabels = new[] { "A", "B", "a" }, seatsPerRow = 5, x = 0.0, y = 0.0 } } };

        var refused = (await scene.ClientFor(scene.Manager).DataAsync<LayOutData>(LayOut, new { input = new { venueId, sections } })).LayOutSeatMap;

        var error = Assert.Single(refused.Errors!);
        Assert.Equal(("DuplicateSeatMapEntryError", "DUPLICATE_SEAT_MAP_ENTRY", "Stalls / a"), (error.Typename, error.Code, error.Entry));
        Assert.Equal(0, await CapacityAsync(venueId));
    }

    [SkippableFact]
    public async Task Empty_sections_too_many_seats_and_far_away_seats_are_typed_errors()
    {
        var venueId = await OpenVenueAsync(scene.Manager);
        var manager = scene.ClientFor(scene.Manager);

        var empty = (await manager.DataAsync<LayOutData>(LayOut, new { input = new { venueId, sections = new object[] { new { name = "Void", rows = Array.Empty<object>() } } } })).LayOutSeatMap;
        var huge = (await manager.DataAsync<LayOutData>(LayOut, new { input = new { venueId, sections = new object[] { new { name = "Mega", block = new { rowLabels = Enumerable.Range(1, 400).Select(r => $"{r}").ToArray(), seatsPerRow = 300, x = 0.0, y = 0.0, seatSpacing = 0.001, rowSpacing = 0.001 } } } } })).LayOutSeatMap;
        var far = (await manager.DataAsync<LayOutData>(LayOut, new { input = new { venueId, sections = new object[] { new { name = "Moon", rows = new[] { new { label = "A", seats = new[] { new { number = 1, x = 0.0, y = 384_400.0 } } } } } } } })).LayOutSeatMap;

        Assert.Equal(("EmptySectionError", "Void"), (empty.Errors![0].Typename, empty.Errors[0].SectionName));
        Assert.Equal(("SeatMapTooLargeError", 120_000, 100_000), (huge.Errors![0].Typename, huge.Errors[0].Places, huge.Errors[0].Limit));
        Assert.Equal(("SeatOutOfRangeError", "Moon", "A", 1, 384_400.0), (far.Errors![0].Typename, far.Errors[0].SectionName, far.Errors[0].RowLabel, far.Errors[0].Number, far.Errors[0].Coordinate));
        Assert.Equal(0, await CapacityAsync(venueId));
    }

    [SkippableFact]
    public async Task An_exported_map_imported_into_another_venue_is_the_same_map()
    {
        var (source, target) = (await OpenVenueAsync(scene.Manager), await OpenVenueAsync(scene.Manager));
        var manager = scene.ClientFor(scene.Manager);
        await manager.DataAsync<LayOutData>(LayOut, new { input = new { venueId = source, sections = Arena } });
        var file = (await manager.DataAsync<ExportData>(Export, new { venueId = source })).ExportSeatMap!;

        var imported = (await manager.DataAsync<ImportData>(Import, new { venueId = target, json = file })).ImportSeatMap;

        Assert.Null(imported.Errors);
        Assert.Equal(532, imported.Venue!.Capacity);
        Assert.Equal("ticketmaster.seat-map/1", JsonDocument.Parse(file).RootElement.GetProperty("format").GetString());
        Assert.Equal(file, (await scene.Anonymous.DataAsync<ExportData>(Export, new { venueId = target })).ExportSeatMap);
    }

    [SkippableFact]
    public async Task A_file_that_is_not_a_seat_map_is_a_typed_error_saying_where()
    {
        var venueId = await OpenVenueAsync(scene.Manager);

        var refused = (await scene.ClientFor(scene.Manager).DataAsync<ImportData>(Import, new { venueId, json = """{ "format": "ticketmaster.seat-map/1", "sections": [ { "name": 7 } ] }""" })).ImportSeatMap;

        Assert.Equal("SeatMapFormatError", refused.Errors![0].Typename);
        Assert.Contains("$.sections[0].name", refused.Errors[0].Problem);
        Assert.Equal(0, await CapacityAsync(venueId));
    }

    [SkippableFact]
    public async Task Only_the_venues_manager_or_an_admin_lays_out_its_map()
    {
        var venueId = await OpenVenueAsync(scene.Manager);
        var input = new { venueId, sections = Arena };

        var foreign = (await scene.ClientFor(scene.OtherManager).DataAsync<LayOutData>(LayOut, new { input })).LayOutSeatMap;
        var organizer = (await scene.ClientFor(scene.Organizer).DataAsync<LayOutData>(LayOut, new { input })).LayOutSeatMap;
        var anonymous = await scene.Anonymous.ErrorCodesAsync(LayOut, new { input });
        Assert.Equal(0, await CapacityAsync(venueId));
        var admin = (await scene.ClientFor(scene.Admin).DataAsync<LayOutData>(LayOut, new { input })).LayOutSeatMap;

        Assert.Equal(["NotAuthorizedError"], foreign.Errors!.Select(e => e.Typename));
        Assert.Equal(["NotAuthorizedError"], organizer.Errors!.Select(e => e.Typename));
        Assert.Equal([FieldAuthorization.NotAuthenticatedCode], anonymous);
        Assert.Equal(532, admin.Venue?.Capacity);
    }

    [SkippableFact]
    public async Task Events_keep_the_map_they_were_created_with_when_the_venue_gets_a_new_one()
    {
        var venueId = await OpenVenueAsync(scene.Manager);
        var manager = scene.ClientFor(scene.Manager);
        await manager.DataAsync<LayOutData>(LayOut, new { input = new { venueId, sections = Arena } });
        var eventId = await ScheduleEventAsync(VenueKey(venueId));
        var smaller = new object[] { new { name = "Stalls", block = new { rowLabels = new[] { "A" }, seatsPerRow = 8, x = 0.0, y = 2.0 } } };

        var relaid = (await manager.DataAsync<LayOutData>(LayOut, new { input = new { venueId, sections = smaller } })).LayOutSeatMap;

        Assert.Null(relaid.Errors);
        Assert.Equal([new SectionView("Stalls", false, 8)], relaid.Venue!.Sections);
        Assert.Equal(532, await scene.InDatabaseAsync(db => db.EventSeats.CountAsync(s => s.EventId == eventId)));
        var eventSections = await scene.Anonymous.DataAsync<EventSectionsData>(
            "query($id: ID!) { eventById(id: $id) { sections { name available } } }", new { id = GlobalId.Encode("Event", eventId) });
        Assert.Equal(["101", "102", "Floor"], eventSections.EventById.Sections.Select(s => s.Name).Order());
        Assert.Equal(532, eventSections.EventById.Sections.Sum(s => s.Available));
    }

    private async Task<string> OpenVenueAsync(User manager)
    {
        var input = new { name = GraphQLClient.UniqueName("Hall "), address = "1 Test Street", city = "Berlin", country = "DE", latitude = 52.5, longitude = 13.4, timeZone = "Europe/Berlin" };
        var created = await scene.ClientFor(manager).DataAsync("mutation($input: CreateVenueInput!) { createVenue(input: $input) { venue { id } } }", new { input });
        return created.GetProperty("createVenue").GetProperty("venue").GetProperty("id").GetString()!;
    }

    /// <summary>A published event on the venue's current map, with its inventory, as the organizer's createEvent will make it.</summary>
    private Task<int> ScheduleEventAsync(int venueId) => scene.InDatabaseAsync(async db =>
    {
        var venue = await db.Venues.Include(v => v.Sections).ThenInclude(s => s.Rows).ThenInclude(r => r.Seats).SingleAsync(v => v.Id == venueId);
        var show = Event.Schedule("Map Keeper", "", EventCategory.Concert, DateTime.UtcNow.AddDays(30), venue, scene.Organizer.Id, "EUR",
            venue.CurrentSections.ToDictionary(s => s.Id, _ => 40m), [], DateTime.UtcNow);
        show.PutOnSale();
        db.Events.Add(show);
        await db.SaveChangesAsync();
        await Persistence.BulkInserter.InsertAsync(db, show.CreateInventory(venue), CancellationToken.None);
        return show.Id;
    });

    private Task<int> CapacityAsync(string venueId) => scene.InDatabaseAsync(db =>
        db.Seats.CountAsync(s => s.Section!.VenueId == VenueKey(venueId) && s.Section.RetiredAt == null));

    private static int VenueKey(string venueId) =>
        GlobalId.TryDecode(venueId, out _, out var key) ? int.Parse(key, System.Globalization.CultureInfo.InvariantCulture) : throw new ArgumentException(venueId);

    private async Task<List<SeatView>> SeatsOfRowAsync(string venueId, string section, string row)
    {
        // One section's seats at a time: every section's at once is over the complexity budget (ADR 0013).
        var sections = await scene.Anonymous.DataAsync<VenueSectionsData>("query($id: ID!) { venueById(id: $id) { sections { id name } } }", new { id = venueId });
        var sectionId = sections.VenueById.Sections.Single(s => s.Name == section).Id;
        var data = await scene.Anonymous.DataAsync<SectionSeatsData>(
            "query($id: ID!) { node(id: $id) { ... on Section { rows { label seats { number x y isAccessible } } } } }", new { id = sectionId });
        return data.Node.Rows.Single(r => r.Label == row).Seats.ToList();
    }

    private sealed record LayOutData(MapPayload LayOutSeatMap);

    private sealed record ImportData(MapPayload ImportSeatMap);

    private sealed record ExportData(string? ExportSeatMap);

    private sealed record MapPayload(MapVenue? Venue, IReadOnlyList<MapError>? Errors);

    private sealed record MapVenue(string Id, int Capacity, IReadOnlyList<SectionView> Sections);

    private sealed record SectionView(string Name, bool IsStanding, int Capacity);

    private sealed record MapError(
        [property: JsonPropertyName("__typename")] string Typename, string Code, string Message, string? Entry = null, string? SectionName = null,
        int? Places = null, int? Limit = null, string? RowLabel = null, int? Number = null, double? Coordinate = null, string? Problem = null);

    private sealed record VenueSectionsData(SectionsVenue VenueById);

    private sealed record SectionsVenue(IReadOnlyList<SectionRef> Sections);

    private sealed record SectionRef(string Id, string Name);

    private sealed record SectionSeatsData(SeatsSection Node);

    private sealed record SeatsSection(IReadOnlyList<SeatsRow> Rows);

    private sealed record SeatsRow(string Label, IReadOnlyList<SeatView> Seats);

    private sealed record SeatView(int Number, double X, double Y, bool IsAccessible);

    private sealed record EventSectionsData(EventSections EventById);

    private sealed record EventSections(IReadOnlyList<EventSectionView> Sections);

    private sealed record EventSectionView(string Name, int Available);
}

public sealed class SeatMapAuthoringOnSqlite(SellingOnSqlite scene) : SeatMapAuthoringTests(scene), IClassFixture<SellingOnSqlite>;

public sealed class SeatMapAuthoringOnMariaDb(SellingOnMariaDb scene) : SeatMapAuthoringTests(scene), IClassFixture<SellingOnMariaDb>;
