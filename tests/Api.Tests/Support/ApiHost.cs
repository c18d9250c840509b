using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace TicketMaster.Api.Tests.Support;

/// <summary>
/// The real Api on Kestrel at a free loopback port, configured like an operator would
/// (configuration keys only), reached over real HTTP.
/// </summary>
public sealed class ApiHost : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;
    private readonly string? _indexPath;

    private ApiHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services, string environment)
    {
        // Every Api gets a search index folder of its own unless the test names one.
        if (!settings.ContainsKey("Search:IndexPath"))
        {
            _indexPath = Directory.CreateTempSubdirectory("tm-api-index-").FullName;
            settings = new Dictionary<string, string?>(settings) { ["Search:IndexPath"] = _indexPath };
        }

        // Outside Development the Api refuses to start without a signing key, as an operator's would.
        if (!settings.ContainsKey("Auth:SigningKey"))
        {
            settings = new Dictionary<string, string?>(settings) { ["Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) };
        }

        // Tests send far more from one address than a person would; the rate limits' own tests turn them on.
        if (!settings.ContainsKey("FrontDoor:RateLimits:Enabled"))
        {
            settings = new Dictionary<string, string?>(settings) { ["FrontDoor:RateLimits:Enabled"] = "false" };
        }

        _settings = settings;
        _services = services;
        _environment = environment;
        // Kestrel on a free loopback port, chosen through configuration when the host is built: asking the factory
        // for a port (UseKestrel(0)) rewrites the server's addresses after the build, racing the app's own start
        // when its database initialization is quick ("Addresses cannot be modified after the server has started").
        UseKestrel();
    }

    /// <param name="services">Extra registrations, for what a test must observe (e.g. a SQL command counter).</param>
    /// <param name="environment">The hosting environment; Development also validates every registration on build.</param>
    public static async Task<ApiHost> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null, string environment = "Production")
    {
        var host = new ApiHost(settings, services, environment);
        await Task.Run(host.StartServer);
        return host;
    }

    public HttpClient CreateHttpClient() => CreateClient();

    /// <summary>Where Kestrel listens, e.g. <c>http://127.0.0.1:41234/</c>, for clients outside this process.</summary>
    public Uri ServerAddress
    {
        get
        {
            using var client = CreateClient();
            return client.BaseAddress!;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_indexPath is not null)
        {
            Directory.Delete(_indexPath, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
