using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using TicketMaster.Events;

namespace TicketMaster.Api.Events;

/// <summary>Puts announced events on sale when their <c>onSaleAt</c> comes (<see cref="OpenScheduledSales"/>).</summary>
[DisallowConcurrentExecution]
public sealed class OnSaleJob(OpenScheduledSales open, ILogger<OnSaleJob> logger) : IJob
{
    private const int Batch = 100;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var opened = await open.ExecuteAsync(Batch, cancellationToken);
        if (opened > 0)
        {
            logger.LogInformation("Opened the sales of {Count} announced events", opened);
        }
    }
}

public static class ScheduledSales
{
    /// <summary>The setting: how often the job looks for announced events whose sales open; zero turns it off.</summary>
    public const string IntervalSetting = "Events:OnSaleInterval";

    /// <summary>Runs <see cref="OnSaleJob"/> every <c>Events:OnSaleInterval</c> (default 5 seconds: sales open at most that late).</summary>
    public static IServiceCollection AddScheduledSales(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddScoped<OpenScheduledSales>();
        var interval = configuration.GetValue<TimeSpan?>(IntervalSetting) ?? TimeSpan.FromSeconds(5);
        return services.AddIntervalJob<OnSaleJob>("on-sale", interval);
    }
}
