using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TicketMaster.Api.Ide;
using TicketMaster.Api.Tests.Support;
using Xunit.Abstractions;

namespace TicketMaster.Api.Tests.Ide;

public sealed partial class BananaCakePopTests(BananaCakePopTests.Fixture empty, ITestOutputHelper output) : IClassFixture<BananaCakePopTests.Fixture>
{
    // Where the Api's build copies the npm package; the test project gets the same copy.
    private static readonly string IdeFiles = Path.Combine(AppContext.BaseDirectory, "BananaCakePop");

    [Fact]
    public async Task A_browser_opening_graphql_is_redirected_permanently_to_the_ide_folder()
    {
        using var client = NotFollowingRedirects(empty.Api.Host);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/graphql/", response.Headers.Location?.OriginalString);
        Assert.Contains("Accept", response.Headers.Vary); // caches must not hand the redirect to API clients
    }

    [Theory]
    [InlineData("GET", "/graphql?query=%7B__typename%7D", "text/html")]
    [InlineData("GET", "/graphql?sdl", "text/html")]
    [InlineData("GET", "/graphql", "application/graphql-response+json, application/json")]
    [InlineData("POST", "/graphql", "text/html")]
    public async Task GraphQL_requests_to_graphql_are_left_to_the_transport(string method, string path, string accept)
    {
        using var client = NotFollowingRedirects(empty.Api.Host);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Accept.ParseAdd(accept);
        if (method == "POST")
        {
            request.Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("<title>Banana Cake Pop</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ide_config_makes_the_browser_url_the_endpoint_and_turns_telemetry_off()
    {
        using var client = empty.Api.Host.CreateHttpClient();

        using var response = await client.GetAsync("/graphql/bcp-config.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var expected = JsonNode.Parse("""{"useBrowserUrlAsEndpoint": true, "disableTelemetry": true, "title": "TicketMaster"}""");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(await response.Content.ReadAsStringAsync())));
    }

    [SkippableFact]
    public async Task The_ide_page_and_its_scripts_are_served_from_the_npm_package()
    {
        RequireIdeFiles();
        using var client = empty.Api.Host.CreateHttpClient();

        using var page = await client.GetAsync("/graphql/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Banana Cake Pop</title>", html, StringComparison.Ordinal);
        var script = MainScript().Match(html);
        Assert.True(script.Success, "index.html references no static/js/main.*.js");
        using var scriptResponse = await client.GetAsync($"/graphql/{script.Groups[1].Value}");
        Assert.Equal(HttpStatusCode.OK, scriptResponse.StatusCode);
        Assert.Equal("text/javascript", scriptResponse.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_the_ide_files_the_ide_page_says_how_to_get_them()
    {
        var emptyIdeDirectory = Directory.CreateTempSubdirectory("tm-no-ide-").FullName;
        try
        {
            await using var api = await EmptyApi.StartAsync(new Dictionary<string, string?> { ["Ide:Path"] = emptyIdeDirectory });
            using var client = api.Host.CreateHttpClient();

            using var response = await client.GetAsync("/graphql/");

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            var sentence = await response.Content.ReadAsStringAsync();
            Assert.Equal(BananaCakePop.NotInstalledMessage, sentence);
            Assert.Contains("install Node.js", sentence, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(emptyIdeDirectory);
        }
    }

    [SkippableFact]
    public async Task In_a_real_browser_the_ide_loads_the_schema_shows_the_result_of_a_query_and_a_seat_reserved_while_subscribed()
    {
        RequireIdeFiles();
        var browserTests = NodeProject.Require("tests/browser");
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        Prerequisites.Require(File.Exists(chromium), $"no Chromium at {chromium}; install it with: apt-get install chromium");

        var dataDirectory = Directory.CreateTempSubdirectory("tm-bcp-").FullName;
        var screenshot = Path.Combine(Path.GetTempPath(), $"tm-bcp-{Guid.NewGuid():N}.png");
        var api = await ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = dataDirectory,
            ["DemoData:Size"] = "Small",
        });
        try
        {
            var baseUrl = api.ServerAddress.ToString().TrimEnd('/');

            var (exitCode, stdout, stderr) = await browserTests.RunAsync("bcp.mjs", [baseUrl, screenshot], TimeSpan.FromMinutes(3));
            output.WriteLine($"bcp.mjs exited {exitCode}; screenshot: {screenshot}\n{stdout}\n{stderr}");

            var verdict = JsonNode.Parse(stdout.Trim().Split('\n')[^1])!;
            Assert.True(verdict["ok"]?.GetValue<bool>(), $"the browser check failed: {verdict.ToJsonString()}\n{stderr}");
            Assert.Equal($"{baseUrl}/graphql/", verdict["landedOn"]?.GetValue<string>());
            Assert.True(verdict["schemaLoaded"]?.GetValue<bool>());
            Assert.Contains($"\"name\": \"{verdict["expectedName"]}\"", verdict["responseText"]?.GetValue<string>(), StringComparison.Ordinal);
            var subscription = verdict["subscription"]!;
            Assert.Contains("\"onSeatAvailabilityChanged\"", subscription["currentShown"]?.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains($"\"seatId\": \"{subscription["seatId"]}\"", subscription["changeShown"]?.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("\"status\": \"HELD\"", subscription["changeShown"]?.GetValue<string>(), StringComparison.Ordinal);
            Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is missing or blank");
            Assert.Equal(0, exitCode);
        }
        finally
        {
            await api.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    // A plain client: on Kestrel the factory's clients follow redirects whatever their options say.
    private static HttpClient NotFollowingRedirects(ApiHost api) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = api.ServerAddress };

    private static void RequireIdeFiles() => Prerequisites.Require(
        File.Exists(Path.Combine(IdeFiles, "index.html")),
        $"Banana Cake Pop is not in {IdeFiles}: node was not on PATH when the Api was built; install Node.js and rebuild");

    [GeneratedRegex("""src="(static/js/main\.[0-9a-f]+\.js)""")]
    private static partial Regex MainScript();

    /// <summary>One Api with an empty database for the HTTP-level tests of this class.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public EmptyApi Api { get; private set; } = null!;

        public async Task InitializeAsync() => Api = await EmptyApi.StartAsync();

        public async Task DisposeAsync() => await Api.DisposeAsync();
    }
}
