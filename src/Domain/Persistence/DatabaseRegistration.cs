using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TicketMaster.Persistence;

/// <summary>The one place that knows which database provider is in use.</summary>
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

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        options.Provider switch
        {
            DatabaseProvider.MySql => builder.UseMySql(
                WithoutResetOnOpen(options.ConnectionString),
                ServerVersion.Parse(options.ServerVersion),
                mySql => mySql
                    .MigrationsAssembly(typeof(TicketMasterDbContext).Assembly.FullName)

                    // Deadlocks (1213) and lock-wait timeouts (1205) retry the whole unit of work.
                    .EnableRetryOnFailure(5, TimeSpan.FromMilliseconds(500), [1213, 1205])

                    // `ids.Contains(x)` becomes IN (1, 2, 3), which InnoDB answers from the index,
                    // rather than a JSON_TABLE join the optimizer may not.
                    .TranslateParameterizedCollectionsToConstants()),
            DatabaseProvider.Sqlite => builder.UseSqlite(options.ConnectionString),
            _ => throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'."),
        };
}
