using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics.Metrics;
using TicketMaster.Api.Payments;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Booking;
using TicketMaster.Orders;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Tests.Payments;

/// <summary>Operators see payments in limbo: the health check turns Degraded, the gauges count them, and the reconciler clears them.</summary>
public sealed class PaymentsHealthTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_payment_stuck_past_the_bound_degrades_health_until_the_reconciler_settles_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "payhealth");
        await StuckPaymentAsync(database);

        double inLimbo;
        await using (var off = await ApiHost.StartAsync(new Dictionary<string, string?>(database.AppSettings) { ["DemoData:Size"] = "None", ["Booking:ReconcileInterval"] = "00:00:00" }))
        {
            using var meters = GaugeReader.Start(off.Services.GetRequiredService<IMeterFactory>());
            Assert.Equal("Degraded", await off.CreateHttpClient().GetStringAsync("/healthz"));
            inLimbo = meters.Read("ticketmaster.payments.in_limbo");
        }

        await using var on = await ApiHost.StartAsync(new Dictionary<string, string?>(database.AppSettings) { ["DemoData:Size"] = "None", ["Booking:ReconcileInterval"] = "00:00:00.200" });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string health;
        while ((health = await on.CreateHttpClient().GetStringAsync("/healthz")) != "Healthy" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(1, inLimbo);
        Assert.Equal("Healthy", health);
        await using var db = database.CreateContext();
        Assert.Equal(PaymentStatus.Failed, db.Payments.Single().Status);
    }

    /// <summary>An attempt started an hour ago that never reached the processor and nobody settled.</summary>
    private static async Task StuckPaymentAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var organizer = TestData.User("olga", TicketMaster.Users.Role.Organizer);
        var buyer = TestData.User("luna");
        var venue = TestData.Venue(rows: 1, seatsPerRow: 1);
        db.AddRange(organizer, buyer, venue);
        await db.SaveChangesAsync();
        var show = TestData.Event(venue, organizer.Id);
        show.PutOnSale();
        db.Add(show);
        await db.SaveChangesAsync();
        await BulkInserter.InsertAsync(db, show.CreateInventory(venue), CancellationToken.None);
        var then = DateTime.UtcNow.AddHours(-1);
        var hold = Hold.Place(buyer.Id, show.Id, [venue.AllSeats().First().Id], new Common.Money(80m, "EUR"), then, Hold.DefaultDuration);
        hold.ClearDomainEvents();
        db.AddRange(hold, Payment.Start(hold.Id, buyer.Id, hold.Total, "simulated", "stuck", "tok_visa", then, then.AddSeconds(15)));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Reads one Api's payment gauges the way an exporter would: only its own meters (its IMeterFactory's), since the
    /// other tests' Api hosts in this process publish gauges of the same name.
    /// </summary>
    private sealed class GaugeReader : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, double> _values = [];

        public static GaugeReader Start(IMeterFactory scope)
        {
            var reader = new GaugeReader();
            reader._listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PaymentMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            reader._listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => reader._values[instrument.Name] = value);
            reader._listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => reader._values[instrument.Name] = value);
            reader._listener.Start();
            return reader;
        }

        public double Read(string name)
        {
            _listener.RecordObservableInstruments();
            return _values.TryGetValue(name, out var value) ? value : double.NaN;
        }

        public void Dispose() => _listener.Dispose();
    }
}
