using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TicketMaster.Persistence;

/// <summary>The one place that knows which database provider is in use.</summary>
public static class DatabaseRegistration
{
    public static IServiceCollection AddTicketMasterDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        options.DataDirectory ??= Path.Combine(contentRoot, "App_Data");

        services.AddSingleton(options);
        services.AddDbContextPool<TicketMasterDbContext>(builder => Configure(builder, options, connectionString));
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string? connectionString) =>
        options.Provider switch
        {
            DatabaseProvider.MySql => builder.UseMySql(
                connectionString ?? throw new InvalidOperationException(
                    $"Database:Provider is MySql but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set."),
                ServerVersion.Parse(options.ServerVersion),
                mySql => mySql.MigrationsAssembly(typeof(TicketMasterDbContext).Assembly.FullName)),
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString ?? DefaultSqliteConnectionString(options)),
            _ => throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'."),
        };

    private static string DefaultSqliteConnectionString(DatabaseOptions options)
    {
        Directory.CreateDirectory(options.DataDirectory!);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(options.DataDirectory!, "ticketmaster.db"),
            DefaultTimeout = 30,
        }.ToString();
    }
}
