using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Users;
using TicketMaster.GraphQL.Mutations;
using TicketMaster.Notifications;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Notifications;

public static class NotificationPreferenceFields
{
    /// <summary><c>User.notificationPreferences</c>: the account's own switches (the User type is only visible to its owner and admins).</summary>
    public static void AddNotificationPreferences(this ObjectGraphType<User> user) =>
        user.Field<NonNullGraphType<NotificationPreferencesType>>("notificationPreferences")
            .Description("Which optional messages the account gets, and where. Order confirmations and cancellations are always sent by email and in-app, whatever these say.")
            .ResolveAsync(async ctx =>
            {
                await using var db = await ctx.RequestServices!.GetRequiredService<IDbContextFactory<TicketMasterDbContext>>().CreateDbContextAsync(ctx.CancellationToken);
                return await UpdateNotificationPreferences.OfAsync(db, ctx.Source.Id, ctx.CancellationToken);
            });

    public static void AddNotificationPreferenceMutations(this ObjectGraphType mutation) =>
        mutation.Mutation<UpdateNotificationPreferencesInput, NotificationPreferences>("updateNotificationPreferences")
            .Description("Turns your optional notifications on or off; fields left out keep their value. Transactional messages (order confirmed, event cancelled) cannot be turned off. Applies to messages planned from now on.")
            .Authorize()
            .Returns<NotificationPreferencesType>("notificationPreferences", "Your preferences as they now stand; null when `errors` is set.")
            .Errors(typeof(TicketMaster.Common.InvalidFieldException))
            .Resolve((input, ctx) => ctx.Service<UpdateNotificationPreferences>().ExecuteAsync(ctx.UserId(), input.Email, input.InApp, input.Reminders, ctx.CancellationToken));
}

public sealed class NotificationPreferencesType : ObjectGraphType<NotificationPreferences>
{
    public NotificationPreferencesType()
    {
        Name = "NotificationPreferences";
        Description = "An account's switches for optional notifications; transactional ones are always sent.";
        Field(p => p.Email).Description("Optional messages (reminders) by email.");
        Field(p => p.InApp).Description("Optional messages (reminders) in the app.");
        Field(p => p.Reminders).Description("A reminder the day before each event you hold tickets for, on the channels switched on.");
    }
}

[Description("The switches to change; leave a field out to keep it.")]
public sealed record UpdateNotificationPreferencesInput(
    [property: Description("Optional messages by email.")] bool? Email = null,
    [property: Description("Optional messages in the app.")] bool? InApp = null,
    [property: Description("Reminders the day before an event.")] bool? Reminders = null);
