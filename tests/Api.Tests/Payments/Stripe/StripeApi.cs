using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Api.Webhooks;
using TicketMaster.Payments;
using TicketMaster.Payments.Stripe;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Payments.Stripe;

/// <summary>
/// The real Api configured for Stripe (<c>Payments:Provider=Stripe</c>, pointed at the stand-in), whose
/// webhooks the stand-in delivers to <c>/webhooks/stripe</c> over HTTP; notices are recorded.
/// </summary>
public abstract class StripeApi(DatabaseProvider provider, bool recordNotices = true) : IAsyncLifetime
{
    public const string WebhookSecret = "whsec_standin_api";

    private ApiHost? _api;
    private TestDatabase? _database;
    private StripeStandIn? _stripe;
    private SkipException? _unavailable;

    internal StripeStandIn Stripe => _unavailable is { } skip ? throw skip : _stripe!;

    internal RecordingPaymentNotices Notices { get; } = new();

    /// <summary>The gateway the Api resolved from its configuration: the one its use cases charge with.</summary>
    public IPaymentGateway Gateway => _unavailable is { } skip ? throw skip : _api!.Services.GetRequiredService<IPaymentGateway>();

    public Uri WebhookUrl => new(_api!.ServerAddress, StripeWebhookEndpoint.Path);

    internal static IReadOnlyDictionary<string, string?> Settings(TestDatabase database, StripeStandIn stripe) => new Dictionary<string, string?>(database.AppSettings)
    {
        ["DemoData:Size"] = "None",
        ["Payments:Provider"] = "Stripe",
        ["Payments:Stripe:SecretKey"] = StripeStandIn.SecretKey,
        ["Payments:Stripe:WebhookSecret"] = WebhookSecret,
        ["Payments:Stripe:ApiBase"] = stripe.ApiBase.ToString(),
        ["Payments:Stripe:RequestTimeout"] = "00:00:02",
        ["Payments:Stripe:MaxNetworkRetries"] = "0",
        // The reconciler would also settle what these tests expect webhooks or the buyer's request to settle.
        ["Booking:ReconcileInterval"] = "00:00:00",
    };

    public async Task InitializeAsync()
    {
        try
        {
            _database = await TestDatabase.CreateAsync(provider, "stripe");
        }
        catch (SkipException skip)
        {
            _unavailable = skip;
            return;
        }

        await SeedAsync(_database);
        _stripe = await StripeStandIn.StartAsync();
        _stripe.WebhookSecret = WebhookSecret;
        // Recording replaces the settlement use case; without it the Api settles notices itself.
        _api = await ApiHost.StartAsync(Settings(_database, _stripe), services =>
        {
            if (recordNotices)
            {
                services.AddSingleton<IPaymentNotices>(Notices);
            }
        });
        _stripe.WebhookUrl = WebhookUrl;
    }

    public const string EventName = "Stripe Night";

    public GraphQLClient Client => _unavailable is { } skip ? throw skip : new(_api!.CreateHttpClient());

    public async Task<List<string>> ProcessedEventIdsAsync()
    {
        await using var db = _database!.CreateContext();
        return await db.Set<ProcessedStripeEvent>().Select(e => e.Id).ToListAsync();
    }

    /// <summary>The price of the valid tickets, in SQL: with <see cref="StripeStandIn.Kept"/>, ADR 0015's ledger.</summary>
    public async Task<decimal> ValidTicketsTotalAsync()
    {
        await using var db = _database!.CreateContext();
        return await db.Database.SqlQueryRaw<decimal>("SELECT COALESCE(SUM(amount), 0) AS Value FROM tickets WHERE status = 'Valid'").SingleAsync();
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_stripe is not null)
        {
            await _stripe.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>One event on sale, Stalls at 80 and Circle at 50 EUR, for buyers paying through Stripe.</summary>
    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var organizer = TestData.User("stripe-organizer", Role.Organizer);
        var venue = TestData.Venue(rows: 2, seatsPerRow: 6);
        db.AddRange(organizer, venue);
        await db.SaveChangesAsync();
        var show = TestData.Event(venue, organizer.Id, name: EventName);
        show.PutOnSale();
        db.Add(show);
        await db.SaveChangesAsync();
        await BulkInserter.InsertAsync(db, show.CreateInventory(venue), CancellationToken.None);
    }
}

public sealed class SqliteStripeApi() : StripeApi(DatabaseProvider.Sqlite);

public sealed class MariaDbStripeApi() : StripeApi(DatabaseProvider.MySql);

public sealed class SqliteSettlingStripeApi() : StripeApi(DatabaseProvider.Sqlite, recordNotices: false);

public sealed class MariaDbSettlingStripeApi() : StripeApi(DatabaseProvider.MySql, recordNotices: false);
