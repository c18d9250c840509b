using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Api.Users;

namespace TicketMaster.Api.Tests.Abuse;

/// <summary>Rows 6, 7 and 10 of issue #20: settings that used to fail quietly.</summary>
public sealed partial class SettingsAbuseTests
{
    private const string Misspelt = "{ evnts { id } }";

    [Theory]
    [InlineData(null)]
    [InlineData("c2hvcnRrZXk=")] // 8 bytes
    [InlineData("c2V0LWEtcmFuZG9tLTMyLWJ5dGUta2V5LWluLXByb2R1Y3Rpb24h")] // docker-compose.yml's old example
    public async Task Row7_the_api_refuses_to_start_in_production_with_a_short_or_example_signing_key_or_none_without_the_key_ring(string? key)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => EmptyApi.StartAsync(new Dictionary<string, string?> { ["Auth:SigningKey"] = key ?? "", ["Auth:KeyRing:Enabled"] = "false" }));

        Assert.Contains("Auth:SigningKey", Flatten(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Row7_development_without_a_key_still_starts_with_a_key_of_its_own()
    {
        await using var api = await EmptyApi.StartAsync(new Dictionary<string, string?> { ["Auth:SigningKey"] = "" }, environment: "Development");

        using var http = api.Host.CreateHttpClient();
        Assert.True((await http.GetAsync("/healthz")).IsSuccessStatusCode);
    }

    [Fact]
    public void Row7_every_signing_key_written_in_the_repository_is_refused_and_compose_takes_it_from_the_environment()
    {
        var files = new[] { "README.md", "docker-compose.yml", "src/Api/appsettings.json", "src/Api/appsettings.Development.json", "src/Indexer/appsettings.json" }
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Repository.Root, f)));
        var written = files
            .SelectMany(f => File.ReadLines(Path.Combine(Repository.Root, f)))
            .Where(line => line.Contains("SigningKey", StringComparison.Ordinal))
            .SelectMany(line => Base64Literal().Matches(line).Select(m => m.Value))
            .ToList();

        Assert.All(written, key => Assert.NotNull(SigningKeyCheck.Problem(key, isDevelopment: false)));
        Assert.Contains("Auth__SigningKey: ${AUTH_SIGNING_KEY:?", File.ReadAllText(Path.Combine(Repository.Root, "docker-compose.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Row10_production_does_not_suggest_field_names_and_development_does()
    {
        await using var production = await EmptyApi.StartAsync();
        await using var development = await EmptyApi.StartAsync(environment: "Development");

        Assert.DoesNotContain("Did you mean", await ErrorMessageAsync(production, Misspelt), StringComparison.Ordinal);
        Assert.Contains("Did you mean", await ErrorMessageAsync(development, Misspelt), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introspection_answers_by_default_and_can_be_switched_off()
    {
        const string Introspection = "{ __schema { queryType { name } } }";
        await using var open = await EmptyApi.StartAsync();
        await using var closed = await EmptyApi.StartAsync(new Dictionary<string, string?> { ["GraphQL:Introspection"] = "false" });

        Assert.Equal("Query", (await PostAsync(open, Introspection)).GetProperty("data").GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
        Assert.Contains("introspection", await ErrorMessageAsync(closed, Introspection), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Query", (await PostAsync(closed, "{ __typename }")).GetProperty("data").GetProperty("__typename").GetString());
        using var http = closed.Host.CreateHttpClient();
        Assert.False((await http.GetAsync("/graphql?sdl")).Content.Headers.ContentType?.MediaType == "application/graphql");
    }

    [Fact]
    public async Task Row6_the_readmes_production_command_runs_in_production_on_the_address_it_names()
    {
        var command = ReadmeProductionCommand();
        Assert.Contains("--no-launch-profile", command, StringComparison.Ordinal);
        var port = ServerProcess.FreePort();
        var configuration = typeof(SettingsAbuseTests).Assembly.Location.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var runnable = command.Replace("dotnet run", $"dotnet run --no-build -c {configuration}", StringComparison.Ordinal).Replace(":8080", $":{port}", StringComparison.Ordinal);
        var data = Directory.CreateTempSubdirectory("tm-readme-prod-").FullName;
        try
        {
            using var process = new ServerProcess("bash", ["-c", runnable], new Dictionary<string, string>
            {
                // Only what keeps the test off the developer's App_Data: the rest is the README's.
                ["DemoData__Size"] = "None",
                ["Database__DataDirectory"] = data,
                ["Search__IndexPath"] = Path.Combine(data, "index"),
            }, Repository.Root);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
            await process.WaitUntilReadyAsync("the README's production command", async () =>
            {
                try
                {
                    return (await http.GetAsync("healthz")).IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, TimeSpan.FromMinutes(2));

            var answer = await (await http.PostAsJsonAsync("graphql", new { query = Misspelt })).Content.ReadFromJsonAsync<JsonElement>();
            Assert.DoesNotContain("Did you mean", answer.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static string ReadmeProductionCommand()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var block = ShellBlock().Matches(readme).Select(m => m.Groups[1].Value).Single(b => b.Contains("ASPNETCORE_ENVIRONMENT=Production", StringComparison.Ordinal));
        return block.Replace("\\\n", " ", StringComparison.Ordinal).Trim();
    }

    private static async Task<JsonElement> PostAsync(EmptyApi api, string query) => await new GraphQLClient(api.Host.CreateHttpClient()).PostAsync(query);

    private static async Task<string> ErrorMessageAsync(EmptyApi api, string query) =>
        (await PostAsync(api, query)).GetProperty("errors")[0].GetProperty("message").GetString()!;

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Flatten(e.InnerException);

    [GeneratedRegex("[A-Za-z0-9+/]{16,}={0,2}")]
    private static partial Regex Base64Literal();

    [GeneratedRegex("```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
