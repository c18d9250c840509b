using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace TicketMaster.GraphQL.Caching;

/// <summary>Settings under <c>GraphQL:ResponseCache</c>.</summary>
public sealed class ResponseCacheOptions
{
    public const string SectionName = "GraphQL:ResponseCache";

    /// <summary>Keep public GET answers in the server's output cache (in memory, per instance).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Memory</c> (per instance) or <c>Redis</c> (shared by every Api instance; <c>ConnectionStrings:Redis</c>).</summary>
    public string Store { get; set; } = "Memory";

    /// <summary>How often the outbox is read for changes that evict cached answers; zero stops the reading (entries then live their <c>maxAge</c>).</summary>
    public TimeSpan EvictionInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// The server-side cache of public GET operations (ASP.NET output caching): the answer a CDN would
/// keep, kept by the Api too, for exactly the <c>max-age</c> the response's own
/// <see cref="HttpCaching"/> headers give it. Entries are tagged with the schema types they show, and
/// the outbox evicts a tag when that kind of thing changes.
/// </summary>
public sealed class ResponseCachePolicy(TimeProvider clock) : IOutputCachePolicy
{
    public const string Name = "graphql-public-get";

    private long _aliveUntilTicks;

    /// <summary>When the last entry stored so far expires: until then, changes must be looked for.</summary>
    public DateTimeOffset AliveUntil => new(Interlocked.Read(ref _aliveUntilTicks), TimeSpan.Zero);

    /// <summary>The tag of entries that show objects of <paramref name="typeName"/>, evicted when such an object changes.</summary>
    public static string TagOf(string typeName) => "type:" + typeName;

    /// <summary>Tags an entry with the object types its operation reads; <see cref="HttpCaching"/> calls it.</summary>
    public static void Tag(HttpContext http, IEnumerable<string> typeNames)
    {
        if (http.Features.Get<IOutputCacheFeature>() is { } feature)
        {
            feature.Context.Tags.UnionWith(typeNames.Select(TagOf));
        }
    }

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;

        // Signed-in answers are private; the IDE, the SDL and streams are not operations.
        var eligible = HttpMethods.IsGet(request.Method)
            && request.Headers.Authorization.Count == 0
            && !request.Query.ContainsKey("sdl")
            && !context.HttpContext.WebSockets.IsWebSocketRequest
            && !request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true);
        context.EnableOutputCaching = eligible;
        context.AllowCacheLookup = eligible;
        context.AllowCacheStorage = eligible;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = "Accept";

        // Answers do not depend on the host name, and instances behind a balancer answer to several.
        context.CacheVaryByRules.VaryByHost = false;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode == StatusCodes.Status200OK
            && CacheControlHeaderValue.TryParse(response.Headers.CacheControl.ToString(), out var cacheControl)
            && cacheControl is { Public: true, MaxAge: { } maxAge } && maxAge > TimeSpan.Zero)
        {
            context.ResponseExpirationTimeSpan = maxAge;
            var expires = (clock.GetUtcNow() + maxAge).UtcTicks;
            long seen;
            while ((seen = Interlocked.Read(ref _aliveUntilTicks)) < expires && Interlocked.CompareExchange(ref _aliveUntilTicks, expires, seen) != seen)
            {
                // Another request moved it; read again.
            }
        }
        else
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

public static class ResponseCacheServices
{
    public static IServiceCollection AddGraphQLResponseCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ResponseCacheOptions>().BindConfiguration(ResponseCacheOptions.SectionName);
        if (configuration.GetSection(ResponseCacheOptions.SectionName).Get<ResponseCacheOptions>()?.Enabled ?? true)
        {
            services.AddSingleton(provider => new ResponseCachePolicy(provider.GetService<TimeProvider>() ?? TimeProvider.System));
            services.AddOutputCache();
            services.AddOptions<OutputCacheOptions>().Configure<ResponseCachePolicy>((cache, policy) => cache.AddPolicy(ResponseCachePolicy.Name, policy));
        }

        return services;
    }

    /// <summary>The middleware, when the cache is on; the endpoint names the policy (<see cref="GraphQLEndpointCaching"/>).</summary>
    public static IApplicationBuilder UseGraphQLResponseCache(this IApplicationBuilder app) =>
        app.ApplicationServices.GetService<IOutputCacheStore>() is null ? app : app.UseOutputCache();
}

public static class GraphQLEndpointCaching
{
    public static TBuilder WithGraphQLResponseCache<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.CacheOutput(ResponseCachePolicy.Name);
}
