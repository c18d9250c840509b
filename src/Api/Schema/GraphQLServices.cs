using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketMaster.GraphQL;
using TicketMaster.Persistence;
using TicketMaster.Api.Booking;
using TicketMaster.GraphQL.Caching;
using TicketMaster.Api.Events;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.GraphQL.Relay;
using TicketMaster.GraphQL.Transport;
using TicketMaster.Api.Live;
using TicketMaster.Api.Performers;
using TicketMaster.Api.Users;
using TicketMaster.Api.Venues;

namespace TicketMaster.Api.Schema;

public static class GraphQLServices
{
    /// <summary>The schema, its graph types and the execution rules every request runs under.</summary>
    public static IServiceCollection AddTicketMasterGraphQL(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var http = configuration.GetSection(GraphQLHttpOptions.SectionName).Get<GraphQLHttpOptions>() ?? new GraphQLHttpOptions();
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<TicketMasterSchema>()
            .AddGraphTypes(typeof(TicketMasterSchema).Assembly)
            .AddGraphTypes(typeof(GraphQL.Mutations.ErrorInterface).Assembly)
            // Relaxed escaping writes non-ASCII text as plain UTF-8 instead of \u escapes; safe because
            // responses are application/json, never embedded in HTML.
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddComplexityAnalyzer(complexity =>
            {
                complexity.MaxDepth = 15;
                complexity.MaxComplexity = 25_000;
                complexity.ValidateComplexityDelegate = GraphQLErrors.CodeComplexityErrorAsync;
                complexity.DefaultComplexityImpactDelegate = IntrospectionComplexity.FreeForIntrospection(complexity.DefaultComplexityImpactDelegate);
            })
            // Each message of a subscription runs in a scope of its own (its DataLoaders, its DbContext);
            // a seat availability message runs once per distinct document and is shared (Live/SharedLiveResults).
            .AddExecutionStrategy<SharedLiveResults>(GraphQLParser.AST.OperationType.Subscription)
            .AddCodedErrors(http.ExposeExceptionDetails, suggestions: environment.IsDevelopment(), isOutage: TicketMaster.Persistence.DatabaseOutage.Is)
            // Per operation, and a cached document may be sent again with another operationName: so on cached documents too.
            .AddValidationRule<GraphQL.Validation.OncePerRequest>(useForCachedDocuments: true)
            .ConfigureExecution<SkipValidationOfValidatedDocuments>()
            // Counts the seats of the sections a request's `seats(sectionId:)` fields name, for their cost.
            .ConfigureExecution((options, next) => options.RequestServices!.GetRequiredService<SectionSizes>().CountThenExecuteAsync(options, next)));

        if (!http.Introspection)
        {
            services.AddGraphQL(graphQL => graphQL.AddValidationRule(global::GraphQL.Validation.Rules.Custom.NoIntrospectionValidationRule.Instance));
        }

        // Every transport parses through IDocumentBuilder, so they all share the cache.
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<SectionSizes>();
        services.Replace(ServiceDescriptor.Singleton<IDocumentBuilder>(provider => provider.GetRequiredService<DocumentCache>()));
        services.AddGraphQLHttpTransport();
        var responseCache = configuration.GetSection(ResponseCacheOptions.SectionName).Get<ResponseCacheOptions>() ?? new ResponseCacheOptions();
        if (responseCache.Enabled)
        {
            services.AddHostedService<Caching.ResponseCacheEviction>();
            if (string.Equals(responseCache.Store, "Redis", StringComparison.OrdinalIgnoreCase))
            {
                // Registered before AddOutputCache, whose in-memory store is only a fallback: every instance shares entries and evictions.
                services.AddStackExchangeRedisOutputCache(redis =>
                {
                    redis.Configuration = configuration.GetConnectionString("Redis")
                        ?? throw new InvalidOperationException("GraphQL:ResponseCache:Store=Redis needs ConnectionStrings:Redis (e.g. redis:6379).");
                    redis.InstanceName = "ticketmaster:graphql:";
                });
            }
        }

        services.AddGraphQLResponseCache(configuration);

        services.AddScoped<DbBatch<TicketMasterDbContext>>();
        services.AddScoped<EventDataLoaders>();
        services.AddScoped<VenueDataLoaders>();
        services.AddScoped<PerformerDataLoaders>();
        services.AddScoped<UserDataLoaders>();
        services.AddScoped<BookingDataLoaders>();
        services.AddScoped<CheckIn.CheckInDataLoaders>();
        services.AddNodeResolver(EventType.TypeName, (ctx, id) => ctx.Loaders<EventDataLoaders>().EventById.Load(id).Then(e => e is not null && e.IsVisibleTo(ctx.User) ? e : null));
        services.AddNodeResolver(VenueType.TypeName, (ctx, id) => ctx.Loaders<VenueDataLoaders>().VenueById.Load(id));
        services.AddNodeResolver(SectionType.TypeName, (ctx, id) => ctx.Loaders<VenueDataLoaders>().SectionById.Load(id));
        services.AddNodeResolver(SeatType.TypeName, (ctx, id) => ctx.Loaders<VenueDataLoaders>().SeatById.Load(id));
        services.AddNodeResolver(PerformerType.TypeName, (ctx, id) => ctx.Loaders<PerformerDataLoaders>().PerformerById.Load(id));
        services.AddNodeResolver(UserType.TypeName, UserQueries.LoadVisibleUser);
        services.AddNodeResolver(ReservationType.TypeName, BookingQueries.LoadOwnReservation);
        services.AddNodeResolver(OrderType.TypeName, BookingQueries.LoadOwnOrder);
        services.AddNodeResolver(TicketType.TypeName, BookingQueries.LoadOwnTicket);
        services.AddNodeResolver(Notifications.NotificationType.TypeName, Notifications.NotificationQueries.LoadVisibleNotification);
        services.AddNodeResolver(OrganizerWebhooks.WebhookEndpointType.TypeName, OrganizerWebhooks.WebhookEndpointFields.LoadVisibleEndpoint);
        services.AddNodeResolver(WaitingRoom.QueueTicketType.TypeName, WaitingRoom.WaitingRoomQueries.LoadOwnTicket);
        return services;
    }
}
