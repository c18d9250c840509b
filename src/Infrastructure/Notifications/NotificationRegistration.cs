using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.OrganizerWebhooks;
using TicketMaster.Persistence;
using TicketMaster.Tickets;

namespace TicketMaster.Notifications;

public static class NotificationRegistration
{
    /// <summary>The pipeline's options and channels: in-app, email by SMTP or to .eml files, and organizers' webhooks.</summary>
    public static IServiceCollection AddTicketMasterNotifications(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var notifications = configuration.GetSection(NotificationOptions.SectionName).Get<NotificationOptions>() ?? new NotificationOptions();
        var mail = configuration.GetSection(MailOptions.SectionName).Get<MailOptions>() ?? new MailOptions();
        var dataDirectory = Path.Combine(contentRoot, configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.DataDirectory ?? "App_Data");
        var pickup = Path.Combine(dataDirectory, mail.PickupDirectory);
        services.AddSingleton(notifications);
        services.AddSingleton(mail);
        services.AddSingleton<INotificationChannel, InAppChannel>();
        services.AddScoped<INotificationChannel>(provider => new EmailChannel(
            provider.GetRequiredService<TicketMasterDbContext>(), provider.GetRequiredService<TicketCodes>(), mail, pickup));
        var webhooks = configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>() ?? new WebhookOptions();
        var webhookClient = WebhookChannel.CreateClient(webhooks);
        services.AddSingleton(webhooks);
        services.AddScoped<INotificationChannel>(provider => new WebhookChannel(
            provider.GetRequiredService<TicketMasterDbContext>(), webhookClient, provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
