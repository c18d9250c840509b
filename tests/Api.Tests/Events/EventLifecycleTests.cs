using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Tests.Organizers;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Booking;
using TicketMaster.GraphQL.Authorization;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Orders;
using TicketMaster.Payments;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Events;

/// <summary>
/// An organizer drafts an event at a laid-out venue, changes it, publishes, reschedules, reprices
/// and cancels it, and reads its sales; every step reaches the outbox, and nobody else can do it.
/// </summary>
public abstract class EventLifecycleTests(SellingScene scene)
{
    private const string CreateEvent = """
        mutation($input: CreateEventInput!) {
          createEvent(input: $input) {
            event { id name status category startsAt endsAt doorsAt onSaleAt maxTicketsPerOrder maxTicketsPerAccount performers { name } priceRange { min { amount currency } max { amount } } }
            errors { __typename ... on Error { code message } ... on MissingSectionPriceError { sectionNames } ... on InvalidFieldError { field } }
          }
        }
        """;

    private const string UpdateEvent = """
        mutation($input: UpdateEventInput!) {
          updateEvent(input: $input) {
            event { id name status category startsAt }
            errors { __typename ... on Error { code message } ... on EventNotEditableError { field status } ... on InvalidFieldError { field } }
          }
        }
        """;

    private const string Publish = "mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { status } errors { __typename } } }";

    private const string Cancel = "mutation($id: ID!) { cancelEvent(input: { eventId: $id }) { event { status } errors { __typename ... on Error { code } } } }";

    private const string Sales = "query($id: ID!) { eventById(id: $id) { sales { sold held available orders revenue { amount currency } } } }";

    [SkippableFact]
    public async Task An_organizer_drafts_an_event_in_the_venues_local_time_with_its_inventory_copied_from_the_seat_map()
    {
        var (venueId, sections) = await LaidOutVenueAsync();
        var performer = await PerformerAsync();

        var created = (await Organizer.DataAsync<CreateData>(CreateEvent, new { input = Draft(venueId, sections, performer) })).CreateEvent;

        Assert.Null(created.Errors);
        var show = created.Event!;
        Assert.Equal(("Spring Gala", "DRAFT", "CONCERT"), (show.Name, show.Status, show.Category));
        // Berlin in March before the clocks change is UTC+1: 19:30 on the poster is 18:30 UTC.
        Assert.Equal(new DateTime(2027, 3, 6, 18, 30, 0, DateTimeKind.Utc), show.StartsAt.ToUniversalTime());
        Assert.Equal(new DateTime(2027, 3, 6, 17, 30, 0, DateTimeKind.Utc), show.DoorsAt!.Value.ToUniversalTime());
        Assert.Equal(new DateTime(2027, 3, 6, 21, 0, 0, DateTimeKind.Utc), show.EndsAt!.Value.ToUniversalTime());
        Assert.Equal((4, 8), (show.MaxTicketsPerOrder, show.MaxTicketsPerAccount));
        Assert.Equal(["Nova Quartet"], show.Performers.Select(p => p.Name));
        Assert.Equal((30m, "EUR", 55m), (show.PriceRange.Min.Amount, show.PriceRange.Min.Currency, show.PriceRange.Max.Amount));
        var key = Key(show.Id);
        Assert.Equal(15, await scene.InDatabaseAsync(db => db.EventSeats.CountAsync(s => s.EventId == key)));
        Assert.True(await scene.InDatabaseAsync(db => db.OutboxMessages.AnyAsync(m => m.AggregateId == key.ToString(CultureInfo.InvariantCulture) && m.Type == "EventScheduled")));
    }

    [SkippableFact]
    public async Task A_section_without_a_price_is_a_typed_error_naming_it_and_creates_nothing()
    {
        var (venueId, sections) = await LaidOutVenueAsync();
        var input = Draft(venueId, sections, null) with { prices = new object[] { new { sectionId = sections["Stalls"], price = new { amount = 55.0m, currency = "EUR" } } } };

        var refused = (await Organizer.DataAsync<CreateData>(CreateEvent, new { input })).CreateEvent;

        Assert.Equal("MissingSectionPriceError", refused.Errors![0].Typename);
        Assert.Equal(["Balcony"], refused.Errors[0].SectionNames!);
        Assert.Equal(0, await EventCountAsync(venueId));
    }

