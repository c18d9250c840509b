using System.Security.Cryptography;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Tests.Payments;

/// <summary>
/// The real Api as a process of its own (the build next to these tests), configured through environment
/// variables as an operator would, so a test can <c>kill -9</c> it (<see cref="Kill"/>) mid-request.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly ServerProcess _process;
    private readonly string _indexDirectory;

    private ApiProcess(ServerProcess process, Uri baseAddress, string indexDirectory)
    {
        _process = process;
        _indexDirectory = indexDirectory;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Client = new GraphQLClient(Http);
    }

    public HttpClient Http { get; }

    public GraphQLClient Client { get; }

    /// <summary>A key every instance of one test shares, so a token issued by one is honoured by the others.</summary>
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static async Task<ApiProcess> StartAsync(TestDatabase database, string signingKey, IReadOnlyDictionary<string, string> settings)
    {
        var dll = ApiAssembly();
        var port = ServerProcess.FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var indexDirectory = Directory.CreateTempSubdirectory("tm-crash-index-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DemoData__Size"] = "None",
            ["Auth__SigningKey"] = signingKey,
            ["Database__Provider"] = database.Provider.ToString(),
            ["Database__ServerVersion"] = database.Options.ServerVersion ?? "",
            [$"ConnectionStrings__{DatabaseOptions.ConnectionStringName}"] = database.ConnectionString,

            // Search is not under test, and instances must not share a Lucene directory's write lock.
            ["Indexer__RunInApi"] = "false",
            ["Search__IndexPath"] = indexDirectory,
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var process = new ServerProcess("dotnet", [dll, "--urls", baseAddress.ToString().TrimEnd('/')], environment, Path.GetDirectoryName(dll));
        var api = new ApiProcess(process, baseAddress, indexDirectory);
        await process.WaitUntilReadyAsync("the Api", async () =>
        {
            try
            {
                using var response = await api.Http.GetAsync("healthz");
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60));
        return api;
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown hooks, requests in flight just end.</summary>
    public void Kill() => _process.Kill();

    public void Dispose()
    {
        _process.Dispose();
        Http.Dispose();
        Directory.Delete(_indexDirectory, recursive: true);
    }

    /// <summary>src/Api's build in the same configuration as these tests (a project reference, so it is built first).</summary>
    private static string ApiAssembly()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(Repository.Root, "src", "Api", "bin", configuration, "net10.0", "TicketMaster.Api.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"No Api build at {dll}; build src/Api first.");
    }
}
