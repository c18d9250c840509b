using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using TicketMaster.Persistence;
using TicketMaster.Tickets;

namespace TicketMaster.Notifications;

/// <summary>
/// Email by SMTP (<c>Mail:Smtp:Host</c>) or, in the embedded default, as .eml files in the pickup
/// directory. The Message-Id is the notification's id, so a message sent again after a crash
/// between sending and recording it is recognisably the same message (and the same file).
/// </summary>
internal sealed class EmailChannel(TicketMasterDbContext db, TicketCodes codes, MailOptions options, string pickupDirectory) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var to = await db.Users.AsNoTracking().Where(u => u.Id == notification.RecipientId).Select(u => new { u.Username, u.Email }).SingleAsync(cancellationToken);
        var message = new MimeMessage
        {
            MessageId = $"{notification.Id:N}@ticketmaster",
            Subject = notification.Title,
            Body = notification.Kind == NotificationKinds.OrderConfirmed && Guid.TryParse(notification.Subject, out var orderId)
                ? await new OrderConfirmationEmail(db, codes).BodyAsync(orderId, cancellationToken) ?? Plain(notification)
                : Plain(notification),
        };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(new MailboxAddress(to.Username, to.Email));

        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            // Written aside and moved into place, so a reader never sees half a message.
            Directory.CreateDirectory(pickupDirectory);
            var draft = Path.Combine(pickupDirectory, $"{notification.Id:N}.eml.tmp");
            await message.WriteToAsync(draft, cancellationToken);
            File.Move(draft, Path.Combine(pickupDirectory, $"{notification.Id:N}.eml"), overwrite: true);
            return;
        }

        using var smtp = new SmtpClient { Timeout = (int)options.Smtp.Timeout.TotalMilliseconds };
        await smtp.ConnectAsync(options.Smtp.Host, options.Smtp.Port, Enum.Parse<SecureSocketOptions>(options.Smtp.Security, ignoreCase: true), cancellationToken);
        if (!string.IsNullOrEmpty(options.Smtp.UserName))
        {
            await smtp.AuthenticateAsync(options.Smtp.UserName, options.Smtp.Password ?? "", cancellationToken);
        }

        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }

    private static TextPart Plain(Notification notification) => new("plain") { Text = notification.Body };
}
