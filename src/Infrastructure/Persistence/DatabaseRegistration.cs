using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Booking;

namespace TicketMaster.Persistence;

/// <summary>The one place that knows which database provider is in use, and where the context gets its model.</summary>
public static class DatabaseRegistration
{
    /// <remarks>
    /// Options are read when first resolved, not at registration, so configuration layered on
    /// after the builder ran (test hosts, environment overrides) is honoured.
    /// </remarks>
    public static IServiceCollection AddTicketMasterDatabase(this IServiceCollection services, string contentRoot)
    {
        services.AddSingleton(provider => DatabaseOptions.FromConfiguration(provider.GetRequiredService<IConfiguration>(), contentRoot));
        // A factory, because GraphQL resolvers run in parallel and a DbContext is single-threaded:
        // each resolver or batch takes a short-lived context of its own from the pool.
        services.AddPooledDbContextFactory<TicketMasterDbContext>((provider, builder) =>
            Configure(builder, provider.GetRequiredService<DatabaseOptions>()).AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<TicketMasterDbContext>>().CreateDbContext());
        services.AddScoped<DatabaseInitializer>();

        // The booking path's SQL for whichever provider the context uses; stateless, so one for all.
        services.AddSingleton<IBookingStore, BookingSql>();
        services.AddSingleton<TicketMaster.Venues.ISeatMapStore, TicketMaster.Venues.SeatMapSql>();
        return services;
    }

    /// <summary>
    /// MySqlConnector resets a pooled connection's session on every open, a round trip that the
    /// on-sale benchmark measured at ~18% of the Api's CPU samples. We keep no session state (no
    /// user variables, temporary tables or session settings; isolation is set per transaction), so
    /// skip it unless the connection string asks for it explicitly.
    /// </summary>
    private static string WithoutResetOnOpen(string connectionString)
    {
        var builder = new MySqlConnector.MySqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Connection Reset") && !builder.ContainsKey("ConnectionReset"))
        {
            builder.ConnectionReset = false;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// The provider, and the model (<see cref="UseTicketMasterModel(DbContextOptionsBuilder)"/>). Migrations live in this
    /// assembly, not the context's, on both providers (SQLite is created from the model, but asks for them the same way).
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        (options.Provider switch
        {
            DatabaseProvider.MySql => builder.UseMySql(
                WithoutResetOnOpen(options.ConnectionString),
                ServerVersion.Parse(options.ServerVersion),
                mySql => mySql
                    .MigrationsAssembly(MigrationsAssembly)

                    // Deadlocks (1213) and lock-wait timeouts (1205) retry the whole unit of work.
                    .EnableRetryOnFailure(5, TimeSpan.FromMilliseconds(500), [1213, 1205])

                    // `ids.Contains(x)` becomes IN (1, 2, 3), which InnoDB answers from the index,
                    // rather than a JSON_TABLE join the optimizer may not.
                    .TranslateParameterizedCollectionsToConstants()),
            DatabaseProvider.Sqlite => builder.UseSqlite(options.ConnectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly)),
            _ => throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'."),
        }).UseTicketMasterModel();

    /// <summary>
    /// Applies the mapping (<see cref="TicketMasterModelCustomizer"/>) to a context whose options were
    /// built elsewhere, e.g. a test opening an app's SQLite file with <c>UseSqlite</c> alone.
    /// </summary>
    public static DbContextOptionsBuilder UseTicketMasterModel(this DbContextOptionsBuilder builder) =>
        builder.ReplaceService<IModelCustomizer, TicketMasterModelCustomizer>();

    /// <inheritdoc cref="UseTicketMasterModel(DbContextOptionsBuilder)"/>
    public static DbContextOptionsBuilder<TicketMasterDbContext> UseTicketMasterModel(this DbContextOptionsBuilder<TicketMasterDbContext> builder) =>
        builder.ReplaceService<IModelCustomizer, TicketMasterModelCustomizer>();

    private static string MigrationsAssembly => typeof(DatabaseRegistration).Assembly.FullName!;
}
