using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using TicketMaster.Api.Users;
using TicketMaster.GraphQL.Transport;

namespace TicketMaster.Api.FrontDoor;

/// <summary>
/// ASP.NET's rate limiter in front of <c>/graphql</c> (ADR 0025): a signed-in caller is counted by account
/// (its token is checked first, so a forged one is anonymous), everyone else by the client-address rule
/// every per-address limit shares. Over the limit: 429, <c>Retry-After</c>, one <c>RATE_LIMITED</c> error.
/// </summary>
public static class RateLimits
{
    public const string RateLimited = "RATE_LIMITED";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(options);
        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton<MutationRateLimit>();
        services.AddSingleton<IMutationAdmission>(provider => provider.GetRequiredService<MutationRateLimit>());
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, options));
            limiter.OnRejected = (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
                return WriteRefusalAsync(context.HttpContext, retryAfter, cancellationToken);
            };
        });
        return services;
    }

    /// <summary>After authentication, so the partition can be the account.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<RateLimitOptions>().Enabled)
        {
            app.UseRateLimiter();
        }

        return app;
    }

    /// <summary>The answer of every rate limit: the status, the header and the error a client can act on.</summary>
    public static GraphQLRequestProblem Refusal(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new GraphQLRequestProblem(StatusCodes.Status429TooManyRequests, RateLimited, $"Too many requests; try again in {seconds} seconds.");
    }

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitOptions options)
    {
        // The IDE's files, health checks and webhooks from payment providers are not the public Api.
        if (!http.Request.Path.Equals("/graphql", StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        return Caller.UserIdOf(http.User) is { } account
            ? Window("account|" + account.ToString(CultureInfo.InvariantCulture), options.RequestsPerAccount, options.Window)
            : Window("address|" + ClientAddresses.KeyOf(http.Connection.RemoteIpAddress), options.AnonymousRequestsPerAddress, options.Window);
    }

    internal static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = window,
            QueueLimit = 0,
        });

    private static async ValueTask WriteRefusalAsync(HttpContext http, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var problem = Refusal(http, retryAfter);
        http.Response.StatusCode = problem.StatusCode;
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            errors = new[] { new { message = problem.Message, extensions = new { code = problem.Code } } },
        }, cancellationToken: cancellationToken);
    }
}
