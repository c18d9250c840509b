using System.Text.Json;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace TicketMaster.Api.Ide;

/// <summary>
/// Banana Cake Pop, the GraphQL IDE, at <c>/graphql/</c>: a browser opening <c>/graphql</c> is
/// redirected there, while GraphQL requests to <c>/graphql</c> (POST, GET with <c>query</c>,
/// <c>?sdl</c>) pass through to the transport untouched.
/// </summary>
public static class BananaCakePop
{
    public const string NotInstalledMessage =
        "Banana Cake Pop is not part of this build: install Node.js (https://nodejs.org) and rebuild the Api, whose build runs npm ci in src/Api/Ide and copies the IDE beside the app.";

    private static readonly PathString Endpoint = new("/graphql");
    private static readonly PathString IdeRoot = new("/graphql/");
    private static readonly PathString ConfigFile = new("/graphql/bcp-config.json");

    // BCP fetches bcp-config.json next to its index.html. The browser's URL (/graphql/, minus the
    // slash) becomes the endpoint, so the IDE works behind any host name or path base.
    private static readonly byte[] Config = JsonSerializer.SerializeToUtf8Bytes(new
    {
        useBrowserUrlAsEndpoint = true,
        disableTelemetry = true,
        title = "TicketMaster",
    });

    public static WebApplication UseBananaCakePop(this WebApplication app)
    {
        var options = app.Configuration.GetSection(IdeOptions.SectionName).Get<IdeOptions>() ?? new IdeOptions();
        if (!options.Enabled)
        {
            return app;
        }

        var root = options.ResolveRoot(app.Environment.ContentRootPath);
        var index = new FileInfo(Path.Combine(root, "index.html"));
        if (!index.Exists)
        {
            app.Logger.LogInformation("Banana Cake Pop not found in {IdeRoot}; /graphql/ explains how to get it", root);
        }

        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if ((!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) || IsGraphQLRequest(request))
            {
                await next(context);
                return;
            }

            if (request.Path.Equals(Endpoint) && AcceptsHtml(request))
            {
                // Relative to the IDE's folder: without the slash BCP would look for its assets and
                // bcp-config.json one level up.
                context.Response.Headers.Vary = HeaderNames.Accept;
                context.Response.Redirect($"{request.PathBase}{IdeRoot}{request.QueryString}", permanent: true);
            }
            else if (request.Path.Equals(IdeRoot))
            {
                await WriteIndexAsync(context, index);
            }
            else if (request.Path.Equals(ConfigFile))
            {
                context.Response.ContentType = "application/json";
                context.Response.Headers.CacheControl = "no-cache";
                await WriteBodyAsync(context, Config);
            }
            else
            {
                await next(context);
            }
        });

        if (index.Exists)
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = Endpoint,
                FileProvider = new PhysicalFileProvider(root),
                ContentTypeProvider = new FileExtensionContentTypeProvider { Mappings = { [".webmanifest"] = "application/manifest+json" } },
                OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                    file.Context.Request.Path.StartsWithSegments("/graphql/static")
                        ? "public, max-age=31536000, immutable" // content-hashed names
                        : "no-cache", // service-worker.js and friends must update with the app
            });
        }

        return app;
    }

    /// <summary>The transport's GET forms: a query (or persisted-query extensions), or the SDL.</summary>
    private static bool IsGraphQLRequest(HttpRequest request) =>
        request.Query.ContainsKey("query") || request.Query.ContainsKey("extensions") || request.Query.ContainsKey("sdl");

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && accept.Quality is not 0);

    private static async Task WriteIndexAsync(HttpContext context, FileInfo index)
    {
        if (!index.Exists)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await WriteBodyAsync(context, System.Text.Encoding.UTF8.GetBytes(NotInstalledMessage));
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        await WriteBodyAsync(context, await File.ReadAllBytesAsync(index.FullName, context.RequestAborted));
    }

    private static async Task WriteBodyAsync(HttpContext context, byte[] body)
    {
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
