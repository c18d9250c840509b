using MimeKit;

namespace TicketMaster.Api.Tests.Notifications;

/// <summary>`dotnet run` needs no mail server: a purchase leaves a readable confirmation in App_Data/mail.</summary>
public sealed class PickupDirectoryTests(PickupScene scene) : IClassFixture<PickupScene>
{
    [SkippableFact]
    public async Task Without_an_smtp_host_the_confirmation_is_an_eml_file_with_a_scannable_ticket()
    {
        var (_, tickets) = await scene.BuyAsync(scene.MainEventId);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Directory.Exists(scene.MailDirectory) || Directory.GetFiles(scene.MailDirectory, "*.eml").Length == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "No .eml file within 30 s.");
            await Task.Delay(50);
        }

        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(scene.MailDirectory, "*.eml")));
        var qr = message.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "image/png");
        using var png = new MemoryStream();
        qr.Content!.DecodeTo(png);

        Assert.Equal("Your tickets for Door Night", message.Subject);
        Assert.Contains("@example.com", message.To.ToString());
        Assert.Equal(tickets[0].Code, Tickets.QrDecoding.DecodePng(png.ToArray()));
    }
}
