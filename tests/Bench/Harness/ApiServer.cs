using TicketMaster.Testing;
using System.Reflection;
using System.Security.Cryptography;

namespace TicketMaster.Bench.Harness;

/// <summary>
/// The real Api as a separate process (<c>dotnet TicketMaster.Api.dll</c>), configured only through
/// environment variables the way an operator would, listening on a free loopback port.
/// </summary>
public sealed class ApiServer : IDisposable
{
    private readonly ServerProcess _process;

    private ApiServer(ServerProcess process, Uri baseAddress, string assemblyPath, string signingKey)
    {
        _process = process;
        BaseAddress = baseAddress;
        AssemblyPath = assemblyPath;
        SigningKey = signingKey;
    }

    /// <summary>The Api's <c>Auth__SigningKey</c>, so the bench can issue the buyers' tokens itself.</summary>
    public string SigningKey { get; }

    public Uri BaseAddress { get; }

    public string AssemblyPath { get; }

    public ServerProcess Process => _process;

    /// <param name="settings">More configuration, as environment variables (<c>Availability__Bus</c>, …).</param>
    public static Task<ApiServer> StartAsync(string? assemblyPath, string connectionString, string serverVersion, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(assemblyPath, new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Database__Provider"] = "MySql",
            ["Database__ServerVersion"] = serverVersion,
            ["ConnectionStrings__TicketMaster"] = connectionString,
        });

    /// <param name="settings">Configuration keys as environment variables (<c>Section__Key</c>), on top of Production, no demo data and a random signing key.</param>
    public static async Task<ApiServer> StartAsync(string? assemblyPath, IReadOnlyDictionary<string, string> settings)
    {
        var dll = assemblyPath ?? DefaultAssemblyPath();
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"No Api build at {dll}; build it (dotnet build -c Release src/Api) or pass --api-dll.");
        }

        var port = ServerProcess.FreePort();
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DemoData__Size"] = "None",
            ["Auth__SigningKey"] = signingKey,

            // A load generator is one address sending far more than any person; it measures the Api, not its limits.
            ["FrontDoor__RateLimits__Enabled"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var process = new ServerProcess("dotnet", [dll, "--urls", baseAddress.ToString().TrimEnd('/')], environment, Path.GetDirectoryName(dll));
        var server = new ApiServer(process, baseAddress, dll, signingKey);
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await process.WaitUntilReadyAsync("the Api", async () =>
        {
            try
            {
                using var response = await http.GetAsync("healthz");
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromMinutes(2));
        return server;
    }

    public void Dispose() => _process.Dispose();

    /// <summary>src/Api/bin/&lt;the bench's own configuration&gt;/net10.0/TicketMaster.Api.dll in the checkout the bench was built from.</summary>
    private static string DefaultAssemblyPath()
    {
        var configuration = typeof(ApiServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        return Path.Combine(RepositoryRoot(), "src", "Api", "bin", configuration, "net10.0", "TicketMaster.Api.dll");
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TicketMaster.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TicketMaster.sln above {AppContext.BaseDirectory}; pass --api-dll.");
    }
}