    [SkippableFact]
    public async Task A_time_the_clocks_skip_and_a_venue_without_a_map_are_typed_errors()
    {
        var (venueId, sections) = await LaidOutVenueAsync();
        var bare = await OpenVenueAsync();

        var skipped = (await Organizer.DataAsync<CreateData>(CreateEvent, new { input = Draft(venueId, sections, null) with { startsAt = "2027-03-28T02:30" } })).CreateEvent;
        var mapless = (await Organizer.DataAsync<CreateData>(CreateEvent, new { input = Draft(bare, sections, null) })).CreateEvent;

        Assert.Equal(("InvalidFieldError", "startsAt"), (skipped.Errors![0].Typename, skipped.Errors[0].Field));
        Assert.Equal("VenueWithoutSeatMapError", mapless.Errors![0].Typename);
        Assert.Equal(0, await EventCountAsync(venueId) + await EventCountAsync(bare));
    }

    [SkippableFact]
    public async Task Only_organizers_and_admins_draft_events()
    {
        var (venueId, sections) = await LaidOutVenueAsync();
        var input = Draft(venueId, sections, null);

        var attendee = (await scene.ClientFor(scene.Attendee).DataAsync<CreateData>(CreateEvent, new { input })).CreateEvent;
        var manager = (await scene.ClientFor(scene.Manager).DataAsync<CreateData>(CreateEvent, new { input })).CreateEvent;
        var anonymous = await scene.Anonymous.ErrorCodesAsync(CreateEvent, new { input });

        Assert.Equal(["NotAuthorizedError"], attendee.Errors!.Select(e => e.Typename));
        Assert.Equal(["NotAuthorizedError"], manager.Errors!.Select(e => e.Typename));
        Assert.Equal([FieldAuthorization.NotAuthenticatedCode], anonymous);
        Assert.Equal(0, await EventCountAsync(venueId));
    }

    [SkippableFact]
    public async Task A_published_event_is_rescheduled_and_renamed_but_keeps_its_category_and_the_outbox_hears_of_each_change()
    {
        var eventId = await DraftedEventAsync();
        var draftEdit = (await Organizer.DataAsync<UpdateData>(UpdateEvent, new { input = new { eventId, category = "THEATRE" } })).UpdateEvent;
        await Organizer.DataAsync(Publish, new { id = eventId });

        var moved = (await Organizer.DataAsync<UpdateData>(UpdateEvent, new { input = new { eventId, name = "Spring Gala (moved)", startsAt = "2027-03-13T20:00" } })).UpdateEvent;
        var recategorized = (await Organizer.DataAsync<UpdateData>(UpdateEvent, new { input = new { eventId, category = "COMEDY" } })).UpdateEvent;

        Assert.Equal("THEATRE", draftEdit.Event?.Category);
        Assert.Null(moved.Errors);
        Assert.Equal(("Spring Gala (moved)", new DateTime(2027, 3, 13, 19, 0, 0, DateTimeKind.Utc)), (moved.Event!.Name, moved.Event.StartsAt.ToUniversalTime()));
        Assert.Equal(("EventNotEditableError", "category", "ON_SALE"), (recategorized.Errors![0].Typename, recategorized.Errors[0].Field, recategorized.Errors[0].Status));
        var types = await OutboxTypesAsync(eventId);
        Assert.Contains("EventRescheduled", types);
        Assert.Contains("EventListingChanged", types);
        var rescheduled = await scene.InDatabaseAsync(db => db.OutboxMessages.Where(m => m.AggregateId == Key(eventId).ToString(CultureInfo.InvariantCulture) && m.Type == "EventRescheduled").Select(m => m.Payload).SingleAsync());
        Assert.True(JsonDocument.Parse(rescheduled).RootElement.GetProperty("wasPublished").GetBoolean());
    }

