using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TicketMaster.Api.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics (ADR 0025), exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set (environment or configuration; the exporter reads the other standard <c>OTEL_*</c> settings, e.g.
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, itself). Without it nothing is registered, so nothing is recorded.
/// </summary>
public static class TelemetryServices
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Every meter of ours is named <c>TicketMaster.*</c> (e.g. <c>TicketMaster.Payments</c>).</summary>
    public const string OurMeters = "TicketMaster.*";

    /// <summary>MySqlConnector reports its commands on this source itself; SQLite has none.</summary>
    public const string MySqlConnectorSource = "MySqlConnector";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[EndpointSetting]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "ticketmaster-api"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource(MySqlConnectorSource)
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(OurMeters)
                .AddOtlpExporter());
        return services;
    }
}
