using Microsoft.Extensions.Diagnostics.HealthChecks;
using TicketMaster.Api.Schema;
using TicketMaster.Api.Booking;
using TicketMaster.GraphQL;
using TicketMaster.GraphQL.Transport;
using TicketMaster.Api.Events;
using TicketMaster.Api.Ide;
using TicketMaster.Api.Live;
using TicketMaster.Api.Payments;
using TicketMaster.Api.FrontDoor;
using TicketMaster.Api.Telemetry;
using TicketMaster.Api.Notifications;
using TicketMaster.Api.Users;
using TicketMaster.Api.WaitingRoom;
using TicketMaster.GraphQL.Caching;
using TicketMaster.Api.Webhooks;
using TicketMaster.Booking;
using TicketMaster.DemoData;
using TicketMaster.Indexer.Outbox;
using TicketMaster.Indexer.Search;
using TicketMaster.Payments;
using TicketMaster.Persistence;
using TicketMaster.Tickets;

namespace TicketMaster.Api;

/// <summary>All of the Api's wiring, so Program.cs stays a table of contents.</summary>
public static class ApiServices
{
    public static WebApplicationBuilder AddApiServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTicketMasterDatabase(builder.Environment.ContentRootPath);
        builder.Services.AddTicketMasterBooking();
        builder.Services.AddTicketMasterPayments(builder.Configuration);
        builder.Services.AddTicketSigning(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddNotificationPipeline(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddLiveAvailability(builder.Configuration);
        builder.Services.AddWaitingRoom(builder.Configuration);
        builder.Services.AddExpirySweep(builder.Configuration);
        builder.Services.AddCancellationRefunds(builder.Configuration);
        builder.Services.AddScheduledSales(builder.Configuration);
        builder.Services.AddPaymentReconciliation(builder.Configuration);
        builder.Services.AddSearchIndex(builder.Configuration, builder.Environment.ContentRootPath);
        if (builder.Configuration.GetSection(IndexerOptions.SectionName).Get<IndexerOptions>()?.RunInApi ?? new IndexerOptions().RunInApi)
        {
            // The embedded default: the same Quartz job src/Indexer runs, inside the Api.
            builder.Services.AddOutboxIndexing(builder.Configuration);
        }

        builder.Services.AddTicketMasterAuthentication(builder.Configuration, builder.Environment);
        builder.Services.AddTicketMasterGraphQL(builder.Configuration, builder.Environment);
        builder.Services.AddFrontDoor(builder.Configuration);
        builder.Services.AddRateLimits(builder.Configuration);
        builder.Services.AddTelemetry(builder.Configuration);

        // The reads resolvers call, so graph types only map.
        builder.Services.AddScoped<EventSeatQueries>();
        builder.Services.AddScoped<ReservationQueries>();
        builder.Services.AddScoped<LiveQueries>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TicketMasterDbContext>("database");
        return builder;
    }

    /// <summary>Migrates (MySQL) or creates (SQLite) the schema and seeds demo data into an empty database.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var demoData = app.Configuration.GetSection(DemoDataOptions.SectionName).Get<DemoDataOptions>() ?? new DemoDataOptions();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(demoData, app.Lifetime.ApplicationStopping);
    }

    public static WebApplication MapApiEndpoints(this WebApplication app)
    {
        app.UseFrontDoor();

        // Before the GraphQL endpoint: a browser's GET /graphql becomes the IDE, GraphQL requests pass.
        app.UseBananaCakePop();

        // Healthy only when the database answers; load balancers take an instance out otherwise.
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.UseAuthentication();
        app.UseRateLimits();
        app.UseWebSockets();
        app.UseGraphQLResponseCache();
        app.MapGraphQLEndpoint().WithGraphQLResponseCache();
        app.MapStripeWebhook();
        app.MapSimulatedGateway();
        return app;
    }
}
