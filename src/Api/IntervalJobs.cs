using Quartz;

namespace TicketMaster.Api;

/// <summary>
/// The Api's background jobs all run one way: every <c>interval</c> from start, one run at a time, and not at all
/// when the interval is zero (a test that counts SQL statements or asserts a quiet database, or another process
/// doing the work).
/// </summary>
public static class IntervalJobs
{
    public static IServiceCollection AddIntervalJob<TJob>(this IServiceCollection services, string identity, TimeSpan interval)
        where TJob : IJob
    {
        if (interval <= TimeSpan.Zero)
        {
            return services;
        }

        services.AddQuartz(quartz => quartz.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(identity).StartNow().WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever()),
            job => job.WithIdentity(identity)));
        services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
        return services;
    }
}
