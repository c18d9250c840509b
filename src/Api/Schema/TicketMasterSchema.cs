using GraphQL.Types;
using TicketMaster.Api.Booking;
using TicketMaster.GraphQL;
using TicketMaster.GraphQL.Authorization;
using TicketMaster.GraphQL.Caching;
using TicketMaster.GraphQL.Mutations;
using TicketMaster.GraphQL.Relay;
using TicketMaster.GraphQL.Scalars;

namespace TicketMaster.Api.Schema;

/// <summary>The one schema. Features contribute root fields to <see cref="QueryType"/>, <see cref="MutationType"/> and <see cref="SubscriptionType"/>.</summary>
public sealed class TicketMasterSchema : global::GraphQL.Types.Schema
{
    public TicketMasterSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription, IEnumerable<NodeResolver> nodes)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;

        // The mutations' error unions name their error types; each is derived from its exception once.
        var nodeTypes = nodes.Select(node => node.TypeName).ToHashSet();
        foreach (var exception in mutation.DeclaredErrors())
        {
            var errorType = new ExceptionErrorType(exception, nodeTypes);
            errorType.AddSeatFields();
            RegisterType(errorType);
        }

        // Enums that error fields expose by their CLR type, mapped to the schema's own enum types.
        RegisterTypeMapping(typeof(global::TicketMaster.Booking.HoldStatus), typeof(Api.Booking.ReservationStatusType));
        RegisterTypeMapping(typeof(global::TicketMaster.Events.EventStatus), typeof(Api.Events.EventStatusType));
        RegisterTypeMapping(typeof(global::TicketMaster.Orders.TicketStatus), typeof(Api.Booking.TicketStatusType));

        // Amounts in errors (PaymentRefundedError.amount) are Money, as everywhere else.
        RegisterTypeMapping(typeof(global::TicketMaster.Common.Money), typeof(Api.Booking.MoneyType));
        RegisterTypeMapping(typeof(global::TicketMaster.Notifications.NotificationStatus), typeof(Api.Notifications.NotificationStatusType));
        RegisterTypeMapping(typeof(global::TicketMaster.OrganizerWebhooks.WebhookEventType), typeof(Api.OrganizerWebhooks.WebhookEventTypeType));
        RegisterVisitor(new AuthorizeFieldsVisitor());
        Directives.Register(new CacheControlDirective());
        this.RegisterDescribedScalars();
        this.RegisterCostDirectives();
    }
}
