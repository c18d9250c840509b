using GraphQL;
using GraphQL.Types;
using TicketMaster.Api.Booking;
using TicketMaster.Api.Events;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Api.Users;
using TicketMaster.Booking;
using TicketMaster.Live;

namespace TicketMaster.Api.Live;

/// <summary>The subscription root fields: live seat maps, live counts for list pages, and the caller's reservations.</summary>
public static class LiveSubscriptions
{
    public static void AddLiveSubscriptions(this ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<SeatAvailabilityChangeType>>("onSeatAvailabilityChanged")
            .Description("Seat changes of one event for live seat maps: first the current version and counts, then one message per change with its seats, their new status and the counts. " +
                         "`version` grows by exactly one per change; when it does not (a slow connection dropped messages, or the server restarted), refetch `Event.seatMap` and carry on. `SeatMap.version` is this same counter.")
            .IdArgument("eventId", EventType.TypeName, "The event whose seat map to follow; an unknown id is an `EVENT_NOT_FOUND` error.")
            .AllowAnonymous()
            .ResolveStreamAsync(async ctx =>
            {
                var eventId = ctx.GetArgument<int>("eventId");
                return await EventStreamAsync(ctx, [eventId]);
            });

        subscription.Field<NonNullGraphType<EventAvailabilityChangeType>>("onEventAvailabilityChanged")
            .Description("Seat counts of several events for list pages: first each event's current counts, then the counts after each change.")
            .IdsArgument("eventIds", EventType.TypeName,
                "The events shown on the page, at most 100 by default (`TOO_MANY_EVENTS` beyond); an unknown id is an `EVENT_NOT_FOUND` error.")
            .AllowAnonymous()
            .ResolveStreamAsync(async ctx =>
            {
                var eventIds = ctx.GetArgument<List<int>>("eventIds").Distinct().ToList();
                var max = ctx.RequestServices!.GetRequiredService<AvailabilityOptions>().MaxEventsPerSubscription;
                if (eventIds.Count > max)
                {
                    throw new ExecutionError($"Watch at most {max} events per subscription.") { Code = "TOO_MANY_EVENTS" };
                }

                return await EventStreamAsync(ctx, eventIds);
            });

        subscription.Field<NonNullGraphType<ReservationChangeType>>("onMyReservationChanged")
            .Description("Your reservations: first each running one (HELD), then each new one, EXPIRING_SOON a minute before it runs out, and EXPIRED, CONFIRMED or RELEASED when it ends. Needs the access token " +
                         "(WebSocket: `connection_init` payload `{ \"Authorization\": \"Bearer …\" }`; SSE: the Authorization header).")
            .Authorize()
            .ResolveStreamAsync(async ctx =>
            {
                var user = ctx.UserId();
                var services = ctx.RequestServices!;
                var bus = services.GetRequiredService<IAvailabilityBus>();
                var clock = services.GetRequiredService<TimeProvider>();
                var options = services.GetRequiredService<AvailabilityOptions>();

                // Subscribed before reading, so nothing committed in between is missed (the feed ignores repeats).
                var changes = await WhileBusReachableAsync(bus.SubscribeToUserAsync(user, ctx.CancellationToken));
                try
                {
                    var running = (await services.GetRequiredService<ReservationQueries>().RunningAsync(user, ctx.CancellationToken))
                        .Select(h => new HoldChange(h.Id, h.UserId, h.EventId, h.Status, h.ExpiresAt, 0))
                        .ToList();
                    var feed = new ReservationFeed(running, changes, clock, options.ExpiringSoonNotice);
                    return (IObservable<object?>)new LiveStream([], [changes], feed.RunAsync);
                }
                catch
                {
                    await changes.DisposeAsync();
                    throw;
                }
            });
    }

    /// <summary>
    /// Subscribes to each event's channel, then reads its version and counts: the first messages. A
    /// message published between subscribing and reading the version is not sent twice.
    /// </summary>
    private static async Task<IObservable<object?>> EventStreamAsync(IResolveFieldContext ctx, IReadOnlyList<int> eventIds)
    {
        var services = ctx.RequestServices!;
        var bus = services.GetRequiredService<IAvailabilityBus>();
        var queries = services.GetRequiredService<LiveQueries>();
        if (await queries.FirstUnknownEventAsync(eventIds, ctx.User, ctx.CancellationToken) is { } missing)
        {
            throw new ExecutionError($"There is no event '{GlobalId.Encode(EventType.TypeName, missing)}'.") { Code = "EVENT_NOT_FOUND" };
        }

        var subscriptions = new List<IBusSubscription<SeatAvailabilityMessage>>();
        try
        {
            foreach (var eventId in eventIds)
            {
                subscriptions.Add(await WhileBusReachableAsync(bus.SubscribeToEventAsync(eventId, ctx.CancellationToken)));
            }

            var versions = new Dictionary<int, long>();
            foreach (var eventId in eventIds)
            {
                versions[eventId] = await WhileBusReachableAsync(bus.CurrentVersionAsync(eventId, ctx.CancellationToken));
            }

            var counts = await queries.CountsAsync(eventIds, ctx.CancellationToken);
            var current = eventIds.Select(id => (object)new SeatAvailabilityMessage(id, versions[id], null, [], SeatStatus.Available, counts.GetValueOrDefault(id, SeatCounts.None))).ToList();
            return new LiveStream(current, subscriptions, (emit, token) => Task.WhenAll(subscriptions.Select(async subscription =>
            {
                await foreach (var message in subscription.Messages.ReadAllAsync(token))
                {
                    if (message.Version > versions[message.EventId])
                    {
                        emit(message);
                    }
                }
            })));
        }
        catch
        {
            foreach (var subscription in subscriptions)
            {
                await subscription.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The bus's transport unreachable (Redis, ADR 0008): a typed error the client retries on.</summary>
    private static async Task<T> WhileBusReachableAsync<T>(ValueTask<T> call)
    {
        try
        {
            return await call;
        }
        catch (LiveUpdatesUnavailableException e)
        {
            throw new ExecutionError(e.Message, e) { Code = "LIVE_UNAVAILABLE" };
        }
    }
}
