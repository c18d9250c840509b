namespace TicketMaster.Api.FrontDoor;

/// <summary>Settings under <c>GraphQL:Cors</c>.</summary>
public sealed class CorsOptions
{
    public const string SectionName = "GraphQL:Cors";

    /// <summary>Origins whose pages may call the Api from a browser, e.g. <c>https://shop.example.com</c>; none by default.</summary>
    public string[] Origins { get; set; } = [];

    /// <summary>How long a browser may reuse a preflight's answer.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// What every response carries whoever serves it: CORS for the configured origins (tokens travel in
/// <c>Authorization</c>, never cookies, so no credentials mode) and security headers that cost a
/// JSON Api nothing and close off sniffing, framing and referrer leaks.
/// </summary>
public static class FrontDoorServices
{
    public static IServiceCollection AddFrontDoor(this IServiceCollection services, IConfiguration configuration)
    {
        var cors = configuration.GetSection(CorsOptions.SectionName).Get<CorsOptions>() ?? new CorsOptions();
        if (cors.Origins.Length > 0)
        {
            services.AddCors(options => options.AddDefaultPolicy(policy => policy
                .WithOrigins(cors.Origins)
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders("Authorization", "Content-Type", "Accept", "If-None-Match")
                .WithExposedHeaders("ETag", "Retry-After")
                .SetPreflightMaxAge(cors.PreflightMaxAge)));
        }

        return services;
    }

    /// <summary>First in the pipeline, so even the IDE's files and a 404 get the headers.</summary>
    public static WebApplication UseFrontDoor(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";

            // Only framing is restricted: the IDE under /graphql/ runs its own scripts.
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            return next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        if (app.Services.GetService<Microsoft.AspNetCore.Cors.Infrastructure.ICorsService>() is not null)
        {
            app.UseCors();
        }

        return app;
    }
}
