using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Telemetry;

/// <summary>OpenTelemetry export (ADR 0025): the real Api exports over OTLP/HTTP to a local receiver, and only when told where.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_graphql_request_is_exported_as_a_span_named_by_its_operation_and_metrics_follow()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var api = await EmptyApi.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });
        using var client = api.Host.CreateHttpClient();

        using var response = await client.PostAsync(new Uri("/graphql", UriKind.Relative), new StringContent("{\"query\":\"query BrowseFloor { __typename }\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(
            await OtlpReceiver.ArrivesAsync(receiver.Traces, TimeSpan.FromSeconds(20), "graphql.operation.name", "BrowseFloor", "graphql.operation.type", "ticketmaster-api"),
            "no exported span carried the operation name BrowseFloor");
        Assert.True(
            await OtlpReceiver.ArrivesAsync(receiver.Metrics, TimeSpan.FromSeconds(20), "http.server.request.duration"),
            "no metrics export carried the request duration");
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_nothing_is_recorded()
    {
        await using var api = await EmptyApi.StartAsync();

        Assert.Null(api.Host.Services.GetService<TracerProvider>());
    }
}