    [SkippableFact]
    public async Task A_new_price_applies_to_free_seats_while_a_held_seat_keeps_its_price()
    {
        var eventId = await DraftedEventAsync();
        await Organizer.DataAsync(Publish, new { id = eventId });
        var key = Key(eventId);
        var stallsSeats = await scene.InDatabaseAsync(db => db.EventSeats.Where(s => s.EventId == key && s.Price == 55m).OrderBy(s => s.SeatId).Select(s => s.SeatId).ToListAsync());
        var buyer = scene.ClientFor(scene.Attendee);
        var held = await buyer.DataAsync("mutation($e: ID!, $s: [ID!]!) { reserveSeats(input: { eventId: $e, seatIds: $s }) { errors { __typename } } }",
            new { e = eventId, s = new[] { GlobalId.Encode("Seat", stallsSeats[0]) } });
        Assert.Equal(JsonValueKind.Null, held.GetProperty("reserveSeats").GetProperty("errors").ValueKind);
        var stalls = await scene.InDatabaseAsync(db => db.EventSeats.Where(s => s.SeatId == stallsSeats[0]).Select(s => s.SectionId).SingleAsync());

        var repriced = (await Organizer.DataAsync<UpdateData>(UpdateEvent, new { input = new { eventId, prices = new[] { new { sectionId = GlobalId.Encode("Section", stalls), price = new { amount = 65.0m, currency = "EUR" } } } } })).UpdateEvent;

        Assert.Null(repriced.Errors);
        var prices = await scene.InDatabaseAsync(db => db.EventSeats.Where(s => s.EventId == key && s.SectionId == stalls).OrderBy(s => s.SeatId).Select(s => s.Price).ToListAsync());
        Assert.Equal(55m, prices[0]);
        Assert.All(prices.Skip(1), price => Assert.Equal(65m, price));
        Assert.Contains("EventSectionPriceChanged", await OutboxTypesAsync(eventId));
    }

