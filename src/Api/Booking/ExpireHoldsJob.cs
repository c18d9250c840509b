using Quartz;
using TicketMaster.Booking;

namespace TicketMaster.Api.Booking;

/// <summary>
/// The Quartz sweep that ends lapsed holds. Not concurrent within an instance; across instances
/// two sweeps may meet a hold, and the seat locks let exactly one of them end it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ExpireHoldsJob(ExpireHolds expireHolds, BookingOptions options, ILogger<ExpireHoldsJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var expired = await expireHolds.ExecuteAsync(options.ExpirySweepBatchSize, cancellationToken);
        if (expired > 0)
        {
            logger.LogInformation("Expired {Count} lapsed reservations", expired);
        }
    }
}

public static class ExpirySweep
{
    /// <summary>Runs <see cref="ExpireHoldsJob"/> every <c>Booking:ExpirySweepInterval</c>; zero turns it off.</summary>
    public static IServiceCollection AddExpirySweep(this IServiceCollection services, IConfiguration configuration)
    {
        var interval = configuration.GetSection(BookingOptions.SectionName).Get<BookingOptions>()?.ExpirySweepInterval ?? new BookingOptions().ExpirySweepInterval;
        return services.AddIntervalJob<ExpireHoldsJob>("expire-holds", interval);
    }
}
