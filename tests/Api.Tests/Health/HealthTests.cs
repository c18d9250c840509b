using System.Net;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Tests.Health;

public sealed class HealthTests
{
    [Fact]
    public async Task With_no_configuration_the_api_creates_a_sqlite_file_seeds_demo_data_and_reports_healthy()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("tm-api-").FullName;
        try
        {
            await using (var api = await ApiHost.StartAsync(new Dictionary<string, string?> { ["Database:DataDirectory"] = dataDirectory }))
            {
                using var client = api.CreateHttpClient();

                var response = await client.GetAsync("/healthz");

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
            }

            var file = Path.Combine(dataDirectory, "ticketmaster.db");
            Assert.True(File.Exists(file));
            var options = new DbContextOptionsBuilder<TicketMasterDbContext>().UseSqlite($"Data Source={file}").UseTicketMasterModel().Options;
            await using var db = new TicketMasterDbContext(options);
            Assert.True(await db.Events.CountAsync() >= 50);
            Assert.True(await db.Venues.AnyAsync(v => v.Sections.SelectMany(s => s.Rows).SelectMany(r => r.Seats).Count() >= 20_000));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task In_Development_like_dotnet_run_every_registration_is_valid_and_the_api_reports_healthy()
    {
        // launchSettings.json runs the README's `dotnet run --project src/Api` in Development, where the
        // host validates every DI registration on build: one that cannot be constructed stops the start.
        var dataDirectory = Directory.CreateTempSubdirectory("tm-api-dev-").FullName;
        try
        {
            await using var api = await ApiHost.StartAsync(
                new Dictionary<string, string?> { ["Database:DataDirectory"] = dataDirectory, ["DemoData:Size"] = "None" },
                environment: "Development");
            using var client = api.CreateHttpClient();

            var response = await client.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [SkippableFact]
    public async Task On_MySql_the_api_migrates_reports_healthy_and_turns_unhealthy_when_the_database_is_gone()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.MySql, "health");
        var settings = new Dictionary<string, string?>(database.AppSettings) { ["DemoData:Size"] = "None" };
        await using var api = await ApiHost.StartAsync(settings);
        using var client = api.CreateHttpClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        await using (var connection = new MySqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await new MySqlCommand($"DROP DATABASE `{connection.Database}`", connection).ExecuteNonQueryAsync();
        }

        MySqlConnection.ClearAllPools();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}
