using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Api.Users;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Organizers;

/// <summary>
/// The real Api on its own database of either provider, with the selling side's people: two
/// organizers, two venue managers, an admin and an attendee. Shared by a test class (a class
/// fixture); each test opens its own venues and events, so tests do not see each other's changes.
/// </summary>
public abstract class SellingScene(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private ApiHost? _api;
    private SkipException? _unavailable;

    public ApiHost Api => _unavailable is not null ? throw _unavailable : _api!;

    public User Organizer { get; private set; } = null!;

    public User OtherOrganizer { get; private set; } = null!;

    public User Manager { get; private set; } = null!;

    public User OtherManager { get; private set; } = null!;

    public User Admin { get; private set; } = null!;

    public User Attendee { get; private set; } = null!;

    public GraphQLClient Anonymous => new(Api.CreateHttpClient());

    public async Task InitializeAsync()
    {
        try
        {
            _database = await TestDatabase.CreateAsync(provider, "selling");
        }
        catch (SkipException skip)
        {
            _unavailable = skip;
            return;
        }

        await using (var db = _database.CreateContext())
        {
            (Organizer, OtherOrganizer) = (TestData.User("olga", Role.Organizer), TestData.User("otto", Role.Organizer));
            (Manager, OtherManager) = (TestData.User("vera", Role.VenueManager), TestData.User("mara", Role.VenueManager));
            (Admin, Attendee) = (TestData.User("ada", Role.Admin), TestData.User("luna"));
            db.Users.AddRange(Organizer, OtherOrganizer, Manager, OtherManager, Admin, Attendee);
            await db.SaveChangesAsync();
        }

        _api = await ApiHost.StartAsync(new Dictionary<string, string?>(_database.AppSettings) { ["DemoData:Size"] = "None", ["Events:OnSaleInterval"] = "00:00:01" });
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public GraphQLClient ClientFor(User user) => Anonymous.WithToken(Api.Services.GetRequiredService<AccessTokens>().Issue(user).Token);

    public async Task<T> InDatabaseAsync<T>(Func<TicketMasterDbContext, Task<T>> read)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TicketMasterDbContext>());
    }
}

public sealed class SellingOnSqlite() : SellingScene(DatabaseProvider.Sqlite);

public sealed class SellingOnMariaDb() : SellingScene(DatabaseProvider.MySql);
