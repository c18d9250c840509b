using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Tests.Organizers;
using TicketMaster.Events;
using TicketMaster.Outbox;
using static TicketMaster.Api.Tests.Events.SellingEvents;

namespace TicketMaster.Api.Tests.Events;

/// <summary>
/// An event published with a future onSaleAt is listed at once but sells only from then: reserving
/// before is a typed error naming the time, and the on-sale job opens it on time with an outbox row.
/// </summary>
public abstract class OnSaleScheduleTests(SellingScene scene)
{
    [SkippableFact]
    public async Task An_announced_event_is_browsable_refuses_reservations_with_its_onSaleAt_and_opens_by_itself()
    {
        var opensAt = DateTime.UtcNow.AddSeconds(4);
        var (eventId, seats) = await PublishedAsync(scene, maxTicketsPerAccount: null, onSaleAt: opensAt);
        var buyer = scene.ClientFor(scene.Attendee);

        var listed = await scene.Anonymous.DataAsync("query($id: ID!) { eventById(id: $id) { status onSaleAt } }", new { id = eventId });
        var early = await ReserveAsync(buyer, eventId, seats.Take(2));

        Assert.Equal("ANNOUNCED", listed.GetProperty("eventById").GetProperty("status").GetString());
        Assert.Equal(opensAt, listed.GetProperty("eventById").GetProperty("onSaleAt").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        var error = early.GetProperty("errors")[0];
        Assert.Equal(("EventNotOnSaleError", "ANNOUNCED"), (error.GetProperty("__typename").GetString(), error.GetProperty("status").GetString()));
        Assert.Equal(opensAt, error.GetProperty("onSaleAt").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(JsonValueKind.Null, early.GetProperty("reservation").ValueKind);

        // The job (Events:OnSaleInterval, one second here) opens it; poll for the buyer's view, with a deadline.
        var deadline = Stopwatch.StartNew();
        JsonElement reserved;
        while ((reserved = await ReserveAsync(buyer, eventId, seats.Take(2))).GetProperty("errors").ValueKind != JsonValueKind.Null)
        {
            Assert.Equal("EventNotOnSaleError", reserved.GetProperty("errors")[0].GetProperty("__typename").GetString());
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the announced event never went on sale");
            await Task.Delay(200);
        }

        Assert.True(DateTime.UtcNow >= opensAt.AddMilliseconds(-999), "sales opened before onSaleAt");
        var key = Key(eventId).ToString(CultureInfo.InvariantCulture);
        // Two status changes reach search and live: the publish (announced) and the opening, written once.
        Assert.Equal(2, await scene.InDatabaseAsync(db => db.OutboxMessages.CountAsync(m => m.AggregateId == key && m.Type == OutboxMessageTypes.EventStatusChanged)));
    }

    [SkippableFact]
    public async Task Several_instances_opening_the_same_event_at_once_write_its_status_change_once()
    {
        var (eventId, _) = await PublishedAsync(scene, maxTicketsPerAccount: null, onSaleAt: DateTime.UtcNow.AddDays(1));
        var key = Key(eventId);
        await scene.InDatabaseAsync(db => db.Events.Where(e => e.Id == key).ExecuteUpdateAsync(set => set.SetProperty(e => e.OnSaleAt, DateTime.UtcNow.AddSeconds(-1))));

        // Three passes as three Api instances would run them (the scene's own job may join in too).
        var opened = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            await using var scope = scene.Api.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OpenScheduledSales>().ExecuteAsync(100, CancellationToken.None);
        })));

        Assert.InRange(opened.Sum(), 0, 1);
        Assert.Equal(EventStatus.OnSale, await scene.InDatabaseAsync(db => db.Events.Where(e => e.Id == key).Select(e => e.Status).SingleAsync()));
        var aggregate = key.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(2, await scene.InDatabaseAsync(db => db.OutboxMessages.CountAsync(m => m.AggregateId == aggregate && m.Type == OutboxMessageTypes.EventStatusChanged)));
    }

    [SkippableFact]
    public async Task Publishing_without_onSaleAt_or_with_a_past_one_opens_sales_at_once()
    {
        var (eventId, seats) = await PublishedAsync(scene, maxTicketsPerAccount: null, onSaleAt: DateTime.UtcNow.AddMinutes(-5));

        var reserved = await ReserveAsync(scene.ClientFor(scene.Attendee), eventId, seats.Take(1));

        Assert.Equal(JsonValueKind.Null, reserved.GetProperty("errors").ValueKind);
    }
}

public sealed class OnSaleScheduleOnSqlite(SellingOnSqlite scene) : OnSaleScheduleTests(scene), IClassFixture<SellingOnSqlite>;

public sealed class OnSaleScheduleOnMariaDb(SellingOnMariaDb scene) : OnSaleScheduleTests(scene), IClassFixture<SellingOnMariaDb>;
