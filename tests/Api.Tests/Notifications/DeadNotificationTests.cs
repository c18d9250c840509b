using System.Text.Json;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Notifications;

/// <summary>A mail server that is down: the email is retried, ends dead, and an admin sends it again.</summary>
public sealed class DeadNotificationTests(MailServerDownScene scene) : IClassFixture<MailServerDownScene>
{
    private const string Dead = "{ deadNotifications { nodes { id kind channel status attempts lastError } } }";

    [SkippableFact]
    public async Task An_email_that_keeps_failing_ends_dead_and_is_delivered_once_an_admin_retries_it()
    {
        var admin = scene.ClientFor(scene.Admin);
        var (buyer, _) = await scene.BuyAsync(scene.MainEventId);

        var dead = await MailScene.PollAsync(async () => (await admin.DataAsync(Dead)).GetProperty("deadNotifications").GetProperty("nodes"), nodes => nodes.GetArrayLength() > 0);
        var email = dead[0];
        Assert.Equal(("OrderConfirmed", "EMAIL", "DEAD", 2), (email.GetProperty("kind").GetString(), email.GetProperty("channel").GetString(), email.GetProperty("status").GetString(), email.GetProperty("attempts").GetInt32()));
        Assert.False(string.IsNullOrEmpty(email.GetProperty("lastError").GetString()));
        Assert.Contains("AUTH_NOT_AUTHORIZED", await buyer.ErrorCodesAsync(Dead));
        const string Retry = "mutation($id: ID!) { retryNotification(input: { notificationId: $id }) { notification { status } errors { __typename } } }";
        var refused = await buyer.DataAsync(Retry, new { id = email.GetProperty("id").GetString() });
        Assert.Equal("NotAuthorizedError", refused.GetProperty("retryNotification").GetProperty("errors")[0].GetProperty("__typename").GetString());

        await scene.StartMailServerAsync();
        var retried = await admin.DataAsync(Retry, new { id = email.GetProperty("id").GetString() });
        var again = await admin.DataAsync(Retry, new { id = email.GetProperty("id").GetString() });

        Assert.Equal("PENDING", retried.GetProperty("retryNotification").GetProperty("notification").GetProperty("status").GetString());
        Assert.Equal("NotificationNotDeadError", again.GetProperty("retryNotification").GetProperty("errors")[0].GetProperty("__typename").GetString());
        var delivered = await scene.Smtp.WaitForAsync(1, TimeSpan.FromSeconds(30));
        Assert.Equal("Your tickets for Door Night", Assert.Single(delivered).Subject);
        Assert.Equal(0, (await admin.DataAsync(Dead)).GetProperty("deadNotifications").GetProperty("nodes").GetArrayLength());
    }

}
