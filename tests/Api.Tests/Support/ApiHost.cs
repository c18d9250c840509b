using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TicketMaster.Api.Tests.Support;

/// <summary>
/// The real Api on Kestrel at a free loopback port, configured like an operator would
/// (configuration keys only), reached over real HTTP.
/// </summary>
public sealed class ApiHost : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private ApiHost(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    public static async Task<ApiHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var host = new ApiHost(settings);
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
