using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace TicketMaster.Api.Tests.Telemetry;

/// <summary>
/// A collector's OTLP/HTTP front on a free loopback port: accepts protobuf exports on
/// <c>/v1/traces</c> and <c>/v1/metrics</c> and keeps their bodies for the test to read.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<byte[]> Traces { get; } = new();

    public ConcurrentQueue<byte[]> Metrics { get; } = new();

    public Uri Endpoint => new(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", (HttpRequest request) => KeepAsync(request, receiver.Traces));
        app.MapPost("/v1/metrics", (HttpRequest request) => KeepAsync(request, receiver.Metrics));
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Polls until an export of <paramref name="exports"/> holds every one of <paramref name="texts"/>, or the deadline passes.</summary>
    public static async Task<bool> ArrivesAsync(ConcurrentQueue<byte[]> exports, TimeSpan within, params string[] texts)
    {
        var deadline = DateTime.UtcNow + within;
        do
        {
            if (exports.Any(body => texts.All(text => body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0)))
            {
                return true;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        return false;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<IResult> KeepAsync(HttpRequest request, ConcurrentQueue<byte[]> into)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        into.Enqueue(body.ToArray());
        return Results.Ok();
    }
}