    [SkippableFact]
    public async Task Another_organizer_cannot_change_or_cancel_the_event_nor_read_its_sales()
    {
        var eventId = await DraftedEventAsync();
        await Organizer.DataAsync(Publish, new { id = eventId });
        var other = scene.ClientFor(scene.OtherOrganizer);

        var update = (await other.DataAsync<UpdateData>(UpdateEvent, new { input = new { eventId, name = "Mine now" } })).UpdateEvent;
        var cancel = await other.DataAsync(Cancel, new { id = eventId });
        var sales = await other.ErrorCodesAsync(Sales, new { id = eventId });

        Assert.Equal(["NotAuthorizedError"], update.Errors!.Select(e => e.Typename));
        Assert.Equal("NotAuthorizedError", cancel.GetProperty("cancelEvent").GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal([FieldAuthorization.NotAuthorizedCode], sales);
        Assert.Equal("Spring Gala", await scene.InDatabaseAsync(db => db.Events.Where(e => e.Id == Key(eventId)).Select(e => e.Name).SingleAsync()));
    }

    [SkippableFact]
    public async Task A_cancelled_event_takes_no_reservations_and_the_outbox_hears_of_it()
    {
        var eventId = await DraftedEventAsync();
        await Organizer.DataAsync(Publish, new { id = eventId });

        var cancelled = await Organizer.DataAsync(Cancel, new { id = eventId });

        Assert.Equal("CANCELLED", cancelled.GetProperty("cancelEvent").GetProperty("event").GetProperty("status").GetString());
        var seat = await scene.InDatabaseAsync(db => db.EventSeats.Where(s => s.EventId == Key(eventId)).Select(s => s.SeatId).FirstAsync());
        var reserve = await scene.ClientFor(scene.Attendee).DataAsync("mutation($e: ID!, $s: [ID!]!) { reserveSeats(input: { eventId: $e, seatIds: $s }) { errors { __typename } } }",
            new { e = eventId, s = new[] { GlobalId.Encode("Seat", seat) } });
        Assert.Equal("EventNotOnSaleError", reserve.GetProperty("reserveSeats").GetProperty("errors")[0].GetProperty("__typename").GetString());
        var statuses = await scene.InDatabaseAsync(db => db.OutboxMessages.Where(m => m.AggregateId == Key(eventId).ToString(CultureInfo.InvariantCulture) && m.Type == "EventStatusChanged").Select(m => m.Payload).ToListAsync());
        Assert.Contains((int)TicketMaster.Events.EventStatus.Cancelled, statuses.Select(p => JsonDocument.Parse(p).RootElement.GetProperty("to").GetInt32()));
    }

    [SkippableFact]
    public async Task Paused_sales_refuse_reservations_until_the_organizer_resumes_them()
    {
        var eventId = await DraftedEventAsync();
        await Organizer.DataAsync(Publish, new { id = eventId });
        var seat = await scene.InDatabaseAsync(db => db.EventSeats.Where(s => s.EventId == Key(eventId)).Select(s => s.SeatId).FirstAsync());
        const string Reserve = "mutation($e: ID!, $s: [ID!]!) { reserveSeats(input: { eventId: $e, seatIds: $s }) { errors { __typename } } }";
        var buyer = scene.ClientFor(scene.Attendee);

        var paused = await Organizer.DataAsync("mutation($id: ID!) { pauseSales(input: { eventId: $id }) { event { status } errors { __typename } } }", new { id = eventId });
        var refused = await buyer.DataAsync(Reserve, new { e = eventId, s = new[] { GlobalId.Encode("Seat", seat) } });
        var foreign = await scene.ClientFor(scene.OtherOrganizer).DataAsync("mutation($id: ID!) { resumeSales(input: { eventId: $id }) { errors { __typename } } }", new { id = eventId });
        var resumed = await Organizer.DataAsync("mutation($id: ID!) { resumeSales(input: { eventId: $id }) { event { status } errors { __typename } } }", new { id = eventId });
        var accepted = await buyer.DataAsync(Reserve, new { e = eventId, s = new[] { GlobalId.Encode("Seat", seat) } });

        Assert.Equal("SALES_PAUSED", paused.GetProperty("pauseSales").GetProperty("event").GetProperty("status").GetString());
        Assert.Equal("EventNotOnSaleError", refused.GetProperty("reserveSeats").GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal("NotAuthorizedError", foreign.GetProperty("resumeSales").GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal("ON_SALE", resumed.GetProperty("resumeSales").GetProperty("event").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, accepted.GetProperty("reserveSeats").GetProperty("errors").ValueKind);
    }

    [SkippableTheory]
    [InlineData("pauseSales", "SalesStoppedError")]
    [InlineData("cancelEvent", "ReservationNotActiveError")] // cancelling released the hold
    public async Task A_hold_placed_before_sales_stopped_cannot_be_paid_for_and_nothing_is_charged(string stop, string error)
    {
        var (eventId, reservationId) = await HeldSeatAsync();
        await Organizer.DataAsync($"mutation($id: ID!) {{ {stop}(input: {{ eventId: $id }}) {{ errors {{ __typename }} }} }}", new { id = eventId });

        var confirm = await scene.ClientFor(scene.Attendee).DataAsync(
            "mutation($input: ConfirmReservationInput!) { confirmReservation(input: $input) { order { id } errors { __typename ... on SalesStoppedError { eventStatus } } } }",
            new { input = new { reservationId, paymentToken = "tok_visa", idempotencyKey = Guid.NewGuid().ToString() } });

        var refused = confirm.GetProperty("confirmReservation").GetProperty("errors")[0];
        Assert.Equal(error, refused.GetProperty("__typename").GetString());
        if (refused.TryGetProperty("eventStatus", out var eventStatus))
        {
            Assert.Equal("SALES_PAUSED", eventStatus.GetString());
        }

        var hold = HoldKey(reservationId);
        Assert.False(await scene.InDatabaseAsync(db => db.Payments.AnyAsync(p => p.HoldId == hold)));
        Assert.False(await scene.InDatabaseAsync(db => db.Orders.AnyAsync(o => o.HoldId == hold)));
    }

    [SkippableFact]
    public async Task A_charge_that_completes_after_the_event_was_cancelled_is_refunded_in_full_and_makes_no_order()
    {
        var (eventId, reservationId) = await HeldSeatAsync();
        using var scope = scene.Api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketMasterDbContext>();
        var gateway = scope.ServiceProvider.GetRequiredService<IPaymentGateway>();
        var hold = await db.Holds.AsNoTracking().SingleAsync(h => h.Id == HoldKey(reservationId));
        var now = DateTime.UtcNow;
        var payment = Payment.Start(hold.Id, hold.UserId, hold.Total, gateway.Name, "late-charge", "tok_visa", now, now.AddMinutes(1));
        db.Payments.Add(payment);
        await db.SaveChangesAsync();

        // The buyer's charge is under way when the organizer cancels; the processor then says it went through.
        var charged = await gateway.ChargeAsync(new ChargeRequest("tok_visa", payment.Amount, payment.ProcessorKey, "late charge"), CancellationToken.None);
        await Organizer.DataAsync(Cancel, new { id = eventId });
        var settled = await scope.ServiceProvider.GetRequiredService<SettlePayment>().SettleAsync(payment.Id, charged, CancellationToken.None);

        Assert.IsType<ChargeResult.Succeeded>(charged);
        Assert.Equal(PaymentStatus.Refunded, settled.Status);
        var refunds = await scene.InDatabaseAsync(d => d.Refunds.Where(r => r.PaymentId == payment.Id).ToListAsync());
        Assert.Equal(payment.Amount, Assert.Single(refunds).Amount);
        Assert.False(await scene.InDatabaseAsync(d => d.Orders.AnyAsync(o => o.HoldId == hold.Id)));
    }

    [SkippableFact]
    public async Task Cancelling_refunds_every_paid_order_in_full_once_releases_holds_and_a_rerun_finishes_a_cancellation_that_died()
    {
        var eventId = await DraftedEventAsync();
        await Organizer.DataAsync(Publish, new { id = eventId });
        var seats = await scene.InDatabaseAsync(db => db.EventSeats.Where(s => s.EventId == Key(eventId)).OrderBy(s => s.SeatId).Select(s => s.SeatId).Take(4).ToListAsync());
        var buyer = scene.ClientFor(scene.Attendee);
        await BuyAsync(buyer, eventId, seats[0]);
        await BuyAsync(buyer, eventId, seats[1], seats[2]);
        var pending = HoldKey(await ReserveAsync(buyer, eventId, seats[3]));

        // A cancellation that died right after committing the status: nothing refunded yet.
        await scene.InDatabaseAsync(db => db.Events.Where(e => e.Id == Key(eventId)).ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, TicketMaster.Events.EventStatus.Cancelled)));
        var first = await Organizer.DataAsync(Cancel, new { id = eventId });
        var again = await Organizer.DataAsync(Cancel, new { id = eventId });
        var anonymous = await scene.Anonymous.ErrorCodesAsync(Cancel, new { id = eventId });
        var attendee = await buyer.DataAsync(Cancel, new { id = eventId });

        Assert.Equal("CANCELLED", first.GetProperty("cancelEvent").GetProperty("event").GetProperty("status").GetString());
        Assert.Equal("CANCELLED", again.GetProperty("cancelEvent").GetProperty("event").GetProperty("status").GetString());
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous);
        Assert.Equal("NotAuthorizedError", attendee.GetProperty("cancelEvent").GetProperty("errors")[0].GetProperty("__typename").GetString());
        var key = Key(eventId);
        var tickets = await scene.InDatabaseAsync(db => db.Orders.Where(o => o.EventId == key).SelectMany(o => o.Tickets).Select(t => t.Status).ToListAsync());
        Assert.Equal(3, tickets.Count);
        Assert.All(tickets, status => Assert.Equal(TicketStatus.Refunded, status));
        var refunds = await scene.InDatabaseAsync(db => db.Refunds.Where(r => db.Orders.Any(o => o.Id == r.OrderId && o.EventId == key)).Select(r => r.Amount.Amount).ToListAsync());
        Assert.Equal([55m, 110m], refunds.Order());
        Assert.Equal(HoldStatus.Released, await scene.InDatabaseAsync(db => db.Holds.Where(h => h.Id == pending).Select(h => h.Status).SingleAsync()));
        Assert.Equal(0m, await LedgerAsync(eventId));
    }

