using TicketMaster.Api.Tests.Tickets;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Tests.OrganizerWebhooks;

/// <summary>The ticket scene with the notification job running fast and a real HTTP receiver for webhooks.</summary>
public abstract class WebhookScene(DatabaseProvider provider) : TicketScene(provider)
{
    public WebhookReceiver Receiver { get; } = WebhookReceiver.Start();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Receiver.Dispose();
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Notifications:Interval"] = "00:00:00.100";
        settings["Notifications:GapWindow"] = "00:00:00";
        settings["Notifications:MaxAttempts"] = "3";
        settings["Notifications:RetryBase"] = "00:00:00.100";

        // The receiver is on loopback over http: what Development allows, and production refuses.
        settings["OrganizerWebhooks:AllowLocalTargets"] = "true";
        settings["OrganizerWebhooks:Timeout"] = "00:00:05";
    }
}

public sealed class SqliteWebhookScene() : WebhookScene(DatabaseProvider.Sqlite);

public sealed class MariaDbWebhookScene() : WebhookScene(DatabaseProvider.MySql);
