using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using TicketMaster.Events;
using TicketMaster.Orders;

namespace TicketMaster.Api.Events;

/// <summary>
/// Finishes cancellations a crash or a failed refund left half done: releases holds and refunds paid
/// orders of every cancelled event (<see cref="RefundCancelledEvents"/>). Re-running is harmless: what
/// is finished is no longer found, and refund keys keep the processor from paying twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CancellationRefundsJob(RefundCancelledEvents refunds, ILogger<CancellationRefundsJob> logger) : IJob
{
    private const int Batch = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var done = await refunds.ExecuteAsync(null, Batch, cancellationToken);
        if (done > 0)
        {
            logger.LogInformation("Released or refunded {Count} holds and orders of cancelled events", done);
        }
    }
}

public static class CancellationRefunds
{
    /// <summary>The setting: how often the job looks for unfinished cancellations; zero turns it off.</summary>
    public const string IntervalSetting = "Events:CancellationRefundInterval";

    /// <summary>Registers the refund use cases, and runs <see cref="CancellationRefundsJob"/> every <c>Events:CancellationRefundInterval</c> (default 1 minute).</summary>
    public static IServiceCollection AddCancellationRefunds(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddScoped<RefundOrder>();
        services.TryAddScoped<RefundCancelledEvents>();
        var interval = configuration.GetValue<TimeSpan?>(IntervalSetting) ?? TimeSpan.FromMinutes(1);
        return services.AddIntervalJob<CancellationRefundsJob>("cancellation-refunds", interval);
    }
}
