using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Support;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Notifications;

namespace TicketMaster.Api.Tests.Notifications;

/// <summary>Preferences switch reminders off per channel or altogether; order confirmations are sent regardless.</summary>
public abstract class NotificationPreferenceTests(MailScene scene)
{
    private const string Update = "mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { notificationPreferences { email inApp reminders } errors { __typename } } }";

    [SkippableFact]
    public async Task Reminders_follow_each_buyers_switches_and_the_order_confirmation_is_sent_anyway()
    {
        var eventId = await scene.ScheduleAsync("Prefs ", DateTime.UtcNow.AddHours(3));
        var noReminders = await new GraphQLClient(scene.Api.CreateHttpClient()).SignedInBuyerAsync();
        var noEmail = await new GraphQLClient(scene.Api.CreateHttpClient()).SignedInBuyerAsync();
        await noReminders.DataAsync(Update, new { input = new { reminders = false } });
        var changed = await noEmail.DataAsync(Update, new { input = new { email = false } });
        Assert.Equal((false, true, true), Switches(changed.GetProperty("updateNotificationPreferences").GetProperty("notificationPreferences")));
        Assert.Equal((true, true, false), Switches((await noReminders.DataAsync("{ me { notificationPreferences { email inApp reminders } } }")).GetProperty("me").GetProperty("notificationPreferences")));

        // The one without reminders buys first: the event is not reminded of until a holder wants it.
        await scene.BuyAsync(GlobalId.Encode("Event", eventId), @as: noReminders);
        await scene.BuyAsync(GlobalId.Encode("Event", eventId), @as: noEmail);
        var (skipper, mailless) = (await MailScene.UserIdAsync(noReminders), await MailScene.UserIdAsync(noEmail));

        var subject = eventId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reminders = await MailScene.PollAsync(
            () => scene.InDatabaseAsync(db => db.Notifications.Where(n => n.Kind == NotificationKinds.EventReminder && n.Subject == subject).Select(n => new { n.RecipientId, n.Channel, n.Status }).ToListAsync()),
            rows => rows.Count > 0 && rows.All(r => r.Status == NotificationStatus.Sent));
        var confirmations = await MailScene.PollAsync(
            () => scene.InDatabaseAsync(db => db.Notifications.Where(n => n.Kind == NotificationKinds.OrderConfirmed && n.Channel == NotificationChannel.Email && (n.RecipientId == skipper || n.RecipientId == mailless) && n.Status == NotificationStatus.Sent).Select(n => n.RecipientId).ToListAsync()),
            rows => rows.Count == 2);

        Assert.Equal((mailless, NotificationChannel.InApp), (Assert.Single(reminders).RecipientId, reminders[0].Channel));
        Assert.Equal([skipper, mailless], confirmations.Order());
    }

    [SkippableFact]
    public async Task Preferences_need_a_token_and_at_least_one_switch()
    {
        var buyer = await new GraphQLClient(scene.Api.CreateHttpClient()).SignedInBuyerAsync();

        Assert.Contains("AUTH_NOT_AUTHENTICATED", await scene.Anonymous.ErrorCodesAsync(Update, new { input = new { email = false } }));
        var empty = await buyer.DataAsync(Update, new { input = new { } });

        Assert.Equal("InvalidFieldError", empty.GetProperty("updateNotificationPreferences").GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal((true, true, true), Switches((await buyer.DataAsync("{ me { notificationPreferences { email inApp reminders } } }")).GetProperty("me").GetProperty("notificationPreferences")));
    }

    private static (bool, bool, bool) Switches(System.Text.Json.JsonElement p) =>
        (p.GetProperty("email").GetBoolean(), p.GetProperty("inApp").GetBoolean(), p.GetProperty("reminders").GetBoolean());

}

[Collection(SqliteMailCollection.Name)]
public sealed class NotificationPreferencesOnSqlite(SqliteMailScene scene) : NotificationPreferenceTests(scene);

[Collection(MariaDbMailCollection.Name)]
public sealed class NotificationPreferencesOnMariaDb(MariaDbMailScene scene) : NotificationPreferenceTests(scene);
