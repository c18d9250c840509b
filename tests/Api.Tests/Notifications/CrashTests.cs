using System.Reflection;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Support;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Notifications;

namespace TicketMaster.Api.Tests.Notifications;

/// <summary>kill -9 of the Api between "the SMTP server has the message" and "the Api recorded it as sent".</summary>
public sealed class CrashTests(CrashScene scene) : IClassFixture<CrashScene>
{
    [SkippableFact]
    public async Task A_sender_killed_mid_send_loses_no_email_and_the_one_resent_is_the_same_message()
    {
        var (buyer, _) = await scene.BuyAsync(scene.MainEventId);
        var orderId = GlobalId.DecodeGuid((await buyer.DataAsync<OrdersData>("{ myOrders(first: 1) { nodes { id } } }")).MyOrders.Nodes[0].Id, "Order");
        var sending = new Dictionary<string, string?> { ["Notifications:Interval"] = "00:00:00.100" };

        using (var doomed = await StartProcessAsync(scene.Settings(sending)))
        {
            await scene.Smtp.WaitForAsync(1, TimeSpan.FromSeconds(60));
            doomed.Kill();
        }

        var email = await EmailAsync(orderId);
        Assert.Equal((NotificationStatus.Pending, 0), (email.Status, email.Attempts));

        await using var survivor = await scene.StartApiAsync(sending);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((email = await EmailAsync(orderId)).Status != NotificationStatus.Sent)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The email was not resent within 60 s: {email.Status}, {email.LastError}.");
            await Task.Delay(100);
        }

        var copies = scene.Smtp.Messages.Where(m => m.TextBody?.Contains($"Booking ID: {orderId}") == true).ToList();
        Assert.NotEmpty(copies);
        Assert.Equal([$"{email.Id:N}@ticketmaster"], copies.Select(m => m.MessageId).Distinct());
        Assert.Equal(1, email.Attempts);
    }

    private Task<Notification> EmailAsync(Guid orderId) =>
        scene.InDatabaseAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Subject == orderId.ToString() && n.Channel == NotificationChannel.Email));

    /// <summary>The Api as a process of its own (so it can be killed), configured like the scene's.</summary>
    private static async Task<ServerProcess> StartProcessAsync(Dictionary<string, string?> settings)
    {
        var configuration = typeof(CrashTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(Repository.Root, "src", "Api", "bin", configuration, "net10.0", "TicketMaster.Api.dll");
        var port = ServerProcess.FreePort();
        var environment = settings.Where(s => s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Auth__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        environment["Indexer__RunInApi"] = "false";
        environment["Search__IndexPath"] = Path.Combine(settings["Database:DataDirectory"]!, "index");
        var process = new ServerProcess("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"], environment, Path.GetDirectoryName(dll));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
        await process.WaitUntilReadyAsync("the Api", async () =>
        {
            try
            {
                using var response = await http.GetAsync("healthz");
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromMinutes(1));
        return process;
    }

    private sealed record OrdersData(Connection<Node> MyOrders);
}
