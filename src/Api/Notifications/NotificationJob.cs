using Quartz;
using TicketMaster.Notifications;

namespace TicketMaster.Api.Notifications;

/// <summary>
/// Plans notifications from the outbox, then delivers what is due. Not concurrent within an
/// instance; across instances the deduplication key and the delivery leases keep it to one send.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NotificationJob(PlanNotifications plan, PlanReminders reminders, PlanRefundNotices refunds, DeliverNotifications deliver, ILogger<NotificationJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var planned = await plan.ExecuteAsync(cancellationToken) + await reminders.ExecuteAsync(cancellationToken) + await refunds.ExecuteAsync(cancellationToken);
        var sent = await deliver.ExecuteAsync(cancellationToken);
        if (planned + sent > 0)
        {
            logger.LogInformation("Planned {Planned} notifications, sent {Sent}", planned, sent);
        }
    }
}

public static class NotificationPipeline
{
    /// <summary>The channels, and <see cref="NotificationJob"/> every <c>Notifications:Interval</c>; zero turns the job off.</summary>
    public static IServiceCollection AddNotificationPipeline(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddTicketMasterNotifications(configuration, contentRoot);
        var interval = configuration.GetSection(NotificationOptions.SectionName).Get<NotificationOptions>()?.Interval ?? new NotificationOptions().Interval;
        services.AddScoped<PlanNotifications>();
        services.AddScoped<PlanReminders>();
        services.AddScoped<PlanRefundNotices>();
        services.AddScoped<DeliverNotifications>();

        // Off (zero) in a test that counts SQL statements, or where another instance sends.
        return services.AddIntervalJob<NotificationJob>("notifications", interval);
    }
}