    [SkippableFact]
    public async Task The_background_pass_refunds_orders_of_an_event_whose_cancellation_died_before_refunding()
    {
        var eventId = await DraftedEventAsync();
        await Organizer.DataAsync(Publish, new { id = eventId });
        var seat = await scene.InDatabaseAsync(db => db.EventSeats.Where(s => s.EventId == Key(eventId)).OrderBy(s => s.SeatId).Select(s => s.SeatId).FirstAsync());
        await BuyAsync(scene.ClientFor(scene.Attendee), eventId, seat);
        await scene.InDatabaseAsync(db => db.Events.Where(e => e.Id == Key(eventId)).ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, TicketMaster.Events.EventStatus.Cancelled)));

        // What CancellationRefundsJob runs, for every cancelled event; a second pass finds nothing left.
        using var scope = scene.Api.Services.CreateScope();
        var pass = scope.ServiceProvider.GetRequiredService<TicketMaster.Events.RefundCancelledEvents>();
        while (await pass.ExecuteAsync(null, 200, CancellationToken.None) > 0)
        {
        }

        var key = Key(eventId);
        Assert.Equal([TicketStatus.Refunded], await scene.InDatabaseAsync(db => db.Orders.Where(o => o.EventId == key).SelectMany(o => o.Tickets).Select(t => t.Status).ToListAsync()));
        Assert.Equal(1, await scene.InDatabaseAsync(db => db.Refunds.CountAsync(r => db.Orders.Any(o => o.Id == r.OrderId && o.EventId == key))));
        Assert.Equal(0m, await LedgerAsync(eventId));
    }

    [SkippableFact]
    public async Task The_events_per_order_limit_refuses_a_bigger_reservation_with_the_limit_and_holds_nothing()
    {
        var eventId = await DraftedEventAsync();
        await Organizer.DataAsync(Publish, new { id = eventId });
        var seats = await scene.InDatabaseAsync(db => db.EventSeats.Where(s => s.EventId == Key(eventId)).OrderBy(s => s.SeatId).Select(s => s.SeatId).Take(5).ToListAsync());
        var buyer = scene.ClientFor(scene.Attendee);
        const string Errors = "errors { __typename ... on TooManySeatsError { requested limit } }";

        var chosen = await buyer.DataAsync($"mutation($e: ID!, $s: [ID!]!) {{ reserveSeats(input: {{ eventId: $e, seatIds: $s }}) {{ {Errors} }} }}",
            new { e = eventId, s = seats.Select(seat => GlobalId.Encode("Seat", seat)).ToArray() });
        var best = await buyer.DataAsync($"mutation($e: ID!) {{ reserveBestAvailable(input: {{ eventId: $e, quantity: 5 }}) {{ {Errors} }} }}", new { e = eventId });
        var four = await ReserveAsync(buyer, eventId, [.. seats.Take(4)]);

        foreach (var refused in new[] { chosen.GetProperty("reserveSeats"), best.GetProperty("reserveBestAvailable") })
        {
            var error = refused.GetProperty("errors")[0];
            Assert.Equal(("TooManySeatsError", 5, 4), (error.GetProperty("__typename").GetString(), error.GetProperty("requested").GetInt32(), error.GetProperty("limit").GetInt32()));
        }

        Assert.NotNull(four);
        Assert.Equal(1, await scene.InDatabaseAsync(db => db.Holds.CountAsync(h => h.EventId == Key(eventId))));
    }

    [SkippableFact]
    public async Task The_organizer_lists_their_own_events_drafts_included_and_reads_sales()
    {
        var eventId = await DraftedEventAsync();

        var mine = await Organizer.DataAsync<MyEventsData>("{ myEvents(first: 50) { nodes { id status } } }");
        var others = await scene.ClientFor(scene.OtherOrganizer).DataAsync<MyEventsData>("{ myEvents(first: 50) { nodes { id status } } }");
        var sales = (await Organizer.DataAsync<SalesData>(Sales, new { id = eventId })).EventById.Sales;

        Assert.Contains(new MyEvent(eventId, "DRAFT"), mine.MyEvents.Nodes);
        Assert.DoesNotContain(others.MyEvents.Nodes, e => e.Id == eventId);
        Assert.Equal(new SalesView(0, 0, 15, 0, new MoneyView(0m, "EUR")), sales);
        Assert.Equal([FieldAuthorization.NotAuthorizedCode], await scene.ClientFor(scene.Attendee).ErrorCodesAsync("{ myEvents(first: 5) { nodes { id } } }"));
    }

    private GraphQLClient Organizer => scene.ClientFor(scene.Organizer);

    private static DraftInput Draft(string venueId, IReadOnlyDictionary<string, string> sections, string? performer) => new(
        venueId, "Spring Gala", "CONCERT", "2027-03-06T19:30", "EUR",
        [new { sectionId = sections["Stalls"], price = new { amount = 55.0m, currency = "EUR" } }, new { sectionId = sections["Balcony"], price = new { amount = 30.0m, currency = "EUR" } }],
        "An evening of strings.", "2027-03-06T22:00", "2027-03-06T18:30", null, performer is null ? [] : [performer], 4, 8);

    private async Task<string> DraftedEventAsync()
    {
        var (venueId, sections) = await LaidOutVenueAsync();
        var created = (await Organizer.DataAsync<CreateData>(CreateEvent, new { input = Draft(venueId, sections, null) })).CreateEvent;
        return created.Event?.Id ?? throw new InvalidOperationException(created.Errors?[0].Message);
    }

    /// <summary>A published event with one Stalls seat held by the attendee: the event's id and the reservation's.</summary>
    private async Task<(string EventId, string ReservationId)> HeldSeatAsync()
    {
        var eventId = await DraftedEventAsync();
        await Organizer.DataAsync(Publish, new { id = eventId });
        var seat = await scene.InDatabaseAsync(db => db.EventSeats.Where(s => s.EventId == Key(eventId)).Select(s => s.SeatId).FirstAsync());
        var held = await scene.ClientFor(scene.Attendee).DataAsync(
            "mutation($e: ID!, $s: [ID!]!) { reserveSeats(input: { eventId: $e, seatIds: $s }) { reservation { id } } }",
            new { e = eventId, s = new[] { GlobalId.Encode("Seat", seat) } });
        return (eventId, held.GetProperty("reserveSeats").GetProperty("reservation").GetProperty("id").GetString()!);
    }

    private static async Task<string> ReserveAsync(GraphQLClient buyer, string eventId, params int[] seats)
    {
        var held = await buyer.DataAsync(
            "mutation($e: ID!, $s: [ID!]!) { reserveSeats(input: { eventId: $e, seatIds: $s }) { reservation { id } } }",
            new { e = eventId, s = seats.Select(seat => GlobalId.Encode("Seat", seat)).ToArray() });
        return held.GetProperty("reserveSeats").GetProperty("reservation").GetProperty("id").GetString()!;
    }

    private static async Task BuyAsync(GraphQLClient buyer, string eventId, params int[] seats)
    {
        var reservationId = await ReserveAsync(buyer, eventId, seats);
        var confirmed = await buyer.DataAsync(
            "mutation($input: ConfirmReservationInput!) { confirmReservation(input: $input) { order { id } errors { __typename } } }",
            new { input = new { reservationId, paymentToken = "tok_visa", idempotencyKey = Guid.NewGuid().ToString() } });
        Assert.Equal(JsonValueKind.Null, confirmed.GetProperty("confirmReservation").GetProperty("errors").ValueKind);
    }

    /// <summary>
    /// Money taken for the event's orders, minus money given back, minus the price of its valid tickets, in SQL:
    /// 0 when the books balance. (Stated as a comparison so both databases answer an integer.)
    /// </summary>
    private Task<decimal> LedgerAsync(string eventId)
    {
        var key = Key(eventId);
        return scene.InDatabaseAsync(async db => (decimal)await db.Database.SqlQuery<int>($"""
            SELECT CASE WHEN ABS(
                (SELECT COALESCE(SUM(p.amount), 0) FROM payments p JOIN orders o ON o.payment_id = p.id WHERE o.event_id = {key})
              - (SELECT COALESCE(SUM(r.amount), 0) FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.event_id = {key})
              - (SELECT COALESCE(SUM(t.amount), 0) FROM tickets t JOIN orders o ON o.id = t.order_id WHERE o.event_id = {key} AND t.status = 'Valid')) < 0.005
              THEN 0 ELSE 1 END AS "Value"
            """).SingleAsync());
    }

    private static Guid HoldKey(string id) =>
        GlobalId.TryDecode(id, out _, out var key) ? Guid.Parse(key) : throw new ArgumentException(id);

    private async Task<string> OpenVenueAsync()
    {
        var input = new { name = GraphQLClient.UniqueName("Hall "), address = "1 Test Street", city = "Berlin", country = "DE", latitude = 52.5, longitude = 13.4, timeZone = "Europe/Berlin" };
        var created = await scene.ClientFor(scene.Manager).DataAsync("mutation($input: CreateVenueInput!) { createVenue(input: $input) { venue { id } } }", new { input });
        return created.GetProperty("createVenue").GetProperty("venue").GetProperty("id").GetString()!;
    }

    /// <summary>Stalls (2 rows of 5) and Balcony (1 row of 5), with their section ids by name.</summary>
    private async Task<(string VenueId, IReadOnlyDictionary<string, string> Sections)> LaidOutVenueAsync()
    {
        var venueId = await OpenVenueAsync();
        var sections = new object[]
        {
            new { name = "Stalls", block = new { rowLabels = new[] { "A", "B" }, seatsPerRow = 5, x = -1.0, y = 2.0 } },
            new { name = "Balcony", block = new { rowLabels = new[] { "A" }, seatsPerRow = 5, x = -1.0, y = 10.0 } },
        };
        var laid = await scene.ClientFor(scene.Manager).DataAsync(
            "mutation($input: LayOutSeatMapInput!) { layOutSeatMap(input: $input) { venue { sections { id name } } } }", new { input = new { venueId, sections } });
        var ids = laid.GetProperty("layOutSeatMap").GetProperty("venue").GetProperty("sections").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("id").GetString()!);
        return (venueId, ids);
    }

    private async Task<string> PerformerAsync()
    {
        var created = await Organizer.DataAsync("mutation { createPerformer(input: { name: \"Nova Quartet\", genre: \"Classical\" }) { performer { id } } }");
        return created.GetProperty("createPerformer").GetProperty("performer").GetProperty("id").GetString()!;
    }

    private Task<int> EventCountAsync(string venueId) => scene.InDatabaseAsync(db => db.Events.CountAsync(e => e.VenueId == Key(venueId)));

    private Task<List<string>> OutboxTypesAsync(string eventId) =>
        scene.InDatabaseAsync(db => db.OutboxMessages.Where(m => m.AggregateId == Key(eventId).ToString(CultureInfo.InvariantCulture)).Select(m => m.Type).ToListAsync());

    private static int Key(string id) =>
        GlobalId.TryDecode(id, out _, out var key) ? int.Parse(key, CultureInfo.InvariantCulture) : throw new ArgumentException(id);

    private sealed record DraftInput(
        string venueId, string name, string category, string startsAt, string currency, object[] prices, string? description, string? endsAt,
        string? doorsAt, string? onSaleAt, string[] performerIds, int? maxTicketsPerOrder, int? maxTicketsPerAccount);

    private sealed record CreateData(CreatedPayload CreateEvent);

    private sealed record CreatedPayload(CreatedEvent? Event, IReadOnlyList<EventError>? Errors);

    private sealed record CreatedEvent(
        string Id, string Name, string Status, string Category, DateTime StartsAt, DateTime? EndsAt, DateTime? DoorsAt, DateTime? OnSaleAt,
        int? MaxTicketsPerOrder, int? MaxTicketsPerAccount, IReadOnlyList<NamedPerformer> Performers, PriceRangeView PriceRange);

    private sealed record UpdateData(EventPayload UpdateEvent);

    private sealed record EventPayload(EventView? Event, IReadOnlyList<EventError>? Errors);

    private sealed record EventView(string Id, string Name, string Status, string Category, DateTime StartsAt);

    private sealed record NamedPerformer(string Name);

    private sealed record PriceRangeView(MoneyView Min, AmountView Max);

    private sealed record AmountView(decimal Amount);

    private sealed record MoneyView(decimal Amount, string Currency);

    private sealed record EventError(
        [property: JsonPropertyName("__typename")] string Typename, string Code, string Message, IReadOnlyList<string>? SectionNames = null, string? Field = null, string? Status = null);

    private sealed record MyEventsData(Connection<MyEvent> MyEvents);

    private sealed record MyEvent(string Id, string Status);

    private sealed record SalesData(SalesEvent EventById);

    private sealed record SalesEvent(SalesView Sales);

    private sealed record SalesView(int Sold, int Held, int Available, int Orders, MoneyView Revenue);
}

public sealed class EventLifecycleOnSqlite(SellingOnSqlite scene) : EventLifecycleTests(scene), IClassFixture<SellingOnSqlite>;

public sealed class EventLifecycleOnMariaDb(SellingOnMariaDb scene) : EventLifecycleTests(scene), IClassFixture<SellingOnMariaDb>;
